#!/usr/bin/env node
// @ts-check
/**
 * Search relevance (issue 4): does the document a hotline employee wants come first? Runs the queries in
 * test/fixtures/search-relevance/queries.json (typos, compounds, synonyms, SF ids, English, plain hotline phrasing,
 * questions; each names the title of the one right document) through GET /api/search, on both engines:
 *
 *   meilisearch  the built app (`node server/dist/main.js`, NODE_ENV=development) in a temporary DATA_DIR, with its
 *                embedded PostgreSQL and Meilisearch; it seeds the demo accounts and content, and the bench waits until
 *                /api/health says Meilisearch answers and the search outbox is empty.
 *   postgres     a second app on the first one's PostgreSQL, told Meilisearch is at a dead address (MEILI_URL
 *                http://127.0.0.1:9, SEARCH_WORKER=false), so it answers from the PostgreSQL fallback.
 *
 * Both search as the same signed-in member (default hotline@gladsaxe.dk, who sees members content and Gladsaxe's own).
 * Per engine, overall and per category: hit@1 (share of queries with the right document first), MRR (mean of 1/rank,
 * 0 when not found) and nDCG@10 (binary relevance, one relevant document: 1/log2(rank+1) within the first 10). Then the
 * queries that missed, with the rank of the right document and what came first. The aim (issue 4): hit@1 ≥ 90 % on
 * Meilisearch. It is a report: the exit code is 0 whatever the figures (1 only when it could not run).
 *
 *   npm run build && npm run bench:relevance -- [--json FILE] [--engines meilisearch,postgres] [--viewer EMAIL]
 *     [--fixture FILE] [--all] [--keep-data]
 *
 * --all prints every query's first result, not only the misses; --keep-data leaves the data dir (and logs) behind.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '../../server/dist/common/free-port.js';
import { runningEmbeddedPostgresUrl } from '../../server/dist/database/embedded-postgres.js';
import { DEMO_GUIDES, DEMO_QUESTIONS } from '../../server/dist/demo/demo-content.js';
import { prepareRun, ROOT, startNode, stopChild } from './bench-processes.mjs';
import { exitWithHelp, logIn, percent, say, table } from './bench-support.mjs';

const DEFAULT_FIXTURE = path.join(ROOT, 'test/fixtures/search-relevance/queries.json');
const CATEGORIES = ['typo', 'compound', 'synonym', 'sf-id', 'english', 'plain', 'question'];
const ENGINES = /** @type {const} */ (['meilisearch', 'postgres']);
const AIM_HIT_AT_1 = 0.9;
const CUTOFF = 10;
/** Enough to see the right document's rank even when it is far down (the demo has 14 documents). */
const PAGE_SIZE = 50;
const DEAD_MEILI_URL = 'http://127.0.0.1:9';

const { values: args } = parseArgs({
  options: {
    json: { type: 'string' },
    engines: { type: 'string', default: ENGINES.join(',') },
    viewer: { type: 'string', default: 'hotline@gladsaxe.dk' },
    fixture: { type: 'string', default: DEFAULT_FIXTURE },
    all: { type: 'boolean', default: false },
    'keep-data': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) exitWithHelp(import.meta.url);

// ---- The fixture ----

/**
 * @typedef {object} RelevanceQuery
 * @property {string} query
 * @property {string} expected exact title of the one right document
 * @property {string} category
 * @property {string} note
 */

/**
 * Reads and checks the fixture: a misspelt expected title would otherwise count as a ranking failure.
 * @param {string} file
 * @returns {RelevanceQuery[]}
 */
function loadFixture(file) {
  /** @type {unknown} */
  const parsed = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed) || parsed.length === 0) throw new Error(`${file}: expected a non-empty array of queries`);
  const titles = new Set([...DEMO_GUIDES, ...DEMO_QUESTIONS].map((item) => item.title));
  const problems = [];
  const seen = new Set();
  for (const [index, entry] of parsed.entries()) {
    const where = `#${index} ${JSON.stringify(entry?.query)}`;
    if (typeof entry?.query !== 'string' || entry.query.trim() === '') problems.push(`${where}: query missing`);
    if (seen.has(entry?.query)) problems.push(`${where}: duplicate query`);
    seen.add(entry?.query);
    if (!titles.has(entry?.expected)) problems.push(`${where}: expected title is not a demo title: ${JSON.stringify(entry?.expected)}`);
    if (!CATEGORIES.includes(entry?.category)) problems.push(`${where}: category must be one of ${CATEGORIES.join(', ')}`);
    if (typeof entry?.note !== 'string' || entry.note.trim() === '') problems.push(`${where}: note missing`);
  }
  if (problems.length > 0) throw new Error(`${file}:\n  ${problems.join('\n  ')}`);
  return /** @type {RelevanceQuery[]} */ (parsed);
}

// ---- Processes ----

/**
 * Starts `node server/dist/main.js` and resolves once it listens and (in development) has seeded the demo accounts
 * and content: then it prints how to stop it.
 * @param {NodeJS.ProcessEnv} env @param {string} logFile
 */
async function startApp(env, logFile) {
  const { child } = await startNode(['server/dist/main.js'], { env, ready: /Stop med Ctrl\+C/, log: logFile, timeoutMs: 180_000 });
  return child;
}

/**
 * Polls /api/health until `settled` holds for its body.
 * @param {string} origin @param {(health: any) => boolean} settled @param {string} what
 */
async function waitForHealth(origin, settled, what, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  /** @type {unknown} */
  let last;
  for (;;) {
    try {
      const response = await fetch(`${origin}/api/health`);
      last = await response.json();
      if (settled(last)) return;
    } catch (error) {
      last = error instanceof Error ? error.message : error;
    }
    if (Date.now() > deadline) throw new Error(`${what} not reached after ${timeoutMs} ms; last health: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// ---- Measuring ----

/**
 * @typedef {object} QueryResult
 * @property {string} query
 * @property {string} expected
 * @property {string} category
 * @property {string} engine what the response said answered
 * @property {number | null} rank 1-based rank of the expected title, null when not returned
 * @property {number} total
 * @property {string[]} titles the first results, in order
 * @property {number} tookMs the server's own timing
 */

/**
 * @param {string} origin @param {string} cookie @param {RelevanceQuery[]} queries
 * @returns {Promise<QueryResult[]>}
 */
async function runQueries(origin, cookie, queries) {
  /** @type {QueryResult[]} */
  const results = [];
  for (const entry of queries) {
    const url = `${origin}/api/search?${new URLSearchParams({ q: entry.query, pageSize: String(PAGE_SIZE) })}`;
    const response = await fetch(url, { headers: { cookie } });
    if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
    const body = /** @type {{ hits: { title: string }[], engine: string, total: number, tookMs: number }} */ (await response.json());
    const titles = body.hits.map((hit) => hit.title);
    const index = titles.indexOf(entry.expected);
    results.push({
      query: entry.query,
      expected: entry.expected,
      category: entry.category,
      engine: body.engine,
      rank: index === -1 ? null : index + 1,
      total: body.total,
      titles,
      tookMs: body.tookMs,
    });
  }
  return results;
}

/**
 * @typedef {object} Figures
 * @property {number} n
 * @property {number} hitAt1
 * @property {number} mrr
 * @property {number} ndcgAt10
 */

/** @param {QueryResult[]} results @returns {Figures} */
function figures(results) {
  const n = results.length;
  if (n === 0) return { n, hitAt1: 0, mrr: 0, ndcgAt10: 0 };
  const sum = (/** @type {(r: QueryResult) => number} */ f) => results.reduce((total, r) => total + f(r), 0);
  return {
    n,
    hitAt1: sum((r) => (r.rank === 1 ? 1 : 0)) / n,
    mrr: sum((r) => (r.rank ? 1 / r.rank : 0)) / n,
    // One relevant document: the ideal DCG is 1, so nDCG is the document's own discounted gain.
    ndcgAt10: sum((r) => (r.rank && r.rank <= CUTOFF ? 1 / Math.log2(r.rank + 1) : 0)) / n,
  };
}

/** @param {QueryResult[]} results */
function figuresByCategory(results) {
  /** @type {Record<string, Figures>} */
  const by = { all: figures(results) };
  for (const category of CATEGORIES) {
    const inCategory = results.filter((r) => r.category === category);
    if (inCategory.length > 0) by[category] = figures(inCategory);
  }
  return by;
}

// ---- Output ----

/** @param {string} text @param {number} max */
const cut = (text, max) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * @param {Record<string, Record<string, Figures>>} byEngine engine → category → figures
 */
function printFigures(byEngine) {
  const engines = Object.keys(byEngine);
  const categories = ['all', ...CATEGORIES].filter((category) => engines.some((engine) => byEngine[engine]?.[category]));
  const headers = ['category', 'n', ...engines.flatMap((engine) => [`${engine} hit@1`, 'MRR', 'nDCG@10'])];
  const rows = categories.map((category) => [
    category,
    String(byEngine[engines[0] ?? '']?.[category]?.n ?? 0),
    ...engines.flatMap((engine) => {
      const f = byEngine[engine]?.[category];
      return f ? [percent(f.hitAt1), f.mrr.toFixed(3), f.ndcgAt10.toFixed(3)] : ['–', '–', '–'];
    }),
  ]);
  console.log(table(headers, rows));
}

/** @param {string} engine @param {QueryResult[]} results @param {boolean} all */
function printQueries(engine, results, all) {
  const shown = all ? results : results.filter((r) => r.rank !== 1);
  console.log(
    `\n${engine}: ${all ? 'every query' : `${shown.length} quer${shown.length === 1 ? 'y' : 'ies'} without the right document first`}`,
  );
  if (shown.length === 0) return;
  console.log(
    table(
      ['query', 'category', 'rank', 'expected', 'first result'],
      shown.map((r) => [
        cut(r.query, 48),
        r.category,
        r.rank === null ? `– (of ${r.total})` : String(r.rank),
        cut(r.expected, 44),
        r.rank === 1 ? '✓' : cut(r.titles[0] ?? '(nothing found)', 60),
      ]),
    ),
  );
}

// ---- Main ----

async function main() {
  const queries = loadFixture(path.resolve(args.fixture ?? DEFAULT_FIXTURE));
  const engines = (args.engines ?? '')
    .split(',')
    .map((engine) => engine.trim())
    .filter(Boolean);
  for (const engine of engines) {
    if (!(/** @type {readonly string[]} */ (ENGINES).includes(engine))) throw new Error(`--engines: unknown engine ${engine}`);
  }
  const viewer = args.viewer ?? 'hotline@gladsaxe.dk';
  const { dataDir, logs, cleanups } = prepareRun('infraforum-relevance', args, 'stopping the apps');

  try {
    say(`${queries.length} queries from ${path.relative(ROOT, path.resolve(args.fixture ?? DEFAULT_FIXTURE))}; data in ${dataDir}`);
    const appDir = path.join(dataDir, 'app');
    const base = { ...process.env, NODE_ENV: 'development', HOST: '127.0.0.1', LOG_LEVEL: 'warn' };

    // The app as a newcomer starts it: embedded PostgreSQL and Meilisearch, demo accounts and content seeded.
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const started = Date.now();
    const app = await startApp(
      {
        ...base,
        DATA_DIR: appDir,
        PORT: String(port),
        PUBLIC_URL: origin,
        DEMO_DATA: 'true',
        DATABASE_URL: '',
        MEILI_URL: '',
        MEILI_MASTER_KEY: '',
        MEILI_INDEX: 'content',
        SEARCH_WORKER: 'true',
      },
      path.join(logs, 'app-meilisearch.log'),
    );
    cleanups.push(() => stopChild(app, 'SIGINT'));
    await waitForHealth(
      origin,
      (health) => health?.searchEngine === 'meilisearch' && health?.searchOutbox?.backlog === 0,
      'Meilisearch ready with an empty search outbox',
    );
    say(`app with Meilisearch on ${origin}, demo content indexed, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const password = readFileSync(path.join(appDir, 'demo-password'), 'utf8').trim();

    /** @type {Record<string, QueryResult[]>} */
    const resultsByEngine = {};
    if (engines.includes('meilisearch')) {
      resultsByEngine.meilisearch = await runQueries(origin, await logIn(origin, viewer, password), queries);
    }

    if (engines.includes('postgres')) {
      const databaseUrl = runningEmbeddedPostgresUrl(path.join(appDir, 'postgres'));
      if (!databaseUrl) throw new Error('The first app’s embedded PostgreSQL is not running');
      const fallbackPort = await freePort();
      const fallbackOrigin = `http://127.0.0.1:${fallbackPort}`;
      const fallback = await startApp(
        {
          ...base,
          DATA_DIR: path.join(dataDir, 'fallback'),
          PORT: String(fallbackPort),
          PUBLIC_URL: fallbackOrigin,
          DEMO_DATA: 'false',
          DATABASE_URL: databaseUrl,
          MEILI_URL: DEAD_MEILI_URL,
          MEILI_MASTER_KEY: 'x'.repeat(20),
          SEARCH_WORKER: 'false',
        },
        path.join(logs, 'app-postgres.log'),
      );
      cleanups.push(() => stopChild(fallback, 'SIGINT'));
      await waitForHealth(fallbackOrigin, (health) => health?.searchEngine === 'postgres', 'the PostgreSQL fallback');
      say(`app with the PostgreSQL fallback on ${fallbackOrigin}`);
      resultsByEngine.postgres = await runQueries(fallbackOrigin, await logIn(fallbackOrigin, viewer, password), queries);
    }

    // An engine that silently answered from the other one would make the comparison meaningless.
    for (const [engine, results] of Object.entries(resultsByEngine)) {
      const wrong = results.filter((r) => r.engine !== engine);
      if (wrong.length > 0) say(`warning: ${wrong.length} ${engine} queries were answered by ${wrong[0]?.engine}`);
    }

    /** @type {Record<string, Record<string, Figures>>} */
    const byEngine = Object.fromEntries(Object.entries(resultsByEngine).map(([engine, results]) => [engine, figuresByCategory(results)]));
    console.log(
      `\nSearch relevance: ${queries.length} queries as ${viewer} (hit@1 = right document first; aim on Meilisearch ≥ ${percent(AIM_HIT_AT_1)})\n`,
    );
    printFigures(byEngine);
    for (const [engine, results] of Object.entries(resultsByEngine)) printQueries(engine, results, Boolean(args.all));
    const meili = byEngine.meilisearch?.all;
    if (meili) {
      console.log(
        `\nMeilisearch hit@1 ${percent(meili.hitAt1)}: ${meili.hitAt1 >= AIM_HIT_AT_1 ? 'meets' : 'BELOW'} the aim of ${percent(AIM_HIT_AT_1)}`,
      );
    }

    if (args.json) {
      writeFileSync(
        args.json,
        JSON.stringify(
          { date: new Date().toISOString(), viewer, aimHitAt1: AIM_HIT_AT_1, figures: byEngine, results: resultsByEngine },
          null,
          2,
        ) + '\n',
      );
      say(`results written to ${args.json}`);
    }
    if (args['keep-data']) say(`data and logs kept in ${dataDir}`);
  } finally {
    await cleanups.run();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
