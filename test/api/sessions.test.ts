import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession, signIn, uniqueEmail } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp, type TestUser } from '../support/test-app.js';

// Three attempts per address and e-mail, 15 per address and 9 per e-mail; every other test here logs
// each user in at most twice. All logins sent from the runner's own address (127.0.0.1) share the
// per-address budget of 15, so the throttling tests below log in from forwarded addresses of their own.
const LOGIN_RATE_LIMIT = 3;

let t: TestApp;
let orgAdmin: ApiSession;

beforeAll(async () => {
  t = await startTestApp({ env: { LOGIN_RATE_LIMIT: String(LOGIN_RATE_LIMIT) } });
  const admin = await t.createUser({ email: 'admin@gladsaxe.dk', organizationCode: '0159', role: 'org_admin' });
  orgAdmin = await signIn(t.url, admin.email, TEST_PASSWORD);
});
afterAll(async () => {
  await t.close();
});

const member = () => t.createUser({ email: uniqueEmail('gladsaxe.dk'), organizationCode: '0159' });

let addresses = 0;
/** A client address no other test here uses; the API trusts the forwarded address from loopback, as from the web. */
const freshAddress = () => `10.0.${++addresses}.1`;

const loginFrom = (address: string, email: string, password: string) =>
  new ApiSession(t.url).post('/api/auth/login', { email, password }, { 'x-forwarded-for': address });

async function sessionRows(userId: string): Promise<number> {
  const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "session" WHERE sess->'passport'->>'user' = $1`, [
    userId,
  ]);
  return rows[0]!.n;
}

describe('the session cookie', () => {
  let cookie: string;
  beforeAll(async () => {
    const user = await member();
    const response = await new ApiSession(t.url).post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
    cookie = response.headers.getSetCookie().find((c) => c.startsWith('infraforum.sid=')) ?? '';
  });

  it('is called infraforum.sid', () => {
    expect(cookie).toMatch(/^infraforum\.sid=[^;]+/);
  });

  it('is HttpOnly, so page scripts cannot read it', () => {
    expect(cookie).toMatch(/;\s*HttpOnly/i);
  });

  it('is SameSite=Lax', () => {
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
  });

  it('is sent for every path (Path=/)', () => {
    expect(cookie).toMatch(/;\s*Path=\/(;|$)/);
  });

  it('is not marked Secure outside production, so http://localhost works', () => {
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });
});

describe('anonymous requests', () => {
  it('create no session and set no cookie, whatever they read', async () => {
    const before = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "session"`);
    const anonymous = new ApiSession(t.url);
    for (const path of ['/api/content?kind=question', '/api/content/1', '/api/catalog/components', '/api/auth/me', '/api/organizations']) {
      const response = await anonymous.get(path);
      expect(response.headers.getSetCookie(), path).toEqual([]);
    }
    const after = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "session"`);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('that carry a dead session cookie are simply anonymous', async () => {
    const response = await new ApiSession(t.url).request('GET', '/api/auth/me', undefined, {
      cookie: 'infraforum.sid=s%3Anot-a-session.sig',
    });
    expect(response.status).toBe(401);
  });
});

describe('a logged-in session', () => {
  it('keeps the user logged in across requests', async () => {
    const user = await member();
    const session = await signIn(t.url, user.email, TEST_PASSWORD);
    for (let i = 0; i < 3; i++) {
      const me = await session.get('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body.id).toBe(user.id);
    }
  });

  it('is stored as a row in the session table', async () => {
    const user = await member();
    await signIn(t.url, user.email, TEST_PASSWORD);
    expect(await sessionRows(user.id)).toBe(1);
  });

  it('is gone from the session table after logout', async () => {
    const user = await member();
    const session = await signIn(t.url, user.email, TEST_PASSWORD);
    expect((await session.post('/api/auth/logout')).status).toBe(204);
    expect(await sessionRows(user.id)).toBe(0);
  });

  it('ends at once when the user is suspended', async () => {
    const user = await member();
    const session = await signIn(t.url, user.email, TEST_PASSWORD);
    expect((await orgAdmin.post(`/api/users/${user.id}/suspend`, {})).status).toBe(200);
    const me = await session.get('/api/auth/me');
    expect(me.status).toBe(401);
    expect(me.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    expect(await sessionRows(user.id)).toBe(0);
  });

  it('answers 401 on /me without any session', async () => {
    const me = await new ApiSession(t.url).get('/api/auth/me');
    expect(me.status).toBe(401);
    expect(me.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED', message: expect.any(String) });
  });

  it('logout answers 204 also without a session', async () => {
    expect((await new ApiSession(t.url).post('/api/auth/logout')).status).toBe(204);
  });
});

describe('a refused login', () => {
  let wrongPassword: { status: number; body: { code: string; message: string } };
  beforeAll(async () => {
    const user = await member();
    wrongPassword = await new ApiSession(t.url).post('/api/auth/login', { email: user.email, password: 'Forkert-Adgangskode-1' });
  });

  it('answers 401 INVALID_CREDENTIALS for a wrong password', () => {
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.body).toMatchObject({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: expect.any(String) });
  });

  it.each([
    ['an unknown address', async () => ({ email: uniqueEmail('gladsaxe.dk', 'nobody'), password: TEST_PASSWORD })],
    [
      'an account awaiting approval',
      async () => ({
        email: (
          await t.createUser({ email: uniqueEmail('gmail.com'), organizationCode: '0159', status: 'pending', emailDomainMatches: false })
        ).email,
        password: TEST_PASSWORD,
      }),
    ],
    [
      'a suspended account',
      async () => ({
        email: (await t.createUser({ email: uniqueEmail('gladsaxe.dk'), organizationCode: '0159', status: 'suspended' })).email,
        password: TEST_PASSWORD,
      }),
    ],
    ['an account whose e-mail is not verified', async () => registeredButUnverified()],
  ])('answers %s with the same 401 and message as a wrong password', async (_, credentials) => {
    const response = await new ApiSession(t.url).post('/api/auth/login', await credentials());
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: wrongPassword.body.code, message: wrongPassword.body.message });
  });

  it('sets no session cookie', async () => {
    const user = await member();
    const session = new ApiSession(t.url);
    await session.login(user.email, 'Forkert-Adgangskode-1');
    expect(session.hasCookie).toBe(false);
  });
});

async function registeredButUnverified(): Promise<{ email: string; password: string }> {
  const credentials = { email: uniqueEmail('gladsaxe.dk'), password: 'Blå-Bænk-I-Parken-31' };
  const response = await new ApiSession(t.url).post('/api/auth/register', {
    ...credentials,
    name: 'Ulla Uverificeret',
    organizationCode: '0159',
  });
  expect(response.status).toBe(201);
  return credentials;
}

describe(`repeated logins (LOGIN_RATE_LIMIT=${LOGIN_RATE_LIMIT})`, () => {
  const address = freshAddress();
  let user: TestUser;
  let blocked: { status: number; body: unknown };
  beforeAll(async () => {
    user = await member();
    for (let i = 0; i < LOGIN_RATE_LIMIT; i++) {
      expect((await loginFrom(address, user.email, `Forkert-Adgangskode-${i}`)).status).toBe(401);
    }
    blocked = await loginFrom(address, user.email, 'Forkert-Adgangskode-x');
  });

  it('answer 429 once the limit is used up', () => {
    expect(blocked.status).toBe(429);
  });

  it('answer 429 in the API’s one error shape', () => {
    expect(blocked.body).toEqual({
      statusCode: 429,
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/For mange forsøg/),
      correlationId: expect.any(String),
    });
  });

  it('refuse even the right password while the limit lasts', async () => {
    expect((await loginFrom(address, user.email, TEST_PASSWORD)).status).toBe(429);
  });

  it('count per e-mail, so a colleague on the same address can still log in', async () => {
    const colleague = await member();
    expect((await loginFrom(address, colleague.email, TEST_PASSWORD)).status).toBe(200);
  });
});

describe(`logins from one address to many accounts (5 × LOGIN_RATE_LIMIT = ${5 * LOGIN_RATE_LIMIT})`, () => {
  const address = freshAddress();
  let statuses: number[];
  beforeAll(async () => {
    statuses = [];
    for (let i = 0; i < 5 * LOGIN_RATE_LIMIT + 1; i++) {
      statuses.push((await loginFrom(address, uniqueEmail('gladsaxe.dk', 'spray'), 'Sommer2025-Sommer2025')).status);
    }
  });

  it('answer 429 once the address has used up its limit, whichever e-mail it names', () => {
    expect(statuses).toEqual([...Array<number>(5 * LOGIN_RATE_LIMIT).fill(401), 429]);
  });

  it('refuse a real user on that address while the limit lasts', async () => {
    const user = await member();
    expect((await loginFrom(address, user.email, TEST_PASSWORD)).status).toBe(429);
  });

  it('leave other addresses alone', async () => {
    const user = await member();
    expect((await loginFrom(freshAddress(), user.email, TEST_PASSWORD)).status).toBe(200);
  });
});

describe(`logins to one account from many addresses (3 × LOGIN_RATE_LIMIT = ${3 * LOGIN_RATE_LIMIT})`, () => {
  let user: TestUser;
  let statuses: number[];
  beforeAll(async () => {
    user = await member();
    statuses = [];
    for (let i = 0; i < 3 * LOGIN_RATE_LIMIT + 1; i++) {
      statuses.push((await loginFrom(freshAddress(), user.email, `Forkert-Adgangskode-${i}`)).status);
    }
  });

  it('answer 429 once the account has used up its limit, whichever address tries', () => {
    expect(statuses).toEqual([...Array<number>(3 * LOGIN_RATE_LIMIT).fill(401), 429]);
  });

  it('refuse even the right password from yet another address while the limit lasts', async () => {
    expect((await loginFrom(freshAddress(), user.email, TEST_PASSWORD)).status).toBe(429);
  });

  it('leave other accounts alone', async () => {
    const other = await member();
    expect((await loginFrom(freshAddress(), other.email, TEST_PASSWORD)).status).toBe(200);
  });
});
