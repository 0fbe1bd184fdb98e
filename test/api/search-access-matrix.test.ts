import type { SearchResponse } from '@infraforum/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTENT_ACCESS_CELLS,
  CONTENT_ACCESS_TABLE,
  CONTENT_VIEWERS,
  cellName,
  type ContentAccessRow,
  type ContentViewerName,
  SCHEDULED_FOR,
  writtenAsDraft,
} from '../support/content-access-table.js';
import { ApiSession, signIn } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

/**
 * Who finds which content through search, in both engines: Meilisearch, and the PostgreSQL fallback
 * (a second app on the same database whose Meilisearch is unreachable). The table is the one the
 * content lists and the pure policy are tested with; search shows only published items, so a cell is
 * expected in results exactly when the viewer may read it and it is published. Facet counts must
 * agree: an item one may not open is not even counted.
 */

const GLADSAXE = '0159';
const ESBJERG = '0561';
const ENGINES = ['meilisearch', 'postgres'] as const;
type Engine = (typeof ENGINES)[number];

let meiliApp: TestApp;
let fallbackApp: TestApp;
const as = { meilisearch: {}, postgres: {} } as Record<Engine, Record<ContentViewerName, ApiSession>>;
const items = new Map<ContentAccessRow, { question: number; guide: number }>();
const tagOf = (row: ContentAccessRow) => `matrix-${row.state}-${row.visibility}`;
const foundIn = (row: ContentAccessRow, seen: boolean) => seen && row.state === 'published';

const USERS: Array<[Exclude<ContentViewerName, 'anonymous'>, string, string, 'member' | 'org_admin' | 'moderator' | 'admin']> = [
  ['author', 'soeg.forfatter@gladsaxe.dk', GLADSAXE, 'member'],
  ['member of Gladsaxe', 'soeg.medlem@gladsaxe.dk', GLADSAXE, 'member'],
  ['org admin of Gladsaxe', 'soeg.orgadmin@gladsaxe.dk', GLADSAXE, 'org_admin'],
  ['member of Esbjerg', 'soeg.medlem@esbjerg.dk', ESBJERG, 'member'],
  ['org admin of Esbjerg', 'soeg.orgadmin@esbjerg.dk', ESBJERG, 'org_admin'],
  ['moderator', 'soeg.moderator@kombit.dk', 'KOMBIT', 'moderator'],
  ['admin', 'soeg.admin@kombit.dk', 'KOMBIT', 'admin'],
  ['suspended member of Gladsaxe', 'soeg.suspenderet@gladsaxe.dk', GLADSAXE, 'member'],
];

beforeAll(async () => {
  meiliApp = await startTestApp();
  for (const [, email, organizationCode, role] of USERS) await meiliApp.createUser({ email, organizationCode, role });
  const author = await signIn(meiliApp.url, 'soeg.forfatter@gladsaxe.dk', TEST_PASSWORD);
  const moderator = await signIn(meiliApp.url, 'soeg.moderator@kombit.dk', TEST_PASSWORD);

  for (const row of CONTENT_ACCESS_TABLE) {
    const common = {
      title: `Søgematrix ${row.state} ${row.visibility}: Beskedfordeleren svarer ikke`,
      body: 'Hvem kan finde dette i søgningen?',
      tags: [tagOf(row)],
      components: ['faelleskommunal-beskedfordeler'],
      visibility: row.visibility,
      status: writtenAsDraft(row) ? 'draft' : 'published',
    };
    const question = await author.post('/api/content', { kind: 'question', ...common });
    const guide = await author.post('/api/content', {
      kind: 'guide',
      ...common,
      attributes: {
        component: 'faelleskommunal-beskedfordeler',
        severity: 'kritisk',
        affectedSystems: ['KMD Nexus'],
        action: 'Hotline lægger en besked på intranettet.',
        intranetNotice: { outage: '', maintenance: '' },
      },
    });
    expect([question.status, guide.status], JSON.stringify([question.body, guide.body])).toEqual([201, 201]);
    for (const id of [question.body.id, guide.body.id]) {
      if (row.state === 'hidden') {
        expect((await moderator.post(`/api/content/${id}/moderation`, { action: 'hide', reason: 'Skjult til matrixtesten' })).status).toBe(
          200,
        );
      }
      if (row.state === 'deleted') expect((await author.delete(`/api/content/${id}`)).status).toBe(204);
      if (row.state === 'scheduled') {
        const scheduled = await author.post(`/api/content/${id}/publishing`, { action: 'schedule', publishAt: SCHEDULED_FOR });
        expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
      }
    }
    items.set(row, { question: question.body.id, guide: guide.body.id });
  }

  fallbackApp = await startTestApp({
    databaseUrl: meiliApp.databaseUrl,
    meili: { url: 'http://127.0.0.1:9', masterKey: 'unreachable-master-key' },
    env: { SEARCH_WORKER: 'false' },
  });
  for (const [engine, app] of [
    ['meilisearch', meiliApp],
    ['postgres', fallbackApp],
  ] as const) {
    for (const [viewer, email] of USERS) as[engine][viewer] = await signIn(app.url, email, TEST_PASSWORD);
    as[engine].anonymous = new ApiSession(app.url);
  }
  // Suspended after logging in: the session cookie still exists, but must count for nothing.
  await meiliApp.db.query(`UPDATE "user" SET status = 'suspended' WHERE email = $1`, ['soeg.suspenderet@gladsaxe.dk']);
  await meiliApp.searchSettled();
});
afterAll(async () => {
  await fallbackApp?.close();
  await meiliApp?.close();
});

const results = new Map<string, SearchResponse>();
async function search(engine: Engine, viewer: ContentViewerName, query: string): Promise<SearchResponse> {
  const key = `${engine} ${viewer} ${query}`;
  const cached = results.get(key);
  if (cached) return cached;
  const response = await as[engine][viewer].get(`/api/search?${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  expect(response.body.engine).toBe(engine);
  results.set(key, response.body);
  return response.body;
}

const cells = ENGINES.flatMap((engine) =>
  CONTENT_ACCESS_CELLS.map(({ row, viewer, seen }) => [engine, cellName(row), viewer, foundIn(row, seen), row] as const),
);

describe('search results', () => {
  it.each(cells)('%s: the %s question and guide found by %s: %s', async (engine, _cell, viewer, found, row) => {
    const body = await search(engine, viewer, 'q=beskedfordeleren%20svarer&pageSize=50');
    const ids = body.hits.map((hit) => hit.id);
    const item = items.get(row)!;
    expect([ids.includes(item.question), ids.includes(item.guide)]).toEqual([found, found]);
  });
});

describe('facet counts', () => {
  it.each(cells)('%s: the %s tag counted for %s: %s', async (engine, _cell, viewer, found, row) => {
    const body = await search(engine, viewer, 'q=beskedfordeleren%20svarer&pageSize=50');
    expect(body.facets.tag[tagOf(row)] ?? 0).toBe(found ? 2 : 0);
  });

  it.each(ENGINES.flatMap((engine) => CONTENT_VIEWERS.map((viewer) => [engine, viewer] as const)))(
    '%s: totals, kinds and municipalities for %s count only what they may open',
    async (engine, viewer) => {
      const body = await search(engine, viewer, 'q=beskedfordeleren%20svarer&pageSize=50');
      const expected = CONTENT_ACCESS_CELLS.filter((cell) => cell.viewer === viewer && foundIn(cell.row, cell.seen)).length;
      expect(body.total).toBe(expected * 2);
      expect(body.facets.kind.question ?? 0).toBe(expected);
      expect(body.facets.organization[GLADSAXE] ?? 0).toBe(expected * 2);
    },
  );
});

describe('browsing with a filter and no words', () => {
  it.each(ENGINES.flatMap((engine) => CONTENT_VIEWERS.map((viewer) => [engine, viewer] as const)))(
    '%s: an organization filter shows %s only what they may open',
    async (engine, viewer) => {
      const body = await search(engine, viewer, `organization=${GLADSAXE}&pageSize=50`);
      const allowed = new Set(
        CONTENT_ACCESS_CELLS.filter((cell) => cell.viewer === viewer && foundIn(cell.row, cell.seen)).flatMap((cell) => {
          const item = items.get(cell.row)!;
          return [item.question, item.guide];
        }),
      );
      expect(new Set(body.hits.map((hit) => hit.id))).toEqual(allowed);
    },
  );
});

describe('suggestions as you type', () => {
  it.each(ENGINES.flatMap((engine) => CONTENT_VIEWERS.map((viewer) => [engine, viewer] as const)))(
    '%s: titles suggested to %s are only ones they may open',
    async (engine, viewer) => {
      const response = await as[engine][viewer].get('/api/search/suggest?q=s%C3%B8gematrix');
      expect(response.status).toBe(200);
      expect(response.body.engine).toBe(engine);
      const allowed = new Set(
        CONTENT_ACCESS_CELLS.filter((cell) => cell.viewer === viewer && foundIn(cell.row, cell.seen)).flatMap((cell) => {
          const item = items.get(cell.row)!;
          return [item.question, item.guide];
        }),
      );
      const suggested: number[] = response.body.suggestions.map((suggestion: { id: number }) => suggestion.id);
      expect(suggested.filter((id) => !allowed.has(id))).toEqual([]);
      expect(suggested.length).toBe(Math.min(8, allowed.size));
    },
  );
});
