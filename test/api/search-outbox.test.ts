import type { SearchResponse } from '@infraforum/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { SearchEngine } from '../../server/dist/search/search-engine.js';
import { SearchOutboxRepository } from '../../server/dist/search/search-outbox.repository.js';
import { SearchOutboxWorker } from '../../server/dist/search/search-outbox.worker.js';
import { ApiSession, signIn } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

/**
 * Every write that changes what search shows reaches Meilisearch through the outbox: rows are added in
 * the writing transaction (by triggers), the worker pushes them and deletes them only after success.
 */

let t: TestApp;
let author: ApiSession;
let moderator: ApiSession;
let reader: ApiSession;
let anonymous: ApiSession;

async function questionWith(title: string, extra: Record<string, unknown> = {}): Promise<number> {
  const response = await author.post('/api/content', {
    kind: 'question',
    title,
    body: 'En tekst, der beskriver problemet godt nok til at blive fundet.',
    visibility: 'public',
    status: 'published',
    tags: ['outbox'],
    ...extra,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

async function outboxRows(contentId: number): Promise<number> {
  const { rows } = await t.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM search_outbox WHERE entity = 'content' AND entity_id = $1`,
    [contentId],
  );
  return rows[0]!.n;
}

async function found(q: string): Promise<SearchResponse['hits']> {
  const response = await anonymous.get(`/api/search?q=${encodeURIComponent(q)}`);
  expect(response.status).toBe(200);
  expect(response.body.engine).toBe('meilisearch');
  return response.body.hits;
}

/** This app's worker is off (SEARCH_WORKER=false): tests look at the outbox, then drain it themselves. */
async function settle(): Promise<void> {
  await t.app.get(SearchOutboxWorker).drain();
  await t.searchSettled();
}

beforeAll(async () => {
  // No anonymous micro-cache: each search here must see the index as it is now.
  t = await startTestApp({ env: { SEARCH_WORKER: 'false', ANONYMOUS_CACHE_SECONDS: '0' } });
  await t.createUser({ email: 'forfatter@gladsaxe.dk', organizationCode: '0159', name: 'Anne Forfatter' });
  await t.createUser({ email: 'laeser@aarhus.dk', organizationCode: '0751' });
  await t.createUser({ email: 'moderator@kombit.dk', organizationCode: 'KOMBIT', role: 'moderator' });
  author = await signIn(t.url, 'forfatter@gladsaxe.dk', TEST_PASSWORD);
  reader = await signIn(t.url, 'laeser@aarhus.dk', TEST_PASSWORD);
  moderator = await signIn(t.url, 'moderator@kombit.dk', TEST_PASSWORD);
  anonymous = new ApiSession(t.url);
  await t.app.get(SearchEngine).whenReady(10_000);
  await settle();
});
afterAll(async () => {
  await t?.close();
});

describe('a write adds its outbox row in the same transaction', () => {
  it('creating content leaves a row for it until the worker has pushed it', async () => {
    const id = await questionWith('Outboxtest: oprettet spørgsmål');
    expect(await outboxRows(id)).toBeGreaterThan(0);
    expect((await found('Outboxtest oprettet')).map((hit) => hit.id)).not.toContain(id);
    await settle();
    expect(await outboxRows(id)).toBe(0);
    expect((await found('Outboxtest oprettet')).map((hit) => hit.id)).toContain(id);
  });

  it('a write that is rolled back takes its row with it', async () => {
    const id = await questionWith('Outboxtest: rulles tilbage');
    await settle();
    const client = await t.db.connect();
    try {
      await client.query('BEGIN');
      await client.query(`UPDATE content SET title = 'Ændret og fortrudt' WHERE id = $1`, [id]);
      const inside = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM search_outbox WHERE entity_id = $1`, [id]);
      expect(inside.rows[0]!.n).toBe(1);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect(await outboxRows(id)).toBe(0);
  });

  it('a refused write adds no row', async () => {
    const before = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM search_outbox');
    const refused = await author.post('/api/content', { kind: 'question', title: '', body: '', visibility: 'public' });
    expect(refused.status).toBe(400);
    const after = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM search_outbox');
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });
});

describe('what reaches the index', () => {
  it('an edited title', async () => {
    const id = await questionWith('Outboxtest: gammel overskrift');
    const edited = await author.patch(`/api/content/${id}`, { title: 'Outboxtest: kvasarlampe overskrift' });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    await settle();
    expect((await found('kvasarlampe')).map((hit) => hit.id)).toEqual([id]);
  });

  it('a new answer, its votes and its acceptance', async () => {
    const id = await questionWith('Outboxtest: spørgsmål med svar');
    const answer = await reader.post(`/api/content/${id}/replies`, { body: 'Svaret nævner ordet zeppelinerhangar.' });
    expect(answer.status).toBe(201);
    expect((await author.post(`/api/replies/${answer.body.id}/accept`, {})).status).toBe(200);
    expect((await reader.post(`/api/content/${id}/vote`, { value: 1 })).status).toBe(200);
    await settle();
    const [hit] = await found('zeppelinerhangar');
    expect(hit).toMatchObject({ id, solved: true, score: 1, replyCount: 1 });
  });

  it('hiding and deleting take an item out of search', async () => {
    const hidden = await questionWith('Outboxtest: skjules om lidt bogstavsuppe');
    const deleted = await questionWith('Outboxtest: slettes om lidt bogstavsuppe');
    await settle();
    expect((await found('bogstavsuppe')).length).toBe(2);
    expect((await moderator.post(`/api/content/${hidden}/moderation`, { action: 'hide', reason: 'Test af søgning' })).status).toBe(200);
    expect((await author.delete(`/api/content/${deleted}`)).status).toBe(204);
    await settle();
    expect(await found('bogstavsuppe')).toEqual([]);
  });

  it('an item hidden a moment ago is not shown, even before the index has heard of it', async () => {
    const id = await questionWith('Outboxtest: persondata fjernes pelikanbro');
    await settle();
    expect((await found('pelikanbro')).map((hit) => hit.id)).toEqual([id]);
    expect((await moderator.post(`/api/content/${id}/moderation`, { action: 'hide', reason: 'Personoplysninger' })).status).toBe(200);
    // The worker is off here: Meilisearch still holds the item as published.
    expect(await outboxRows(id)).toBeGreaterThan(0);
    expect(await found('pelikanbro')).toEqual([]);
    const suggested = await anonymous.get('/api/search/suggest?q=pelikanbro');
    expect(suggested.body.suggestions).toEqual([]);
    await settle();
  });

  it('a narrower visibility takes an item out of anonymous search', async () => {
    const id = await questionWith('Outboxtest: synlighed ændres tandhjulsbane');
    await settle();
    expect((await found('tandhjulsbane')).map((hit) => hit.id)).toEqual([id]);
    expect((await author.patch(`/api/content/${id}`, { visibility: 'members' })).status).toBe(200);
    await settle();
    expect(await found('tandhjulsbane')).toEqual([]);
  });

  it('a renamed author', async () => {
    const id = await questionWith('Outboxtest: forfatterens navn');
    await t.db.query(`UPDATE "user" SET name = 'Anne Ombøjelig' WHERE email = 'forfatter@gladsaxe.dk'`);
    await settle();
    expect((await found('Ombøjelig')).map((hit) => hit.id)).toContain(id);
  });

  it('a renamed municipality', async () => {
    const id = await questionWith('Outboxtest: kommunens navn');
    await t.db.query(`UPDATE organization SET name = 'Gladsaxe Kommunefjord' WHERE code = '0159'`);
    await settle();
    const hit = (await found('Kommunefjord')).find((candidate) => candidate.id === id);
    expect(hit?.organization).toEqual({ code: '0159', name: 'Gladsaxe Kommunefjord' });
  });

  it('a component renamed in the catalog', async () => {
    const id = await questionWith('Outboxtest: komponentens navn', { components: ['context-handler'] });
    const renamed = await moderator.patch('/api/catalog/components/context-handler', {
      aliases: ['Kontekstbehandler', 'Billetautomat'],
      reason: 'Søgeord fra hotline',
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    await settle();
    expect((await found('Billetautomat')).map((hit) => hit.id)).toContain(id);
  });

  it('a synonym group added by a moderator', async () => {
    const id = await questionWith('Outboxtest: Hvad gør vi når et lokomotiv holder stille?');
    const created = await moderator.post('/api/search/synonyms', { terms: ['lokomotiv', 'damptog'] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await settle();
    expect((await found('damptog')).map((hit) => hit.id)).toContain(id);
  });
});

describe('several workers at once', () => {
  it('claim disjoint rows, and never two rows of one document at the same time', async () => {
    const ids = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => questionWith(`Outboxtest: parallel ${n}`)));
    await settle();
    // Two rows per document, as two quick edits leave.
    await t.db.query(`SELECT search_outbox_enqueue('content', $1::bigint[])`, [[...ids, ...ids]]);
    const dataSource = t.app.get(DataSource);
    const repository = t.app.get(SearchOutboxRepository);
    const first = dataSource.createQueryRunner();
    const second = dataSource.createQueryRunner();
    await Promise.all([first.connect(), second.connect()]);
    try {
      await first.startTransaction();
      await second.startTransaction();
      const claimedByFirst: Array<{ id: string; entity_id: string | null }> = await repository.claim(first.manager, 3);
      const claimedBySecond: Array<{ id: string; entity_id: string | null }> = await repository.claim(second.manager, 1000);
      expect(claimedByFirst.length).toBeGreaterThan(0);
      expect(claimedBySecond.length).toBeGreaterThan(0);
      const firstRows = claimedByFirst.map((row) => row.id);
      expect(claimedBySecond.filter((row) => firstRows.includes(row.id))).toEqual([]);
      const firstDocs = new Set(claimedByFirst.map((row) => row.entity_id));
      expect(claimedBySecond.filter((row) => firstDocs.has(row.entity_id))).toEqual([]);
    } finally {
      await first.rollbackTransaction().catch(() => undefined);
      await second.rollbackTransaction().catch(() => undefined);
      await first.release();
      await second.release();
    }
    await settle();
  });

  it('push every document exactly once when run side by side', async () => {
    const worker = t.app.get(SearchOutboxWorker);
    const engine = t.app.get(SearchEngine);
    const ids = await Promise.all(Array.from({ length: 40 }, (_, n) => questionWith(`Outboxtest: samtidig ${n} rumraket`)));
    // Exactly one row per document, so any document pushed twice was pushed by two workers.
    await t.db.query(`DELETE FROM search_outbox`);
    await t.db.query(`SELECT search_outbox_enqueue('content', $1::bigint[])`, [ids]);
    const before = (await engine.client!.tasks.getTasks({ indexUids: [engine.indexUid], limit: 1 })).results[0]?.uid ?? -1;
    // Three transactions at once, as three app instances would run them; small batches so they interleave.
    await Promise.all([worker.processBatch(7), worker.processBatch(7), worker.processBatch(7), worker.processBatch(7)]);
    await settle();
    const tasks = await engine.client!.tasks.getTasks({ indexUids: [engine.indexUid], types: ['documentAdditionOrUpdate'], limit: 1000 });
    const pushed = tasks.results
      .filter((task: { uid: number }) => task.uid > before)
      .reduce((sum: number, task: { details?: { receivedDocuments?: number } }) => sum + (task.details?.receivedDocuments ?? 0), 0);
    expect(pushed).toBe(ids.length);
    expect((await anonymous.get('/api/search?q=rumraket&pageSize=50')).body.total).toBe(ids.length);
  });
});

describe('when Meilisearch refuses a batch', () => {
  it('keeps the rows with the error and a later retry time, and reports them in /api/health', async () => {
    const engine = t.app.get(SearchEngine);
    const repository = t.app.get(SearchOutboxRepository);
    const dataSource = t.app.get(DataSource);
    const [row] = await t.db
      .query<{ id: string }>(`INSERT INTO search_outbox (entity, entity_id) VALUES ('content', 1) RETURNING id`)
      .then((r) => r.rows);
    await dataSource.transaction(async (manager) => {
      const claimed = await repository.claim(manager, 1000);
      expect(claimed.map((claimedRow: { id: string }) => claimedRow.id)).toContain(row!.id);
      await repository.fail(manager, [row!.id], 'Meilisearch task 42 failed: invalid document');
    });
    const { rows } = await t.db.query<{ attempts: number; last_error: string; waits: boolean }>(
      `SELECT attempts, last_error, available_at > now() AS waits FROM search_outbox WHERE id = $1`,
      [row!.id],
    );
    expect(rows[0]).toEqual({ attempts: 1, last_error: 'Meilisearch task 42 failed: invalid document', waits: true });
    const health = await anonymous.get('/api/health');
    expect(health.body.searchOutbox).toMatchObject({ backlog: 1, failing: 1 });
    // The error text stays out of the public health answer (it can name hosts or quote documents).
    expect(JSON.stringify(health.body)).not.toContain('invalid document');
    expect(health.body.searchOutbox.oldestAgeSeconds).toBeGreaterThanOrEqual(0);
    expect(engine.isReady).toBe(true);
    await t.db.query(`DELETE FROM search_outbox WHERE id = $1`, [row!.id]);
  });
});
