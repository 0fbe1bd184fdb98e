import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchEngine } from '../../server/dist/search/search-engine.js';
import { SearchMaintenance } from '../../server/dist/search/search-maintenance.js';
import { ApiSession, signIn } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

/** `search:rebuild` and `search:check`: in the running app, and through the operator's CLI. */

const run = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, '../../server/dist/cli/cli.js');

let t: TestApp;
let author: ApiSession;
let anonymous: ApiSession;
let engine: SearchEngine;
let cliEnv: NodeJS.ProcessEnv;

beforeAll(async () => {
  t = await startTestApp({ env: { ANONYMOUS_CACHE_SECONDS: '0' } });
  await t.createUser({ email: 'skriver@gladsaxe.dk', organizationCode: '0159' });
  author = await signIn(t.url, 'skriver@gladsaxe.dk', TEST_PASSWORD);
  anonymous = new ApiSession(t.url);
  for (let n = 1; n <= 30; n++) {
    const response = await author.post('/api/content', {
      kind: 'question',
      title: `Vedligehold ${n}: hvordan fornyer vi certifikatet til Serviceplatformen?`,
      body: 'Et spørgsmål om certifikater.',
      visibility: 'public',
      status: 'published',
    });
    expect(response.status).toBe(201);
  }
  await t.searchSettled();
  engine = t.app.get(SearchEngine);
  cliEnv = {
    PATH: process.env.PATH,
    DATABASE_URL: t.databaseUrl,
    MEILI_URL: (engine.client as unknown as { config: { host: string } }).config.host,
    MEILI_MASTER_KEY: (engine.client as unknown as { config: { apiKey: string } }).config.apiKey,
    MEILI_INDEX: engine.indexUid,
    LOG_LEVEL: 'warn',
  };
});
afterAll(async () => {
  await t?.close();
});

describe('rebuild', () => {
  it('swaps in a fresh index while searches keep finding everything', async () => {
    const totals: number[] = [];
    let rebuilding = true;
    const searching = (async () => {
      while (rebuilding) {
        const response = await anonymous.get('/api/search?q=vedligehold%20certifikatet');
        expect(response.body.engine).toBe('meilisearch');
        totals.push(response.body.total);
      }
    })();
    const report = await t.app.get(SearchMaintenance).rebuild();
    rebuilding = false;
    await searching;
    expect(report.documents).toBe(30);
    expect(totals.length).toBeGreaterThan(0);
    expect(new Set(totals)).toEqual(new Set([30]));
    const indexes = await engine.client!.getIndexes({ limit: 1000 });
    expect(indexes.results.map((index: { uid: string }) => index.uid).filter((uid: string) => uid.startsWith(engine.indexUid))).toEqual([
      engine.indexUid,
    ]);
  });

  it('keeps the settings: synonyms and typo rules work in the rebuilt index', async () => {
    const settings = await engine.index().getSettings();
    expect(settings.synonyms?.sp).toContain('serviceplatformen');
    expect(settings.typoTolerance?.disableOnWords).toContain('sf1601');
    expect(settings.localizedAttributes).toEqual([{ attributePatterns: ['*'], locales: ['dan'] }]);
  });

  it('queues what changed while it ran, so nothing is lost', async () => {
    const maintenance = t.app.get(SearchMaintenance);
    const writes = (async () => {
      for (let n = 1; n <= 10; n++) {
        const response = await author.post('/api/content', {
          kind: 'question',
          title: `Under genopbygning ${n}: ny kollega mangler roller`,
          body: 'Skrevet mens indekset bygges om.',
          visibility: 'public',
          status: 'published',
        });
        expect(response.status).toBe(201);
      }
    })();
    await maintenance.rebuild();
    await writes;
    await t.searchSettled();
    const check = await maintenance.check();
    expect({ missing: check.missing, stale: check.stale, extra: check.extra }).toEqual({ missing: [], stale: [], extra: [] });
    expect(check.expected).toBe(40);
  });
});

describe('check', () => {
  it('finds missing, stale and extra documents, and --fix queues them for the worker', async () => {
    const maintenance = t.app.get(SearchMaintenance);
    const index = engine.index();
    const { results } = await index.getDocuments({ limit: 2, fields: ['id'] });
    const [first, second] = results.map((document: { id: number }) => document.id);
    await engine.waitFor(index.deleteDocument(first!));
    // A change the index never heard of: made in PostgreSQL with its outbox row removed in the same transaction.
    const client = await t.db.connect();
    try {
      await client.query('BEGIN');
      await client.query(`UPDATE content SET title = 'Rettet uden om søgningen' WHERE id = $1`, [second]);
      await client.query(`DELETE FROM search_outbox WHERE entity_id = $1`, [second]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    await engine.waitFor(index.addDocuments([{ id: 999_999, title: 'Findes ikke i PostgreSQL' } as never]));

    const report = await maintenance.check({ fix: true });
    expect({ missing: report.missing, stale: report.stale, extra: report.extra }).toEqual({
      missing: [String(first)],
      stale: [String(second)],
      extra: ['999999'],
    });
    await t.searchSettled();
    const after = await maintenance.check();
    expect([after.missing, after.stale, after.extra]).toEqual([[], [], []]);
  });
});

describe('the CLI', () => {
  it('search:check exits 0 and says so when the index is in step', async () => {
    const { stdout } = await run(process.execPath, [CLI, 'search:check'], { env: cliEnv });
    expect(stdout).toContain('Missing: 0');
    expect(stdout).toContain('Stale: 0');
  });

  it('search:check exits 1 and names the document when one is missing', async () => {
    const index = engine.index();
    const { results } = await index.getDocuments({ limit: 1, fields: ['id'] });
    const id = (results[0] as { id: number }).id;
    await engine.waitFor(index.deleteDocument(id));
    const failed = await run(process.execPath, [CLI, 'search:check'], { env: cliEnv }).then(
      () => undefined,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toContain(`Missing: 1 (${id})`);
  });

  it('search:rebuild rebuilds and reports the count', async () => {
    const { stdout } = await run(process.execPath, [CLI, 'search:rebuild'], { env: cliEnv });
    expect(stdout).toMatch(/Rebuilt the search index: 40 documents in [\d.]+ s\./);
    const { stdout: checked } = await run(process.execPath, [CLI, 'search:check'], { env: cliEnv });
    expect(checked).toContain('Missing: 0');
  });
});
