import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession, signIn } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

/**
 * Whatever a client sends, the API answers with a 4xx in its one error shape, never a 500, and stores
 * nothing from it. Every body is a variation of a valid one, so each test isolates one flaw.
 */

const SQL_ISH = [`' OR 1=1 --`, `'; DROP TABLE "user"; --`];
const SCRIPT_ISH = ['<script>alert(1)</script>', 'javascript:alert(1)'];
const HOSTILE = [...SQL_ISH, ...SCRIPT_ISH];
const WRONG_TYPES: unknown[] = [123, ['x'], null, { x: 1 }, true];
const NULLABLE_WRONG_TYPES: unknown[] = [123, ['x'], { x: 1 }, true];
const UNKNOWN_TOKEN = 'ukendt-token-0123456789-abcdefghijklmnopq';

// One account exists on purpose; bodies that would otherwise be valid reuse its address, so a flaw
// that slipped through validation would end in 409/401 rather than in a new row.
const EXISTING_EMAIL = 'eksisterende@gladsaxe.dk';
const PROFILE_EMAIL = 'profil@gladsaxe.dk';

let t: TestApp;
let anonymous: ApiSession;
let profileOwner: ApiSession;
let profileOwnerId: string;

beforeAll(async () => {
  // Every refused login counts towards the rate limit; this file is about validation, not throttling.
  t = await startTestApp({ env: { LOGIN_RATE_LIMIT: '100000' } });
  await t.createUser({ email: EXISTING_EMAIL, organizationCode: '0159' });
  profileOwnerId = (await t.createUser({ email: PROFILE_EMAIL, organizationCode: '0159', name: 'Pernille Profil' })).id;
  anonymous = new ApiSession(t.url);
  profileOwner = await signIn(t.url, PROFILE_EMAIL, TEST_PASSWORD);
});
afterAll(async () => {
  await t.close();
});

interface Endpoint {
  method: 'POST' | 'PUT';
  path: string;
  valid: Record<string, unknown>;
  /** Each field with values of a type it does not accept. */
  wrongTypes: Record<string, unknown[]>;
  /** Fields that take text. */
  text: string[];
  client: () => ApiSession;
}

const ENDPOINTS: Endpoint[] = [
  {
    method: 'POST',
    path: '/api/auth/register',
    valid: { email: EXISTING_EMAIL, password: 'Grøn-Cykel-Over-Broen-7', name: 'Mette Hansen', organizationCode: '0159' },
    wrongTypes: { email: WRONG_TYPES, password: WRONG_TYPES, name: WRONG_TYPES, organizationCode: WRONG_TYPES },
    text: ['email', 'password', 'name', 'organizationCode'],
    client: () => anonymous,
  },
  {
    method: 'POST',
    path: '/api/auth/login',
    valid: { email: EXISTING_EMAIL, password: TEST_PASSWORD },
    wrongTypes: { email: WRONG_TYPES, password: WRONG_TYPES },
    text: ['email', 'password'],
    client: () => anonymous,
  },
  {
    method: 'POST',
    path: '/api/auth/verify',
    valid: { token: UNKNOWN_TOKEN },
    wrongTypes: { token: WRONG_TYPES },
    text: ['token'],
    client: () => anonymous,
  },
  {
    method: 'POST',
    path: '/api/auth/forgot-password',
    valid: { email: EXISTING_EMAIL },
    wrongTypes: { email: WRONG_TYPES },
    text: ['email'],
    client: () => anonymous,
  },
  {
    method: 'POST',
    path: '/api/auth/reset-password',
    valid: { token: UNKNOWN_TOKEN, password: 'Grøn-Cykel-Over-Broen-7' },
    wrongTypes: { token: WRONG_TYPES, password: WRONG_TYPES },
    text: ['token', 'password'],
    client: () => anonymous,
  },
  {
    method: 'PUT',
    path: '/api/profile',
    valid: { name: 'Pernille Profil', title: null, phone: null, showContactDetails: false },
    wrongTypes: {
      name: WRONG_TYPES,
      title: NULLABLE_WRONG_TYPES,
      phone: NULLABLE_WRONG_TYPES,
      showContactDetails: ['true', 1, null, ['x'], { x: 1 }],
    },
    text: ['name', 'title', 'phone'],
    client: () => profileOwner,
  },
];

const send = (endpoint: Endpoint, body: unknown, headers?: Record<string, string>) =>
  endpoint.client().request(endpoint.method, endpoint.path, body, headers);

const errorShape = (statusCode: number, code: string) => ({
  statusCode,
  code,
  message: expect.any(String),
  correlationId: expect.any(String),
});

describe.each(ENDPOINTS.map((endpoint) => [`${endpoint.method} ${endpoint.path}`, endpoint] as const))('%s', (_, endpoint) => {
  it.each(['{"email": ', `{'email': 'x'}`, '{"email": "x",}', 'email=x'])('answers 400 MALFORMED_JSON to the body %s', async (body) => {
    const response = await send(endpoint, body);
    expect(response.status).toBe(400);
    expect(response.body).toEqual(errorShape(400, 'MALFORMED_JSON'));
  });

  it.each([
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    'application/json; charset=latin1',
  ])('answers 415 UNSUPPORTED_MEDIA_TYPE to a body sent as %s', async (contentType) => {
    const response = await send(endpoint, JSON.stringify(endpoint.valid), { 'content-type': contentType });
    expect(response.status).toBe(415);
    expect(response.body).toEqual(errorShape(415, 'UNSUPPORTED_MEDIA_TYPE'));
  });

  it.each(['[]', '[{}]'])('answers 400 to the body %s, which is not an object', async (body) => {
    expect((await send(endpoint, body)).status).toBe(400);
  });

  it.each(Object.entries(endpoint.wrongTypes).flatMap(([field, values]) => values.map((value) => [field, value] as const)))(
    'answers 400 naming the field when %s is %j',
    async (field, value) => {
      const response = await send(endpoint, { ...endpoint.valid, [field]: value });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        ...errorShape(400, 'VALIDATION_FAILED'),
        fields: { [field]: expect.arrayContaining([expect.any(String)]) },
      });
    },
  );

  it('answers 400 listing every required field when the body is empty', async () => {
    const response = await send(endpoint, {});
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields).sort()).toEqual(Object.keys(endpoint.valid).sort());
  });

  it('answers 400 naming each unknown field', async () => {
    const response = await send(endpoint, { ...endpoint.valid, role: 'admin', status: 'active' });
    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual({ role: ['Ukendt felt'], status: ['Ukendt felt'] });
  });

  it.each(['__proto__', 'constructor'])('answers 400 naming the unknown field %s, never 500', async (key) => {
    const response = await send(endpoint, `{"${key}": {"role": "admin"}, ${JSON.stringify(endpoint.valid).slice(1)}`);
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields)).toEqual([key]);
  });

  it.each(endpoint.text)('answers 400 naming the field when %s holds a 90 KB string (under the body limit)', async (field) => {
    const response = await send(endpoint, { ...endpoint.valid, [field]: 'a'.repeat(90 * 1024) });
    expect(response.status).toBe(400);
    expect(response.body.fields).toHaveProperty(field);
  });

  it.each(endpoint.text.flatMap((field) => ['a\u0000b', 'linje\nskift', '\u001b[31m'].map((value) => [field, value] as const)))(
    'answers 4xx, never 500, when %s holds the control characters %j',
    async (field, value) => {
      const response = await send(endpoint, { ...endpoint.valid, [field]: value });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    },
  );

  it('answers 413 PAYLOAD_TOO_LARGE to a 1 MB body', async () => {
    const [field] = endpoint.text;
    const response = await send(endpoint, { ...endpoint.valid, [field!]: 'a'.repeat(1024 * 1024) });
    expect(response.status).toBe(413);
    expect(response.body).toEqual(errorShape(413, 'PAYLOAD_TOO_LARGE'));
  });

  if (endpoint.path !== '/api/profile') {
    it.each(endpoint.text.flatMap((field) => HOSTILE.map((value) => [field, value] as const)))(
      'answers 4xx when %s is %s',
      async (field, value) => {
        const response = await send(endpoint, { ...endpoint.valid, [field]: value });
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
      },
    );

    it('answers 400 when every field holds SQL', async () => {
      const body = Object.fromEntries(Object.keys(endpoint.valid).map((field) => [field, SQL_ISH[1]]));
      expect((await send(endpoint, body)).status).toBe(400);
    });
  }
});

describe('registering for an organization that does not exist', () => {
  it.each(['9999', 'XYZ', '', '0159; DROP TABLE organization'])(
    'answers 400 on the field organizationCode for %j',
    async (organizationCode) => {
      const response = await anonymous.post('/api/auth/register', {
        email: 'ny@gladsaxe.dk',
        password: 'Grøn-Cykel-Over-Broen-7',
        name: 'Ny Bruger',
        organizationCode,
      });
      expect(response.status).toBe(400);
      expect(response.body.fields).toEqual({ organizationCode: [expect.any(String)] });
    },
  );
});

describe('the profile and hostile text', () => {
  const storedProfile = async () =>
    (
      await t.db.query<{ name: string; title: string | null; phone: string | null }>(
        'SELECT name, title, phone FROM "user" WHERE id = $1',
        [profileOwnerId],
      )
    ).rows[0]!;
  const update = (field: string, value: unknown) =>
    profileOwner.put('/api/profile', { name: 'Pernille Profil', title: null, phone: null, showContactDetails: false, [field]: value });

  // Names and titles are plain text: quotes and colons are fine (O'Brien, "Leder: IT"); markup is not.
  it.each([
    ['name', SQL_ISH[0]!],
    ['name', SQL_ISH[1]!],
    ['name', SCRIPT_ISH[1]!],
    ['title', SQL_ISH[0]!],
    ['title', SQL_ISH[1]!],
    ['title', SCRIPT_ISH[1]!],
  ] as const)('stores %s = %s verbatim, as text', async (field, value) => {
    const response = await update(field, value);
    expect(response.status).toBe(200);
    expect((await storedProfile())[field]).toBe(value);
  });

  it.each([['name', SCRIPT_ISH[0]!], ['title', SCRIPT_ISH[0]!], ...HOSTILE.map((value) => ['phone', value] as const)] as const)(
    'refuses %s = %s with 400 on that field and keeps the stored profile',
    async (field, value) => {
      const before = await storedProfile();
      const response = await update(field, value);
      expect(response.status).toBe(400);
      expect(response.body.fields).toHaveProperty(field);
      expect(await storedProfile()).toEqual(before);
    },
  );

  it('keeps the name unchanged in the database when the new name holds <script>', async () => {
    await update('name', 'Pernille Profil');
    const response = await update('name', '<script>alert(1)</script>');
    expect(response.status).toBe(400);
    expect(response.body.fields.name).toEqual([expect.stringMatching(/< >/)]);
    expect((await storedProfile()).name).toBe('Pernille Profil');
  });
});

describe('path parameters', () => {
  let orgAdmin: ApiSession;
  beforeAll(async () => {
    await t.createUser({ email: 'stier-admin@gladsaxe.dk', organizationCode: '0159', role: 'org_admin' });
    orgAdmin = await signIn(t.url, 'stier-admin@gladsaxe.dk', TEST_PASSWORD);
  });

  it.each(['%00', 'a%00b', '%27%20OR%201%3D1', '..%2F..%2Fetc', 'x'.repeat(300)])(
    'answer 404 for the organization code %s',
    async (code) => {
      const response = await anonymous.get(`/api/organizations/${code}`);
      expect(response.status).toBe(404);
      expect(response.body).toEqual(errorShape(404, 'NOT_FOUND'));
    },
  );

  it.each(['%00', 'KOMBIT%00'])('answer 404 for the user list of %s', async (code) => {
    expect((await orgAdmin.get(`/api/organizations/${code}/users`)).status).toBe(404);
  });

  it('accept a code without its leading zero', async () => {
    expect((await anonymous.get('/api/organizations/159')).body).toMatchObject({ code: '0159' });
  });

  it.each(['not-a-uuid', '%00'])('answer 404 for the user id %s', async (id) => {
    expect((await orgAdmin.post(`/api/users/${id}/approve`, {})).status).toBe(404);
  });
});

describe('state-changing requests that do not declare JSON', () => {
  let orgAdmin: ApiSession;
  let targetId: string;
  beforeAll(async () => {
    await t.createUser({ email: 'csrf-admin@gladsaxe.dk', organizationCode: '0159', role: 'org_admin' });
    targetId = (await t.createUser({ email: 'csrf-maal@gladsaxe.dk', organizationCode: '0159' })).id;
    orgAdmin = await signIn(t.url, 'csrf-admin@gladsaxe.dk', TEST_PASSWORD);
  });

  it.each([
    ['no content type', undefined],
    ['an empty form post', 'application/x-www-form-urlencoded'],
    ['an empty text post', 'text/plain'],
  ])('are refused with 415 when sent as %s, and change nothing', async (_, contentType) => {
    const response = await fetch(`${t.url}/api/users/${targetId}/suspend`, {
      method: 'POST',
      headers: { cookie: orgAdmin.cookieHeader ?? '', ...(contentType ? { 'content-type': contentType } : {}) },
    });
    expect(response.status).toBe(415);
    const { rows } = await t.db.query<{ status: string }>('SELECT status FROM "user" WHERE id = $1', [targetId]);
    expect(rows[0]?.status).toBe('active');
  });

  it('are accepted without a body when they declare JSON', async () => {
    const response = await orgAdmin.post(`/api/users/${targetId}/suspend`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'suspended' });
  });
});

describe('after all of the above', () => {
  it('the user table holds exactly the accounts created on purpose', async () => {
    const { rows } = await t.db.query<{ email: string }>('SELECT email FROM "user" ORDER BY email');
    expect(rows.map((r) => r.email)).toEqual([
      'csrf-admin@gladsaxe.dk',
      'csrf-maal@gladsaxe.dk',
      EXISTING_EMAIL,
      PROFILE_EMAIL,
      'stier-admin@gladsaxe.dk',
    ]);
  });

  it('the organization table still holds its 99 rows', async () => {
    const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM organization');
    expect(rows[0]!.n).toBe(99);
  });

  it('no verification or reset token was issued and no mail was sent', async () => {
    const tokens = await t.db.query('SELECT 1 FROM user_token');
    const mails = await t.db.query('SELECT 1 FROM dev_mail');
    expect(tokens.rows).toEqual([]);
    expect(mails.rows).toEqual([]);
  });
});
