import { contentPath, type ContentDetail, type ContentSummary, type Reply, type Revision } from '@infraforum/shared';
import { canVoteOnContent, type ContentViewer } from '../common/access-policy.js';
import { contentTarget } from './content-targets.js';
import { visibleAttributes } from '../webinars/attribute-privacy.js';
import type { ContentDetailRow, ContentRow, ReplyRow } from './content.repository.js';

const iso = (date: Date): string => date.toISOString();

/** `viewer` decides which attributes are shown (a suggester's contact details are opt-in); none given = anonymous. */
export function toContentSummary(row: ContentRow, viewer?: ContentViewer): ContentSummary {
  const id = Number(row.id);
  const organization = { code: row.organization_code, name: row.organization_name };
  return {
    id,
    kind: row.kind,
    slug: row.slug,
    path: contentPath({ kind: row.kind, id, slug: row.slug }),
    title: row.title,
    summary: row.summary,
    status: row.status,
    visibility: row.visibility,
    tags: row.tags,
    components: row.components,
    author: row.author_name === null ? null : { name: row.author_name, title: row.author_title, organization },
    organization,
    attributes: visibleAttributes(row.kind, row.attributes, viewer, row.author_id),
    score: row.score,
    replyCount: row.reply_count,
    solved: row.accepted_reply_id !== null,
    locked: row.locked,
    myVote: row.my_vote ?? 0,
    canVote: canVoteOnContent(viewer, contentTarget(row)),
    registrationCount: row.registration_count ?? null,
    hostOrganizations: row.host_organizations ?? [],
    workingOnCount: row.working_on_count ?? null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    lastActivityAt: iso(row.last_activity_at),
  };
}

export function toReply(
  row: ReplyRow,
  acceptedReplyId: string | null,
  viewerId: string | null,
  permissions: Reply['permissions'],
  /** Moderators see why a reply was hidden, as its author does. */
  moderatorView = false,
): Reply {
  const mine = viewerId !== null && row.author_id === viewerId;
  return {
    id: Number(row.id),
    contentId: Number(row.content_id),
    body: row.body,
    bodyHtml: row.body_html,
    author:
      row.author_name === null
        ? null
        : { name: row.author_name, title: row.author_title, organization: { code: row.organization_code, name: row.organization_name } },
    score: row.score,
    myVote: row.my_vote,
    accepted: acceptedReplyId !== null && row.id === acceptedReplyId,
    hidden: row.hidden,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    edited: row.version > 1,
    mine,
    hiddenReason: row.hidden && (mine || moderatorView) ? row.hidden_reason : null,
    myFlag: viewerId !== null ? row.my_flag : null,
    permissions,
  };
}

export function toContentDetail(
  row: ContentDetailRow,
  replies: Reply[],
  viewer: ContentViewer | undefined,
  related: Pick<
    ContentDetail,
    'timeline' | 'attachments' | 'webinar' | 'linkedWebinar' | 'case' | 'toolbox' | 'moderation' | 'review' | 'publishing'
  >,
  permissions: ContentDetail['permissions'],
): ContentDetail {
  const viewerId = viewer?.id ?? null;
  const duplicateOf =
    row.duplicate_of_id !== null && row.duplicate_of_title !== null && row.duplicate_of_slug !== null && row.duplicate_of_kind !== null
      ? {
          id: Number(row.duplicate_of_id),
          title: row.duplicate_of_title,
          path: contentPath({ kind: row.duplicate_of_kind, id: Number(row.duplicate_of_id), slug: row.duplicate_of_slug }),
        }
      : null;
  return {
    ...toContentSummary(row, viewer),
    ...related,
    body: row.body,
    bodyHtml: row.body_html,
    acceptedReplyId: row.accepted_reply_id === null ? null : Number(row.accepted_reply_id),
    duplicateOf,
    version: row.version,
    edited: row.version > 1,
    mine: viewerId !== null && row.author_id === viewerId,
    myFlag: viewerId !== null ? row.my_flag : null,
    following: viewerId !== null && row.following,
    replies,
    permissions,
  };
}

/** One version of an item: its text then, and who made it (the author for version 1, the editor for later ones). */
export function toRevision(
  version: { version: number; title: string; body: string; tags: string[]; attributes: Record<string, unknown> },
  madeBy: { name: string | null; title: string | null; organizationCode: string | null; organizationName: string | null },
  madeAt: Date,
  reason: string | null,
  current: boolean,
): Revision {
  return {
    version: version.version,
    title: version.title,
    body: version.body,
    tags: version.tags,
    attributes: version.attributes,
    editor:
      madeBy.name === null
        ? null
        : {
            name: madeBy.name,
            title: madeBy.title,
            organization: { code: madeBy.organizationCode ?? '', name: madeBy.organizationName ?? '' },
          },
    editedAt: iso(madeAt),
    reason,
    current,
  };
}
