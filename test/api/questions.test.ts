import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession, signIn } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

let t: TestApp;
let asker: ApiSession;
let answerer: ApiSession;
let third: ApiSession;
let moderator: ApiSession;

beforeAll(async () => {
  t = await startTestApp({ withoutSearch: true });
  await t.createUser({ email: 'asker@gladsaxe.dk', organizationCode: '0159', name: 'Sofie Lund', title: 'Hotline' });
  await t.createUser({ email: 'answerer@esbjerg.dk', organizationCode: '0561', name: 'Peter Krogh', title: 'Infrastrukturansvarlig' });
  await t.createUser({ email: 'third@aarhus.dk', organizationCode: '0751' });
  await t.createUser({ email: 'moderator@kombit.dk', organizationCode: 'KOMBIT', role: 'moderator' });
  const sessions = await Promise.all(
    ['asker@gladsaxe.dk', 'answerer@esbjerg.dk', 'third@aarhus.dk', 'moderator@kombit.dk'].map((email) =>
      signIn(t.url, email, TEST_PASSWORD),
    ),
  );
  [asker, answerer, third, moderator] = sessions as [ApiSession, ApiSession, ApiSession, ApiSession];
});
afterAll(async () => {
  await t.close();
});

async function ask(overrides: Record<string, unknown> = {}) {
  const response = await asker.post('/api/content', {
    kind: 'question',
    title: 'Context Handler er nede – hvad gør hotline?',
    body: 'Brugerne kan ikke logge på **BBR** og DAR. Hvad gør I?',
    tags: ['Context-Handler', 'hotline'],
    components: ['context-handler'],
    visibility: 'members',
    ...overrides,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

describe('asking a question', () => {
  it('stores it with a Danish slug, rendered HTML, lower-cased tags, the component and the author’s municipality', async () => {
    const question = await ask({ title: 'Hvornår får vi æbler på Ø?' });
    expect(question).toMatchObject({
      kind: 'question',
      slug: 'hvornaar-faar-vi-aebler-paa-oe',
      path: `/spoergsmaal/${question.id}-hvornaar-faar-vi-aebler-paa-oe`,
      tags: ['context-handler', 'hotline'],
      components: [{ slug: 'context-handler' }],
      organization: { code: '0159' },
      author: { name: 'Sofie Lund', title: 'Hotline', organization: { code: '0159' } },
      status: 'published',
      score: 0,
      replyCount: 0,
      solved: false,
    });
    expect(question.bodyHtml).toContain('<strong>BBR</strong>');
  });

  it('refuses unknown components with a message for that field', async () => {
    const response = await asker.post('/api/content', {
      kind: 'question',
      title: 'Et spørgsmål om noget',
      body: 'Tekst',
      components: ['findes-ikke'],
    });
    expect(response.status).toBe(400);
    expect(response.body.fields['components.0']).toEqual(['Ukendt komponent: findes-ikke']);
  });

  it('refuses more than five tags', async () => {
    const response = await asker.post('/api/content', {
      kind: 'question',
      title: 'Et spørgsmål om noget',
      body: 'Tekst',
      tags: ['a', 'b', 'c', 'd', 'e', 'f'],
    });
    expect(response.status).toBe(400);
    expect(response.body.fields.tags).toBeDefined();
  });

  it('needs a login', async () => {
    const response = await new ApiSession(t.url).post('/api/content', { kind: 'question', title: 'Et spørgsmål om noget', body: 'Tekst' });
    expect(response.status).toBe(401);
  });
});

describe('a thread', () => {
  it('goes from question to answers, votes and an accepted answer, shown first', async () => {
    const question = await ask();
    const first = await answerer.post(`/api/content/${question.id}/replies`, { body: 'Vi lægger en besked på intranettet med det samme.' });
    expect(first.status).toBe(201);
    const second = await third.post(`/api/content/${question.id}/replies`, { body: 'Tjek driftstatus hos KOMBIT først.' });
    expect(second.status).toBe(201);

    expect((await third.post(`/api/replies/${first.body.id}/vote`, { value: 1 })).body).toEqual({ score: 1, myVote: 1 });
    expect((await asker.post(`/api/content/${question.id}/vote`, { value: 1 })).status).toBe(403);
    expect((await answerer.post(`/api/content/${question.id}/vote`, { value: 1 })).body).toEqual({ score: 1, myVote: 1 });
    expect((await answerer.post(`/api/content/${question.id}/vote`, { value: -1 })).body).toEqual({ score: -1, myVote: -1 });

    // Not the asker: refused; the asker: accepted.
    expect((await third.post(`/api/replies/${second.body.id}/accept`)).status).toBe(403);
    const accepted = await asker.post(`/api/replies/${second.body.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.accepted).toBe(true);

    const thread = await answerer.get(`/api/content/${question.id}`);
    expect(thread.body).toMatchObject({ solved: true, acceptedReplyId: second.body.id, replyCount: 2, score: -1, myVote: -1 });
    expect(thread.body.replies.map((reply: { id: number }) => reply.id)).toEqual([second.body.id, first.body.id]);
    expect(thread.body.replies[1]).toMatchObject({ score: 1, author: { name: 'Peter Krogh', organization: { code: '0561' } } });
  });

  it('keeps every earlier version when edited, with who edited', async () => {
    const question = await ask();
    const edited = await asker.patch(`/api/content/${question.id}`, { body: 'Ny tekst', expectedVersion: 1 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, edited: true, body: 'Ny tekst' });
    const stale = await asker.patch(`/api/content/${question.id}`, { body: 'Endnu en', expectedVersion: 1 });
    expect(stale.status).toBe(409);
    const revisions = await answerer.get(`/api/content/${question.id}/revisions`);
    expect(revisions.body.items.map((revision: { version: number; body: string }) => [revision.version, revision.body])).toEqual([
      [2, 'Ny tekst'],
      [1, 'Brugerne kan ikke logge på **BBR** og DAR. Hvad gør I?'],
    ]);
  });

  it('lets a moderator lock a thread with a reason, and then nobody else can answer', async () => {
    const question = await ask();
    expect((await moderator.post(`/api/content/${question.id}/moderation`, { action: 'lock' })).status).toBe(400);
    const locked = await moderator.post(`/api/content/${question.id}/moderation`, { action: 'lock', reason: 'Løst andetsteds' });
    expect(locked.status).toBe(200);
    expect((await answerer.post(`/api/content/${question.id}/replies`, { body: 'Et svar for sent' })).status).toBe(403);
    const audit = await t.db.query(`SELECT action, reason FROM audit_log WHERE target_id = $1`, [String(question.id)]);
    expect(audit.rows).toEqual([{ action: 'content.lock', reason: 'Løst andetsteds' }]);
  });
});

describe('what people without a session read', () => {
  it('is served from the anonymous cache, and a write through the app is seen at once', async () => {
    const question = await ask({ visibility: 'public' });
    const anonymous = new ApiSession(t.url);
    expect((await anonymous.get(`/api/content/${question.id}`)).headers.get('x-cache')).toBe('MISS');
    const cached = await anonymous.get(`/api/content/${question.id}`);
    expect(cached.headers.get('x-cache')).toBe('HIT');
    expect(cached.body.score).toBe(0);
    await answerer.post(`/api/content/${question.id}/vote`, { value: 1 });
    const fresh = await anonymous.get(`/api/content/${question.id}`);
    expect(fresh.headers.get('x-cache')).toBe('MISS');
    expect(fresh.body.score).toBe(1);
  });

  it('is never a logged-in person’s view: their own vote shows only to them', async () => {
    const question = await ask({ visibility: 'public' });
    await answerer.post(`/api/content/${question.id}/vote`, { value: 1 });
    expect((await answerer.get(`/api/content/${question.id}`)).body.myVote).toBe(1);
    const anonymous = await new ApiSession(t.url).get(`/api/content/${question.id}`);
    expect(anonymous.body.myVote).toBe(0);
    expect((await answerer.get(`/api/content/${question.id}`)).headers.get('x-cache')).toBeNull();
  });
});

describe('a question marked as the same as another', () => {
  it('names the other one only to those who may see it', async () => {
    const internal = await ask({ title: 'Internt spørgsmål i Gladsaxe om SF1601', visibility: 'organization' });
    const open = await ask({ title: 'Offentligt spørgsmål om SF1601', visibility: 'public' });
    const marked = await asker.patch(`/api/content/${open.id}`, { duplicateOfId: internal.id });
    expect(marked.status).toBe(200);
    expect(marked.body.duplicateOf).toMatchObject({ id: internal.id, title: 'Internt spørgsmål i Gladsaxe om SF1601' });
    expect((await answerer.get(`/api/content/${open.id}`)).body.duplicateOf).toBeNull();
    expect((await new ApiSession(t.url).get(`/api/content/${open.id}`)).body.duplicateOf).toBeNull();
  });
});

describe('saving a guide without changing its text', () => {
  it('keeps its version and writes no revision, whatever order the attributes come in', async () => {
    const created = await asker.post('/api/content', {
      kind: 'guide',
      title: 'Vejledning om Context Handler til hotline',
      body: 'Sådan gør vi.',
      attributes: {
        component: 'context-handler',
        severity: 'kritisk',
        affectedSystems: ['BBR'],
        action: 'Læg besked på intranettet.',
        intranetNotice: { outage: 'Nedbrud', maintenance: 'Vedligehold' },
      },
    });
    expect(created.status).toBe(201);
    const saved = await asker.patch(`/api/content/${created.body.id}`, { attributes: created.body.attributes, visibility: 'public' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, visibility: 'public' });
    const revisions = await t.db.query('SELECT count(*)::int AS n FROM revision WHERE content_id = $1', [created.body.id]);
    expect(revisions.rows[0]?.n).toBe(0);
  });
});
