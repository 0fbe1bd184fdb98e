import { CONTENT_KINDS, type UserRole } from '@infraforum/shared';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_ACCESS_CELLS,
  cellName,
  type ContentAccessRow,
  type ContentViewerName,
} from '../../../test/support/content-access-table.js';
import { type Actor, canReadContent, type ContentTarget, contentReadScope, isInReadScope } from './access-policy.js';

// The same table the API matrix (test/api/content-access-matrix.test.ts) checks over SQL, here against the pure policy.

const GLADSAXE = 'org-gladsaxe';
const ESBJERG = 'org-esbjerg';
const KOMBIT = 'org-kombit';

const person = (id: string, role: UserRole, organizationId: string): Actor => ({ id, role, organizationId });
const AUTHOR = person('author', 'member', GLADSAXE);

/** How each viewer reaches the policy. A suspended user's session carries no user (CurrentUser drops it), like anonymous. */
const VIEWERS: Record<ContentViewerName, Actor | undefined> = {
  anonymous: undefined,
  'suspended member of Gladsaxe': undefined,
  'member of Gladsaxe': person('gladsaxe-member', 'member', GLADSAXE),
  'org admin of Gladsaxe': person('gladsaxe-admin', 'org_admin', GLADSAXE),
  'member of Esbjerg': person('esbjerg-member', 'member', ESBJERG),
  'org admin of Esbjerg': person('esbjerg-admin', 'org_admin', ESBJERG),
  author: AUTHOR,
  moderator: person('moderator', 'moderator', KOMBIT),
  admin: person('admin', 'admin', KOMBIT),
};

function target(row: ContentAccessRow, overrides: Partial<ContentTarget> = {}): ContentTarget {
  return {
    authorId: AUTHOR.id,
    organizationId: GLADSAXE,
    status: row.state === 'deleted' ? 'published' : row.state,
    visibility: row.visibility,
    locked: false,
    kind: 'question',
    deleted: row.state === 'deleted',
    ...overrides,
  };
}

const cells = CONTENT_ACCESS_CELLS.map(({ row, viewer, seen }) => [cellName(row), viewer, seen, row] as const);

describe('canReadContent agrees with the access table', () => {
  it.each(cells)('%s item: %s → %s', (_cell, viewer, seen, row) => {
    expect(canReadContent(VIEWERS[viewer], target(row))).toBe(seen);
  });
});

describe('the read scope the repository turns into SQL agrees with the access table', () => {
  it.each(cells)('%s item: %s → %s', (_cell, viewer, seen, row) => {
    expect(isInReadScope(contentReadScope(VIEWERS[viewer]), target(row))).toBe(seen);
  });
});

describe('reading does not depend on kind or lock', () => {
  const variants = CONTENT_KINDS.flatMap((kind) => [false, true].map((locked) => ({ kind, locked })));

  it.each(cells)('%s item: %s → %s for every kind, locked or not', (_cell, viewer, seen, row) => {
    for (const variant of variants) {
      expect(canReadContent(VIEWERS[viewer], target(row, variant)), JSON.stringify(variant)).toBe(seen);
    }
  });
});

describe('a deleted item', () => {
  it('is not read even by its author while it is a draft', () => {
    expect(canReadContent(AUTHOR, target({ state: 'draft', visibility: 'public', seen: [] }, { deleted: true }))).toBe(false);
  });

  it('is not read by a moderator while it is hidden', () => {
    expect(canReadContent(VIEWERS.moderator, target({ state: 'hidden', visibility: 'public', seen: [] }, { deleted: true }))).toBe(false);
  });
});

describe('an org admin', () => {
  it('reads the drafts of their own municipality only', () => {
    const esbjergDraft = target({ state: 'draft', visibility: 'organization', seen: [] }, { organizationId: ESBJERG, authorId: 'x' });
    expect(canReadContent(VIEWERS['org admin of Gladsaxe'], esbjergDraft)).toBe(false);
    expect(canReadContent(VIEWERS['org admin of Esbjerg'], esbjergDraft)).toBe(true);
  });
});
