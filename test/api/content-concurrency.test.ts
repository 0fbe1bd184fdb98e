import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type ApiSession } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

/**
 * Many requests about one item at the same moment: votes, answers, accepts, edits and moves must queue
 * behind each other so that the counters the API shows always equal the rows they count.
 */

const VOTERS = 20;
const ORGANIZATIONS = ['0159', '0561', '0751', '0101'];

let t: TestApp;
let asker: ApiSession;
let moderator: ApiSession;
let otherModerator: ApiSession;
let voters: ApiSession[];

beforeAll(async () => {
  t = await startTestApp({ withoutSearch: true });
  await t.createUser({ email: 'samtidig.spoerger@gladsaxe.dk', organizationCode: '0159' });
  await t.createUser({ email: 'samtidig.moderator@kombit.dk', organizationCode: 'KOMBIT', role: 'moderator' });
  await t.createUser({ email: 'samtidig.moderator2@kombit.dk', organizationCode: 'KOMBIT', role: 'moderator' });
  const emails = Array.from({ length: VOTERS }, (_, i) => `samtidig.${i}@kommune${i}.dk`);
  for (const [i, email] of emails.entries()) await t.createUser({ email, organizationCode: ORGANIZATIONS[i % ORGANIZATIONS.length]! });
  asker = await signIn(t.url, 'samtidig.spoerger@gladsaxe.dk', TEST_PASSWORD);
  moderator = await signIn(t.url, 'samtidig.moderator@kombit.dk', TEST_PASSWORD);
  otherModerator = await signIn(t.url, 'samtidig.moderator2@kombit.dk', TEST_PASSWORD);
  voters = await Promise.all(emails.map((email) => signIn(t.url, email, TEST_PASSWORD)));
});
afterAll(async () => {
  await t.close();
});

let questions = 0;
async function ask(overrides: Record<string, unknown> = {}): Promise<number> {
  questions += 1;
  const response = await asker.post('/api/content', {
    kind: 'question',
    title: `Samtidighed nummer ${questions}`,
    body: 'Hvad sker der, når alle klikker på én gang?',
    visibility: 'members',
    ...overrides,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

async function answer(session: ApiSession, questionId: number, body = 'Et svar fra en kollega.'): Promise<number> {
  const response = await session.post(`/api/content/${questionId}/replies`, { body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

const statuses = (responses: Array<{ status: number }>) => responses.map((response) => response.status);

async function stored(questionId: number) {
  const { rows } = await t.db.query<{ score: number; reply_count: number; accepted_reply_id: string | null; version: number }>(
    'SELECT score, reply_count, accepted_reply_id, version FROM content WHERE id = $1',
    [questionId],
  );
  return rows[0]!;
}

async function votesOn(column: 'content_id' | 'reply_id', id: number) {
  const { rows } = await t.db.query<{ count: number; sum: number }>(
    `SELECT count(*)::int AS count, COALESCE(sum(value), 0)::int AS sum FROM vote WHERE ${column} = $1`,
    [id],
  );
  return rows[0]!;
}

/** +1, -1, +1, 0, -1, +1, -1, +1, 0, -1 … */
const flipping = (count: number) => Array.from({ length: count }, (_, i) => ([1, -1, 1, 0, -1] as const)[i % 5]!);

describe('votes on a question', () => {
  it('20 members voting +1 at once give score 20 and 20 vote rows', async () => {
    const id = await ask();
    const responses = await Promise.all(voters.map((voter) => voter.post(`/api/content/${id}/vote`, { value: 1 })));
    expect(statuses(responses)).toEqual(voters.map(() => 200));
    expect(await votesOn('content_id', id)).toEqual({ count: 20, sum: 20 });
    expect((await stored(id)).score).toBe(20);
    expect((await asker.get(`/api/content/${id}`)).body.score).toBe(20);
  });

  it('one member flipping their vote 30 times at once leaves at most one vote row, and the score is its value', async () => {
    const id = await ask();
    const voter = voters[0]!;
    const responses = await Promise.all(flipping(30).map((value) => voter.post(`/api/content/${id}/vote`, { value })));
    expect(statuses(responses)).toEqual(responses.map(() => 200));
    const votes = await votesOn('content_id', id);
    expect(votes.count).toBeLessThanOrEqual(1);
    expect((await stored(id)).score).toBe(votes.sum);
    expect((await voter.get(`/api/content/${id}`)).body).toMatchObject({ score: votes.sum, myVote: votes.sum });
  });

  it('20 members each flipping 5 times at once leave one row at most each, and the score is their sum', async () => {
    const id = await ask();
    const responses = await Promise.all(
      voters.flatMap((voter, i) => flipping(5 + (i % 3)).map((value) => voter.post(`/api/content/${id}/vote`, { value }))),
    );
    expect(new Set(statuses(responses))).toEqual(new Set([200]));
    const perUser = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM vote WHERE content_id = $1 GROUP BY user_id', [id]);
    expect(perUser.rows.every((row) => row.n === 1)).toBe(true);
    expect((await stored(id)).score).toBe((await votesOn('content_id', id)).sum);
  });
});

describe('votes on an answer', () => {
  it('20 members voting +1 at once give score 20 and 20 vote rows', async () => {
    const id = await ask();
    const replyId = await answer(moderator, id);
    const responses = await Promise.all(voters.map((voter) => voter.post(`/api/replies/${replyId}/vote`, { value: 1 })));
    expect(statuses(responses)).toEqual(voters.map(() => 200));
    expect(await votesOn('reply_id', replyId)).toEqual({ count: 20, sum: 20 });
    expect((await asker.get(`/api/content/${id}`)).body.replies[0]).toMatchObject({ id: replyId, score: 20 });
  });

  it('one member flipping their vote 30 times at once leaves at most one vote row, and the score is its value', async () => {
    const id = await ask();
    const replyId = await answer(moderator, id);
    const voter = voters[1]!;
    const responses = await Promise.all(flipping(30).map((value) => voter.post(`/api/replies/${replyId}/vote`, { value })));
    expect(statuses(responses)).toEqual(responses.map(() => 200));
    const votes = await votesOn('reply_id', replyId);
    expect(votes.count).toBeLessThanOrEqual(1);
    const { rows } = await t.db.query<{ score: number }>('SELECT score FROM reply WHERE id = $1', [replyId]);
    expect(rows[0]!.score).toBe(votes.sum);
    expect((await voter.get(`/api/content/${id}`)).body.replies[0]).toMatchObject({ score: votes.sum, myVote: votes.sum });
  });

  it('votes on two answers of one thread at once each land on their own answer', async () => {
    const id = await ask();
    const [first, second] = [await answer(moderator, id), await answer(otherModerator, id)];
    const responses = await Promise.all(
      voters.flatMap((voter) => [
        voter.post(`/api/replies/${first}/vote`, { value: 1 }),
        voter.post(`/api/replies/${second}/vote`, { value: -1 }),
      ]),
    );
    expect(new Set(statuses(responses))).toEqual(new Set([200]));
    expect([await votesOn('reply_id', first), await votesOn('reply_id', second)]).toEqual([
      { count: 20, sum: 20 },
      { count: 20, sum: -20 },
    ]);
  });
});

describe('answers', () => {
  it('30 answers posted at once give reply_count 30', async () => {
    const id = await ask();
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => voters[i % VOTERS]!.post(`/api/content/${id}/replies`, { body: `Svar nummer ${i}` })),
    );
    expect(statuses(responses)).toEqual(responses.map(() => 201));
    expect((await stored(id)).reply_count).toBe(30);
    const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM reply WHERE content_id = $1', [id]);
    expect(rows[0]!.n).toBe(30);
    expect((await asker.get(`/api/content/${id}`)).body.replyCount).toBe(30);
  });

  it('answers added and deleted at once leave reply_count equal to the answers left', async () => {
    const id = await ask();
    const existing = await Promise.all(voters.slice(0, 10).map((voter) => answer(voter, id)));
    const responses = await Promise.all([
      ...existing.map((replyId, i) => voters[i]!.delete(`/api/replies/${replyId}`)),
      ...voters.slice(10).map((voter) => voter.post(`/api/content/${id}/replies`, { body: 'Et nyt svar' })),
    ]);
    expect(statuses(responses)).toEqual([...existing.map(() => 204), ...voters.slice(10).map(() => 201)]);
    expect((await stored(id)).reply_count).toBe(VOTERS - 10);
    expect((await asker.get(`/api/content/${id}`)).body.replies).toHaveLength(VOTERS - 10);
  });

  it('the asker accepting ten different answers at once leaves exactly one accepted', async () => {
    const id = await ask();
    const replies = await Promise.all(voters.slice(0, 10).map((voter) => answer(voter, id)));
    const responses = await Promise.all(replies.map((replyId) => asker.post(`/api/replies/${replyId}/accept`)));
    expect(statuses(responses)).toEqual(replies.map(() => 200));
    const acceptedId = Number((await stored(id)).accepted_reply_id);
    expect(replies).toContain(acceptedId);
    const thread = (await asker.get(`/api/content/${id}`)).body;
    expect(thread.replies.filter((reply: { accepted: boolean }) => reply.accepted).map((reply: { id: number }) => reply.id)).toEqual([
      acceptedId,
    ]);
    expect(thread).toMatchObject({ acceptedReplyId: acceptedId, solved: true });
  });

  it('accepting and un-accepting at once leaves the thread’s solved state matching its accepted answer', async () => {
    const id = await ask();
    const replies = await Promise.all(voters.slice(0, 6).map((voter) => answer(voter, id)));
    await Promise.all(
      replies.flatMap((replyId) => [asker.post(`/api/replies/${replyId}/accept`), asker.delete(`/api/replies/${replyId}/accept`)]),
    );
    const thread = (await asker.get(`/api/content/${id}`)).body;
    const accepted = thread.replies.filter((reply: { accepted: boolean }) => reply.accepted).map((reply: { id: number }) => reply.id);
    expect(accepted).toEqual(thread.acceptedReplyId === null ? [] : [thread.acceptedReplyId]);
    expect(thread.solved).toBe(thread.acceptedReplyId !== null);
  });

  it('two moderators moving answers between two threads in opposite directions at once move every one', async () => {
    const [first, second] = [await ask(), await ask()];
    const fromFirst = await Promise.all(voters.slice(0, 8).map((voter) => answer(voter, first)));
    const fromSecond = await Promise.all(voters.slice(8, 12).map((voter) => answer(voter, second)));
    const responses = await Promise.all([
      ...fromFirst.map((replyId) =>
        moderator.post(`/api/replies/${replyId}/move`, { contentId: second, reason: 'Hører til den anden tråd' }),
      ),
      ...fromSecond.map((replyId) =>
        otherModerator.post(`/api/replies/${replyId}/move`, { contentId: first, reason: 'Hører til den første tråd' }),
      ),
    ]);
    expect(new Set(statuses(responses))).toEqual(new Set([200]));
    expect([(await stored(first)).reply_count, (await stored(second)).reply_count]).toEqual([4, 8]);
  });
});

describe('edits', () => {
  it('ten edits from the same version at once: exactly one is saved, the rest get 409, and one revision is kept', async () => {
    const id = await ask();
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => asker.patch(`/api/content/${id}`, { body: `Min udgave nummer ${i}`, expectedVersion: 1 })),
    );
    expect(statuses(responses).sort()).toEqual([200, ...Array.from({ length: 9 }, () => 409)]);
    const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM revision WHERE content_id = $1', [id]);
    expect(rows[0]!.n).toBe(1);
    expect((await stored(id)).version).toBe(2);
  });

  it('30 edits of a guide’s attributes from the same version at once: exactly one is saved, the rest get 409', async () => {
    const response = await asker.post('/api/content', {
      kind: 'guide',
      title: 'Når Context Handler er nede',
      body: 'Sådan gør hotline.',
      attributes: {
        component: 'context-handler',
        severity: 'kritisk',
        affectedSystems: ['BBR'],
        action: 'Skriv på intranettet.',
        intranetNotice: { outage: '', maintenance: '' },
      },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const id = response.body.id;
    const edits = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        asker.patch(`/api/content/${id}`, {
          attributes: { ...response.body.attributes, affectedSystems: ['BBR', `System ${i}`] },
          components: ['context-handler', 'faelleskommunal-adgangsstyring'],
          expectedVersion: 1,
        }),
      ),
    );
    expect(statuses(edits).sort()).toEqual([200, ...Array.from({ length: 29 }, () => 409)]);
    const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM revision WHERE content_id = $1', [id]);
    expect(rows[0]!.n).toBe(1);
  });

  it('ten answer edits from the same version at once: exactly one is saved and one revision is kept', async () => {
    const id = await ask();
    const replyId = await answer(voters[0]!, id);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => voters[0]!.patch(`/api/replies/${replyId}`, { body: `Rettet svar ${i}`, expectedVersion: 1 })),
    );
    expect(statuses(responses).sort()).toEqual([200, ...Array.from({ length: 9 }, () => 409)]);
    const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM revision WHERE reply_id = $1', [replyId]);
    expect(rows[0]!.n).toBe(1);
  });

  it('pairs of questions marked as duplicates of each other at once all answer, without a deadlock', async () => {
    const pairs = await Promise.all(Array.from({ length: 5 }, async () => [await ask(), await ask()] as const));
    const responses = await Promise.all(
      pairs.flatMap(([first, second]) => [
        asker.patch(`/api/content/${first}`, { duplicateOfId: second }),
        asker.patch(`/api/content/${second}`, { duplicateOfId: first }),
      ]),
    );
    expect(statuses(responses)).toEqual(responses.map(() => 200));
  });
});
