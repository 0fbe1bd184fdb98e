import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession, mailsTo, signIn, tokenFromMail, uniqueEmail } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp, type TestUser } from '../support/test-app.js';

const PASSWORD = 'Grøn-Cykel-Over-Broen-7';
const VERIFY_SUBJECT = /Bekræft din e-mailadresse/;

let t: TestApp;
let gladsaxeAdmin: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  gladsaxeAdmin = await t.createUser({ email: 'admin@gladsaxe.dk', organizationCode: '0159', role: 'org_admin', name: 'Gitte Admin' });
});
afterAll(async () => {
  await t.close();
});

function register(email: string, organizationCode = '0159', name = 'Mette Hansen') {
  return new ApiSession(t.url).post('/api/auth/register', { email, password: PASSWORD, name, organizationCode });
}

function verify(token: string) {
  return new ApiSession(t.url).post('/api/auth/verify', { token });
}

/** Opens the newest verification link mailed to `email`. */
async function verifyFromMail(email: string) {
  return verify(await tokenFromMail(t.url, email, VERIFY_SUBJECT));
}

async function registerAndVerify(email: string) {
  expect((await register(email)).status).toBe(201);
  return verifyFromMail(email);
}

describe('registering with an address on the municipality’s domain', () => {
  it('answers 201 with the new account, pending until the e-mail is verified', async () => {
    const response = await register(uniqueEmail('gladsaxe.dk'));
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: expect.any(String), status: 'pending', needsApproval: false });
  });

  it('mails a verification link carrying a token', async () => {
    const email = uniqueEmail('gladsaxe.dk');
    await register(email);
    const [mail] = await mailsTo(t.url, email);
    expect(mail).toMatchObject({ to: email, subject: expect.stringMatching(VERIFY_SUBJECT) });
    expect(mail?.text).toMatch(/\/bekraeft-email\?token=[\w-]{20,}/);
  });

  it('cannot log in before the e-mail is verified', async () => {
    const email = uniqueEmail('gladsaxe.dk');
    await register(email);
    expect(await new ApiSession(t.url).login(email, PASSWORD)).toBe(401);
  });

  it('becomes active when the mailed token is verified', async () => {
    const response = await registerAndVerify(uniqueEmail('gladsaxe.dk'));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'active', needsApproval: false });
  });

  it('registers, verifies, logs in, sees itself on /me, logs out, and is then anonymous again', async () => {
    const email = uniqueEmail('gladsaxe.dk', 'mette');
    const registered = await register(email);
    expect((await verifyFromMail(email)).status).toBe(200);
    const session = new ApiSession(t.url);

    const login = await session.post('/api/auth/login', { email, password: PASSWORD });
    expect(login.status).toBe(200);
    expect(session.hasCookie).toBe(true);
    const me = await session.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      id: registered.body.id,
      email,
      name: 'Mette Hansen',
      role: 'member',
      status: 'active',
      organization: { code: '0159', name: 'Gladsaxe' },
    });
    expect(me.body).toEqual({ ...login.body, unreadNotifications: 0 });

    expect((await session.post('/api/auth/logout')).status).toBe(204);
    expect((await session.get('/api/auth/me')).status).toBe(401);
  });
});

describe('registering with an address outside the municipality’s domain', () => {
  it('answers 201 and says the account needs approval', async () => {
    const response = await register(uniqueEmail('gmail.com'));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ status: 'pending', needsApproval: true });
  });

  it.each(['skole.gladsaxe.dk', 'elev.skole.gladsaxe.dk'])('counts a sub-domain (%s) as outside, so it needs approval', async (domain) => {
    const response = await registerAndVerify(uniqueEmail(domain));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'pending', needsApproval: true });
  });

  it('stays pending after verification', async () => {
    const response = await registerAndVerify(uniqueEmail('gmail.com'));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'pending', needsApproval: true });
  });

  it('asks the municipality’s org admins for approval once the e-mail is verified', async () => {
    const email = uniqueEmail('gmail.com', 'ole');
    const before = (await mailsTo(t.url, gladsaxeAdmin.email)).length;
    await registerAndVerify(email);
    const mails = await mailsTo(t.url, gladsaxeAdmin.email);
    expect(mails).toHaveLength(before + 1);
    expect(mails[0]?.subject).toBe('Ny bruger i Gladsaxe venter på godkendelse');
    expect(mails[0]?.text).toContain(email);
  });

  it('cannot log in before an org admin approves', async () => {
    const email = uniqueEmail('gmail.com');
    await registerAndVerify(email);
    expect(await new ApiSession(t.url).login(email, PASSWORD)).toBe(401);
  });

  it('can log in once the org admin has approved, and is told so by mail', async () => {
    const email = uniqueEmail('gmail.com');
    const { body: created } = await register(email);
    expect((await verifyFromMail(email)).status).toBe(200);
    const admin = await signIn(t.url, gladsaxeAdmin.email, TEST_PASSWORD);

    const approval = await admin.post(`/api/users/${created.id}/approve`, {});
    expect(approval.status).toBe(200);
    expect(approval.body).toMatchObject({ id: created.id, status: 'active', needsApproval: true });
    expect((await mailsTo(t.url, email))[0]?.subject).toBe('Din konto på Infraforum er godkendt');
    expect(await new ApiSession(t.url).login(email, PASSWORD)).toBe(200);
  });
});

describe('an e-mail address can hold only one account', () => {
  it('answers 409 EMAIL_TAKEN for an address already registered', async () => {
    const email = uniqueEmail('gladsaxe.dk');
    await register(email);
    const again = await register(email);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ statusCode: 409, code: 'EMAIL_TAKEN', fields: { email: [expect.any(String)] } });
  });

  it('answers 409 also when the address differs only in case', async () => {
    const email = uniqueEmail('gladsaxe.dk');
    await register(email);
    expect((await register(email.toUpperCase())).status).toBe(409);
  });

  it('keeps just the one account after a refused second registration', async () => {
    const email = uniqueEmail('gladsaxe.dk');
    await register(email);
    await register(email.toUpperCase());
    const { rows } = await t.db.query('SELECT id FROM "user" WHERE lower(email) = $1', [email]);
    expect(rows).toHaveLength(1);
  });
});

describe('verification tokens', () => {
  it('rejects a token that was never issued with 400 INVALID_TOKEN', async () => {
    const response = await verify('x'.repeat(43));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'INVALID_TOKEN', fields: { token: [expect.any(String)] } });
  });

  it('rejects a token that has already been used', async () => {
    const email = uniqueEmail('gladsaxe.dk');
    await register(email);
    const token = await tokenFromMail(t.url, email, VERIFY_SUBJECT);
    expect((await verify(token)).status).toBe(200);
    const again = await verify(token);
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('INVALID_TOKEN');
  });
});

describe('resending the verification mail', () => {
  it('answers 202 and mails a fresh token that verifies the account', async () => {
    const email = uniqueEmail('gladsaxe.dk');
    await register(email);
    const response = await new ApiSession(t.url).post('/api/auth/resend-verification', { email });
    expect(response.status).toBe(202);
    expect(await mailsTo(t.url, email)).toHaveLength(2);
    expect((await verifyFromMail(email)).status).toBe(200);
  });

  it('makes the earlier token useless', async () => {
    const email = uniqueEmail('gladsaxe.dk');
    await register(email);
    const first = await tokenFromMail(t.url, email, VERIFY_SUBJECT);
    await new ApiSession(t.url).post('/api/auth/resend-verification', { email });
    expect((await verify(first)).status).toBe(400);
  });

  it('answers 202 without mailing anyone for an unknown address', async () => {
    const email = uniqueEmail('gladsaxe.dk', 'nobody');
    const response = await new ApiSession(t.url).post('/api/auth/resend-verification', { email });
    expect(response.status).toBe(202);
    expect(await mailsTo(t.url, email)).toEqual([]);
  });

  it('sends nothing more once the address is verified', async () => {
    const email = uniqueEmail('gladsaxe.dk');
    await registerAndVerify(email);
    await new ApiSession(t.url).post('/api/auth/resend-verification', { email });
    expect(await mailsTo(t.url, email)).toHaveLength(1);
  });
});

describe('what is stored', () => {
  it('stores the e-mail address lower-cased', async () => {
    const email = uniqueEmail('gladsaxe.dk', 'MixedCase');
    const mixed = email.replace('gladsaxe.dk', 'GladSaxe.DK');
    const response = await register(mixed);
    const { rows } = await t.db.query<{ email: string }>('SELECT email FROM "user" WHERE id = $1', [response.body.id]);
    expect(rows[0]?.email).toBe(email.toLowerCase());
  });

  it('stores the password only as an argon2id hash', async () => {
    const response = await register(uniqueEmail('gladsaxe.dk'));
    const { rows } = await t.db.query<{ password_hash: string }>('SELECT password_hash FROM "user" WHERE id = $1', [response.body.id]);
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0]?.password_hash).not.toContain(PASSWORD);
  });

  it('never writes the password in clear to any table', async () => {
    const email = uniqueEmail('gladsaxe.dk');
    await registerAndVerify(email);
    await signIn(t.url, email, PASSWORD);
    for (const table of ['user', 'user_token', 'session', 'dev_mail', 'audit_log']) {
      const { rows } = await t.db.query<{ found: number }>(
        `SELECT count(*)::int AS found FROM "${table}" t WHERE row_to_json(t)::text LIKE $1`,
        [`%${PASSWORD}%`],
      );
      expect(rows[0]?.found, `password found in ${table}`).toBe(0);
    }
  });
});

describe('the dev inbox (GET /api/dev/mail)', () => {
  const tokenIn = (text: string) => /[?&]token=([\w-]+)/.exec(text)?.[1] ?? '';

  it('lists only the mails to the address given in ?to=, whatever its case', async () => {
    const [mine, other] = [uniqueEmail('gladsaxe.dk'), uniqueEmail('gladsaxe.dk')];
    await register(mine);
    await register(other);
    const mails = await mailsTo(t.url, mine.toUpperCase());
    expect(mails).toEqual([
      { to: mine, subject: expect.stringMatching(VERIFY_SUBJECT), text: expect.any(String), sentAt: expect.any(String) },
    ]);
  });

  it('lists the newest mail first', async () => {
    const email = uniqueEmail('gladsaxe.dk');
    await register(email);
    await new ApiSession(t.url).post('/api/auth/resend-verification', { email });
    const [newest, older] = await mailsTo(t.url, email);
    // Resending revokes the older token, so only the newest mail's link still works.
    expect((await verify(tokenIn(older!.text))).status).toBe(400);
    expect((await verify(tokenIn(newest!.text))).status).toBe(200);
  });
});

describe('when the mail server is down', () => {
  let down: TestApp;
  beforeAll(async () => {
    down = await startTestApp({ env: { SMTP_URL: 'smtp://127.0.0.1:1' } });
  });
  afterAll(async () => {
    await down.close();
  });

  it('registering still answers 201 and the account exists (a resend can follow)', async () => {
    const email = uniqueEmail('gladsaxe.dk');
    const response = await new ApiSession(down.url).post('/api/auth/register', {
      email,
      password: PASSWORD,
      name: 'Mette Hansen',
      organizationCode: '0159',
    });
    expect(response.status).toBe(201);
    const { rows } = await down.db.query('SELECT id, status FROM "user" WHERE email = $1', [email]);
    expect(rows).toEqual([{ id: response.body.id, status: 'pending' }]);
    expect((await new ApiSession(down.url).post('/api/auth/resend-verification', { email })).status).toBe(202);
  });
});
