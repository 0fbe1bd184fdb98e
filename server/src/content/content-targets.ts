import type { ContentTarget, ReplyTarget } from '../common/access-policy.js';
import { ApiException } from '../common/api-exception.js';
import type { ContentLockRow, ContentRow, ReplyLockRow, ReplyRow } from './content.repository.js';

/** The access policy's view of a content row. */
export function contentTarget(row: ContentLockRow | (ContentRow & { deleted_at?: Date | null })): ContentTarget {
  return {
    authorId: row.author_id,
    organizationId: row.organization_id,
    status: row.status,
    visibility: row.visibility,
    locked: row.locked,
    kind: row.kind,
    deleted: (row.deleted_at ?? null) !== null,
  };
}

export function replyTarget(row: ReplyLockRow | ReplyRow): ReplyTarget {
  return {
    authorId: row.author_id,
    organizationId: row.organization_id,
    hidden: row.hidden,
    deleted: 'deleted_at' in row && row.deleted_at !== null,
  };
}

export const contentNotFound = (): ApiException => ApiException.notFound('Indholdet findes ikke, eller du har ikke adgang til det.');
export const replyNotFound = (): ApiException => ApiException.notFound('Svaret findes ikke, eller du har ikke adgang til det.');

/** Ids in paths are positive integers; anything else is simply not found. */
export function parseId(value: string, notFound: () => ApiException): string {
  if (!/^[1-9]\d{0,17}$/.test(value)) throw notFound();
  return value;
}
