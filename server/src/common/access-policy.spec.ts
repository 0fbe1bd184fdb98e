import type { UserRole } from '@infraforum/shared';
import { describe, expect, it } from 'vitest';
import { ApiException } from './api-exception.js';
import {
  type Actor,
  canApproveUser,
  canChangeUserStatus,
  canManageOrganizationUsers,
  canReactivateUser,
  canSeeContactDetails,
  canSetRole,
  isKombitStaff,
  requireAccess,
} from './access-policy.js';

const GLADSAXE = 'org-gladsaxe';
const ESBJERG = 'org-esbjerg';
const KOMBIT = 'org-kombit';

let ids = 0;
const person = (role: UserRole, organizationId: string): Actor => ({ id: `user-${++ids}`, role, organizationId });

const ACTORS = {
  anonymous: undefined,
  'member of Gladsaxe': person('member', GLADSAXE),
  'org admin of Gladsaxe': person('org_admin', GLADSAXE),
  'org admin of Esbjerg': person('org_admin', ESBJERG),
  moderator: person('moderator', KOMBIT),
  admin: person('admin', KOMBIT),
} as const;
type ActorName = keyof typeof ACTORS;

describe('isKombitStaff', () => {
  it.each([
    ['anonymous', false],
    ['member of Gladsaxe', false],
    ['org admin of Gladsaxe', false],
    ['moderator', true],
    ['admin', true],
  ] as const)('%s → %s', (actor, expected) => {
    expect(isKombitStaff(ACTORS[actor])).toBe(expected);
  });
});

describe('canManageOrganizationUsers (Gladsaxe’s accounts)', () => {
  it.each([
    ['anonymous', false],
    ['member of Gladsaxe', false],
    ['org admin of Gladsaxe', true],
    ['org admin of Esbjerg', false],
    ['moderator', true],
    ['admin', true],
  ] as const)('%s → %s', (actor, expected) => {
    expect(canManageOrganizationUsers(ACTORS[actor], GLADSAXE)).toBe(expected);
  });
});

describe('canApproveUser (a new member of Gladsaxe)', () => {
  const target = person('member', GLADSAXE);

  it.each([
    ['anonymous', false],
    ['member of Gladsaxe', false],
    ['org admin of Gladsaxe', true],
    ['org admin of Esbjerg', false],
    ['moderator', true],
    ['admin', true],
  ] as const)('%s → %s', (actor, expected) => {
    expect(canApproveUser(ACTORS[actor], target)).toBe(expected);
  });

  it('never lets anyone approve themselves', () => {
    const admin = ACTORS['org admin of Gladsaxe'];
    expect(canApproveUser(admin, admin)).toBe(false);
  });
});

describe('canChangeUserStatus (suspend or reactivate)', () => {
  // prettier-ignore
  const TABLE: Array<[actor: ActorName, target: [UserRole, string], allowed: boolean]> = [
    ['anonymous',             ['member', GLADSAXE],    false],
    ['member of Gladsaxe',    ['member', GLADSAXE],    false],
    ['org admin of Gladsaxe', ['member', GLADSAXE],    true],
    ['org admin of Gladsaxe', ['org_admin', GLADSAXE], false],
    ['org admin of Gladsaxe', ['member', ESBJERG],     false],
    ['org admin of Esbjerg',  ['member', GLADSAXE],    false],
    ['moderator',             ['member', ESBJERG],     true],
    ['moderator',             ['org_admin', GLADSAXE], true],
    ['moderator',             ['moderator', KOMBIT],   false],
    ['moderator',             ['admin', KOMBIT],       false],
    ['admin',                 ['org_admin', GLADSAXE], true],
    ['admin',                 ['moderator', KOMBIT],   true],
    ['admin',                 ['admin', KOMBIT],       false],
  ];

  it.each(TABLE)('%s over a %j → %s', (actor, [role, organizationId], allowed) => {
    expect(canChangeUserStatus(ACTORS[actor], person(role, organizationId))).toBe(allowed);
  });

  it('never lets anyone change their own status', () => {
    expect(canChangeUserStatus(ACTORS.admin, ACTORS.admin)).toBe(false);
  });
});

describe('canReactivateUser (lifting a suspension)', () => {
  // prettier-ignore
  const TABLE: Array<[actor: ActorName, target: [UserRole, string], suspendedBy: UserRole | null, allowed: boolean]> = [
    ['org admin of Gladsaxe', ['member', GLADSAXE],    null,        true],
    ['org admin of Gladsaxe', ['member', GLADSAXE],    'org_admin', true],
    ['org admin of Gladsaxe', ['member', GLADSAXE],    'moderator', false],
    ['org admin of Gladsaxe', ['member', GLADSAXE],    'admin',     false],
    ['org admin of Esbjerg',  ['member', GLADSAXE],    'org_admin', false],
    ['member of Gladsaxe',    ['member', GLADSAXE],    'member',    false],
    ['anonymous',             ['member', GLADSAXE],    null,        false],
    ['moderator',             ['member', GLADSAXE],    'org_admin', true],
    ['moderator',             ['member', GLADSAXE],    'moderator', true],
    ['moderator',             ['member', GLADSAXE],    'admin',     false],
    ['moderator',             ['org_admin', GLADSAXE], 'moderator', true],
    ['moderator',             ['moderator', KOMBIT],   'admin',     false],
    ['admin',                 ['member', GLADSAXE],    'admin',     true],
    ['admin',                 ['moderator', KOMBIT],   'admin',     true],
    ['admin',                 ['admin', KOMBIT],       'admin',     false],
  ];

  it.each(TABLE)('%s over a %j suspended by %s → %s', (actor, [role, organizationId], suspendedByRole, allowed) => {
    expect(canReactivateUser(ACTORS[actor], { ...person(role, organizationId), suspendedByRole })).toBe(allowed);
  });

  it('never lets anyone reactivate themselves', () => {
    expect(canReactivateUser(ACTORS.admin, { ...ACTORS.admin, suspendedByRole: 'moderator' })).toBe(false);
  });
});

describe('canSetRole', () => {
  // prettier-ignore
  const TABLE: Array<[actor: ActorName, target: [UserRole, string], type: 'municipality' | 'kombit', role: UserRole, allowed: boolean]> = [
    ['admin',                 ['member', GLADSAXE],  'municipality', 'org_admin', true],
    ['admin',                 ['org_admin', GLADSAXE], 'municipality', 'member',  true],
    ['admin',                 ['member', GLADSAXE],  'municipality', 'moderator', false],
    ['admin',                 ['member', GLADSAXE],  'municipality', 'admin',     false],
    ['admin',                 ['member', KOMBIT],    'kombit',       'moderator', true],
    ['admin',                 ['moderator', KOMBIT], 'kombit',       'admin',     true],
    ['moderator',             ['member', GLADSAXE],  'municipality', 'org_admin', false],
    ['org admin of Gladsaxe', ['member', GLADSAXE],  'municipality', 'org_admin', false],
    ['member of Gladsaxe',    ['member', GLADSAXE],  'municipality', 'org_admin', false],
    ['anonymous',             ['member', GLADSAXE],  'municipality', 'org_admin', false],
  ];

  it.each(TABLE)('%s making a %j (%s) %s → %s', (actor, [role, organizationId], type, newRole, allowed) => {
    expect(canSetRole(ACTORS[actor], person(role, organizationId), type, newRole)).toBe(allowed);
  });

  it('never lets an admin change their own role', () => {
    expect(canSetRole(ACTORS.admin, ACTORS.admin, 'kombit', 'member')).toBe(false);
  });
});

describe('canSeeContactDetails (of a Gladsaxe member)', () => {
  // prettier-ignore
  const TABLE: Array<[viewer: ActorName, optedIn: boolean, allowed: boolean]> = [
    ['anonymous',             true,  false],
    ['anonymous',             false, false],
    ['member of Gladsaxe',    false, true],
    ['org admin of Esbjerg',  true,  true],
    ['org admin of Esbjerg',  false, false],
    ['moderator',             false, true],
  ];

  it.each(TABLE)('%s, member opted in %s → %s', (viewer, showContactDetails, allowed) => {
    expect(canSeeContactDetails(ACTORS[viewer], { organizationId: GLADSAXE, showContactDetails })).toBe(allowed);
  });
});

describe('requireAccess', () => {
  it('passes when allowed', () => {
    expect(() => requireAccess(true)).not.toThrow();
  });

  it('throws a 403 FORBIDDEN carrying the given message when not', () => {
    const thrown = (() => {
      try {
        requireAccess(false, 'Kun din egen kommune.');
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(ApiException);
    expect(thrown).toMatchObject({ statusCode: 403, code: 'FORBIDDEN', message: 'Kun din egen kommune.' });
  });
});
