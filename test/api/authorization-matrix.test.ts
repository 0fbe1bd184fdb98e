import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession, signIn, uniqueEmail } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp, type TestUser } from '../support/test-app.js';

/**
 * Who may call which account endpoint. Each row is an endpoint, each column an actor; state-changing
 * rows act on a fresh target user per cell, so no cell depends on another.
 */

const ACTORS = ['anonymous', 'member of Gladsaxe', 'member of Esbjerg', 'org admin of Gladsaxe', 'moderator', 'admin'] as const;
type Actor = (typeof ACTORS)[number];

const GLADSAXE = '0159';
const ESBJERG = '0561';
const DOMAIN: Record<string, string> = { [GLADSAXE]: 'gladsaxe.dk', [ESBJERG]: 'esbjerg.dk', KOMBIT: 'kombit.dk' };

let t: TestApp;
const as = {} as Record<Actor, ApiSession>;
const actors = {} as Record<Exclude<Actor, 'anonymous'>, TestUser>;

beforeAll(async () => {
  t = await startTestApp();
  actors['member of Gladsaxe'] = await t.createUser({ email: 'medlem@gladsaxe.dk', organizationCode: GLADSAXE });
  actors['member of Esbjerg'] = await t.createUser({ email: 'medlem@esbjerg.dk', organizationCode: ESBJERG });
  actors['org admin of Gladsaxe'] = await t.createUser({ email: 'admin@gladsaxe.dk', organizationCode: GLADSAXE, role: 'org_admin' });
  actors.moderator = await t.createUser({ email: 'moderator@kombit.dk', organizationCode: 'KOMBIT', role: 'moderator' });
  actors.admin = await t.createUser({ email: 'admin@kombit.dk', organizationCode: 'KOMBIT', role: 'admin' });
  as.anonymous = new ApiSession(t.url);
  for (const [actor, user] of Object.entries(actors)) as[actor as Actor] = await signIn(t.url, user.email, TEST_PASSWORD);
});
afterAll(async () => {
  await t.close();
});

// Targets, fresh for every cell that changes state.
const activeMember = (code: string) => t.createUser({ email: uniqueEmail(DOMAIN[code]!, 'target'), organizationCode: code });
const suspendedMember = (code: string) =>
  t.createUser({ email: uniqueEmail(DOMAIN[code]!, 'target'), organizationCode: code, status: 'suspended' });
const awaitingApproval = (code: string) =>
  t.createUser({ email: uniqueEmail('gmail.com', 'target'), organizationCode: code, status: 'pending', emailDomainMatches: false });

type Call = (session: ApiSession) => Promise<{ status: number }>;

const getMe: Call = (s) => s.get('/api/auth/me');
const updateProfile: Call = (s) => s.put('/api/profile', { name: 'Samme Navn', title: null, phone: null, showContactDetails: false });
const changePassword: Call = (s) => s.post('/api/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD });
function listUsers(code: string): Call {
  return (s) => s.get(`/api/organizations/${code}/users`);
}
function approve(code: string): Call {
  return async (s) => s.post(`/api/users/${(await awaitingApproval(code)).id}/approve`, {});
}
function suspend(code: string): Call {
  return async (s) => s.post(`/api/users/${(await activeMember(code)).id}/suspend`, {});
}
function reactivate(code: string): Call {
  return async (s) => s.post(`/api/users/${(await suspendedMember(code)).id}/reactivate`, {});
}
function makeOrgAdmin(code: string): Call {
  return async (s) => s.request('PUT', `/api/users/${(await activeMember(code)).id}/role`, { role: 'org_admin' });
}
const listOrganizations: Call = (s) => s.get('/api/organizations');
const getOrganization: Call = (s) => s.get(`/api/organizations/${GLADSAXE}`);

// prettier-ignore
const MATRIX: Array<[endpoint: string, call: Call, expected: [number, number, number, number, number, number]]> = [
  //                                                    expected: [anonymous, member of Gladsaxe, member of Esbjerg, org admin of Gladsaxe, moderator, admin]
  ['GET  /api/auth/me',                                 getMe,                  [401, 200, 200, 200, 200, 200]],
  ['PUT  /api/profile',                                 updateProfile,          [401, 200, 200, 200, 200, 200]],
  ['POST /api/auth/change-password',                    changePassword,         [401, 204, 204, 204, 204, 204]],
  ['GET  /api/organizations/0159/users',                listUsers(GLADSAXE),    [401, 403, 403, 200, 200, 200]],
  ['GET  /api/organizations/0561/users',                listUsers(ESBJERG),     [401, 403, 403, 403, 200, 200]],
  ['POST /api/users/:id/approve (user in Gladsaxe)',    approve(GLADSAXE),      [401, 403, 403, 200, 200, 200]],
  ['POST /api/users/:id/approve (user in Esbjerg)',     approve(ESBJERG),       [401, 403, 403, 403, 200, 200]],
  ['POST /api/users/:id/suspend (user in Gladsaxe)',    suspend(GLADSAXE),      [401, 403, 403, 200, 200, 200]],
  ['POST /api/users/:id/suspend (user in Esbjerg)',     suspend(ESBJERG),       [401, 403, 403, 403, 200, 200]],
  ['POST /api/users/:id/reactivate (user in Gladsaxe)', reactivate(GLADSAXE),   [401, 403, 403, 200, 200, 200]],
  ['POST /api/users/:id/reactivate (user in Esbjerg)',  reactivate(ESBJERG),    [401, 403, 403, 403, 200, 200]],
  ['PUT  /api/users/:id/role (user in Gladsaxe)',       makeOrgAdmin(GLADSAXE), [401, 403, 403, 403, 403, 200]],
  ['PUT  /api/users/:id/role (user in Esbjerg)',        makeOrgAdmin(ESBJERG),  [401, 403, 403, 403, 403, 200]],
  ['GET  /api/organizations',                           listOrganizations,      [200, 200, 200, 200, 200, 200]],
  ['GET  /api/organizations/0159',                      getOrganization,        [200, 200, 200, 200, 200, 200]],
];

describe.each(MATRIX)('%s', (_endpoint, call, expected) => {
  it.each(ACTORS.map((actor, column) => [actor, expected[column]!] as const))('%s gets %i', async (actor, status) => {
    expect((await call(as[actor])).status).toBe(status);
  });
});

describe('limits on managing accounts', () => {
  it('an org admin cannot suspend another org admin of the same municipality', async () => {
    const other = await t.createUser({ email: uniqueEmail('gladsaxe.dk'), organizationCode: GLADSAXE, role: 'org_admin' });
    expect((await as['org admin of Gladsaxe'].post(`/api/users/${other.id}/suspend`, {})).status).toBe(403);
  });

  it('an org admin cannot suspend themselves', async () => {
    expect((await as['org admin of Gladsaxe'].post(`/api/users/${actors['org admin of Gladsaxe'].id}/suspend`, {})).status).toBe(403);
  });

  it('a moderator cannot suspend an admin', async () => {
    expect((await as.moderator.post(`/api/users/${actors.admin.id}/suspend`, {})).status).toBe(403);
  });

  it('a moderator cannot suspend another moderator', async () => {
    const other = await t.createUser({ email: uniqueEmail('kombit.dk'), organizationCode: 'KOMBIT', role: 'moderator' });
    expect((await as.moderator.post(`/api/users/${other.id}/suspend`, {})).status).toBe(403);
    expect((await stored(other.id)).status).toBe('active');
  });

  it('an admin cannot suspend another admin', async () => {
    const other = await t.createUser({ email: uniqueEmail('kombit.dk'), organizationCode: 'KOMBIT', role: 'admin' });
    expect((await as.admin.post(`/api/users/${other.id}/suspend`, {})).status).toBe(403);
    expect((await stored(other.id)).status).toBe('active');
  });

  it('approving a suspended user answers 409 and leaves them suspended', async () => {
    const user = await t.createUser({
      email: uniqueEmail('gmail.com', 'target'),
      organizationCode: GLADSAXE,
      status: 'suspended',
      emailDomainMatches: false,
    });
    const response = await as['org admin of Gladsaxe'].post(`/api/users/${user.id}/approve`, {});
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ statusCode: 409, code: 'CONFLICT' });
    expect(await stored(user.id)).toMatchObject({ status: 'suspended', approved_at: null });
  });

  it('an admin cannot change their own role', async () => {
    const response = await as.admin.request('PUT', `/api/users/${actors.admin.id}/role`, { role: 'member' });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('FORBIDDEN');
  });

  it.each(['moderator', 'admin'])('making a Gladsaxe user %s answers 400 on the field role (KOMBIT only)', async (role) => {
    const target = await activeMember(GLADSAXE);
    const response = await as.admin.request('PUT', `/api/users/${target.id}/role`, { role });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: { role: [expect.stringMatching(/KOMBIT/)] } });
  });

  it('an admin can make a KOMBIT user moderator', async () => {
    const target = await activeMember('KOMBIT');
    const response = await as.admin.request('PUT', `/api/users/${target.id}/role`, { role: 'moderator' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: target.id, role: 'moderator' });
  });

  it('an org admin’s user list holds only their own municipality’s users', async () => {
    await activeMember(ESBJERG);
    const response = await as['org admin of Gladsaxe'].get(`/api/organizations/${GLADSAXE}/users`);
    expect(response.body.items.length).toBeGreaterThan(0);
    expect(new Set(response.body.items.map((u: { organization: { code: string } }) => u.organization.code))).toEqual(new Set([GLADSAXE]));
  });

  it('an unknown user id answers 404', async () => {
    expect((await as.admin.post('/api/users/00000000-0000-4000-8000-000000000000/suspend', {})).status).toBe(404);
  });
});

async function auditRows(targetId: string) {
  const { rows } = await t.db.query(
    'SELECT actor_id, action, target_type, organization_id, before, after, correlation_id FROM audit_log WHERE target_id = $1',
    [targetId],
  );
  return rows;
}

async function stored(userId: string) {
  const { rows } = await t.db.query('SELECT role, status, approved_at FROM "user" WHERE id = $1', [userId]);
  return rows[0];
}

async function organizationId(code: string): Promise<string> {
  const { rows } = await t.db.query<{ id: string }>('SELECT id FROM organization WHERE code = $1', [code]);
  return rows[0]!.id;
}

async function suspension(userId: string) {
  const { rows } = await t.db.query('SELECT status, suspended_by_id, suspended_by_role FROM "user" WHERE id = $1', [userId]);
  return rows[0];
}

describe('a suspension by KOMBIT', () => {
  async function suspendedByModerator(): Promise<TestUser> {
    const user = await activeMember(GLADSAXE);
    expect((await as.moderator.post(`/api/users/${user.id}/suspend`, { reason: 'Spam' })).status).toBe(200);
    return user;
  }

  it('records who suspended the user and in which role', async () => {
    const user = await suspendedByModerator();
    expect(await suspension(user.id)).toEqual({
      status: 'suspended',
      suspended_by_id: actors.moderator.id,
      suspended_by_role: 'moderator',
    });
  });

  it('cannot be lifted by the municipality’s org admin: 403, nothing changes, no audit row', async () => {
    const user = await suspendedByModerator();
    const before = await suspension(user.id);
    const response = await as['org admin of Gladsaxe'].post(`/api/users/${user.id}/reactivate`, {});
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    expect(await suspension(user.id)).toEqual(before);
    expect((await auditRows(user.id)).map((row) => row.action)).toEqual(['user.suspend']);
  });

  it('cannot be taken over by the org admin suspending the user again (409)', async () => {
    const user = await suspendedByModerator();
    const before = await suspension(user.id);
    expect((await as['org admin of Gladsaxe'].post(`/api/users/${user.id}/suspend`, {})).status).toBe(409);
    expect(await suspension(user.id)).toEqual(before);
  });

  it('can be lifted by a moderator, which clears who suspended', async () => {
    const user = await suspendedByModerator();
    const response = await as.moderator.post(`/api/users/${user.id}/reactivate`, {});
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: user.id, status: 'active' });
    expect(await suspension(user.id)).toEqual({ status: 'active', suspended_by_id: null, suspended_by_role: null });
  });

  it('can be lifted by an admin', async () => {
    const user = await suspendedByModerator();
    expect((await as.admin.post(`/api/users/${user.id}/reactivate`, {})).status).toBe(200);
  });

  it('once lifted, a new suspension by the org admin can again be lifted by the org admin', async () => {
    const user = await suspendedByModerator();
    expect((await as.moderator.post(`/api/users/${user.id}/reactivate`, {})).status).toBe(200);
    expect((await as['org admin of Gladsaxe'].post(`/api/users/${user.id}/suspend`, {})).status).toBe(200);
    expect((await as['org admin of Gladsaxe'].post(`/api/users/${user.id}/reactivate`, {})).status).toBe(200);
  });
});

describe('the audit log', () => {
  it.each(
    [
      {
        action: 'user.approve',
        by: 'org admin of Gladsaxe' as const,
        target: () => awaitingApproval(GLADSAXE),
        request: (s: ApiSession, id: string) => s.post(`/api/users/${id}/approve`, {}),
        before: { role: 'member', status: 'pending', approvedAt: null },
        after: { role: 'member', status: 'active', approvedAt: expect.any(String) },
      },
      {
        action: 'user.suspend',
        by: 'org admin of Gladsaxe' as const,
        target: () => activeMember(GLADSAXE),
        request: (s: ApiSession, id: string) => s.post(`/api/users/${id}/suspend`, { reason: 'Fratrådt' }),
        before: { role: 'member', status: 'active', approvedAt: expect.any(String) },
        after: { role: 'member', status: 'suspended', approvedAt: expect.any(String) },
      },
      {
        action: 'user.reactivate',
        by: 'moderator' as const,
        target: () => suspendedMember(GLADSAXE),
        request: (s: ApiSession, id: string) => s.post(`/api/users/${id}/reactivate`, {}),
        before: { role: 'member', status: 'suspended', approvedAt: expect.any(String) },
        after: { role: 'member', status: 'active', approvedAt: expect.any(String) },
      },
      {
        action: 'user.set_role',
        by: 'admin' as const,
        target: () => activeMember(GLADSAXE),
        request: (s: ApiSession, id: string) => s.request('PUT', `/api/users/${id}/role`, { role: 'org_admin' }),
        before: { role: 'member', status: 'active', approvedAt: expect.any(String) },
        after: { role: 'org_admin', status: 'active', approvedAt: expect.any(String) },
      },
    ].map((audited) => [audited.action, audited] as const),
  )('records %s with actor, target, before and after', async (_, { action, by, target, request, before, after }) => {
    const user = await target();
    const response = await request(as[by], user.id);
    expect(response.status).toBe(200);
    expect(await auditRows(user.id)).toEqual([
      {
        actor_id: actors[by].id,
        action,
        target_type: 'user',
        organization_id: await organizationId(GLADSAXE),
        before,
        after,
        correlation_id: response.headers.get('x-request-id'),
      },
    ]);
  });

  it('records the reason given for a suspension', async () => {
    const user = await activeMember(GLADSAXE);
    await as['org admin of Gladsaxe'].post(`/api/users/${user.id}/suspend`, { reason: 'Har forladt kommunen' });
    const { rows } = await t.db.query('SELECT reason FROM audit_log WHERE target_id = $1', [user.id]);
    expect(rows).toEqual([{ reason: 'Har forladt kommunen' }]);
  });

  it.each(
    [
      {
        attempt: 'a member approving a colleague',
        by: 'member of Gladsaxe' as const,
        target: () => awaitingApproval(GLADSAXE),
        path: 'approve',
      },
      {
        attempt: 'an org admin approving in another municipality',
        by: 'org admin of Gladsaxe' as const,
        target: () => awaitingApproval(ESBJERG),
        path: 'approve',
      },
      {
        attempt: 'an org admin suspending in another municipality',
        by: 'org admin of Gladsaxe' as const,
        target: () => activeMember(ESBJERG),
        path: 'suspend',
      },
      {
        attempt: 'an org admin suspending a fellow org admin',
        by: 'org admin of Gladsaxe' as const,
        target: () => t.createUser({ email: uniqueEmail('gladsaxe.dk'), organizationCode: GLADSAXE, role: 'org_admin' }),
        path: 'suspend',
      },
      {
        attempt: 'an org admin reactivating in another municipality',
        by: 'org admin of Gladsaxe' as const,
        target: () => suspendedMember(ESBJERG),
        path: 'reactivate',
      },
      { attempt: 'a moderator setting a role', by: 'moderator' as const, target: () => activeMember(GLADSAXE), path: 'role' },
    ].map((forbidden) => [forbidden.attempt, forbidden] as const),
  )('%s is refused with 403, writes no audit row and changes nothing', async (_, { by, target, path }) => {
    const user = await target();
    const before = await stored(user.id);
    const response =
      path === 'role'
        ? await as[by].request('PUT', `/api/users/${user.id}/role`, { role: 'org_admin' })
        : await as[by].post(`/api/users/${user.id}/${path}`, {});
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    expect(await auditRows(user.id)).toEqual([]);
    expect(await stored(user.id)).toEqual(before);
  });
});

describe('the actions the user list offers', () => {
  const actionsFor = async (actor: Actor, userId: string) => {
    const response = await as[actor].get(`/api/organizations/${GLADSAXE}/users`);
    expect(response.status).toBe(200);
    return response.body.items.find((item: { id: string }) => item.id === userId)?.allowedActions;
  };

  it('are suspend for an active member, seen by their org admin', async () => {
    const member = await activeMember(GLADSAXE);
    expect(await actionsFor('org admin of Gladsaxe', member.id)).toEqual({
      approve: false,
      suspend: true,
      reactivate: false,
      setRole: false,
    });
  });

  it('are approve for someone awaiting approval', async () => {
    const waiting = await awaitingApproval(GLADSAXE);
    expect(await actionsFor('org admin of Gladsaxe', waiting.id)).toMatchObject({ approve: true, suspend: true });
  });

  it('leave out approve for someone on the municipal domain who has only to confirm their e-mail', async () => {
    const unverified = await t.createUser({
      email: uniqueEmail(DOMAIN[GLADSAXE]!, 'target'),
      organizationCode: GLADSAXE,
      status: 'pending',
    });
    expect(await actionsFor('org admin of Gladsaxe', unverified.id)).toMatchObject({ approve: false });
  });

  it('are none for the org admin on their own row', async () => {
    expect(await actionsFor('org admin of Gladsaxe', actors['org admin of Gladsaxe'].id)).toEqual({
      approve: false,
      suspend: false,
      reactivate: false,
      setRole: false,
    });
  });

  it('leave out reactivate when KOMBIT suspended the member, and offer it to a moderator', async () => {
    const member = await activeMember(GLADSAXE);
    expect((await as.moderator.post(`/api/users/${member.id}/suspend`, {})).status).toBe(200);
    expect(await actionsFor('org admin of Gladsaxe', member.id)).toMatchObject({ reactivate: false });
    expect(await actionsFor('moderator', member.id)).toMatchObject({ reactivate: true });
  });

  it('include setting the role for an admin only', async () => {
    const member = await activeMember(GLADSAXE);
    expect(await actionsFor('admin', member.id)).toMatchObject({ setRole: true });
    expect(await actionsFor('moderator', member.id)).toMatchObject({ setRole: false });
  });
});
