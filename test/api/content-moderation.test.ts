import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession, signIn } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

/**
 * Who may edit, hide, lock, delete and move what: the author their own; their municipality's org admin and
 * KOMBIT's moderators someone else's, always with a reason that goes to the audit log.
 */

let t: TestApp;
let anonymous: ApiSession;
let author: ApiSession;
let colleague: ApiSession;
let gladsaxeAdmin: ApiSession;
let esbjergMember: ApiSession;
let esbjergAdmin: ApiSession;
let moderator: ApiSession;
const userIds: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp({ withoutSearch: true });
  const users: Array<[string, string, string, 'member' | 'org_admin' | 'moderator', string]> = [
    ['author', 'moderation.forfatter@gladsaxe.dk', '0159', 'member', 'Sofie Forfatter'],
    ['colleague', 'moderation.kollega@gladsaxe.dk', '0159', 'member', 'Karl Kollega'],
    ['gladsaxeAdmin', 'moderation.orgadmin@gladsaxe.dk', '0159', 'org_admin', 'Gitte Gladsaxe'],
    ['esbjergMember', 'moderation.medlem@esbjerg.dk', '0561', 'member', 'Erik Esbjerg'],
    ['esbjergAdmin', 'moderation.orgadmin@esbjerg.dk', '0561', 'org_admin', 'Eva Esbjerg'],
    ['moderator', 'moderation.moderator@kombit.dk', 'KOMBIT', 'moderator', 'Mona Moderator'],
  ];
  const sessions = new Map<string, ApiSession>();
  for (const [key, email, organizationCode, role, name] of users) {
    userIds[key] = (await t.createUser({ email, organizationCode, role, name })).id;
    sessions.set(key, await signIn(t.url, email, TEST_PASSWORD));
  }
  const session = (key: string) => sessions.get(key)!;
  author = session('author');
  colleague = session('colleague');
  gladsaxeAdmin = session('gladsaxeAdmin');
  esbjergMember = session('esbjergMember');
  esbjergAdmin = session('esbjergAdmin');
  moderator = session('moderator');
  anonymous = new ApiSession(t.url);
});
afterAll(async () => {
  await t.close();
});

let counter = 0;
async function ask(overrides: Record<string, unknown> = {}, as: ApiSession = author): Promise<number> {
  counter += 1;
  const response = await as.post('/api/content', {
    kind: 'question',
    title: `Spørgsmål til moderation nummer ${counter}`,
    body: 'Hvordan gør I?',
    visibility: 'members',
    ...overrides,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

async function answer(as: ApiSession, questionId: number, body = 'Sådan gør vi det.'): Promise<number> {
  const response = await as.post(`/api/content/${questionId}/replies`, { body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

/** Content and answers are numbered apart: an audit row is found by its type and id. */
async function audited(targetType: 'content' | 'reply', targetId: number) {
  const { rows } = await t.db.query<{ action: string; reason: string | null; actor_id: string }>(
    'SELECT action, reason, actor_id FROM audit_log WHERE target_type = $1 AND target_id = $2 ORDER BY id',
    [targetType, String(targetId)],
  );
  return rows;
}
const auditFor = (contentId: number) => audited('content', contentId);
const replyAuditFor = (replyId: number) => audited('reply', replyId);

describe('editing', () => {
  it('the author edits their own question without a reason, and nothing is audited', async () => {
    const id = await ask();
    const response = await author.patch(`/api/content/${id}`, { body: 'Hvordan gør I det i jeres kommune?' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ body: 'Hvordan gør I det i jeres kommune?', version: 2, edited: true });
    expect(await auditFor(id)).toEqual([]);
  });

  it('an org admin editing a colleague’s question without a reason gets 400 on reason, and nothing changes', async () => {
    const id = await ask();
    const response = await gladsaxeAdmin.patch(`/api/content/${id}`, { title: 'Rettet titel på spørgsmålet' });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields)).toEqual(['reason']);
    expect((await author.get(`/api/content/${id}`)).body).toMatchObject({
      version: 1,
      title: `Spørgsmål til moderation nummer ${counter}`,
    });
  });

  it('an org admin edits a colleague’s question with a reason: audited, and the revision names them and the reason', async () => {
    const id = await ask();
    const response = await gladsaxeAdmin.patch(`/api/content/${id}`, { title: 'Rettet titel på spørgsmålet', reason: 'Stavefejl' });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(await auditFor(id)).toEqual([{ action: 'content.edit', reason: 'Stavefejl', actor_id: userIds.gladsaxeAdmin }]);
    const revisions = (await author.get(`/api/content/${id}/revisions`)).body.items;
    expect(revisions[0]).toMatchObject({
      version: 2,
      title: 'Rettet titel på spørgsmålet',
      reason: 'Stavefejl',
      editor: { name: 'Gitte Gladsaxe' },
    });
    expect(revisions[1]).toMatchObject({ version: 1, reason: null, editor: { name: 'Sofie Forfatter' } });
  });

  it.each([
    ['a colleague who is not org admin', () => colleague],
    ['a member of Esbjerg', () => esbjergMember],
    ['the org admin of Esbjerg', () => esbjergAdmin],
  ])('%s gets 403 on a question they can see, and the detail offers no edit', async (_, session) => {
    const id = await ask({ visibility: 'members' });
    const response = await session().patch(`/api/content/${id}`, { title: 'Ændret af en anden kommune', reason: 'Forsøg' });
    expect(response.status).toBe(403);
    expect((await session().get(`/api/content/${id}`)).body.permissions).toMatchObject({ edit: false, delete: false });
  });

  it.each([
    ['only for Gladsaxe', { visibility: 'organization' }],
    ['a draft', { status: 'draft' }],
  ])('the org admin of Esbjerg gets 404 on a Gladsaxe question %s', async (_, overrides) => {
    const id = await ask(overrides);
    const response = await esbjergAdmin.patch(`/api/content/${id}`, { title: 'Ændret af en anden kommune', reason: 'Forsøg' });
    expect(response.status).toBe(404);
  });

  it('the org admin of Gladsaxe edits a colleague’s draft with a reason', async () => {
    const id = await ask({ status: 'draft' });
    const response = await gladsaxeAdmin.patch(`/api/content/${id}`, { body: 'Rettet kladde', reason: 'Hjælp til kollega' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'draft', body: 'Rettet kladde' });
  });

  it('the author sees edit permissions on their own question, a colleague does not', async () => {
    const id = await ask();
    expect((await author.get(`/api/content/${id}`)).body.permissions).toMatchObject({ edit: true, delete: true, moderate: false });
    expect((await colleague.get(`/api/content/${id}`)).body.permissions).toMatchObject({
      edit: false,
      delete: false,
      vote: true,
      reply: true,
    });
  });
});

describe('hiding', () => {
  it('leaves the question visible to its author, with status hidden', async () => {
    const id = await ask();
    const hidden = await moderator.post(`/api/content/${id}/moderation`, { action: 'hide', reason: 'Personoplysninger i teksten' });
    expect(hidden.status).toBe(200);
    const read = await author.get(`/api/content/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.status).toBe('hidden');
  });

  it('takes the question away from other members, in detail and list', async () => {
    const id = await ask({ tags: ['skjult-test'] });
    await moderator.post(`/api/content/${id}/moderation`, { action: 'hide', reason: 'Personoplysninger i teksten' });
    for (const session of [colleague, esbjergMember, esbjergAdmin, anonymous]) {
      expect((await session.get(`/api/content/${id}`)).status).toBe(404);
      expect((await session.get('/api/content?tag=skjult-test')).body.total).toBe(0);
    }
  });

  it('leaves it to the org admin of the author’s municipality and to moderators', async () => {
    const id = await ask();
    await moderator.post(`/api/content/${id}/moderation`, { action: 'hide', reason: 'Personoplysninger i teksten' });
    expect((await gladsaxeAdmin.get(`/api/content/${id}`)).status).toBe(200);
    expect((await moderator.get(`/api/content/${id}`)).body).toMatchObject({ status: 'hidden', permissions: { moderate: true } });
  });

  it('is audited with the reason', async () => {
    const id = await ask();
    await moderator.post(`/api/content/${id}/moderation`, { action: 'hide', reason: 'Personoplysninger i teksten' });
    expect(await auditFor(id)).toEqual([{ action: 'content.hide', reason: 'Personoplysninger i teksten', actor_id: userIds.moderator }]);
  });

  it('cannot be undone by the author changing the status', async () => {
    const id = await ask();
    await moderator.post(`/api/content/${id}/moderation`, { action: 'hide', reason: 'Personoplysninger i teksten' });
    const response = await author.patch(`/api/content/${id}`, { status: 'published' });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields)).toEqual(['status']);
  });

  it('is undone by a moderator showing it again, with a reason', async () => {
    const id = await ask();
    await moderator.post(`/api/content/${id}/moderation`, { action: 'hide', reason: 'Personoplysninger i teksten' });
    const shown = await moderator.post(`/api/content/${id}/moderation`, { action: 'unhide', reason: 'Rettet af forfatteren' });
    expect(shown.status).toBe(200);
    expect((await colleague.get(`/api/content/${id}`)).body.status).toBe('published');
    expect((await auditFor(id)).map((row) => row.action)).toEqual(['content.hide', 'content.unhide']);
  });

  it.each([
    ['an org admin', () => gladsaxeAdmin, 403],
    ['the author', () => author, 403],
    ['someone not logged in', () => anonymous, 401],
  ])('is refused to %s', async (_, session, status) => {
    const id = await ask();
    const response = await session().post(`/api/content/${id}/moderation`, { action: 'hide', reason: 'Forsøg på at skjule' });
    expect(response.status).toBe(status);
    expect((await colleague.get(`/api/content/${id}`)).status).toBe(200);
  });
});

describe('locking', () => {
  async function lockedThread() {
    const id = await ask();
    const replyId = await answer(colleague, id);
    const locked = await moderator.post(`/api/content/${id}/moderation`, { action: 'lock', reason: 'Diskussionen er afsluttet' });
    expect(locked.status).toBe(200);
    return { id, replyId };
  }

  it('stops members answering, voting on the question and voting on answers', async () => {
    const { id, replyId } = await lockedThread();
    expect((await esbjergMember.post(`/api/content/${id}/replies`, { body: 'Et svar for sent' })).status).toBe(403);
    expect((await esbjergMember.post(`/api/content/${id}/vote`, { value: 1 })).status).toBe(403);
    expect((await esbjergMember.post(`/api/replies/${replyId}/vote`, { value: 1 })).status).toBe(403);
    const { rows } = await t.db.query('SELECT count(*)::int AS n FROM vote WHERE content_id = $1 OR reply_id = $2', [id, replyId]);
    expect(rows[0].n).toBe(0);
  });

  it('stops the author editing and accepting', async () => {
    const { id, replyId } = await lockedThread();
    expect((await author.patch(`/api/content/${id}`, { body: 'En ændring i en låst tråd' })).status).toBe(403);
    expect((await author.post(`/api/replies/${replyId}/accept`)).status).toBe(403);
  });

  it('shows in the permissions: nothing for a member, moderation for a moderator', async () => {
    const { id } = await lockedThread();
    expect((await esbjergMember.get(`/api/content/${id}`)).body).toMatchObject({
      locked: true,
      permissions: { edit: false, vote: false, reply: false, accept: false },
    });
    expect((await author.get(`/api/content/${id}`)).body.permissions).toMatchObject({ edit: false, accept: false });
    expect((await moderator.get(`/api/content/${id}`)).body.permissions).toMatchObject({ edit: true, moderate: true, reply: true });
  });

  it('still lets a moderator edit (with a reason) and answer', async () => {
    const { id } = await lockedThread();
    expect((await moderator.patch(`/api/content/${id}`, { body: 'Opsummeret af KOMBIT', reason: 'Opsummering' })).status).toBe(200);
    expect((await moderator.post(`/api/content/${id}/replies`, { body: 'Svar fra KOMBIT efter låsning' })).status).toBe(201);
  });

  it('is lifted by unlocking, after which members answer again', async () => {
    const { id } = await lockedThread();
    expect((await moderator.post(`/api/content/${id}/moderation`, { action: 'unlock', reason: 'Åbnet igen' })).status).toBe(200);
    expect((await esbjergMember.post(`/api/content/${id}/replies`, { body: 'Nu kan jeg svare igen' })).status).toBe(201);
    expect((await auditFor(id)).map((row) => [row.action, row.reason])).toEqual([
      ['content.lock', 'Diskussionen er afsluttet'],
      ['content.unlock', 'Åbnet igen'],
    ]);
  });
});

describe('deleting', () => {
  it('by the author: 204, gone for everyone including the author, and not audited', async () => {
    const id = await ask();
    expect((await author.delete(`/api/content/${id}`)).status).toBe(204);
    for (const session of [author, gladsaxeAdmin, moderator]) {
      expect((await session.get(`/api/content/${id}`)).status).toBe(404);
      expect((await session.get(`/api/content/${id}/revisions`)).status).toBe(404);
    }
    expect(await auditFor(id)).toEqual([]);
    const { rows } = await t.db.query('SELECT deleted_at IS NOT NULL AS deleted FROM content WHERE id = $1', [id]);
    expect(rows).toEqual([{ deleted: true }]);
  });

  it('by a moderator needs a reason', async () => {
    const id = await ask();
    const response = await moderator.delete(`/api/content/${id}`);
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields)).toEqual(['reason']);
    expect((await colleague.get(`/api/content/${id}`)).status).toBe(200);
  });

  it('by a moderator with a reason is audited', async () => {
    const id = await ask();
    expect((await moderator.delete(`/api/content/${id}`, { reason: 'Spam' })).status).toBe(204);
    expect(await auditFor(id)).toEqual([{ action: 'content.delete', reason: 'Spam', actor_id: userIds.moderator }]);
    expect((await author.get(`/api/content/${id}`)).status).toBe(404);
  });

  it('by the org admin of the author’s municipality with a reason is audited', async () => {
    const id = await ask();
    expect((await gladsaxeAdmin.delete(`/api/content/${id}`, { reason: 'Dubletter' })).status).toBe(204);
    expect(await auditFor(id)).toEqual([{ action: 'content.delete', reason: 'Dubletter', actor_id: userIds.gladsaxeAdmin }]);
  });

  it('by the org admin of another municipality is refused with 403', async () => {
    const id = await ask();
    expect((await esbjergAdmin.delete(`/api/content/${id}`, { reason: 'Forsøg' })).status).toBe(403);
    expect((await colleague.get(`/api/content/${id}`)).status).toBe(200);
  });

  it('of the accepted answer by a moderator leaves the question unsolved', async () => {
    const id = await ask();
    const replyId = await answer(colleague, id);
    expect((await author.post(`/api/replies/${replyId}/accept`)).status).toBe(200);
    expect((await moderator.delete(`/api/replies/${replyId}`)).status).toBe(400);
    expect((await moderator.delete(`/api/replies/${replyId}`, { reason: 'Forkert svar' })).status).toBe(204);
    expect((await author.get(`/api/content/${id}`)).body).toMatchObject({
      solved: false,
      acceptedReplyId: null,
      replyCount: 0,
      replies: [],
    });
    expect(await replyAuditFor(replyId)).toEqual([{ action: 'reply.delete', reason: 'Forkert svar', actor_id: userIds.moderator }]);
  });
});

describe('answers', () => {
  it('an edit by its author keeps the earlier text as a revision', async () => {
    const id = await ask();
    const replyId = await answer(colleague, id, 'Første udgave af svaret');
    const edited = await colleague.patch(`/api/replies/${replyId}`, { body: 'Anden udgave af svaret', expectedVersion: 1 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ body: 'Anden udgave af svaret', version: 2, edited: true });
    const { rows } = await t.db.query('SELECT version, body, editor_id, reason FROM revision WHERE reply_id = $1', [replyId]);
    expect(rows).toEqual([{ version: 1, body: 'Første udgave af svaret', editor_id: userIds.colleague, reason: null }]);
    expect(await replyAuditFor(replyId)).toEqual([]);
  });

  it('an edit by a moderator needs a reason and is audited', async () => {
    const id = await ask();
    const replyId = await answer(colleague, id);
    expect((await moderator.patch(`/api/replies/${replyId}`, { body: 'Rettet af KOMBIT' })).status).toBe(400);
    expect((await moderator.patch(`/api/replies/${replyId}`, { body: 'Rettet af KOMBIT', reason: 'Forkert link' })).status).toBe(200);
    expect(await replyAuditFor(replyId)).toEqual([{ action: 'reply.edit', reason: 'Forkert link', actor_id: userIds.moderator }]);
  });

  it('an edit by the org admin of another municipality is refused with 403', async () => {
    const id = await ask();
    const replyId = await answer(colleague, id);
    expect((await esbjergAdmin.patch(`/api/replies/${replyId}`, { body: 'Ændret af Esbjerg', reason: 'Forsøg' })).status).toBe(403);
  });
});

describe('moving an answer', () => {
  async function moved() {
    const source = await ask();
    const target = await ask();
    const replyId = await answer(colleague, source);
    await answer(esbjergMember, source);
    await answer(esbjergMember, target);
    expect((await author.post(`/api/replies/${replyId}/accept`)).status).toBe(200);
    const response = await moderator.post(`/api/replies/${replyId}/move`, { contentId: target, reason: 'Hører til det andet spørgsmål' });
    return { source, target, replyId, response };
  }

  it('answers with the answer in its new thread', async () => {
    const { target, replyId, response } = await moved();
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: replyId, contentId: target, accepted: false });
  });

  it('updates the answer counts of both threads', async () => {
    const { source, target } = await moved();
    const [from, to] = [(await author.get(`/api/content/${source}`)).body, (await author.get(`/api/content/${target}`)).body];
    expect([from.replyCount, from.replies.length, to.replyCount, to.replies.length]).toEqual([1, 1, 2, 2]);
  });

  it('clears the accepted answer of the thread it left', async () => {
    const { source } = await moved();
    expect((await author.get(`/api/content/${source}`)).body).toMatchObject({ solved: false, acceptedReplyId: null });
  });

  it('is audited with the reason', async () => {
    const { replyId } = await moved();
    expect(await replyAuditFor(replyId)).toEqual([
      { action: 'reply.move', reason: 'Hører til det andet spørgsmål', actor_id: userIds.moderator },
    ]);
  });

  it('needs a reason', async () => {
    const source = await ask();
    const target = await ask();
    const replyId = await answer(colleague, source);
    const response = await moderator.post(`/api/replies/${replyId}/move`, { contentId: target });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields)).toEqual(['reason']);
  });

  it.each([
    ['the org admin', () => gladsaxeAdmin],
    ['the asker', () => author],
  ])('is refused to %s with 403', async (_, session) => {
    const source = await ask();
    const target = await ask();
    const replyId = await answer(colleague, source);
    const response = await session().post(`/api/replies/${replyId}/move`, { contentId: target, reason: 'Forsøg på at flytte' });
    expect(response.status).toBe(403);
    expect((await author.get(`/api/content/${source}`)).body.replyCount).toBe(1);
  });
});
