import type { ContentStatus, Visibility } from '@infraforum/shared';

/**
 * Who may read which content: one table, checked twice — against the pure access policy (`canReadContent`,
 * server/src/common/content-access-policy.spec.ts) and against every read path of the running API over SQL
 * (test/api/content-access-matrix.test.ts). Every item is written by a member of Gladsaxe ("author").
 */

export const CONTENT_VIEWERS = [
  'anonymous',
  'suspended member of Gladsaxe',
  'member of Gladsaxe',
  'org admin of Gladsaxe',
  'member of Esbjerg',
  'org admin of Esbjerg',
  'author',
  'moderator',
  'admin',
] as const;
export type ContentViewerName = (typeof CONTENT_VIEWERS)[number];

/**
 * An item's state: its status, or "deleted" (published, then soft-deleted by its author). Scheduled: the author's draft,
 * set to be published later (in review is the same branch of the policy, for KOMBIT material only).
 */
export type ContentState = ContentStatus | 'deleted';

export interface ContentAccessRow {
  state: ContentState;
  visibility: Visibility;
  /** One entry per viewer, in the order of CONTENT_VIEWERS. */
  seen: readonly boolean[];
}

const X = true;
const _ = false;

// prettier-ignore
const TABLE: Array<[ContentState, Visibility, readonly boolean[]]> = [
  //                              anonymous  suspended  Gl.member  Gl.orgadmin  Es.member  Es.orgadmin  author  moderator  admin
  ['published', 'public',       [ X,         X,         X,         X,           X,         X,           X,      X,         X ]],
  ['published', 'members',      [ _,         _,         X,         X,           X,         X,           X,      X,         X ]],
  ['published', 'organization', [ _,         _,         X,         X,           _,         _,           X,      X,         X ]],
  ['draft',     'public',       [ _,         _,         _,         X,           _,         _,           X,      _,         _ ]],
  ['draft',     'members',      [ _,         _,         _,         X,           _,         _,           X,      _,         _ ]],
  ['draft',     'organization', [ _,         _,         _,         X,           _,         _,           X,      _,         _ ]],
  ['scheduled', 'public',       [ _,         _,         _,         X,           _,         _,           X,      X,         X ]],
  ['scheduled', 'members',      [ _,         _,         _,         X,           _,         _,           X,      X,         X ]],
  ['scheduled', 'organization', [ _,         _,         _,         X,           _,         _,           X,      X,         X ]],
  ['hidden',    'public',       [ _,         _,         _,         X,           _,         _,           X,      X,         X ]],
  ['hidden',    'members',      [ _,         _,         _,         X,           _,         _,           X,      X,         X ]],
  ['hidden',    'organization', [ _,         _,         _,         X,           _,         _,           X,      X,         X ]],
  ['deleted',   'public',       [ _,         _,         _,         _,           _,         _,           _,      _,         _ ]],
  ['deleted',   'members',      [ _,         _,         _,         _,           _,         _,           _,      _,         _ ]],
  ['deleted',   'organization', [ _,         _,         _,         _,           _,         _,           _,      _,         _ ]],
];

export const CONTENT_ACCESS_TABLE: ContentAccessRow[] = TABLE.map(([state, visibility, seen]) => {
  if (seen.length !== CONTENT_VIEWERS.length) throw new Error(`Row ${state}/${visibility} needs one cell per viewer`);
  return { state, visibility, seen };
});

export function isSeenBy(row: ContentAccessRow, viewer: ContentViewerName): boolean {
  return row.seen[CONTENT_VIEWERS.indexOf(viewer)]!;
}

/** Every (row, viewer) pair with what is expected, for it.each. */
export const CONTENT_ACCESS_CELLS: Array<{ row: ContentAccessRow; viewer: ContentViewerName; seen: boolean }> =
  CONTENT_ACCESS_TABLE.flatMap((row) => CONTENT_VIEWERS.map((viewer) => ({ row, viewer, seen: isSeenBy(row, viewer) })));

export const cellName = (row: ContentAccessRow): string => `${row.state} ${row.visibility}`;

/** Written as a draft first (a scheduled item too), or published straight away. */
export const writtenAsDraft = (row: ContentAccessRow): boolean => row.state === 'draft' || row.state === 'scheduled';

/** A far-off time, for the rows that are scheduled. */
export const SCHEDULED_FOR = '2099-06-01T10:00:00+02:00';
