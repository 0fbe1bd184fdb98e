import { PUBLISHING_KINDS, type ContentKind, type OrganizationType, type PublishingState } from '@infraforum/shared';
import {
  canApprovePublication,
  canReturnFromReview,
  canSchedulePublication,
  canSubmitForReview,
  canUnschedulePublication,
  canWithdrawFromReview,
  mustBeReviewed,
  type ContentTarget,
  type ContentViewer,
  type PublishingTarget,
} from '../common/access-policy.js';
import type { PublishingRow } from './publishing.repository.js';

/** KOMBIT's guides, cases and webinars are material that may go through review; questions and suggestions are just posted. */
export function isKombitMaterial(item: { kind: ContentKind; organization_type: OrganizationType }): boolean {
  return item.organization_type === 'kombit' && (PUBLISHING_KINDS as readonly string[]).includes(item.kind);
}

/** The access policy's view of an item in the workflow. */
export function publishingTarget(
  target: ContentTarget,
  item: { kind: ContentKind; organization_type: OrganizationType },
  row: Pick<PublishingRow, 'submitted_by' | 'toolbox_section_id' | 'editors_since_submission'> | null,
): PublishingTarget {
  return {
    ...target,
    kombitMaterial: isKombitMaterial(item),
    submittedBy: row?.submitted_by ?? null,
    toolboxMaterial: (row?.toolbox_section_id ?? null) !== null,
    editedSinceSubmission: row?.editors_since_submission ?? [],
  };
}

const person = (id: string | null, name: string | null): { id: string; name: string } | null =>
  id !== null && name !== null ? { id, name } : null;

/** Where an unpublished item stands, and what `viewer` may do with it now. */
export function toPublishingState(viewer: ContentViewer | undefined, target: PublishingTarget, row: PublishingRow | null): PublishingState {
  return {
    toolboxSection: row?.section_slug && row.section_title ? { slug: row.section_slug, title: row.section_title } : null,
    publishAt: row?.publish_at?.toISOString() ?? null,
    note: row?.note ?? null,
    submittedBy: person(row?.submitted_by ?? null, row?.submitted_by_name ?? null),
    submittedAt: row?.submitted_at?.toISOString() ?? null,
    approvedBy: person(row?.approved_by ?? null, row?.approved_by_name ?? null),
    returnedBy: person(row?.returned_by ?? null, row?.returned_by_name ?? null),
    returnedReason: row?.returned_reason ?? null,
    needsSecondModerator: target.toolboxMaterial,
    reviewRequired: mustBeReviewed(viewer, target),
    actions: {
      submit: canSubmitForReview(viewer, target),
      withdraw: canWithdrawFromReview(viewer, target),
      approve: canApprovePublication(viewer, target),
      return: canReturnFromReview(viewer, target),
      schedule: canSchedulePublication(viewer, target),
      unschedule: canUnschedulePublication(viewer, target),
    },
  };
}
