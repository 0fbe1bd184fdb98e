import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession, mailsTo, signIn, tokenFromMail, uniqueEmail } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp, type TestUser } from '../support/test-app.js';

const NEW_PASSWORD = 'Rød-Lampe-Ved-Havnen-42';
const RESET_SUBJECT = /Nulstil din adgangskode/;

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const anonymous = () => new ApiSession(t.url);
const forgot = (email: string) => anonymous().post('/api/auth/forgot-password', { email });
const reset = (token: string, password: string) => anonymous().post('/api/auth/reset-password', { token, password });

async function userWithResetToken(): Promise<{ user: TestUser; token: string }> {
  const user = await t.createUser({ email: uniqueEmail('gladsaxe.dk'), organizationCode: '0159' });
  expect((await forgot(user.email)).status).toBe(202);
  return { user, token: await tokenFromMail(t.url, user.email, RESET_SUBJECT) };
}

describe('asking for a password reset', () => {
  it('answers 202 with the same empty body for a known and an unknown address', async () => {
    const known = await t.createUser({ email: uniqueEmail('gladsaxe.dk'), organizationCode: '0159' });
    const forKnown = await forgot(known.email);
    const forUnknown = await forgot(uniqueEmail('gladsaxe.dk', 'nobody'));
    expect(forKnown.status).toBe(202);
    expect(forUnknown.status).toBe(202);
    expect(forUnknown.body).toEqual(forKnown.body);
  });

  it('mails a reset link to a known address', async () => {
    const known = await t.createUser({ email: uniqueEmail('gladsaxe.dk'), organizationCode: '0159' });
    await forgot(known.email);
    const [mail] = await mailsTo(t.url, known.email);
    expect(mail?.subject).toMatch(RESET_SUBJECT);
    expect(mail?.text).toMatch(/\/nulstil-adgangskode\?token=[\w-]{20,}/);
  });

  it('mails nobody for an unknown address', async () => {
    const unknown = uniqueEmail('gladsaxe.dk', 'nobody');
    await forgot(unknown);
    expect(await mailsTo(t.url, unknown)).toEqual([]);
  });
});

describe('resetting the password with the mailed token', () => {
  it('answers 204, after which the new password logs in and the old one does not', async () => {
    const { user, token } = await userWithResetToken();
    expect((await reset(token, NEW_PASSWORD)).status).toBe(204);
    expect(await anonymous().login(user.email, TEST_PASSWORD)).toBe(401);
    expect(await anonymous().login(user.email, NEW_PASSWORD)).toBe(200);
  });

  it('accepts each token only once', async () => {
    const { token } = await userWithResetToken();
    expect((await reset(token, NEW_PASSWORD)).status).toBe(204);
    const again = await reset(token, 'Endnu-En-Ny-Adgangskode-9');
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ code: 'INVALID_TOKEN', fields: { token: [expect.any(String)] } });
  });

  it('makes an earlier reset token useless when a newer one is requested', async () => {
    const { user, token: first } = await userWithResetToken();
    await forgot(user.email);
    expect((await reset(first, NEW_PASSWORD)).status).toBe(400);
  });

  it('ends every session the user had', async () => {
    const { user, token } = await userWithResetToken();
    const laptop = await signIn(t.url, user.email, TEST_PASSWORD);
    const phone = await signIn(t.url, user.email, TEST_PASSWORD);
    expect((await laptop.get('/api/auth/me')).status).toBe(200);

    await reset(token, NEW_PASSWORD);

    expect((await laptop.get('/api/auth/me')).status).toBe(401);
    expect((await phone.get('/api/auth/me')).status).toBe(401);
    const { rows } = await t.db.query(`SELECT 1 FROM "session" WHERE sess->'passport'->>'user' = $1`, [user.id]);
    expect(rows).toEqual([]);
  });

  it('refuses a common password with 400 on the field password', async () => {
    const { token } = await userWithResetToken();
    const response = await reset(token, 'password1234');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: { password: [expect.stringMatching(/almindelig/)] } });
  });

  it('refuses a too short password with 400 on the field password', async () => {
    const { token } = await userWithResetToken();
    const response = await reset(token, 'Kort-1');
    expect(response.status).toBe(400);
    expect(response.body.fields).toHaveProperty('password');
  });

  it('leaves the token usable and the password unchanged after refusing a weak password', async () => {
    const { user, token } = await userWithResetToken();
    await reset(token, 'password1234');
    expect(await anonymous().login(user.email, TEST_PASSWORD)).toBe(200);
    expect((await reset(token, NEW_PASSWORD)).status).toBe(204);
  });
});

describe('changing the password while logged in', () => {
  const change = (session: ApiSession, currentPassword: string, newPassword: string) =>
    session.post('/api/auth/change-password', { currentPassword, newPassword });

  it('answers 204 and the new password logs in from then on', async () => {
    const user = await t.createUser({ email: uniqueEmail('gladsaxe.dk'), organizationCode: '0159' });
    const session = await signIn(t.url, user.email, TEST_PASSWORD);
    expect((await change(session, TEST_PASSWORD, NEW_PASSWORD)).status).toBe(204);
    expect(await anonymous().login(user.email, TEST_PASSWORD)).toBe(401);
    expect(await anonymous().login(user.email, NEW_PASSWORD)).toBe(200);
  });

  it('ends every other session of the user and keeps the one that changed it', async () => {
    const user = await t.createUser({ email: uniqueEmail('gladsaxe.dk'), organizationCode: '0159' });
    const laptop = await signIn(t.url, user.email, TEST_PASSWORD);
    const phone = await signIn(t.url, user.email, TEST_PASSWORD);
    expect((await phone.get('/api/auth/me')).status).toBe(200);

    expect((await change(laptop, TEST_PASSWORD, NEW_PASSWORD)).status).toBe(204);

    expect((await phone.get('/api/auth/me')).status).toBe(401);
    expect((await laptop.get('/api/auth/me')).status).toBe(200);
    const { rows } = await t.db.query(`SELECT 1 FROM "session" WHERE sess->'passport'->>'user' = $1`, [user.id]);
    expect(rows).toHaveLength(1);
  });

  it('makes a reset link mailed before the change useless', async () => {
    const { user, token } = await userWithResetToken();
    const session = await signIn(t.url, user.email, TEST_PASSWORD);
    expect((await change(session, TEST_PASSWORD, NEW_PASSWORD)).status).toBe(204);
    const response = await reset(token, 'Helt-Anden-Kode-Om-Natten-9');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'INVALID_TOKEN' });
    expect(await anonymous().login(user.email, NEW_PASSWORD)).toBe(200);
  });

  it('refuses a wrong current password with 400 on the field currentPassword', async () => {
    const user = await t.createUser({ email: uniqueEmail('gladsaxe.dk'), organizationCode: '0159' });
    const session = await signIn(t.url, user.email, TEST_PASSWORD);
    const response = await change(session, 'Ikke-Den-Rigtige-Kode', NEW_PASSWORD);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: { currentPassword: [expect.any(String)] } });
    expect(await anonymous().login(user.email, TEST_PASSWORD)).toBe(200);
  });

  it('refuses a common new password with 400 on the field newPassword', async () => {
    const user = await t.createUser({ email: uniqueEmail('gladsaxe.dk'), organizationCode: '0159' });
    const session = await signIn(t.url, user.email, TEST_PASSWORD);
    const response = await change(session, TEST_PASSWORD, 'qwertyuiopasdf');
    expect(response.status).toBe(400);
    expect(response.body.fields).toHaveProperty('newPassword');
  });

  it('answers 401 without a session', async () => {
    expect((await change(anonymous(), TEST_PASSWORD, NEW_PASSWORD)).status).toBe(401);
  });
});

describe('guessing mailed tokens (ACCOUNT_RATE_LIMIT=2)', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp({ env: { ACCOUNT_RATE_LIMIT: '2' } });
  });
  afterAll(async () => {
    await limited.close();
  });

  it.each([
    ['/api/auth/reset-password', { password: NEW_PASSWORD }],
    ['/api/auth/verify', {}],
  ])('%s answers 429 once an address has used up its limit', async (path, body) => {
    const attempt = () => new ApiSession(limited.url).post(path, { token: 'gaettet-token-0123456789abcdef', ...body });
    expect((await attempt()).status).toBe(400);
    expect((await attempt()).status).toBe(400);
    const blocked = await attempt();
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });
});
