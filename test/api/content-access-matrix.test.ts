import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTENT_ACCESS_CELLS,
  CONTENT_ACCESS_TABLE,
  CONTENT_VIEWERS,
  cellName,
  isSeenBy,
  type ContentAccessRow,
  type ContentViewerName,
  SCHEDULED_FOR,
  writtenAsDraft,
} from '../support/content-access-table.js';
import { ApiSession, signIn } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

/**
 * Who sees which content, on every read path of the running API: the list (and its total, also filtered),
 * the detail, the revisions, a component's page and the impact tool. The table is shared with the unit test
 * of `canReadContent`, so the SQL read scope and the pure policy provably agree. Each table row is one
 * question and one guide by the author, in Gladsaxe, about Context Handler, tagged with the row's own tag.
 */

const GLADSAXE = '0159';
const ESBJERG = '0561';

let t: TestApp;
const as = {} as Record<ContentViewerName, ApiSession>;

interface Cell {
  question: number;
  guide: number;
  /** The author's answer in the question (rows that were published once). */
  reply: number | null;
}
const items = new Map<ContentAccessRow, Cell>();
const tagOf = (row: ContentAccessRow) => `matrix-${row.state}-${row.visibility}`;

const GUIDE_ATTRIBUTES = {
  component: 'context-handler',
  severity: 'kritisk',
  affectedSystems: ['BBR', 'DAR'],
  action: 'Hotline lægger en besked på intranettet.',
  intranetNotice: { outage: '', maintenance: '' },
};

beforeAll(async () => {
  t = await startTestApp({ withoutSearch: true });
  const users: Array<[Exclude<ContentViewerName, 'anonymous'>, string, string, 'member' | 'org_admin' | 'moderator' | 'admin']> = [
    ['author', 'matrix.forfatter@gladsaxe.dk', GLADSAXE, 'member'],
    ['member of Gladsaxe', 'matrix.medlem@gladsaxe.dk', GLADSAXE, 'member'],
    ['org admin of Gladsaxe', 'matrix.orgadmin@gladsaxe.dk', GLADSAXE, 'org_admin'],
    ['member of Esbjerg', 'matrix.medlem@esbjerg.dk', ESBJERG, 'member'],
    ['org admin of Esbjerg', 'matrix.orgadmin@esbjerg.dk', ESBJERG, 'org_admin'],
    ['moderator', 'matrix.moderator@kombit.dk', 'KOMBIT', 'moderator'],
    ['admin', 'matrix.admin@kombit.dk', 'KOMBIT', 'admin'],
    ['suspended member of Gladsaxe', 'matrix.suspenderet@gladsaxe.dk', GLADSAXE, 'member'],
  ];
  for (const [viewer, email, organizationCode, role] of users) {
    await t.createUser({ email, organizationCode, role });
    as[viewer] = await signIn(t.url, email, TEST_PASSWORD);
  }
  as.anonymous = new ApiSession(t.url);

  for (const row of CONTENT_ACCESS_TABLE) {
    const common = {
      title: `Matrix: ${row.state} og ${row.visibility}`,
      body: 'Hvem kan se dette?',
      tags: [tagOf(row)],
      components: ['context-handler'],
      visibility: row.visibility,
      status: writtenAsDraft(row) ? 'draft' : 'published',
    };
    const question = await as.author.post('/api/content', { kind: 'question', ...common });
    const guide = await as.author.post('/api/content', { kind: 'guide', ...common, attributes: GUIDE_ATTRIBUTES });
    expect([question.status, guide.status], JSON.stringify([question.body, guide.body])).toEqual([201, 201]);
    let reply: number | null = null;
    if (!writtenAsDraft(row)) {
      const answered = await as.author.post(`/api/content/${question.body.id}/replies`, { body: 'Et svar fra forfatteren.' });
      expect(answered.status, JSON.stringify(answered.body)).toBe(201);
      reply = answered.body.id;
    }
    for (const id of [question.body.id, guide.body.id]) {
      if (row.state === 'hidden') {
        const hidden = await as.moderator.post(`/api/content/${id}/moderation`, { action: 'hide', reason: 'Skjult til matrixtesten' });
        expect(hidden.status, JSON.stringify(hidden.body)).toBe(200);
      }
      if (row.state === 'deleted') expect((await as.author.delete(`/api/content/${id}`)).status).toBe(204);
      if (row.state === 'scheduled') {
        const scheduled = await as.author.post(`/api/content/${id}/publishing`, { action: 'schedule', publishAt: SCHEDULED_FOR });
        expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
      }
    }
    items.set(row, { question: question.body.id, guide: guide.body.id, reply });
  }

  // Suspended after logging in: the session cookie still exists, but must count for nothing.
  await t.db.query(`UPDATE "user" SET status = 'suspended' WHERE email = $1`, ['matrix.suspenderet@gladsaxe.dk']);
});
afterAll(async () => {
  await t.close();
});

const cells = CONTENT_ACCESS_CELLS.map(({ row, viewer, seen }) => [cellName(row), viewer, seen, row] as const);
const cell = (row: ContentAccessRow): Cell => items.get(row)!;
const ids = (list: Array<{ id: number }>) => list.map((item) => item.id);
const seenCount = (viewer: ContentViewerName, filter: (row: ContentAccessRow) => boolean = () => true) =>
  CONTENT_ACCESS_TABLE.filter((row) => filter(row) && isSeenBy(row, viewer)).length;

describe('GET /api/content lists', () => {
  it.each(cells)('the %s question and guide to %s: %s', async (_cell, viewer, seen, row) => {
    const response = await as[viewer].get('/api/content?pageSize=100');
    expect(response.status).toBe(200);
    const listed = ids(response.body.items);
    expect([listed.includes(cell(row).question), listed.includes(cell(row).guide)]).toEqual([seen, seen]);
  });
});

describe('GET /api/content counts (total for the row’s tag)', () => {
  it.each(cells)('the %s items for %s: %s', async (_cell, viewer, seen, row) => {
    const response = await as[viewer].get(`/api/content?tag=${tagOf(row)}`);
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(seen ? 2 : 0);
    expect(response.body.items).toHaveLength(seen ? 2 : 0);
  });
});

describe('GET /api/content totals with filters count only what the viewer sees', () => {
  const FILTERS: Array<[query: string, perRow: number, filter?: (row: ContentAccessRow) => boolean]> = [
    ['kind=question', 1],
    ['kind=guide&organization=0159', 1],
    ['organization=159&component=context-handler', 2],
    // Parts go with their parent: Context Handler is a module of Fælleskommunal Adgangsstyring.
    ['component=faelleskommunal-adgangsstyring', 2],
    ['status=draft', 2, (row) => row.state === 'draft'],
    ['status=hidden&kind=question', 1, (row) => row.state === 'hidden'],
    ['status=scheduled', 2, (row) => row.state === 'scheduled'],
  ];
  const cases = FILTERS.flatMap(([query, perRow, filter]) => CONTENT_VIEWERS.map((viewer) => [query, viewer, perRow, filter] as const));

  it.each(cases)('?%s for %s', async (query, viewer, perRow, filter) => {
    const response = await as[viewer].get(`/api/content?${query}&pageSize=100`);
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(perRow * seenCount(viewer, filter));
    expect(response.body.items).toHaveLength(response.body.total);
  });

  it('an Esbjerg member never sees Gladsaxe’s organization drafts, not even as a count', async () => {
    const response = await as['member of Esbjerg'].get('/api/content?organization=0159&status=draft');
    expect(response.body.total).toBe(0);
  });
});

describe('GET /api/content/:id', () => {
  it.each(cells)('the %s question and guide for %s: seen %s (else 404, never 403)', async (_cell, viewer, seen, row) => {
    const responses = await Promise.all([cell(row).question, cell(row).guide].map((id) => as[viewer].get(`/api/content/${id}`)));
    expect(responses.map((response) => response.status)).toEqual(seen ? [200, 200] : [404, 404]);
    if (seen) expect(responses.map((response) => response.body.status)).toEqual([row.state, row.state]);
  });
});

describe('GET /api/content/:id/revisions', () => {
  it.each(cells)('the %s question and guide for %s: seen %s (else 404, never 403)', async (_cell, viewer, seen, row) => {
    const statuses = await Promise.all(
      [cell(row).question, cell(row).guide].map(async (id) => (await as[viewer].get(`/api/content/${id}/revisions`)).status),
    );
    expect(statuses).toEqual(seen ? [200, 200] : [404, 404]);
  });
});

describe('GET /api/catalog/components/context-handler lists', () => {
  it.each(cells)('the %s guide and question to %s: %s', async (_cell, viewer, seen, row) => {
    const response = await as[viewer].get('/api/catalog/components/context-handler');
    expect(response.status).toBe(200);
    expect([ids(response.body.guides).includes(cell(row).guide), ids(response.body.questions).includes(cell(row).question)]).toEqual([
      seen,
      seen,
    ]);
  });
});

describe('GET /api/catalog/components/faelleskommunal-adgangsstyring (the parent) lists', () => {
  it.each(cells)('the %s guide and question to %s: %s', async (_cell, viewer, seen, row) => {
    const response = await as[viewer].get('/api/catalog/components/faelleskommunal-adgangsstyring');
    expect(response.status).toBe(200);
    expect([ids(response.body.guides).includes(cell(row).guide), ids(response.body.questions).includes(cell(row).question)]).toEqual([
      seen,
      seen,
    ]);
  });
});

describe('GET /api/catalog/impact?components=context-handler lists', () => {
  it.each(cells)('the %s guide to %s: %s', async (_cell, viewer, seen, row) => {
    const response = await as[viewer].get('/api/catalog/impact?components=context-handler');
    expect(response.status).toBe(200);
    expect(ids(response.body.guides).includes(cell(row).guide)).toBe(seen);
  });
});

describe('writing to what one cannot see answers 404, as reading does', () => {
  const loggedIn = (viewer: ContentViewerName) => viewer !== 'anonymous' && viewer !== 'suspended member of Gladsaxe';
  const unseen = cells.filter(([, viewer, seen]) => !seen && loggedIn(viewer));

  it.each(unseen)('the %s question for %s: vote, answer, edit and delete', async (_cell, viewer, _seen, row) => {
    const id = cell(row).question;
    const session = as[viewer];
    const statuses = [
      (await session.post(`/api/content/${id}/vote`, { value: 1 })).status,
      (await session.post(`/api/content/${id}/replies`, { body: 'Et svar, der ikke må gemmes.' })).status,
      (await session.patch(`/api/content/${id}`, { title: 'En titel, der ikke må gemmes', reason: 'Forsøg' })).status,
      (await session.delete(`/api/content/${id}`, { reason: 'Forsøg' })).status,
      (await session.post(`/api/content/${cell(row).guide}/vote`, { value: 1 })).status,
    ];
    expect(statuses).toEqual([404, 404, 404, 404, 404]);
  });

  it.each(unseen.filter(([, , , row]) => !writtenAsDraft(row)))(
    'the answer in the %s question for %s: vote, edit, delete and accept',
    async (_cell, viewer, _seen, row) => {
      const replyId = cell(row).reply!;
      const session = as[viewer];
      const statuses = [
        (await session.post(`/api/replies/${replyId}/vote`, { value: 1 })).status,
        (await session.patch(`/api/replies/${replyId}`, { body: 'Ændret af en, der ikke må', reason: 'Forsøg' })).status,
        (await session.delete(`/api/replies/${replyId}`, { reason: 'Forsøg' })).status,
        (await session.post(`/api/replies/${replyId}/accept`)).status,
      ];
      expect(statuses).toEqual([404, 404, 404, 404]);
    },
  );

  it.each(unseen.filter(([, viewer]) => viewer === 'moderator' || viewer === 'admin'))(
    'the %s question for %s: moderation',
    async (_cell, viewer, _seen, row) => {
      const response = await as[viewer].post(`/api/content/${cell(row).question}/moderation`, { action: 'lock', reason: 'Forsøg' });
      expect(response.status).toBe(404);
    },
  );

  it('nothing was written by those attempts', async () => {
    const counts = await t.db.query(
      `SELECT (SELECT count(*) FROM vote)::int AS votes, (SELECT count(*) FROM revision)::int AS revisions,
              (SELECT count(*) FROM reply)::int AS replies, (SELECT count(*) FROM content WHERE locked)::int AS locked`,
    );
    const answered = CONTENT_ACCESS_TABLE.filter((row) => !writtenAsDraft(row)).length;
    expect(counts.rows[0]).toEqual({ votes: 0, revisions: 0, replies: answered, locked: 0 });
  });
});

describe('a suspended user’s session', () => {
  it('is treated as no login at all', async () => {
    expect((await as['suspended member of Gladsaxe'].get('/api/auth/me')).status).toBe(401);
  });
});
