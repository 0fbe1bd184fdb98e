import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession, signIn } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

/**
 * Whatever a client sends to the content and catalog API, the answer is a 4xx in the one error shape — with a
 * message per field where a field is at fault — never a 500, and nothing of it is stored: every request here
 * is checked against a snapshot of the content, reply, vote, revision, audit and catalog tables.
 */

const WRONG_TEXT: unknown[] = [123, ['x'], null, { x: 1 }, true];
const WRONG_LIST: unknown[] = ['hotline', 123, null, { x: 1 }, true];
const WRONG_ID: unknown[] = ['1', 0, -1, 1.5, true, {}, 1e20];
const WRONG_VERSION: unknown[] = ['2', 0, -1, 1.5, true];
const WRONG_REASON: unknown[] = [123, ['x'], null, { x: 1 }, true, 'ab'];
const WRONG_VOTE: unknown[] = [2, -2, '1', null, 1.5, true, [1], {}];

let t: TestApp;
let author: ApiSession;
let colleague: ApiSession;
let moderator: ApiSession;
/** A question (edited once: version 2) with an answer (edited once) and votes; a guide; a second and a deleted question. */
const ids = { question: 0, reply: 0, guide: 0, other: 0, deleted: 0 };

const QUESTION = {
  kind: 'question',
  title: 'Context Handler svarer ikke om morgenen',
  body: 'Hvad gør I, når **BBR** ikke kan logge på?',
  tags: ['hotline'],
  components: ['context-handler'],
  visibility: 'members',
  status: 'published',
  attributes: {},
};
const GUIDE_ATTRIBUTES = {
  component: 'context-handler',
  purpose: 'Login til de fælleskommunale it-systemer',
  severity: 'kritisk',
  affectedSystems: ['BBR', 'DAR'],
  action: 'Hotline lægger en besked på intranettet.',
  intranetNotice: { outage: '', maintenance: '' },
};
const GUIDE = { ...QUESTION, kind: 'guide', title: 'Hvis Context Handler er nede', attributes: GUIDE_ATTRIBUTES };

beforeAll(async () => {
  t = await startTestApp({ withoutSearch: true });
  await t.createUser({ email: 'ugyldig.forfatter@gladsaxe.dk', organizationCode: '0159' });
  await t.createUser({ email: 'ugyldig.kollega@esbjerg.dk', organizationCode: '0561' });
  await t.createUser({ email: 'ugyldig.moderator@kombit.dk', organizationCode: 'KOMBIT', role: 'moderator' });
  author = await signIn(t.url, 'ugyldig.forfatter@gladsaxe.dk', TEST_PASSWORD);
  colleague = await signIn(t.url, 'ugyldig.kollega@esbjerg.dk', TEST_PASSWORD);
  moderator = await signIn(t.url, 'ugyldig.moderator@kombit.dk', TEST_PASSWORD);

  const created = async (response: Promise<{ status: number; body: { id: number } }>, status = 201) => {
    const { status: actual, body } = await response;
    expect(actual, JSON.stringify(body)).toBe(status);
    return body.id;
  };
  ids.question = await created(author.post('/api/content', QUESTION));
  await created(author.patch(`/api/content/${ids.question}`, { body: 'Hvad gør I, når BBR og DAR ikke kan logge på?' }), 200);
  ids.reply = await created(colleague.post(`/api/content/${ids.question}/replies`, { body: 'Vi skriver på intranettet.' }));
  await created(colleague.patch(`/api/replies/${ids.reply}`, { body: 'Vi skriver straks på intranettet.' }), 200);
  expect((await colleague.post(`/api/content/${ids.question}/vote`, { value: 1 })).status).toBe(200);
  expect((await author.post(`/api/replies/${ids.reply}/vote`, { value: 1 })).status).toBe(200);
  ids.guide = await created(author.post('/api/content', GUIDE));
  ids.other = await created(author.post('/api/content', { ...QUESTION, title: 'Et andet spørgsmål om Context Handler' }));
  ids.deleted = await created(author.post('/api/content', { ...QUESTION, title: 'Et slettet spørgsmål om Context Handler' }));
  expect((await author.delete(`/api/content/${ids.deleted}`)).status).toBe(204);
});
afterAll(async () => {
  await t.close();
});

/** Counts and a fingerprint of every row a content request could write. */
async function snapshot(): Promise<Record<string, unknown>> {
  const fingerprint = (table: string) =>
    `(SELECT md5(coalesce(string_agg(row_to_json(x)::text, '|' ORDER BY x::text), '')) FROM ${table} x)`;
  const { rows } = await t.db.query(`
    SELECT (SELECT count(*) FROM content)::int AS content, (SELECT count(*) FROM reply)::int AS replies,
           (SELECT count(*) FROM vote)::int AS votes, (SELECT count(*) FROM revision)::int AS revisions,
           (SELECT count(*) FROM audit_log)::int AS audit, (SELECT count(*) FROM content_component)::int AS links,
           ${fingerprint('content')} AS content_rows, ${fingerprint('reply')} AS reply_rows, ${fingerprint('vote')} AS vote_rows,
           ${fingerprint('content_component')} AS link_rows, ${fingerprint('catalog_component')} AS catalog_rows`);
  return rows[0] as Record<string, unknown>;
}

type Response = Awaited<ReturnType<ApiSession['get']>>;

/** Sends the request and checks that it stored nothing. */
async function attempt(send: () => Promise<Response>): Promise<Response> {
  const before = await snapshot();
  const response = await send();
  expect(await snapshot()).toEqual(before);
  return response;
}

const errorShape = (statusCode: number, code: string) => ({
  statusCode,
  code,
  message: expect.any(String),
  correlationId: expect.any(String),
});

/** 400 VALIDATION_FAILED with at least one message for each of `fields`. */
function expectFieldErrors(response: Response, ...fields: string[]): void {
  expect(response.status, JSON.stringify(response.body)).toBe(400);
  expect(response.body).toMatchObject(errorShape(400, 'VALIDATION_FAILED'));
  for (const field of fields) {
    expect(response.body.fields?.[field], `fields.${field} in ${JSON.stringify(response.body.fields)}`).toEqual(
      expect.arrayContaining([expect.any(String)]),
    );
  }
}

/** 400 VALIDATION_FAILED with a message for `field` itself or for one of its items ("tags.0"). */
function expectFieldOrItemErrors(response: Response, field: string): void {
  expectFieldErrors(response);
  const keys = Object.keys(response.body.fields ?? {});
  expect(
    keys.filter((key) => key === field || key.startsWith(`${field}.`)),
    `${field} in ${JSON.stringify(response.body.fields)}`,
  ).not.toEqual([]);
}

// ---- Every JSON endpoint, the same flaws ----

interface Endpoint {
  method: 'POST' | 'PATCH' | 'DELETE';
  path: () => string;
  /** A body that would succeed (only ever sent in a way that must be refused). */
  valid: () => Record<string, unknown>;
  wrongTypes: Record<string, unknown[]>;
  /** Fields that take text, and refuse control characters. */
  text: string[];
  client: () => ApiSession;
}

const ENDPOINTS: Record<string, Endpoint> = {
  'POST /api/content (question)': {
    method: 'POST',
    path: () => '/api/content',
    valid: () => QUESTION,
    wrongTypes: {
      kind: [1, null, true, ['question'], 'QUESTION', 'bogus'],
      title: WRONG_TEXT,
      body: WRONG_TEXT,
      tags: WRONG_LIST,
      components: WRONG_LIST,
      visibility: [1, null, true, 'alle'],
      status: [1, null, true, 'hidden', 'deleted'],
      attributes: ['x', 1, null, [], true],
    },
    text: ['title', 'body'],
    client: () => author,
  },
  'POST /api/content (guide)': {
    method: 'POST',
    path: () => '/api/content',
    valid: () => GUIDE,
    wrongTypes: { attributes: ['x', 1, null, [], true] },
    text: ['title', 'body'],
    client: () => author,
  },
  'PATCH /api/content/:id': {
    method: 'PATCH',
    path: () => `/api/content/${ids.question}`,
    valid: () => ({ title: 'Context Handler svarer ikke om aftenen', expectedVersion: 2 }),
    wrongTypes: {
      title: WRONG_TEXT,
      body: WRONG_TEXT,
      tags: WRONG_LIST,
      components: WRONG_LIST,
      visibility: [1, null, true, 'alle'],
      status: [1, null, true, 'hidden'],
      attributes: ['x', 1, null, [], true],
      duplicateOfId: WRONG_ID,
      expectedVersion: [...WRONG_VERSION, null],
      reason: WRONG_REASON,
    },
    text: ['title', 'body', 'reason'],
    client: () => author,
  },
  'DELETE /api/content/:id': {
    method: 'DELETE',
    path: () => `/api/content/${ids.question}`,
    valid: () => ({ reason: 'Forældet spørgsmål' }),
    wrongTypes: { reason: WRONG_REASON },
    text: ['reason'],
    client: () => author,
  },
  'POST /api/content/:id/moderation': {
    method: 'POST',
    path: () => `/api/content/${ids.question}/moderation`,
    valid: () => ({ action: 'lock', reason: 'Løst andetsteds' }),
    wrongTypes: { action: [1, null, true, 'delete', 'LOCK'], reason: WRONG_REASON },
    text: ['reason'],
    client: () => moderator,
  },
  'POST /api/content/:id/replies': {
    method: 'POST',
    path: () => `/api/content/${ids.question}/replies`,
    valid: () => ({ body: 'Et svar mere' }),
    wrongTypes: { body: WRONG_TEXT },
    text: ['body'],
    client: () => colleague,
  },
  'POST /api/content/:id/vote': {
    method: 'POST',
    path: () => `/api/content/${ids.question}/vote`,
    valid: () => ({ value: -1 }),
    wrongTypes: { value: WRONG_VOTE },
    text: [],
    client: () => colleague,
  },
  'PATCH /api/replies/:id': {
    method: 'PATCH',
    path: () => `/api/replies/${ids.reply}`,
    valid: () => ({ body: 'Vi skriver altid på intranettet.', expectedVersion: 2 }),
    wrongTypes: { body: WRONG_TEXT, expectedVersion: WRONG_VERSION, reason: WRONG_REASON },
    text: ['body', 'reason'],
    client: () => colleague,
  },
  'DELETE /api/replies/:id': {
    method: 'DELETE',
    path: () => `/api/replies/${ids.reply}`,
    valid: () => ({ reason: 'Fejl i svaret' }),
    wrongTypes: { reason: WRONG_REASON },
    text: ['reason'],
    client: () => colleague,
  },
  'POST /api/replies/:id/vote': {
    method: 'POST',
    path: () => `/api/replies/${ids.reply}/vote`,
    valid: () => ({ value: -1 }),
    wrongTypes: { value: WRONG_VOTE },
    text: [],
    client: () => author,
  },
  'POST /api/replies/:id/move': {
    method: 'POST',
    path: () => `/api/replies/${ids.reply}/move`,
    valid: () => ({ contentId: ids.other, reason: 'Hører til i den anden tråd' }),
    wrongTypes: { contentId: [...WRONG_ID, null], reason: [...WRONG_REASON, undefined] },
    text: ['reason'],
    client: () => moderator,
  },
  'POST /api/markdown/preview': {
    method: 'POST',
    path: () => '/api/markdown/preview',
    valid: () => ({ body: '**fed**' }),
    wrongTypes: { body: WRONG_TEXT },
    text: ['body'],
    client: () => author,
  },
  'PATCH /api/catalog/components/:slug': {
    method: 'PATCH',
    path: () => '/api/catalog/components/context-handler',
    valid: () => ({ description: 'En ny beskrivelse.', reason: 'Præcisering' }),
    wrongTypes: {
      name: [1, null, ['x'], 'x', 'x'.repeat(201)],
      shortName: [1, ['x'], 'x'.repeat(41)],
      description: [1, null, ['x'], 'x'.repeat(1001)],
      impact: [1, null, 'x'.repeat(501)],
      severity: [1, null, 'høj', 'Kritisk'],
      aliases: ['CH', [1], [''], null, Array.from({ length: 21 }, (_, i) => `alias-${i}`)],
      reason: [1, null, ['x']],
    },
    text: ['name', 'description', 'impact', 'reason'],
    client: () => moderator,
  },
};

const send = (endpoint: Endpoint, body: unknown, headers?: Record<string, string>) =>
  attempt(() => endpoint.client().request(endpoint.method, endpoint.path(), body, headers));

describe.each(Object.entries(ENDPOINTS))('%s', (_, endpoint) => {
  it.each(['{"body": ', `{'body': 'x'}`, '{"body": "x",}', 'body=x', 'null', '"tekst"'])(
    'answers 400 MALFORMED_JSON to the body %s',
    async (body) => {
      const response = await send(endpoint, body);
      expect(response.status).toBe(400);
      expect(response.body).toEqual(errorShape(400, 'MALFORMED_JSON'));
    },
  );

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'answers 415 to a valid body sent as %s',
    async (contentType) => {
      const response = await send(endpoint, JSON.stringify(endpoint.valid()), { 'content-type': contentType });
      expect(response.status).toBe(415);
      expect(response.body).toEqual(errorShape(415, 'UNSUPPORTED_MEDIA_TYPE'));
    },
  );

  it.each(['[]', '[{}]'])('answers 400 to the body %s, which is not an object', async (body) => {
    expectFieldErrors(await send(endpoint, body), '_');
  });

  it.each(Object.entries(endpoint.wrongTypes).flatMap(([field, values]) => values.map((value) => [field, value] as const)))(
    'answers 400 naming the field when %s is %j',
    async (field, value) => {
      expectFieldOrItemErrors(await send(endpoint, { ...endpoint.valid(), [field]: value }), field);
    },
  );

  it('answers 400 naming each unknown field', async () => {
    const response = await send(endpoint, { ...endpoint.valid(), authorId: 'x', score: 100 });
    expectFieldErrors(response);
    expect(response.body.fields).toEqual({ authorId: ['Ukendt felt'], score: ['Ukendt felt'] });
  });

  it.each(['__proto__', 'constructor'])('answers 400 naming the unknown field %s, never 500', async (key) => {
    const response = await send(endpoint, `{"${key}": {"role": "admin"}, ${JSON.stringify(endpoint.valid()).slice(1)}`);
    expectFieldErrors(response);
    expect(Object.keys(response.body.fields)).toEqual([key]);
  });

  it.each(endpoint.text)('answers 400 naming the field when %s holds 60 000 characters (under the body limit)', async (field) => {
    expectFieldErrors(await send(endpoint, { ...endpoint.valid(), [field]: 'a'.repeat(60_000) }), field);
  });

  it.each(endpoint.text.flatMap((field) => ['a\u0000b', 'farve\u001b[31m', 'klokke\u0007'].map((value) => [field, value] as const)))(
    'answers 400 naming the field when %s holds the control characters %j',
    async (field, value) => {
      expectFieldErrors(await send(endpoint, { ...endpoint.valid(), [field]: value }), field);
    },
  );

  it('answers 413 PAYLOAD_TOO_LARGE to a 1 MB body', async () => {
    const response = await send(endpoint, { ...endpoint.valid(), padding: 'a'.repeat(1024 * 1024) });
    expect(response.status).toBe(413);
    expect(response.body).toEqual(errorShape(413, 'PAYLOAD_TOO_LARGE'));
  });

  it('answers 401 without a login', async () => {
    const response = await attempt(() => new ApiSession(t.url).request(endpoint.method, endpoint.path(), endpoint.valid()));
    expect(response.status).toBe(401);
  });
});

// ---- Content: the rules beyond types ----

describe('POST /api/content refuses', () => {
  const create = (body: Record<string, unknown>) => attempt(() => author.post('/api/content', body));
  const withoutField = (field: string) => Object.fromEntries(Object.entries(QUESTION).filter(([key]) => key !== field));
  const guideWith = (attributes: Record<string, unknown>) => ({ ...GUIDE, attributes: { ...GUIDE_ATTRIBUTES, ...attributes } });

  it.each(['title', 'body'])('a question without %s', async (field) => {
    expectFieldErrors(await create(withoutField(field)), field);
  });

  it('a body without a kind, naming the kind', async () => {
    expectFieldErrors(await create(withoutField('kind')), 'kind');
  });

  it('a kind that does not exist', async () => {
    expectFieldErrors(await create({ ...QUESTION, kind: 'poll' }), 'kind');
  });

  it.each([
    ['a title of 7 characters', 'Kort ti'],
    ['a title of 201 characters', 'x'.repeat(201)],
    ['a title of only spaces', ' '.repeat(20)],
    ['a title with a line break', 'Context Handler\ner nede igen'],
  ])('%s', async (_, title) => {
    expectFieldErrors(await create({ ...QUESTION, title }), 'title');
  });

  it.each([
    ['a body of 50 001 characters', 'x'.repeat(50_001)],
    ['a body of only white space', ' \n\t '],
    ['a body with a NUL character', 'før\u0000efter'],
  ])('%s', async (_, body) => {
    expectFieldErrors(await create({ ...QUESTION, body }), 'body');
  });

  it('six tags', async () => {
    expectFieldErrors(await create({ ...QUESTION, tags: ['a', 'b', 'c', 'd', 'e', 'f'] }), 'tags');
  });

  it.each(['Context Handler', 'sf_1601', '-hotline', 'x'.repeat(31), 'hot\u0000line', 'æ!', ''])('the tag %j', async (tag) => {
    expectFieldErrors(await create({ ...QUESTION, tags: ['hotline', tag] }), 'tags.1');
  });

  it('an unknown component, with a message naming it', async () => {
    const response = await create({ ...QUESTION, components: ['context-handler', 'findes-ikke'] });
    expectFieldErrors(response, 'components.1');
    expect(response.body.fields['components.1']).toEqual(['Ukendt komponent: findes-ikke']);
  });

  it.each(['Context Handler', 'CONTEXT-HANDLER', '../context-handler', 'x'.repeat(101)])('the component %j', async (slug) => {
    expectFieldErrors(await create({ ...QUESTION, components: [slug] }), 'components.0');
  });

  it('eleven components', async () => {
    expectFieldErrors(await create({ ...QUESTION, components: Array.from({ length: 11 }, (_, i) => `komponent-${i}`) }), 'components');
  });

  it('a question with a guide’s attributes', async () => {
    expectFieldErrors(await create({ ...QUESTION, attributes: GUIDE_ATTRIBUTES }), 'attributes.component', 'attributes.severity');
  });

  it('a guide without attributes', async () => {
    expectFieldErrors(await create(Object.fromEntries(Object.entries(GUIDE).filter(([key]) => key !== 'attributes'))), 'attributes');
  });

  it.each([
    ['a severity that does not exist', { severity: 'høj' }, 'attributes.severity'],
    ['affected systems that are not text', { affectedSystems: [1, null] }, 'attributes.affectedSystems.0'],
    ['affected systems that are not a list', { affectedSystems: 'BBR, DAR' }, 'attributes.affectedSystems'],
    ['61 affected systems', { affectedSystems: Array.from({ length: 61 }, (_, i) => `System ${i}`) }, 'attributes.affectedSystems'],
    ['an affected system with a control character', { affectedSystems: ['BBR\u0007'] }, 'attributes.affectedSystems.0'],
    ['an unknown component', { component: 'findes-ikke' }, 'attributes.component'],
    ['a component that is not a slug', { component: 'Context Handler' }, 'attributes.component'],
    ['no action', { action: undefined }, 'attributes.action'],
    ['an action with a NUL character', { action: 'Ring\u0000 til KOMBIT' }, 'attributes.action'],
    ['a purpose with a line break', { purpose: 'Login\ntil alt' }, 'attributes.purpose'],
    ['no intranet notice', { intranetNotice: undefined }, 'attributes.intranetNotice'],
    ['an intranet notice without its texts', { intranetNotice: {} }, 'attributes.intranetNotice.outage'],
    ['an unknown attribute', { owner: 'KOMBIT' }, 'attributes.owner'],
  ])('a guide with %s', async (_, attributes, field) => {
    expectFieldErrors(await create(guideWith(attributes)), field);
  });
});

describe('PATCH /api/content/:id refuses', () => {
  const edit = (id: () => number, body: Record<string, unknown>, as: () => ApiSession = () => author) =>
    attempt(() => as().patch(`/api/content/${id()}`, body));
  const question = () => ids.question;
  const guide = () => ids.guide;

  it('a stale expectedVersion with 409 CONFLICT', async () => {
    const response = await edit(question, { body: 'Min ændring oven på en gammel version', expectedVersion: 1 });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject(errorShape(409, 'CONFLICT'));
  });

  it('a guide’s attributes on a question', async () => {
    expectFieldErrors(await edit(question, { attributes: GUIDE_ATTRIBUTES }), 'attributes.component');
  });

  it('a question’s (empty) attributes on a guide', async () => {
    expectFieldErrors(await edit(guide, { attributes: {} }), 'attributes.component', 'attributes.severity', 'attributes.action');
  });

  it.each([
    ['a severity that does not exist', { severity: 'slem' }, 'attributes.severity'],
    ['affected systems that are not text', { affectedSystems: [{ name: 'BBR' }] }, 'attributes.affectedSystems.0'],
    ['an unknown component', { component: 'findes-ikke' }, 'attributes.component'],
  ])('guide attributes with %s', async (_, change, field) => {
    expectFieldErrors(await edit(guide, { attributes: { ...GUIDE_ATTRIBUTES, ...change } }), field);
  });

  it('an unknown component', async () => {
    expectFieldErrors(await edit(question, { components: ['findes-ikke'] }), 'components.0');
  });

  it('duplicateOfId pointing to the question itself', async () => {
    expectFieldErrors(await edit(question, { duplicateOfId: ids.question }), 'duplicateOfId');
  });

  it.each([
    ['an id that does not exist', () => 999_999],
    ['a guide', () => ids.guide],
    ['a deleted question', () => ids.deleted],
  ])('duplicateOfId pointing to %s', async (_, target) => {
    expectFieldErrors(await edit(question, { duplicateOfId: target() }), 'duplicateOfId');
  });

  it('duplicateOfId on a guide', async () => {
    expectFieldErrors(await edit(guide, { duplicateOfId: ids.question }), 'duplicateOfId');
  });

  it('a moderator’s edit without a reason', async () => {
    expectFieldErrors(await edit(question, { title: 'Context Handler svarer ikke om aftenen' }, () => moderator), 'reason');
  });
});

describe('other content actions refuse', () => {
  it('a moderator’s delete without a reason', async () => {
    expectFieldErrors(await attempt(() => moderator.delete(`/api/content/${ids.question}`)), 'reason');
  });

  it('moderation without a reason', async () => {
    expectFieldErrors(await attempt(() => moderator.post(`/api/content/${ids.question}/moderation`, { action: 'hide' })), 'reason');
  });

  it('showing again what is not hidden', async () => {
    const response = await attempt(() =>
      moderator.post(`/api/content/${ids.question}/moderation`, { action: 'unhide', reason: 'Var aldrig skjult' }),
    );
    expectFieldErrors(response, 'action');
  });

  it.each([
    ['an answer of one character', 'x'],
    ['an answer of 30 001 characters', 'x'.repeat(30_001)],
    ['an answer of only white space', '   \n  '],
  ])('%s', async (_, body) => {
    expectFieldErrors(await attempt(() => colleague.post(`/api/content/${ids.question}/replies`, { body })), 'body');
  });

  it('an edit of an answer from a stale version with 409 CONFLICT', async () => {
    const response = await attempt(() => colleague.patch(`/api/replies/${ids.reply}`, { body: 'Gammel udgave', expectedVersion: 1 }));
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject(errorShape(409, 'CONFLICT'));
  });

  it.each([
    ['its own thread', () => ids.question],
    ['an id that does not exist', () => 999_999],
    ['a guide', () => ids.guide],
    ['a deleted question', () => ids.deleted],
  ])('moving an answer to %s', async (_, target) => {
    const response = await attempt(() =>
      moderator.post(`/api/replies/${ids.reply}/move`, { contentId: target(), reason: 'Hører til et andet sted' }),
    );
    expectFieldErrors(response, 'contentId');
  });
});

describe('ids in paths', () => {
  const BAD_IDS = ['abc', '99999999999999999999', '999999999999999999', '0', '-1', '1.5', '1e3', '0x10', '%20', '%00', '1%2F2'];
  // Each route with a body that would be valid, sent by someone who could use it.
  const ROUTES: Array<[string, 'GET' | 'POST' | 'PATCH' | 'DELETE', string, unknown, () => ApiSession]> = [
    ['GET /api/content/:id', 'GET', '/api/content/:id', undefined, () => author],
    ['GET /api/content/:id/revisions', 'GET', '/api/content/:id/revisions', undefined, () => author],
    ['PATCH /api/content/:id', 'PATCH', '/api/content/:id', { title: 'En titel der ikke må gemmes', reason: 'Test' }, () => moderator],
    ['DELETE /api/content/:id', 'DELETE', '/api/content/:id', { reason: 'Test af id' }, () => moderator],
    ['POST /api/content/:id/moderation', 'POST', '/api/content/:id/moderation', { action: 'lock', reason: 'Test' }, () => moderator],
    ['POST /api/content/:id/replies', 'POST', '/api/content/:id/replies', { body: 'Et svar' }, () => colleague],
    ['POST /api/content/:id/vote', 'POST', '/api/content/:id/vote', { value: 1 }, () => colleague],
    ['PATCH /api/replies/:id', 'PATCH', '/api/replies/:id', { body: 'Et svar', reason: 'Test' }, () => moderator],
    ['DELETE /api/replies/:id', 'DELETE', '/api/replies/:id', { reason: 'Test af id' }, () => moderator],
    ['POST /api/replies/:id/vote', 'POST', '/api/replies/:id/vote', { value: 1 }, () => author],
    ['POST /api/replies/:id/accept', 'POST', '/api/replies/:id/accept', undefined, () => moderator],
    ['DELETE /api/replies/:id/accept', 'DELETE', '/api/replies/:id/accept', undefined, () => moderator],
    ['POST /api/replies/:id/move', 'POST', '/api/replies/:id/move', { contentId: 1, reason: 'Test af id' }, () => moderator],
  ];

  describe.each(ROUTES)('%s', (_, method, path, body, as) => {
    it.each(BAD_IDS)('answers 404 for the id %s', async (id) => {
      const response = await attempt(() => as().request(method, path.replace(':id', id), body));
      expect(response.status).toBe(404);
      expect(response.body).toEqual(errorShape(404, 'NOT_FOUND'));
    });
  });
});

describe('GET /api/content refuses the query', () => {
  it.each([
    ['page=0', 'page'],
    ['page=-1', 'page'],
    ['page=abc', 'page'],
    ['page=1.5', 'page'],
    ['page=1000000', 'page'],
    ['page=99999999999999999999', 'page'],
    ['page=1&page=2', 'page'],
    ['pageSize=0', 'pageSize'],
    ['pageSize=101', 'pageSize'],
    ['pageSize=1000', 'pageSize'],
    ['sort=bogus', 'sort'],
    ['sort=', 'sort'],
    ['kind=bogus', 'kind'],
    ['kind=question&kind=guide', 'kind'],
    ['organization=abc', 'organization'],
    ['organization=12345', 'organization'],
    ['organization=%00', 'organization'],
    ['tag=Hej%20med%20dig', 'tag'],
    ['tag=%00', 'tag'],
    ['component=Context%20Handler', 'component'],
    ['status=deleted', 'status'],
    ['mine=yes', 'mine'],
    ['foo=1', 'foo'],
    ['tag[]=x', 'tag[]'],
  ])('?%s, naming %s', async (query, field) => {
    const response = await attempt(() => author.get(`/api/content?${query}`));
    expectFieldErrors(response, field);
  });

  it('?mine=true without a login, with 401', async () => {
    expect((await new ApiSession(t.url).get('/api/content?mine=true')).status).toBe(401);
  });
});

// ---- Catalog ----

describe('the catalog refuses', () => {
  it.each([
    ['no components', '', 'components'],
    ['an empty list', '?components=', 'components'],
    ['an unknown component', '?components=findes-ikke', 'components'],
    ['an unknown component beside a known one', '?components=context-handler,findes-ikke', 'components'],
    ['a component that is not a slug', '?components=Context%20Handler', 'components.0'],
    ['21 components', `?components=${Array.from({ length: 21 }, (_, i) => `k${i}`).join(',')}`, 'components'],
    ['an unknown query parameter', '?components=context-handler&severity=kritisk', 'severity'],
    ['the components twice', '?components=context-handler&components=dar', 'components'],
  ])('an impact question with %s', async (_, query, field) => {
    expectFieldErrors(await attempt(() => author.get(`/api/catalog/impact${query}`)), field);
  });

  it('an unknown component in the impact question with a message naming it', async () => {
    const response = await author.get('/api/catalog/impact?components=findes-ikke');
    expect(response.body.fields.components).toEqual(['Ukendt komponent: findes-ikke']);
  });

  it.each(['findes-ikke', '%00', 'x'.repeat(300), '..%2Fsystems'])('the component page for %s with 404', async (slug) => {
    const response = await author.get(`/api/catalog/components/${slug}`);
    expect(response.status).toBe(404);
    expect(response.body).toEqual(errorShape(404, 'NOT_FOUND'));
  });

  it.each(['findes-ikke', '%00', 'x'.repeat(300)])('an edit of the component %s with 404', async (slug) => {
    const response = await attempt(() =>
      moderator.patch(`/api/catalog/components/${slug}`, { description: 'Ny beskrivelse', reason: 'Forsøg' }),
    );
    expect(response.status).toBe(404);
    expect(response.body).toEqual(errorShape(404, 'NOT_FOUND'));
  });
});

describe('after all of the above', () => {
  it('the question reads as it did before', async () => {
    const response = await author.get(`/api/content/${ids.question}`);
    expect(response.body).toMatchObject({
      title: QUESTION.title,
      body: 'Hvad gør I, når BBR og DAR ikke kan logge på?',
      version: 2,
      score: 1,
      replyCount: 1,
      locked: false,
      status: 'published',
      duplicateOf: null,
      tags: ['hotline'],
      components: [{ slug: 'context-handler' }],
    });
    expect(response.body.replies).toEqual([
      expect.objectContaining({ id: ids.reply, body: 'Vi skriver straks på intranettet.', version: 2, score: 1 }),
    ]);
  });

  it('the tables hold exactly what the set-up wrote', async () => {
    const { rows } = await t.db.query(`
      SELECT (SELECT count(*) FROM content)::int AS content, (SELECT count(*) FROM content WHERE deleted_at IS NULL)::int AS live,
             (SELECT count(*) FROM reply)::int AS replies, (SELECT count(*) FROM vote)::int AS votes,
             (SELECT count(*) FROM revision)::int AS revisions, (SELECT count(*) FROM audit_log)::int AS audit`);
    expect(rows[0]).toEqual({ content: 4, live: 3, replies: 1, votes: 2, revisions: 2, audit: 0 });
  });
});
