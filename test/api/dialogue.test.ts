import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DialogueService } from '../../server/dist/dialogue/dialogue.service.js';
import { ApiSession, signIn } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

/**
 * A webinar's dialogue (its Mentimeter part): moderators add open questions and evaluation statements and open and
 * close them live; participants answer, anonymously to the others unless they choose otherwise.
 */

type Actor = 'anonymous' | 'memberA' | 'memberB' | 'orgAdmin' | 'moderator' | 'admin';
const ACTORS: Actor[] = ['anonymous', 'memberA', 'memberB', 'orgAdmin', 'moderator', 'admin'];
const CROWD = 30;

let t: TestApp;
const as = {} as Record<Actor, ApiSession>;
let crowd: ApiSession[];

beforeAll(async () => {
  t = await startTestApp({ withoutSearch: true, env: { LOGIN_RATE_LIMIT: '1000' } });
  await t.createUser({ email: 'mette@gladsaxe.dk', organizationCode: '0159', name: 'Mette Hansen' });
  await t.createUser({ email: 'peter@esbjerg.dk', organizationCode: '0561', name: 'Peter Krogh' });
  await t.createUser({ email: 'admin@gladsaxe.dk', organizationCode: '0159', role: 'org_admin', name: 'Ole Admin' });
  await t.createUser({ email: 'moderator@kombit.dk', organizationCode: 'KOMBIT', role: 'moderator', name: 'Mona Moderator' });
  await t.createUser({ email: 'admin@kombit.dk', organizationCode: 'KOMBIT', role: 'admin', name: 'Anna Admin' });
  const emails = Array.from({ length: CROWD }, (_, i) => `deltager.${i}@aarhus.dk`);
  for (const email of emails) await t.createUser({ email, organizationCode: '0751' });
  const [memberA, memberB, orgAdmin, moderator, admin] = await Promise.all(
    ['mette@gladsaxe.dk', 'peter@esbjerg.dk', 'admin@gladsaxe.dk', 'moderator@kombit.dk', 'admin@kombit.dk'].map((email) =>
      signIn(t.url, email, TEST_PASSWORD),
    ),
  );
  Object.assign(as, { anonymous: new ApiSession(t.url), memberA, memberB, orgAdmin, moderator, admin });
  crowd = await Promise.all(emails.map((email) => signIn(t.url, email, TEST_PASSWORD)));
});
afterAll(async () => {
  await t.close();
});

let webinars = 0;
async function createWebinar(overrides: Record<string, unknown> = {}): Promise<number> {
  webinars += 1;
  const response = await as.moderator.post('/api/content', {
    kind: 'webinar',
    title: `Infrastruktur i praksis nummer ${webinars}`,
    body: 'Et webinar om den fælleskommunale infrastruktur.',
    visibility: 'members',
    status: 'published',
    attributes: { startsAt: '2023-11-02T10:00:00+01:00', endsAt: '2023-11-02T12:00:00+01:00', hosts: [], programme: [], status: 'planned' },
    ...overrides,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

async function addQuestion(webinarId: number, kind: 'open' | 'likert', options: { open?: boolean; prompt?: string } = {}) {
  const created = await as.moderator.post(`/api/webinars/${webinarId}/dialogue`, {
    kind,
    prompt: options.prompt ?? (kind === 'open' ? 'Hvad fylder mest i jeres drift lige nu?' : 'Webinaret var relevant for mit arbejde'),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  if (options.open === false) return created.body;
  const opened = await as.moderator.patch(`/api/dialogue/${created.body.id}`, { open: true });
  expect(opened.status, JSON.stringify(opened.body)).toBe(200);
  return opened.body;
}

async function answer(session: ApiSession, questionId: number, body: Record<string, unknown>) {
  const response = await session.post(`/api/dialogue/${questionId}/answers`, body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

const results = (session: ApiSession, questionId: number, query = '') => session.get(`/api/dialogue/${questionId}/results${query}`);

// ---- The authorization matrix ----

/** A webinar for members, an open question on it and an anonymous answer from member A, shared by the matrix. */
let matrix: { webinarId: number; questionId: number };
beforeAll(async () => {
  const webinarId = await createWebinar();
  const question = await addQuestion(webinarId, 'open');
  await answer(as.memberA, question.id, { text: 'Overgangen til nye snitflader' });
  matrix = { webinarId, questionId: question.id };
});

let answerers = 0;
/** Each from another participant: one person may give at most ten answers to a question. */
async function freshAnswer(): Promise<number> {
  answerers += 1;
  return (await answer(crowd[answerers % CROWD]!, matrix.questionId, { text: 'Et svar der skal modereres' })).answer.id;
}

const ENDPOINTS: Record<string, { expected: Record<Actor, number>; call: (session: ApiSession) => Promise<{ status: number }> }> = {
  'GET /api/webinars/:id/dialogue': {
    expected: { anonymous: 404, memberA: 200, memberB: 200, orgAdmin: 200, moderator: 200, admin: 200 },
    call: (session) => session.get(`/api/webinars/${matrix.webinarId}/dialogue`),
  },
  'POST /api/webinars/:id/dialogue': {
    expected: { anonymous: 401, memberA: 403, memberB: 403, orgAdmin: 403, moderator: 201, admin: 201 },
    call: (session) => session.post(`/api/webinars/${matrix.webinarId}/dialogue`, { kind: 'open', prompt: 'Hvad vil I høre mere om?' }),
  },
  'PATCH /api/dialogue/:questionId': {
    expected: { anonymous: 401, memberA: 403, memberB: 403, orgAdmin: 403, moderator: 200, admin: 200 },
    call: (session) => session.patch(`/api/dialogue/${matrix.questionId}`, { prompt: 'Hvad fylder mest i jeres drift lige nu?' }),
  },
  'DELETE /api/dialogue/:questionId': {
    expected: { anonymous: 401, memberA: 403, memberB: 403, orgAdmin: 403, moderator: 204, admin: 204 },
    call: async (session) => session.delete(`/api/dialogue/${(await addQuestion(matrix.webinarId, 'open', { open: false })).id}`),
  },
  'POST /api/dialogue/:questionId/answers': {
    expected: { anonymous: 401, memberA: 201, memberB: 201, orgAdmin: 201, moderator: 201, admin: 201 },
    call: (session) => session.post(`/api/dialogue/${matrix.questionId}/answers`, { text: 'Et svar fra matricen' }),
  },
  'GET /api/dialogue/:questionId/results': {
    expected: { anonymous: 404, memberA: 200, memberB: 200, orgAdmin: 200, moderator: 200, admin: 200 },
    call: (session) => results(session, matrix.questionId),
  },
  'GET /api/dialogue/:questionId/results?format=csv': {
    expected: { anonymous: 404, memberA: 403, memberB: 403, orgAdmin: 403, moderator: 200, admin: 200 },
    call: (session) => results(session, matrix.questionId, '?format=csv'),
  },
  'POST /api/dialogue/answers/:answerId/hide': {
    expected: { anonymous: 401, memberA: 403, memberB: 403, orgAdmin: 403, moderator: 200, admin: 200 },
    call: async (session) => session.post(`/api/dialogue/answers/${await freshAnswer()}/hide`, { reason: 'Krænkende sprog' }),
  },
  'POST /api/dialogue/answers/:answerId/unhide': {
    expected: { anonymous: 401, memberA: 403, memberB: 403, orgAdmin: 403, moderator: 200, admin: 200 },
    call: async (session) => {
      const id = await freshAnswer();
      expect((await as.moderator.post(`/api/dialogue/answers/${id}/hide`, { reason: 'Krænkende sprog' })).status).toBe(200);
      return session.post(`/api/dialogue/answers/${id}/unhide`, { reason: 'Fejlagtigt skjult' });
    },
  },
};

describe('the authorization matrix on a webinar for members', () => {
  const cases = Object.entries(ENDPOINTS).flatMap(([endpoint, { expected }]) =>
    ACTORS.map((actor) => [endpoint, actor, expected[actor]] as const),
  );
  it.each(cases)('%s as %s answers %i', async (endpoint, actor, status) => {
    const response = await ENDPOINTS[endpoint]!.call(as[actor]);
    expect(response.status, JSON.stringify(response)).toBe(status);
  });
});

describe('who may read the dialogue follows who may read the webinar', () => {
  it('shows a public webinar’s questions and results to visitors without a login', async () => {
    const webinarId = await createWebinar({ visibility: 'public' });
    const question = await addQuestion(webinarId, 'open');
    expect((await as.anonymous.get(`/api/webinars/${webinarId}/dialogue`)).status).toBe(200);
    expect((await results(as.anonymous, question.id)).status).toBe(200);
  });

  it('asks a visitor without a login to log in for the CSV of a public webinar', async () => {
    const webinarId = await createWebinar({ visibility: 'public' });
    const question = await addQuestion(webinarId, 'open');
    expect((await results(as.anonymous, question.id, '?format=csv')).status).toBe(401);
  });

  it('hides a draft webinar’s dialogue from members but not from moderators', async () => {
    const webinarId = await createWebinar({ status: 'draft' });
    expect((await as.memberA.get(`/api/webinars/${webinarId}/dialogue`)).status).toBe(404);
    expect((await as.orgAdmin.get(`/api/webinars/${webinarId}/dialogue`)).status).toBe(404);
    expect((await as.moderator.get(`/api/webinars/${webinarId}/dialogue`)).status).toBe(200);
  });

  it('refuses answers on a draft webinar, even from a moderator who can see it', async () => {
    const webinarId = await createWebinar({ status: 'draft' });
    const question = await addQuestion(webinarId, 'open');
    expect(question.permissions).toEqual({ answer: false, manage: true });
    expect((await as.moderator.post(`/api/dialogue/${question.id}/answers`, { text: 'Test' })).status).toBe(403);
  });

  it('keeps KOMBIT’s own webinars (visibility organization) from the municipalities', async () => {
    const webinarId = await createWebinar({ visibility: 'organization' });
    const question = await addQuestion(webinarId, 'open');
    expect((await as.memberA.get(`/api/webinars/${webinarId}/dialogue`)).status).toBe(404);
    expect((await results(as.memberB, question.id)).status).toBe(404);
    expect((await as.memberA.post(`/api/dialogue/${question.id}/answers`, { text: 'Hej' })).status).toBe(404);
    expect((await as.admin.get(`/api/webinars/${webinarId}/dialogue`)).status).toBe(200);
  });

  it('has no dialogue on content that is not a webinar', async () => {
    const question = await as.memberA.post('/api/content', {
      kind: 'question',
      title: 'Et spørgsmål om SF1601',
      body: 'Tekst',
      visibility: 'members',
    });
    expect(question.status).toBe(201);
    expect((await as.memberA.get(`/api/webinars/${question.body.id}/dialogue`)).status).toBe(404);
    expect((await as.moderator.post(`/api/webinars/${question.body.id}/dialogue`, { kind: 'open', prompt: 'Hvad tænker I?' })).status).toBe(
      404,
    );
  });

  it('answers 404 for ids that do not exist or are not ids', async () => {
    expect((await as.memberA.get('/api/webinars/999999/dialogue')).status).toBe(404);
    expect((await as.memberA.get('/api/webinars/abc/dialogue')).status).toBe(404);
    expect((await results(as.memberA, 999999)).status).toBe(404);
    expect((await as.memberA.post('/api/dialogue/0/answers', { text: 'x' })).status).toBe(404);
    expect((await as.moderator.post('/api/dialogue/answers/999999/hide', { reason: 'Krænkende' })).status).toBe(404);
  });

  it('tells each caller what they may do with a question', async () => {
    const webinarId = await createWebinar();
    await addQuestion(webinarId, 'open');
    await addQuestion(webinarId, 'likert', { open: false });
    const member = await as.memberB.get(`/api/webinars/${webinarId}/dialogue`);
    expect(member.body.items.map((q: { permissions: unknown }) => q.permissions)).toEqual([
      { answer: true, manage: false },
      { answer: false, manage: false },
    ]);
    const moderator = await as.moderator.get(`/api/webinars/${webinarId}/dialogue`);
    expect(moderator.body.items[0].permissions).toEqual({ answer: true, manage: true });
  });
});

// ---- Moderators run the dialogue ----

describe('adding questions', () => {
  it('adds each question last, closed, with the contract’s fields', async () => {
    const webinarId = await createWebinar();
    const first = await addQuestion(webinarId, 'open', { open: false });
    const second = await as.moderator.post(`/api/webinars/${webinarId}/dialogue`, {
      kind: 'likert',
      prompt: 'Jeg kan bruge det i min hverdag',
    });
    expect(second.status).toBe(201);
    expect(first.position).toBe(1);
    expect(second.body).toEqual({
      id: expect.any(Number),
      webinarId,
      kind: 'likert',
      prompt: 'Jeg kan bruge det i min hverdag',
      position: 2,
      open: false,
      openedAt: null,
      closedAt: null,
      answerCount: 0,
      myAnswers: [],
      permissions: { answer: false, manage: true },
    });
  });

  it('records who added a question in the audit log', async () => {
    const webinarId = await createWebinar();
    const question = await addQuestion(webinarId, 'open', { open: false, prompt: 'Hvad savner I fra KOMBIT?' });
    const audit = await t.db.query(`SELECT action, after FROM audit_log WHERE target_type = 'dialogue_question' AND target_id = $1`, [
      String(question.id),
    ]);
    expect(audit.rows).toEqual([{ action: 'dialogue.create', after: { webinarId, kind: 'open', prompt: 'Hvad savner I fra KOMBIT?' } }]);
  });

  it('refuses an unknown kind and a missing prompt, naming each field', async () => {
    const response = await as.moderator.post(`/api/webinars/${matrix.webinarId}/dialogue`, { kind: 'poll', prompt: '' });
    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual({
      kind: ['Vælg åbent spørgsmål (open) eller udsagn til evaluering (likert)'],
      prompt: ['Spørgsmålet eller udsagnet skal være på mindst 3 tegn'],
    });
  });

  it('refuses a prompt over 300 characters and unknown fields', async () => {
    const response = await as.moderator.post(`/api/webinars/${matrix.webinarId}/dialogue`, {
      kind: 'open',
      prompt: 'x'.repeat(301),
      open: true,
    });
    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual({
      prompt: ['Spørgsmålet eller udsagnet må højst være på 300 tegn'],
      open: ['Ukendt felt'],
    });
  });
});

describe('opening and closing a question', () => {
  it('stamps openedAt when opened and closedAt when closed', async () => {
    const webinarId = await createWebinar();
    const question = await addQuestion(webinarId, 'open', { open: false });
    const before = Date.now();
    const opened = await as.moderator.patch(`/api/dialogue/${question.id}`, { open: true });
    expect(opened.body).toMatchObject({ open: true, closedAt: null });
    expect(Date.parse(opened.body.openedAt)).toBeGreaterThanOrEqual(before - 1000);
    const closed = await as.moderator.patch(`/api/dialogue/${question.id}`, { open: false });
    expect(closed.body).toMatchObject({ open: false, openedAt: opened.body.openedAt });
    expect(Date.parse(closed.body.closedAt)).toBeGreaterThanOrEqual(Date.parse(opened.body.openedAt));
  });

  it('audits opening and closing, and not a change that changes nothing', async () => {
    const webinarId = await createWebinar();
    const question = await addQuestion(webinarId, 'open', { open: false });
    await as.moderator.patch(`/api/dialogue/${question.id}`, { open: true });
    await as.moderator.patch(`/api/dialogue/${question.id}`, { open: true });
    await as.admin.patch(`/api/dialogue/${question.id}`, { open: false });
    const audit = await t.db.query(
      `SELECT action FROM audit_log WHERE target_type = 'dialogue_question' AND target_id = $1 ORDER BY created_at, id`,
      [String(question.id)],
    );
    expect(audit.rows.map((row) => row.action)).toEqual(['dialogue.create', 'dialogue.open', 'dialogue.close']);
  });

  it('lets a moderator change the prompt (audited with before and after)', async () => {
    const webinarId = await createWebinar();
    const question = await addQuestion(webinarId, 'open', { open: false, prompt: 'Hvad gik godt?' });
    const edited = await as.moderator.patch(`/api/dialogue/${question.id}`, { prompt: 'Hvad gik rigtig godt?' });
    expect(edited.body.prompt).toBe('Hvad gik rigtig godt?');
    const audit = await t.db.query(`SELECT before, after FROM audit_log WHERE action = 'dialogue.edit' AND target_id = $1`, [
      String(question.id),
    ]);
    expect(audit.rows).toEqual([{ before: { prompt: 'Hvad gik godt?' }, after: { prompt: 'Hvad gik rigtig godt?' } }]);
  });

  it('moves a question to another place and renumbers the others', async () => {
    const webinarId = await createWebinar();
    const [a, b, c] = [
      await addQuestion(webinarId, 'open', { open: false, prompt: 'Spørgsmål A' }),
      await addQuestion(webinarId, 'open', { open: false, prompt: 'Spørgsmål B' }),
      await addQuestion(webinarId, 'likert', { open: false, prompt: 'Udsagn C' }),
    ];
    const moved = await as.moderator.patch(`/api/dialogue/${c.id}`, { position: 1 });
    expect(moved.body.position).toBe(1);
    const list = await as.memberA.get(`/api/webinars/${webinarId}/dialogue`);
    expect(list.body.items.map((q: { id: number; position: number }) => [q.id, q.position])).toEqual([
      [c.id, 1],
      [a.id, 2],
      [b.id, 3],
    ]);
  });

  it('moves a question given a position past the end to the end', async () => {
    const webinarId = await createWebinar();
    const a = await addQuestion(webinarId, 'open', { open: false, prompt: 'Spørgsmål A' });
    await addQuestion(webinarId, 'open', { open: false, prompt: 'Spørgsmål B' });
    const moved = await as.moderator.patch(`/api/dialogue/${a.id}`, { position: 99 });
    expect(moved.body.position).toBe(2);
  });

  it('refuses an empty change and a position below 1', async () => {
    const empty = await as.moderator.patch(`/api/dialogue/${matrix.questionId}`, {});
    expect(empty.status).toBe(400);
    expect(empty.body.fields).toEqual({ _: ['Angiv mindst én ændring: prompt, open eller position'] });
    const zero = await as.moderator.patch(`/api/dialogue/${matrix.questionId}`, { position: 0, open: 'ja' });
    expect(zero.status).toBe(400);
    expect(Object.keys(zero.body.fields).sort()).toEqual(['open', 'position']);
  });
});

describe('deleting a question', () => {
  it('removes it from the list and its results, and closes up the positions', async () => {
    const webinarId = await createWebinar();
    const a = await addQuestion(webinarId, 'open', { open: false, prompt: 'Spørgsmål A' });
    const b = await addQuestion(webinarId, 'open', { open: false, prompt: 'Spørgsmål B' });
    expect((await as.moderator.delete(`/api/dialogue/${a.id}`, { reason: 'Stillet ved en fejl' })).status).toBe(204);
    const list = await as.memberA.get(`/api/webinars/${webinarId}/dialogue`);
    expect(list.body.items.map((q: { id: number; position: number }) => [q.id, q.position])).toEqual([[b.id, 1]]);
    expect((await results(as.moderator, a.id)).status).toBe(404);
    expect((await as.moderator.patch(`/api/dialogue/${a.id}`, { open: true })).status).toBe(404);
  });

  it('keeps the row and records the deletion with its reason', async () => {
    const webinarId = await createWebinar();
    const question = await addQuestion(webinarId, 'open', { open: false, prompt: 'Et spørgsmål der slettes' });
    await as.moderator.delete(`/api/dialogue/${question.id}`, { reason: 'Stillet ved en fejl' });
    const row = await t.db.query(`SELECT deleted_at IS NOT NULL AS deleted FROM dialogue_question WHERE id = $1`, [question.id]);
    expect(row.rows).toEqual([{ deleted: true }]);
    const audit = await t.db.query(`SELECT reason FROM audit_log WHERE action = 'dialogue.delete' AND target_id = $1`, [
      String(question.id),
    ]);
    expect(audit.rows).toEqual([{ reason: 'Stillet ved en fejl' }]);
  });
});

// ---- Participants answer ----

describe('answering an open question', () => {
  it('stores the answer, anonymous unless asked otherwise, and shows it among my answers', async () => {
    const webinarId = await createWebinar();
    const question = await addQuestion(webinarId, 'open');
    const result = await answer(as.memberA, question.id, { text: '  Bedre overblik over driftsstatus\r\nog nedbrud  ' });
    expect(result.replaced).toBe(false);
    expect(result.answer).toMatchObject({
      text: 'Bedre overblik over driftsstatus\nog nedbrud',
      value: null,
      anonymous: true,
      hidden: false,
    });
    expect(result.question).toMatchObject({ answerCount: 1, myAnswers: [{ id: result.answer.id }] });
    const row = await t.db.query(
      `SELECT a.anonymous, o.code FROM dialogue_answer a JOIN organization o ON o.id = a.organization_id WHERE a.id = $1`,
      [result.answer.id],
    );
    expect(row.rows).toEqual([{ anonymous: true, code: '0159' }]);
  });

  it('refuses an answer while the question is closed with 409 and a Danish message', async () => {
    const webinarId = await createWebinar();
    const question = await addQuestion(webinarId, 'open');
    await as.moderator.patch(`/api/dialogue/${question.id}`, { open: false });
    const response = await as.memberA.post(`/api/dialogue/${question.id}/answers`, { text: 'For sent' });
    expect(response.status).toBe(409);
    expect(response.body.message).toBe('Spørgsmålet er lukket for svar. Moderatoren åbner det, når der kan svares.');
  });

  it('refuses an answer before the question has been opened', async () => {
    const webinarId = await createWebinar();
    const question = await addQuestion(webinarId, 'likert', { open: false });
    const response = await as.memberA.post(`/api/dialogue/${question.id}/answers`, { value: 4 });
    expect(response.status).toBe(409);
    expect(response.body.message).toBe('Evalueringen er lukket. Moderatoren åbner den, når der kan svares.');
  });

  it('takes up to ten answers from one person and refuses the eleventh on the text field', async () => {
    const webinarId = await createWebinar();
    const question = await addQuestion(webinarId, 'open');
    for (let i = 1; i <= 10; i++) await answer(as.memberB, question.id, { text: `Idé nummer ${i}` });
    const eleventh = await as.memberB.post(`/api/dialogue/${question.id}/answers`, { text: 'Idé nummer 11' });
    expect(eleventh.status).toBe(400);
    expect(eleventh.body.fields).toEqual({ text: ['Du kan højst give 10 svar på det samme spørgsmål'] });
  });

  it('holds the cap of ten when one person sends twenty answers at once', async () => {
    const webinarId = await createWebinar();
    const question = await addQuestion(webinarId, 'open');
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => as.memberB.post(`/api/dialogue/${question.id}/answers`, { text: `Samtidig ${i}` })),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(10);
    expect(responses.filter((r) => r.status === 400)).toHaveLength(10);
    const count = await t.db.query(`SELECT count(*)::int AS n FROM dialogue_answer WHERE question_id = $1`, [question.id]);
    expect(count.rows[0].n).toBe(10);
  });

  it('loses no answer when a question is closed while answers arrive: each is stored or refused with 409', async () => {
    const webinarId = await createWebinar();
    const question = await addQuestion(webinarId, 'open');
    const [closing, ...responses] = await Promise.all([
      as.moderator.patch(`/api/dialogue/${question.id}`, { open: false }),
      ...crowd.map((session, i) => session.post(`/api/dialogue/${question.id}/answers`, { text: `Svar ${i}` })),
    ]);
    expect(closing!.status).toBe(200);
    expect(responses.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const stored = await t.db.query(`SELECT count(*)::int AS n FROM dialogue_answer WHERE question_id = $1`, [question.id]);
    expect(stored.rows[0].n).toBe(responses.filter((r) => r.status === 201).length);
  });
});

describe('answering an evaluation statement', () => {
  it('keeps one evaluation per person and lets them change it while open (same id, 201 with replaced)', async () => {
    const webinarId = await createWebinar();
    const statement = await addQuestion(webinarId, 'likert');
    const first = await answer(as.memberA, statement.id, { value: 2 });
    const second = await answer(as.memberA, statement.id, { value: 5, anonymous: false });
    expect(first.replaced).toBe(false);
    expect(second).toMatchObject({ replaced: true, answer: { id: first.answer.id, value: 5, anonymous: false } });
    expect(second.question.myAnswers).toHaveLength(1);
    const rows = await t.db.query(`SELECT value FROM dialogue_answer WHERE question_id = $1`, [statement.id]);
    expect(rows.rows).toEqual([{ value: 5 }]);
  });

  it('counts exactly thirty when thirty people answer at the same moment', async () => {
    const webinarId = await createWebinar();
    const statement = await addQuestion(webinarId, 'likert');
    const responses = await Promise.all(
      crowd.map((session, i) => session.post(`/api/dialogue/${statement.id}/answers`, { value: (i % 5) + 1 })),
    );
    expect(responses.map((r) => r.status)).toEqual(crowd.map(() => 201));
    const shown = await results(as.memberA, statement.id);
    expect(shown.body.total).toBe(CROWD);
    expect(shown.body.distribution.map((d: { count: number }) => d.count)).toEqual([6, 6, 6, 6, 6]);
  });

  it('keeps one row when one person answers ten times at the same moment', async () => {
    const webinarId = await createWebinar();
    const statement = await addQuestion(webinarId, 'likert');
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => as.memberB.post(`/api/dialogue/${statement.id}/answers`, { value: (i % 5) + 1 })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(responses.map((r) => r.body.answer.id)).size).toBe(1);
    const rows = await t.db.query(`SELECT count(*)::int AS n FROM dialogue_answer WHERE question_id = $1`, [statement.id]);
    expect(rows.rows[0].n).toBe(1);
  });

  it('shows all five values with their Danish labels, also those nobody chose, and the mean', async () => {
    const webinarId = await createWebinar();
    const statement = await addQuestion(webinarId, 'likert');
    await answer(as.memberA, statement.id, { value: 4 });
    await answer(as.memberB, statement.id, { value: 5 });
    await answer(as.orgAdmin, statement.id, { value: 4 });
    const shown = await results(as.memberB, statement.id);
    expect(shown.body).toMatchObject({
      total: 3,
      answers: [],
      mean: 4.33,
      distribution: [
        { value: 1, label: 'helt uenig', count: 0 },
        { value: 2, label: 'uenig', count: 0 },
        { value: 3, label: 'hverken enig eller uenig', count: 0 },
        { value: 4, label: 'enig', count: 2 },
        { value: 5, label: 'helt enig', count: 1 },
      ],
    });
  });

  it('has a null mean and zero counts before anyone answered', async () => {
    const webinarId = await createWebinar();
    const statement = await addQuestion(webinarId, 'likert');
    const shown = await results(as.memberA, statement.id);
    expect(shown.body).toMatchObject({ total: 0, mean: null });
    expect(shown.body.distribution.map((d: { count: number }) => d.count)).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('bad answers', () => {
  let openQuestion: number;
  let statement: number;
  beforeAll(async () => {
    const webinarId = await createWebinar();
    openQuestion = (await addQuestion(webinarId, 'open')).id;
    statement = (await addQuestion(webinarId, 'likert')).id;
  });

  it.each([
    ['no text for an open question', () => openQuestion, {}, { text: ['Skriv et svar'] }],
    ['only spaces', () => openQuestion, { text: '   \n ' }, { text: ['Skriv et svar'] }],
    [
      'a value for an open question',
      () => openQuestion,
      { text: 'Hej', value: 3 },
      { value: ['Et åbent spørgsmål besvares med tekst, ikke en værdi'] },
    ],
    ['text over 1000 characters', () => openQuestion, { text: 'x'.repeat(1001) }, { text: ['Svaret må højst være på 1000 tegn'] }],
    [
      'a control character',
      () => openQuestion,
      { text: 'Hej\u0007' },
      { text: ['Svaret må ikke indeholde tabulatorer eller andre kontroltegn'] },
    ],
    ['a tab', () => openQuestion, { text: 'Hej\tdu' }, { text: ['Svaret må ikke indeholde tabulatorer eller andre kontroltegn'] }],
    ['text that is not a string', () => openQuestion, { text: 42 }, { text: ['Skriv dit svar som tekst'] }],
    ['no value for a statement', () => statement, {}, { value: ['Vælg en værdi fra 1 (helt uenig) til 5 (helt enig)'] }],
    [
      'text for a statement',
      () => statement,
      { value: 3, text: 'Enig' },
      { text: ['Et udsagn besvares med en værdi fra 1 til 5, ikke med tekst'] },
    ],
    ['the value 6', () => statement, { value: 6 }, { value: ['Vælg en værdi fra 1 (helt uenig) til 5 (helt enig)'] }],
    ['the value 0', () => statement, { value: 0 }, { value: ['Vælg en værdi fra 1 (helt uenig) til 5 (helt enig)'] }],
    ['the value 2.5', () => statement, { value: 2.5 }, { value: ['Vælg en værdi fra 1 (helt uenig) til 5 (helt enig)'] }],
    ['the value "4"', () => statement, { value: '4' }, { value: ['Vælg en værdi fra 1 (helt uenig) til 5 (helt enig)'] }],
    ['anonymous as a string', () => statement, { value: 4, anonymous: 'ja' }, { anonymous: ['anonymous er true eller false'] }],
    ['an unknown field', () => statement, { value: 4, userId: 'x' }, { userId: ['Ukendt felt'] }],
  ])('refuses %s with 400 naming the field', async (_, question, body, fields) => {
    const response = await as.memberA.post(`/api/dialogue/${question()}/answers`, body);
    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual(fields);
  });

  it('stores nothing from refused answers', async () => {
    const rows = await t.db.query(`SELECT count(*)::int AS n FROM dialogue_answer WHERE question_id = ANY($1::bigint[])`, [
      [openQuestion, statement],
    ]);
    expect(rows.rows[0].n).toBe(0);
  });
});

// ---- Who sees what ----

describe('anonymous and named answers', () => {
  let webinarId: number;
  let questionId: number;
  let anonymousId: number;
  let namedId: number;
  beforeAll(async () => {
    webinarId = await createWebinar({ visibility: 'public' });
    questionId = (await addQuestion(webinarId, 'open')).id;
    anonymousId = (await answer(as.memberA, questionId, { text: 'Et anonymt svar' })).answer.id;
    namedId = (await answer(as.memberB, questionId, { text: 'Et svar med navn', anonymous: false })).answer.id;
  });
  const find = (body: { answers: { id: number; mine?: boolean }[] }, id: number) => body.answers.find((a) => a.id === id);

  it.each(['anonymous', 'memberA', 'memberB', 'orgAdmin', 'moderator', 'admin'] as Actor[])(
    'shows a named answer’s author and municipality to %s',
    async (actor) => {
      const shown = find((await results(as[actor], questionId)).body, namedId);
      expect(shown).toMatchObject({
        anonymous: false,
        author: { name: 'Peter Krogh', organization: { code: '0561', name: expect.stringContaining('Esbjerg') } },
        organization: { code: '0561' },
      });
    },
  );

  it.each(['anonymous', 'memberA', 'memberB', 'orgAdmin'] as Actor[])(
    'shows %s neither the author nor the municipality of an anonymous answer',
    async (actor) => {
      const response = await results(as[actor], questionId);
      expect(find(response.body, anonymousId)).toMatchObject({ anonymous: true, author: null, organization: null });
      expect(JSON.stringify(response.body)).not.toContain('Mette');
      expect(JSON.stringify(response.body)).not.toContain('Gladsaxe');
    },
  );

  it.each(['moderator', 'admin'] as Actor[])('shows %s the municipality of an anonymous answer, never the name', async (actor) => {
    const response = await results(as[actor], questionId);
    expect(find(response.body, anonymousId)).toMatchObject({
      author: null,
      organization: { code: '0159', name: expect.stringContaining('Gladsaxe') },
    });
    expect(JSON.stringify(response.body)).not.toContain('Mette');
  });

  it('marks the caller’s own answers as theirs', async () => {
    const response = await results(as.memberA, questionId);
    expect(find(response.body, anonymousId)?.mine).toBe(true);
    expect(find(response.body, namedId)?.mine).toBe(false);
  });

  it('shows only the caller their own answers in myAnswers', async () => {
    const list = await as.memberB.get(`/api/webinars/${webinarId}/dialogue`);
    expect(list.body.items[0].myAnswers.map((a: { id: number }) => a.id)).toEqual([namedId]);
    const visitor = await as.anonymous.get(`/api/webinars/${webinarId}/dialogue`);
    expect(visitor.body.items[0].myAnswers).toEqual([]);
  });
});

describe('hiding an abusive answer', () => {
  let questionId: number;
  let abusiveId: number;
  beforeAll(async () => {
    const webinarId = await createWebinar();
    questionId = (await addQuestion(webinarId, 'open')).id;
    await answer(as.memberB, questionId, { text: 'Et sagligt svar' });
    abusiveId = (await answer(as.memberA, questionId, { text: 'Et groft svar' })).answer.id;
    const hidden = await as.moderator.post(`/api/dialogue/answers/${abusiveId}/hide`, { reason: 'Krænkende sprog' });
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({ id: abusiveId, hidden: true, organization: { code: '0159' }, author: null });
  });

  it('removes it from other participants’ results and the total, and names its id in hiddenIds', async () => {
    const shown = await results(as.memberB, questionId);
    expect(shown.body.answers.map((a: { text: string }) => a.text)).toEqual(['Et sagligt svar']);
    expect(shown.body).toMatchObject({ total: 1, hiddenIds: [abusiveId], question: { answerCount: 1 } });
  });

  it('keeps it, marked hidden, for moderators', async () => {
    const shown = await results(as.admin, questionId);
    expect(shown.body.answers.map((a: { text: string; hidden: boolean }) => [a.text, a.hidden])).toEqual([
      ['Et sagligt svar', false],
      ['Et groft svar', true],
    ]);
  });

  it('hides it from its author’s results too, but tells them among their own answers', async () => {
    const shown = await results(as.memberA, questionId);
    expect(shown.body.answers.map((a: { id: number }) => a.id)).not.toContain(abusiveId);
    expect(shown.body.question.myAnswers).toMatchObject([{ id: abusiveId, hidden: true }]);
  });

  it('needs a reason', async () => {
    const response = await as.moderator.post(`/api/dialogue/answers/${abusiveId}/unhide`, {});
    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual({ reason: ['Skriv en begrundelse'] });
  });

  it('refuses to hide what is already hidden', async () => {
    expect((await as.moderator.post(`/api/dialogue/answers/${abusiveId}/hide`, { reason: 'Igen' })).status).toBe(409);
  });

  it('records the hiding with its reason and the municipality', async () => {
    const audit = await t.db.query(
      `SELECT a.action, a.reason, o.code FROM audit_log a JOIN organization o ON o.id = a.organization_id
       WHERE a.target_type = 'dialogue_answer' AND a.target_id = $1`,
      [String(abusiveId)],
    );
    expect(audit.rows).toEqual([{ action: 'dialogue.answer.hide', reason: 'Krænkende sprog', code: '0159' }]);
  });

  it('brings it back when a moderator shows it again', async () => {
    const webinarId = await createWebinar();
    const question = await addQuestion(webinarId, 'open');
    const id = (await answer(as.memberA, question.id, { text: 'Et svar' })).answer.id;
    await as.moderator.post(`/api/dialogue/answers/${id}/hide`, { reason: 'Krænkende sprog' });
    expect((await as.moderator.post(`/api/dialogue/answers/${id}/unhide`, { reason: 'Fejlagtigt skjult' })).body.hidden).toBe(false);
    expect((await results(as.memberB, question.id)).body).toMatchObject({ total: 1, hiddenIds: [], answers: [{ id }] });
  });
});

describe('live polling with after', () => {
  it('returns only answers newer than after, while the total covers them all', async () => {
    const webinarId = await createWebinar();
    const question = await addQuestion(webinarId, 'open');
    await answer(as.memberA, question.id, { text: 'Første' });
    await answer(as.memberB, question.id, { text: 'Andet' });
    const first = await results(as.orgAdmin, question.id);
    expect(first.body.answers.map((a: { text: string }) => a.text)).toEqual(['Første', 'Andet']);
    await answer(as.orgAdmin, question.id, { text: 'Tredje' });
    const next = await results(as.orgAdmin, question.id, `?after=${first.body.cursor}`);
    expect(next.body).toMatchObject({ total: 3, hasMore: false, answers: [{ text: 'Tredje' }] });
    const nothingNew = await results(as.orgAdmin, question.id, `?after=${next.body.cursor}`);
    expect(nothingNew.body).toMatchObject({ total: 3, answers: [], cursor: next.body.cursor });
  });

  it('pages with limit, hasMore and cursor', async () => {
    const webinarId = await createWebinar();
    const question = await addQuestion(webinarId, 'open');
    for (const text of ['En', 'To', 'Tre']) await answer(as.memberA, question.id, { text });
    const page = await results(as.memberB, question.id, '?limit=2');
    expect(page.body).toMatchObject({ total: 3, hasMore: true, answers: [{ text: 'En' }, { text: 'To' }] });
    const rest = await results(as.memberB, question.id, `?limit=2&after=${page.body.cursor}`);
    expect(rest.body).toMatchObject({ hasMore: false, answers: [{ text: 'Tre' }] });
  });

  it.each([
    ['after=abc', 'after'],
    ['after=-1', 'after'],
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['format=xlsx', 'format'],
    ['after=1&after=2', 'after'],
    ['since=1', 'since'],
  ])('refuses ?%s with 400 naming %s', async (query, field) => {
    const response = await results(as.memberA, matrix.questionId, `?${query}`);
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields)).toEqual([field]);
  });
});

describe('the CSV export', () => {
  let questionId: number;
  let csv: { status: number; body: string; headers: Headers };
  beforeAll(async () => {
    const webinarId = await createWebinar();
    questionId = (await addQuestion(webinarId, 'open')).id;
    await answer(as.memberA, questionId, { text: 'Anonymt; med "citat"\nog linjeskift' });
    await answer(as.memberB, questionId, { text: '=HYPERLINK("http://ondt.example")', anonymous: false });
    await answer(as.orgAdmin, questionId, { text: '+45 12 34 56 78' });
    await answer(as.orgAdmin, questionId, { text: '@SUM(A1)' });
    await answer(as.orgAdmin, questionId, { text: '-1' });
    const raw = await fetch(`${t.url}/api/dialogue/${questionId}/results?format=csv`, { headers: { cookie: as.moderator.cookieHeader! } });
    csv = { status: raw.status, body: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await raw.arrayBuffer()), headers: raw.headers };
  });
  const lines = () => csv.body.replace(/^\uFEFF/, '').split('\r\n');

  it('is UTF-8 CSV with a byte-order mark, as an attachment', () => {
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="dialog-webinar-\d+-spoergsmaal-\d+\.csv"$/);
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
  });

  it('has the Danish columns separated by semicolons', () => {
    expect(lines()[0]).toBe('id;tidspunkt;svar;anonym;navn;kommune;skjult');
  });

  it('gives the time on a Copenhagen clock', async () => {
    const row = await t.db.query(`SELECT created_at FROM dialogue_answer WHERE question_id = $1 ORDER BY id LIMIT 1`, [questionId]);
    const expected = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Copenhagen',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).format(row.rows[0].created_at);
    expect(lines()[1]!.split(';')[1]).toBe(expected);
  });

  it('quotes cells with semicolons, quotes and line breaks, and leaves the name of an anonymous answer empty', () => {
    expect(csv.body).toMatch(/;"Anonymt; med ""citat""\nog linjeskift";ja;;Gladsaxe[^;]*;nej\r\n/);
  });

  it('names the author of a named answer', () => {
    expect(lines().find((line) => line.includes('Peter Krogh'))).toMatch(/;nej;Peter Krogh;Esbjerg[^;]*;nej$/);
  });

  it('defuses cells Excel would run as formulas', () => {
    expect(csv.body).toContain(`;"'=HYPERLINK(""http://ondt.example"")";`);
    expect(csv.body).toContain(`;'+45 12 34 56 78;`);
    expect(csv.body).toContain(`;'@SUM(A1);`);
    expect(csv.body).toContain(`;'-1;`);
  });

  it('lists evaluations with their value and its label', async () => {
    const webinarId = await createWebinar();
    const statement = await addQuestion(webinarId, 'likert');
    await answer(as.memberA, statement.id, { value: 4 });
    const response = await results(as.admin, statement.id, '?format=csv');
    const rows = String(response.body)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(rows[0]).toBe('id;tidspunkt;værdi;betydning;anonym;navn;kommune;skjult');
    expect(rows[1]).toMatch(/^\d+;[\d-]+ [\d:]+;4;enig;ja;;Gladsaxe[^;]*;nej$/);
  });

  it('is audited, for it carries the municipalities of anonymous answers', async () => {
    const audit = await t.db.query(`SELECT action FROM audit_log WHERE action = 'dialogue.export' AND target_id = $1`, [
      String(questionId),
    ]);
    expect(audit.rows).toHaveLength(1);
  });
});

describe('importing a question with answers (the demo seed)', () => {
  it('stores a closed question whose answers have no user and no municipality', async () => {
    const webinarId = await createWebinar();
    const dialogue = t.app.get(DialogueService);
    const answeredAt = new Date('2023-11-02T10:30:00+01:00');
    const imported = await dialogue.importQuestion(webinarId, {
      kind: 'likert',
      prompt: 'Webinaret gav mig ny viden',
      answers: [5, 4, 4, 3],
      answeredAt,
    });
    expect(imported.created).toBe(true);
    const rows = await t.db.query(
      `SELECT user_id, organization_id, anonymous, created_at FROM dialogue_answer WHERE question_id = $1 ORDER BY id`,
      [imported.id],
    );
    expect(rows.rows).toHaveLength(4);
    expect(rows.rows.every((r) => r.user_id === null && r.organization_id === null && r.anonymous === true)).toBe(true);
    expect(rows.rows[0].created_at.toISOString()).toBe(answeredAt.toISOString());
    const shown = await results(as.memberA, imported.id);
    expect(shown.body).toMatchObject({
      total: 4,
      mean: 4,
      question: { open: false, openedAt: answeredAt.toISOString(), closedAt: answeredAt.toISOString() },
    });
  });

  it('adds nothing the second time', async () => {
    const webinarId = await createWebinar();
    const dialogue = t.app.get(DialogueService);
    const input = { kind: 'open' as const, prompt: 'Hvad tager du med hjem?', answers: ['Overblik', 'Kontakter'] };
    const first = await dialogue.importQuestion(webinarId, input);
    const second = await dialogue.importQuestion(webinarId, input);
    expect(second).toEqual({ id: first.id, created: false });
    const shown = await results(as.moderator, first.id);
    expect(
      shown.body.answers.map((a: { text: string; author: unknown; organization: unknown }) => [a.text, a.author, a.organization]),
    ).toEqual([
      ['Overblik', null, null],
      ['Kontakter', null, null],
    ]);
  });
});
