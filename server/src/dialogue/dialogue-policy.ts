import type { DialogueKind } from '@infraforum/shared';
import { canManageWebinar, canReadContent, type ContentTarget, type ContentViewer } from '../common/access-policy.js';
import type { WebinarAccessRow } from './dialogue.repository.js';

/**
 * Who may do what with a webinar's dialogue, built on the access policy's content rules: reading follows the
 * webinar; answering also needs a login, a published webinar and an open question; everything else is KOMBIT's
 * moderators' (`canManageWebinar`), who also see which municipality an anonymous answer came from.
 */

export function webinarTarget(row: WebinarAccessRow): ContentTarget {
  return {
    authorId: row.content_author_id,
    organizationId: row.content_organization_id,
    status: row.content_status,
    visibility: row.content_visibility,
    locked: row.content_locked,
    kind: row.content_kind,
    deleted: row.content_deleted_at !== null,
  };
}

export function canReadDialogue(viewer: ContentViewer | undefined, webinar: WebinarAccessRow): boolean {
  return webinar.content_kind === 'webinar' && canReadContent(viewer, webinarTarget(webinar));
}

export function canAnswerDialogue(
  viewer: ContentViewer | undefined,
  webinar: WebinarAccessRow,
  question: { open: boolean; kind: DialogueKind },
): boolean {
  return !!viewer && canReadDialogue(viewer, webinar) && webinar.content_status === 'published' && question.open;
}

export const canManageDialogue = (viewer: ContentViewer | undefined): boolean => canManageWebinar(viewer);

/** The municipality behind an anonymous answer (never the person): for abuse handling only. */
export const canSeeAnswerOrigin = (viewer: ContentViewer | undefined): boolean => canManageWebinar(viewer);
