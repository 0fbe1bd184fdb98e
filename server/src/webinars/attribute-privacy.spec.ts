import { describe, expect, it } from 'vitest';
import type { Actor } from '../common/access-policy.js';
import { visibleAttributes } from './attribute-privacy.js';

const contact = (shownTo: 'members' | 'moderators') => ({ contact: { name: 'Sofie', email: 'sofie@gladsaxe.dk', shownTo }, status: 'new' });
const author: Actor = { id: 'author', role: 'member', organizationId: 'gladsaxe' };
const colleague: Actor = { id: 'colleague', role: 'org_admin', organizationId: 'gladsaxe' };
const other: Actor = { id: 'other', role: 'member', organizationId: 'esbjerg' };
const moderator: Actor = { id: 'mod', role: 'moderator', organizationId: 'kombit' };

describe('a suggester’s contact details', () => {
  it.each([
    ['anonymous', undefined, 'members', false],
    ['another member', other, 'members', true],
    ['another member', other, 'moderators', false],
    ['the org admin of the suggester’s municipality', colleague, 'moderators', false],
    ['the suggester', author, 'moderators', true],
    ['a moderator', moderator, 'moderators', true],
  ] as const)('are shown to %s (shownTo %s): %s', (_who, viewer, shownTo, shown) => {
    const attributes = visibleAttributes('suggestion', contact(shownTo), viewer, 'author');
    expect('contact' in attributes).toBe(shown);
    expect(attributes.status).toBe('new');
  });

  it('leave other kinds’ attributes alone', () => {
    const attributes = { contact: 'not a suggestion' };
    expect(visibleAttributes('guide', attributes, undefined, null)).toBe(attributes);
  });
});
