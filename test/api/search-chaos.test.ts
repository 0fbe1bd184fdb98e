import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/dist/common/free-port.js';
import { startEmbeddedMeilisearch, type EmbeddedMeilisearchHandle } from '../../server/dist/search/embedded-meilisearch.js';
import { SearchMaintenance } from '../../server/dist/search/search-maintenance.js';
import { ApiSession, signIn } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

/**
 * Meilisearch goes away in the middle of writes and searches, and comes back. No write may fail,
 * every search must still be answered (by PostgreSQL meanwhile), and once the outbox has caught up
 * the index must hold exactly what PostgreSQL holds.
 */

let dir: string;
let port: number;
let meili: EmbeddedMeilisearchHandle | undefined;
let t: TestApp;
let author: ApiSession;
let reader: ApiSession;

interface Tally {
  writes: number;
  failedWrites: string[];
  searches: number;
  failedSearches: string[];
  engines: Set<string>;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'infraforum-chaos-'));
  port = await freePort();
  meili = await startEmbeddedMeilisearch({ dir, port });
  if (!meili) throw new Error('No Meilisearch binary on this platform');
  t = await startTestApp({ meili: { url: meili.url, masterKey: meili.masterKey }, env: { ANONYMOUS_CACHE_SECONDS: '0' } });
  await t.createUser({ email: 'skriver@gladsaxe.dk', organizationCode: '0159' });
  await t.createUser({ email: 'laeser@aarhus.dk', organizationCode: '0751' });
  author = await signIn(t.url, 'skriver@gladsaxe.dk', TEST_PASSWORD);
  reader = await signIn(t.url, 'laeser@aarhus.dk', TEST_PASSWORD);
  await t.searchSettled();
}, 60_000);
afterAll(async () => {
  await t?.close();
  await meili?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Writes of every kind the outbox carries, and searches, until `stop` is set. */
function traffic(tally: Tally, stop: { now: boolean }): Promise<void> {
  const questions: number[] = [];
  const write = async (n: number) => {
    const step = n % 4;
    let response;
    if (step === 0 || questions.length === 0) {
      response = await author.post('/api/content', {
        kind: 'question',
        title: `Kaostest ${n}: kan brugerne logge på, når Context Handler driller?`,
        body: `Spørgsmål nummer ${n} under kaostesten.`,
        visibility: 'members',
        status: 'published',
        tags: ['kaostest'],
      });
      if (response.status === 201) questions.push(response.body.id);
    } else if (step === 1) {
      response = await author.patch(`/api/content/${questions[n % questions.length]}`, {
        title: `Kaostest ${n}: rettet overskrift om Context Handler`,
      });
    } else if (step === 2) {
      response = await reader.post(`/api/content/${questions[n % questions.length]}/replies`, {
        body: `Svar ${n}: prøv at logge af og på igen.`,
      });
    } else {
      response = await reader.post(`/api/content/${questions[n % questions.length]}/vote`, { value: n % 8 === 3 ? 1 : 0 });
    }
    tally.writes++;
    if (response.status >= 300) tally.failedWrites.push(`${response.status} ${JSON.stringify(response.body)}`);
  };
  const search = async () => {
    const response = await reader.get('/api/search?q=kaostest%20context%20handler');
    tally.searches++;
    if (response.status !== 200) tally.failedSearches.push(`${response.status} ${JSON.stringify(response.body)}`);
    else tally.engines.add(response.body.engine);
  };
  return (async () => {
    for (let n = 0; !stop.now; n++) {
      await Promise.all([write(n), search()]);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
}

describe('when Meilisearch stops and starts again under writes and searches', () => {
  it('no write fails, every search is answered, and the index ends up exactly like PostgreSQL', async () => {
    const tally: Tally = { writes: 0, failedWrites: [], searches: 0, failedSearches: [], engines: new Set() };
    const stop = { now: false };
    const running = traffic(tally, stop);

    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await meili!.stop();
    const writesBeforeOutage = tally.writes;
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const enginesDuringOutage = new Set(tally.engines);
    expect(tally.writes - writesBeforeOutage).toBeGreaterThan(10);

    meili = await startEmbeddedMeilisearch({ dir, port });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    stop.now = true;
    await running;
    await t.searchSettled(30_000);

    expect(tally.failedWrites).toEqual([]);
    expect(tally.failedSearches).toEqual([]);
    expect(enginesDuringOutage).toContain('postgres');
    const after = await reader.get('/api/search?q=kaostest%20context%20handler&pageSize=50');
    expect(after.body.engine).toBe('meilisearch');

    const check = await t.app.get(SearchMaintenance).check();
    expect({ missing: check.missing, stale: check.stale, extra: check.extra }).toEqual({ missing: [], stale: [], extra: [] });
    expect(check.indexed).toBe(check.expected);
    expect(check.expected).toBeGreaterThan(5);
  }, 90_000);

  it('reports the backlog in /api/health while Meilisearch is away', async () => {
    await meili!.stop();
    const created = await author.post('/api/content', {
      kind: 'question',
      title: 'Kaostest: skrevet mens søgningen er væk',
      body: 'Denne ændring venter i outboxen.',
      visibility: 'members',
      status: 'published',
    });
    expect(created.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const health = await new ApiSession(t.url).get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', search: 'down', searchEngine: 'postgres' });
    expect(health.body.searchOutbox.backlog).toBeGreaterThan(0);
    meili = await startEmbeddedMeilisearch({ dir, port });
    await t.searchSettled(30_000);
    const recovered = await new ApiSession(t.url).get('/api/health');
    expect(recovered.body).toMatchObject({ search: 'up', searchEngine: 'meilisearch', searchOutbox: { backlog: 0 } });
  }, 60_000);

  it('lets an app start while Meilisearch is down, and switches to it (settings applied) once it answers', async () => {
    await meili!.stop();
    const late = await startTestApp({
      databaseUrl: t.databaseUrl,
      meili: { url: `http://127.0.0.1:${port}`, masterKey: meili!.masterKey },
      env: { ANONYMOUS_CACHE_SECONDS: '0', MEILI_INDEX: 'content_started_late', SEARCH_WORKER: 'false' },
    });
    try {
      const reading = await signIn(late.url, 'laeser@aarhus.dk', TEST_PASSWORD);
      const before = await reading.get('/api/search?q=kaostest');
      expect(before.status).toBe(200);
      expect(before.body.engine).toBe('postgres');
      expect(before.body.total).toBeGreaterThan(0);
      meili = await startEmbeddedMeilisearch({ dir, port });
      await late.searchSettled(30_000);
      const settings = await fetch(`${meili!.url}/indexes/content_started_late/settings`, {
        headers: { Authorization: `Bearer ${meili!.masterKey}` },
      }).then((response) => response.json());
      expect(settings.searchableAttributes[0]).toBe('title');
      expect(settings.synonyms.bf).toContain('beskedfordeler');
      expect((await reading.get('/api/search?q=kaostest')).body.engine).toBe('meilisearch');
    } finally {
      await late.close();
    }
  }, 60_000);
});
