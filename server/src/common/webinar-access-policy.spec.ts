import type { ContentKind, UserRole } from '@infraforum/shared';
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  canAttachTo,
  canChangeStatus,
  canCreateKind,
  canEditContent,
  canManageWebinar,
  canRegisterFor,
  canReplyTo,
  canVoteOnContent,
  type ContentTarget,
} from './access-policy.js';

// The webinar cycle's rules as a matrix of roles: who creates webinars, moves suggestions on, uploads material,
// sees registrations, signs up, votes and comments.

const person = (id: string, role: UserRole, organizationId: string): Actor => ({ id, role, organizationId });
const ROLES: Record<string, Actor | undefined> = {
  anonymous: undefined,
  member: person('member', 'member', 'gladsaxe'),
  'org admin': person('org-admin', 'org_admin', 'gladsaxe'),
  moderator: person('moderator', 'moderator', 'kombit'),
  admin: person('admin', 'admin', 'kombit'),
};

const item = (kind: ContentKind, overrides: Partial<ContentTarget> = {}): ContentTarget => ({
  authorId: 'suggester',
  organizationId: 'esbjerg',
  status: 'published',
  visibility: 'public',
  locked: false,
  kind,
  deleted: false,
  ...overrides,
});
const webinar = (webinarStatus: string | null, overrides: Partial<ContentTarget> = {}) => ({
  ...item('webinar', { authorId: 'moderator', organizationId: 'kombit', ...overrides }),
  webinarStatus,
});

const allowedFor = (rule: (actor: Actor | undefined) => boolean): string[] =>
  Object.entries(ROLES)
    .filter(([, actor]) => rule(actor))
    .map(([name]) => name);

describe('the webinar cycle’s rules', () => {
  it('lets only moderators and admins create webinars; anyone logged in writes the other kinds', () => {
    expect(allowedFor((actor) => canCreateKind(actor, 'webinar'))).toEqual(['moderator', 'admin']);
    expect(allowedFor((actor) => canCreateKind(actor, 'suggestion'))).toEqual(['member', 'org admin', 'moderator', 'admin']);
  });

  it('lets only moderators and admins change a suggestion’s or webinar’s status, never a question’s or a draft’s', () => {
    expect(allowedFor((actor) => canChangeStatus(actor, item('suggestion')))).toEqual(['moderator', 'admin']);
    expect(allowedFor((actor) => canChangeStatus(actor, webinar('planned')))).toEqual(['moderator', 'admin']);
    expect(allowedFor((actor) => canChangeStatus(actor, item('question')))).toEqual([]);
    expect(allowedFor((actor) => canChangeStatus(actor, item('suggestion', { status: 'draft' })))).toEqual([]);
  });

  it('lets only moderators and admins see registrations and manage the dialogue', () => {
    expect(allowedFor(canManageWebinar)).toEqual(['moderator', 'admin']);
  });

  it('lets only moderators and admins edit a webinar, not a KOMBIT org admin nor a former moderator who wrote it', () => {
    expect(canEditContent(person('kombit-org-admin', 'org_admin', 'kombit'), webinar('planned'))).toBe(false);
    expect(canEditContent(person('moderator', 'member', 'kombit'), webinar('planned'))).toBe(false);
    expect(allowedFor((actor) => canEditContent(actor, webinar('planned')))).toEqual(['moderator', 'admin']);
  });

  it('lets whoever edits a webinar attach material to it, and nobody attach to a question', () => {
    expect(allowedFor((actor) => canAttachTo(actor, webinar('held')))).toEqual(['moderator', 'admin']);
    expect(allowedFor((actor) => canAttachTo(actor, item('question', { authorId: 'member', organizationId: 'gladsaxe' })))).toEqual([]);
  });

  it('lets anyone logged in sign up for a planned webinar they may read, not a held, cancelled or unpublished one', () => {
    expect(allowedFor((actor) => canRegisterFor(actor, webinar('planned')))).toEqual(['member', 'org admin', 'moderator', 'admin']);
    for (const status of ['held', 'cancelled']) expect(allowedFor((actor) => canRegisterFor(actor, webinar(status)))).toEqual([]);
    expect(allowedFor((actor) => canRegisterFor(actor, webinar('planned', { status: 'draft' })))).toEqual([]);
    expect(allowedFor((actor) => canRegisterFor(actor, webinar('planned', { visibility: 'organization' })))).toEqual([
      'moderator',
      'admin',
    ]);
  });

  it('lets members vote and comment on others’ suggestions, not on their own, and nobody vote on a merged (locked) one', () => {
    const own = item('suggestion', { authorId: 'member', organizationId: 'gladsaxe' });
    expect(allowedFor((actor) => canVoteOnContent(actor, item('suggestion')))).toEqual(['member', 'org admin', 'moderator', 'admin']);
    expect(allowedFor((actor) => canVoteOnContent(actor, own))).toEqual(['org admin', 'moderator', 'admin']);
    expect(allowedFor((actor) => canVoteOnContent(actor, item('suggestion', { locked: true })))).toEqual([]);
    expect(allowedFor((actor) => canReplyTo(actor, item('suggestion')))).toEqual(['member', 'org admin', 'moderator', 'admin']);
    expect(allowedFor((actor) => canVoteOnContent(actor, webinar('planned')))).toEqual([]);
  });
});
