import type { ContentStatus, UserRole } from '@infraforum/shared';
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  canApprovePublication,
  canEditMaterial,
  canPlaceInToolbox,
  canReturnFromReview,
  canSchedulePublication,
  canSubmitForReview,
  canUnschedulePublication,
  canWithdrawFromReview,
  contentReadScope,
  isInReadScope,
  mustBeReviewed,
  type PublishingTarget,
} from './access-policy.js';

// The publishing workflow's rules as a matrix: a KOMBIT consultant's material goes through review (KOMBIT's moderators
// edit, submit and schedule KOMBIT drafts too), toolbox material needs a second moderator, and nobody who wrote,
// submitted or changed it approves it.

const person = (id: string, role: UserRole, organizationId: string): Actor => ({ id, role, organizationId });
const ACTORS: Record<string, Actor | undefined> = {
  anonymous: undefined,
  'Gladsaxe member': person('gladsaxe', 'member', 'gladsaxe'),
  'Gladsaxe org admin': person('gladsaxe-admin', 'org_admin', 'gladsaxe'),
  'KOMBIT consultant': person('consultant', 'member', 'kombit'),
  'moderator A': person('mod-a', 'moderator', 'kombit'),
  'moderator B': person('mod-b', 'moderator', 'kombit'),
  admin: person('admin', 'admin', 'kombit'),
};

const material = (status: ContentStatus, overrides: Partial<PublishingTarget> = {}): PublishingTarget => ({
  authorId: 'consultant',
  organizationId: 'kombit',
  status,
  visibility: 'public',
  locked: false,
  kind: 'guide',
  deleted: false,
  kombitMaterial: true,
  submittedBy: status === 'draft' ? null : 'consultant',
  toolboxMaterial: false,
  editedSinceSubmission: [],
  ...overrides,
});

type Rule = (actor: Actor | undefined, item: PublishingTarget) => boolean;
const RULES: Record<string, Rule> = {
  submit: canSubmitForReview,
  withdraw: canWithdrawFromReview,
  approve: canApprovePublication,
  return: canReturnFromReview,
  schedule: canSchedulePublication,
  unschedule: canUnschedulePublication,
  edit: canEditMaterial,
};

const consultantDraft = material('draft');
const consultantInReview = material('in_review');
const toolboxByA = material('in_review', { authorId: 'mod-a', submittedBy: 'mod-a', toolboxMaterial: true });
const toolboxEditedByB = material('in_review', { toolboxMaterial: true, editedSinceSubmission: ['mod-b'] });
const moderatorDraft = material('draft', { authorId: 'mod-a' });
const publishedByConsultant = material('published');

// prettier-ignore
const TABLE: Array<[rule: string, item: PublishingTarget, name: string, allowed: string[]]> = [
  ['submit',     consultantDraft,       'the consultant’s draft',          ['KOMBIT consultant', 'moderator A', 'moderator B', 'admin']],
  ['submit',     moderatorDraft,        'moderator A’s draft',             ['moderator A', 'moderator B', 'admin']],
  ['withdraw',   consultantInReview,    'the consultant’s item in review', ['KOMBIT consultant']],
  ['approve',    consultantInReview,    'the consultant’s item in review', ['moderator A', 'moderator B', 'admin']],
  ['approve',    toolboxByA,            'A’s toolbox material',            ['moderator B', 'admin']],
  ['approve',    toolboxEditedByB,      'toolbox material B changed',      ['moderator A', 'admin']],
  ['return',     toolboxByA,            'A’s toolbox material',            ['moderator A', 'moderator B', 'admin']],
  ['schedule',   consultantDraft,       'the consultant’s draft',          ['moderator A', 'moderator B', 'admin']],
  ['schedule',   moderatorDraft,        'moderator A’s draft',             ['moderator A', 'moderator B', 'admin']],
  ['unschedule', material('scheduled'), 'the consultant’s scheduled item', ['KOMBIT consultant', 'moderator A', 'moderator B', 'admin']],
  ['edit',       publishedByConsultant, 'the consultant’s published item', ['moderator A', 'moderator B', 'admin']],
  ['edit',       consultantInReview,    'the consultant’s item in review', ['KOMBIT consultant', 'moderator A', 'moderator B', 'admin']],
];

describe('the publishing workflow', () => {
  const cells = TABLE.flatMap(([rule, item, name, allowed]) =>
    Object.keys(ACTORS).map((actor) => [rule, name, actor, allowed.includes(actor), item] as const),
  );

  it.each(cells)('%s on %s by %s: %s', (rule, _name, actor, allowed, item) => {
    expect(RULES[rule]!(ACTORS[actor], item)).toBe(allowed);
  });

  it('makes KOMBIT material by anyone but a moderator go through review, and nothing else', () => {
    expect(mustBeReviewed(ACTORS['KOMBIT consultant'], { kombitMaterial: true })).toBe(true);
    expect(mustBeReviewed(ACTORS['moderator A'], { kombitMaterial: true })).toBe(false);
    expect(mustBeReviewed(ACTORS['Gladsaxe member'], { kombitMaterial: false })).toBe(false);
  });

  it('lets moderators read what waits for approval or publication, and KOMBIT’s drafts, but not municipalities’ drafts', () => {
    const scope = contentReadScope(ACTORS['moderator B']);
    expect(isInReadScope(scope, consultantInReview)).toBe(true);
    expect(isInReadScope(scope, material('scheduled', { organizationId: 'gladsaxe', authorId: 'gladsaxe' }))).toBe(true);
    expect(isInReadScope(scope, consultantDraft)).toBe(true);
    expect(isInReadScope(scope, material('draft', { organizationId: 'gladsaxe', authorId: 'gladsaxe' }))).toBe(false);
    expect(isInReadScope(contentReadScope(ACTORS['Gladsaxe org admin']), consultantInReview)).toBe(false);
  });

  it('keeps a moderator from placing their own content in the toolbox', () => {
    expect(canPlaceInToolbox(ACTORS['moderator A'], { authorId: 'mod-a' })).toBe(false);
    expect(canPlaceInToolbox(ACTORS['moderator B'], { authorId: 'mod-a' })).toBe(true);
    expect(canPlaceInToolbox(ACTORS['KOMBIT consultant'], { authorId: 'gladsaxe' })).toBe(false);
  });
});
