import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('GET /api/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.searchSettled();
  });
  afterAll(async () => {
    await t.close();
  });

  it('reports the database and Meilisearch as up, and an empty search outbox', async () => {
    const response = await fetch(`${t.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      database: 'up',
      search: 'up',
      searchEngine: 'meilisearch',
      searchOutbox: { backlog: 0, oldestAgeSeconds: null, failing: 0 },
    });
  });
});

describe('GET /api/health without Meilisearch', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ withoutSearch: true });
  });
  afterAll(async () => {
    await t.close();
  });

  it('stays healthy with search reported down (degraded, not unhealthy)', async () => {
    const response = await fetch(`${t.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'up', search: 'down', searchEngine: 'postgres' });
  });
});

describe('GET /api/health with the database gone', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close().catch(() => undefined);
  });

  it('answers 503 with database down', async () => {
    // Cut every connection of this test's database and forbid new ones.
    const name = (await t.db.query<{ current_database: string }>('SELECT current_database()')).rows[0]!.current_database;
    const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
    await admin.connect();
    await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [name]);
    await admin.end();
    // A browser's session cookie must not turn the answer into a 500 from the session store.
    const response = await fetch(`${t.url}/api/health`, { headers: { cookie: 'infraforum.sid=s%3Aabc.def' } });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'error', database: 'down' });
  });
});
