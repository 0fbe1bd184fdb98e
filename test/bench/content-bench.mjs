#!/usr/bin/env node
// @ts-check
/**
 * The content benchmark (issue 3). Starts everything itself, as the app does for a newcomer: an embedded PostgreSQL in
 * a temporary directory, the built app (`node server/dist/main.js`, production settings) in a child process, seeds
 * 50,000 content items and 250,000 replies, then measures with autocannon (32 connections):
 *
 *   ceiling  a bare Node `http` server answering a fixed JSON body (measured first and last; the mean is the ceiling)
 *   list     GET /api/content?kind=question
 *   detail   GET /api/content/:id over ~200 published public questions
 *   page     the thread page /spoergsmaal/<id>-<slug> for the same questions
 *
 * It also checks that anonymous requests create no session, and prints EXPLAIN (ANALYZE, BUFFERS) of the list queries
 * (the exact SQL the repository runs) as an anonymous viewer and as a member, flagging sequential scans on the big tables.
 *
 *   npm run build && npm run bench:content -- [--duration 10] [--connections 32] [--reuse-data DIR] [--keep-data]
 *     [--routes ceiling,list,detail,page] [--cpu-prof DIR] [--json FILE] [--contents 50000] [--replies 250000]
 *     [--app-node-arg=--import=./try-a-change.mjs] [--extra-path /api/any/other/path] [--no-explain]
 *
 * --reuse-data DIR keeps the database in DIR and seeds it only once, so later runs start in seconds.
 * --cpu-prof DIR runs the app with `node --cpu-prof`; summarise with `node test/bench/cpu-profile-summary.mjs DIR/*.cpuprofile`.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { contentReadScope } from '../../server/dist/common/access-policy.js';
import { freePort } from '../../server/dist/common/free-port.js';
import { ContentRepository } from '../../server/dist/content/content.repository.js';
import { startEmbeddedPostgres } from '../../server/dist/database/embedded-postgres.js';
import { childrenOf, cpuMeter, postgresProcesses, prepareRun, startNode, stopChild } from './bench-processes.mjs';
import { LOAD_HEADERS, loadCells, loadFigures, logIn, num, parseLoadArgs, percent, say, seedOnce, table } from './bench-support.mjs';
import { BENCH_PASSWORD } from './seed-content.mjs';

const AIM_DETAIL_RATIO = 0.25;
const AIM_DETAIL_P99_MS = 50;
const AIM_PAGE_RPS = 700;
const SEQ_SCAN_ON_BIG_TABLE = /Seq Scan on (content|reply)(?![\w])/;

const args = parseLoadArgs(import.meta.url, {
  routes: { type: 'string', default: 'ceiling,list,detail,page,member' },
  'ceiling-bytes': { type: 'string', default: '1024' },
  'no-explain': { type: 'boolean', default: false },
  'extra-path': { type: 'string', multiple: true, default: [] },
});
const duration = Number(args.duration);
const warmup = Number(args.warmup);
const connections = Number(args.connections);
/** When the app process started: a CPU profile's sample times count from there (to cut start-up out of a summary). */
let appStartedAt = 0;
const routes = new Set((args.routes ?? '').split(',').map((route) => route.trim()));

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
 * @property {{ app: number, postgres: number, bench: number } | null} cpu share of one core used during the run
 * @property {string | null} note
 */

/**
 * Runs autocannon against `paths` (a random one per request): a warm-up, then the measured run.
 * @param {string} name @param {string} label @param {string} origin @param {string[]} paths
 * @param {{ app: () => number[], postgres: () => number[] }} busy the processes whose CPU the run is charged to
 * @param {Record<string, string>} [headers] e.g. a member's session cookie
 * @returns {Promise<RouteResult>}
 */
async function measure(name, label, origin, paths, busy, headers = {}) {
  /** @param {number} seconds */
  const run = (seconds) =>
    autocannon({
      url: origin,
      connections,
      duration: seconds,
      headers,
      requests: [
        {
          setupRequest: (request) => ({ ...request, path: paths[Math.floor(Math.random() * paths.length)] }),
        },
      ],
    });
  say(`${label}: warm-up ${warmup} s, then ${duration} s with ${connections} connections`);
  if (warmup > 0) await run(warmup);
  const cpu = cpuMeter(busy);
  const started = process.hrtime.bigint();
  if (args['cpu-prof']) say(`${label}: measured from ${((Date.now() - appStartedAt) / 1000).toFixed(1)} s after the app started`);
  const result = await run(duration);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { name, label, ...loadFigures(result), cpu: cpu.stop(seconds), note: null };
}

/** @param {string} url */
async function probe(url) {
  const response = await fetch(url, { redirect: 'manual' });
  const body = await response.text();
  return { status: response.status, body, setCookie: response.headers.get('set-cookie'), type: response.headers.get('content-type') };
}

// ---- Query plans ----

/**
 * Runs the repository's own list and detail reads against a recording data source, then EXPLAIN (ANALYZE, BUFFERS)
 * each statement it issued with the same parameters: the plans of exactly the SQL the routes run.
 * @param {pg.Pool} pool
 */
function recordingRepository(pool) {
  /** @type {{ sql: string, params: unknown[] }[]} */
  const statements = [];
  /** @param {string} sql @param {unknown[]} params */
  const record = async (sql, params) => {
    statements.push({ sql, params });
    return (await pool.query(sql, params)).rows;
  };
  // The repository reads through the pg pool under the data source (named prepared statements) or its manager.
  const dataSource = {
    manager: { query: record },
    driver: {
      master: {
        /** @param {{ text: string, values: unknown[] }} query */
        query: async (query) => ({ rows: await record(query.text, query.values) }),
      },
    },
  };
  const repository = new ContentRepository(/** @type {never} */ (dataSource));
  return {
    repository,
    /** @param {() => Promise<unknown>} work */
    async explain(work) {
      statements.length = 0;
      await work();
      const issued = [...statements];
      const plans = [];
      for (const statement of issued) {
        const rows = (await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.params)).rows;
        const lines = rows.map((row) => String(row['QUERY PLAN']));
        /** @param {string} label */
        const timeOf = (label) => Number(/([\d.]+) ms/.exec(lines.find((line) => line.startsWith(label)) ?? '')?.[1] ?? NaN);
        plans.push({
          kind: /^\s*SELECT count\(\*\)/.test(statement.sql) ? 'count' : 'page',
          lines,
          ms: timeOf('Execution Time'),
          planningMs: timeOf('Planning Time'),
          seqScans: lines.filter((line) => SEQ_SCAN_ON_BIG_TABLE.test(line)).map((line) => line.trim()),
        });
      }
      return plans;
    },
  };
}

/**
 * @param {pg.Pool} pool
 * @param {{ id: string, organization_id: string, role: string }} member
 */
async function explainLists(pool, member) {
  const { repository, explain } = recordingRepository(pool);
  const tag = (await pool.query(`SELECT tag FROM content, unnest(tags) AS tag GROUP BY tag ORDER BY count(*) DESC LIMIT 1`)).rows[0]?.tag;
  const componentSlug =
    (await pool.query(`SELECT slug FROM catalog_component WHERE slug = 'serviceplatformen'`)).rows[0]?.slug ??
    (await pool.query(`SELECT slug FROM catalog_component ORDER BY slug LIMIT 1`)).rows[0]?.slug;
  const organizationCode = (
    await pool.query(
      `SELECT o.code FROM content c JOIN organization o ON o.id = c.organization_id GROUP BY o.code ORDER BY count(*) DESC LIMIT 1`,
    )
  ).rows[0]?.code;
  const base = { kind: /** @type {const} */ ('question'), limit: 20, offset: 0 };
  const cases = [
    { name: 'kind=question, newest', filter: { ...base, sort: /** @type {const} */ ('newest') } },
    { name: 'kind=question, sort=votes', filter: { ...base, sort: /** @type {const} */ ('votes') } },
    { name: 'kind=question, sort=active', filter: { ...base, sort: /** @type {const} */ ('active') } },
    { name: `kind=question, tag=${tag}`, filter: { ...base, tag, sort: /** @type {const} */ ('newest') } },
    { name: `kind=question, component=${componentSlug}`, filter: { ...base, componentSlug, sort: /** @type {const} */ ('newest') } },
    {
      name: `kind=question, organization=${organizationCode}`,
      filter: { ...base, organizationCode, sort: /** @type {const} */ ('newest') },
    },
  ];
  const viewers = [
    { name: 'anonymous', scope: contentReadScope(undefined) },
    {
      name: 'member',
      scope: contentReadScope({ id: member.id, organizationId: member.organization_id, role: /** @type {'member'} */ (member.role) }),
    },
  ];
  const results = [];
  for (const viewer of viewers) {
    for (const testCase of cases) {
      const plans = await explain(() => repository.list(viewer.scope, testCase.filter));
      results.push({ viewer: viewer.name, name: testCase.name, plans });
    }
  }
  return results;
}

/**
 * The detail route's reads (item, replies) for a typical and the longest public thread, as an anonymous viewer.
 * @param {pg.Pool} pool @param {string} typicalId
 */
async function explainDetail(pool, typicalId) {
  const { repository, explain } = recordingRepository(pool);
  const longest = (
    await pool.query(
      `SELECT id FROM content WHERE kind = 'question' AND status = 'published' AND visibility = 'public' AND deleted_at IS NULL
       ORDER BY reply_count DESC LIMIT 1`,
    )
  ).rows[0]?.id;
  const scope = contentReadScope(undefined);
  const results = [];
  for (const [name, id] of [
    ['typical thread', typicalId],
    ['longest thread', String(longest)],
  ]) {
    const plans = await explain(async () => {
      // As ContentService.get reads a thread: the item, and its first 100 replies without their total.
      await repository.findVisible(id, scope, null);
      await repository.listReplies(id, { viewerId: null, includeHiddenOf: 'none', limit: 100, offset: 0, withTotal: false });
    });
    results.push({ viewer: 'anonymous', name: `detail, ${name} (id ${id})`, plans });
  }
  return results;
}

// ---- Output ----

/** Execution time of the statements of one kind (a detail read issues two "page" statements). @param {{ kind: string, ms: number }[]} plans @param {string} kind */
const sumMs = (plans, kind) => plans.filter((p) => p.kind === kind).reduce((sum, p) => sum + p.ms, 0);

// ---- Main ----

async function main() {
  const { dataDir, logs, keep, cleanups } = prepareRun('infraforum-bench', args, 'stopping the app and PostgreSQL');

  try {
    say(`data in ${dataDir}${keep ? ' (kept)' : ' (removed at the end)'}`);
    const startedPg = Date.now();
    const postgres = await startEmbeddedPostgres({ dir: path.join(dataDir, 'postgres'), notice: (line) => say(line) });
    cleanups.push(() => postgres.stop());
    say(`embedded PostgreSQL on port ${postgres.port} in ${Date.now() - startedPg} ms`);
    const postgresPids = postgresProcesses(path.join(dataDir, 'postgres'));

    // The app as in production, in its own process (its CPU apart from autocannon's).
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const cpuProfDir = args['cpu-prof'] ? path.resolve(args['cpu-prof']) : undefined;
    if (cpuProfDir) mkdirSync(cpuProfDir, { recursive: true });
    const startedApp = Date.now();
    appStartedAt = startedApp;
    const { child: app } = await startNode(
      [...(cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : []), ...(args['app-node-arg'] ?? []), 'server/dist/main.js'],
      {
        env: {
          ...process.env,
          NODE_ENV: 'production',
          DATABASE_URL: postgres.url,
          PORT: String(port),
          HOST: '127.0.0.1',
          PUBLIC_URL: origin,
          SESSION_SECRET: randomBytes(32).toString('hex'),
          LOG_LEVEL: 'warn',
          DEMO_DATA: 'false',
          DATA_DIR: path.join(dataDir, 'app'),
          MEILI_URL: '',
          MEILI_MASTER_KEY: '',
        },
        ready: /Infraforum kører på/,
        log: path.join(logs, 'app.log'),
      },
    );
    // SIGINT: main.js's graceful shutdown (and the CPU profile is written on exit).
    cleanups.push(() => stopChild(app, 'SIGINT'));
    say(`app (node server/dist/main.js, NODE_ENV=production) on ${origin} in ${Date.now() - startedApp} ms; log in ${logs}/app.log`);

    const pool = new pg.Pool({ connectionString: postgres.url, max: 2, application_name: 'infraforum-bench' });
    cleanups.push(() => pool.end());
    await seedOnce(dataDir, { databaseUrl: postgres.url, contents: Number(args.contents), replies: Number(args.replies) });
    const counts = (
      await pool.query(`SELECT (SELECT count(*) FROM content)::int AS content, (SELECT count(*) FROM reply)::int AS reply,
                               (SELECT count(*) FROM vote)::int AS vote, (SELECT count(*) FROM "user")::int AS users`)
    ).rows[0];
    const threads = (
      await pool.query(
        `SELECT id, slug, title, reply_count FROM content
         WHERE kind = 'question' AND status = 'published' AND visibility = 'public' AND deleted_at IS NULL
         ORDER BY md5(id::text) LIMIT 200`,
      )
    ).rows;
    if (threads.length === 0) throw new Error('No published public questions to read');
    const member = (
      await pool.query(
        `SELECT u.id, u.organization_id, u.role FROM "user" u JOIN organization o ON o.id = u.organization_id
         WHERE u.role = 'member' AND u.status = 'active' AND o.type = 'municipality'
         ORDER BY (SELECT count(*) FROM content c WHERE c.author_id = u.id) DESC, u.id LIMIT 1`,
      )
    ).rows[0];

    // ---- Probes: each route once, to report what it answers ----
    const detailPaths = threads.map((t) => `/api/content/${t.id}`);
    const pagePaths = threads.map((t) => `/spoergsmaal/${t.id}-${t.slug}`);
    const listProbe = await probe(`${origin}/api/content?kind=question`);
    const detailProbe = await probe(`${origin}${detailPaths[0]}`);
    const pageProbe = await probe(`${origin}${pagePaths[0]}`);
    const firstTitle = String(threads[0]?.title ?? '');
    const escapedTitle = firstTitle.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const pageMissing = pageProbe.status === 404;
    const pageShowsThread = pageProbe.status === 200 && (pageProbe.body.includes(escapedTitle) || pageProbe.body.includes(firstTitle));
    say(`probe list: ${listProbe.status}, ${Buffer.byteLength(listProbe.body)} bytes`);
    say(`probe detail: ${detailProbe.status}, ${Buffer.byteLength(detailProbe.body)} bytes (${threads[0]?.reply_count} replies)`);
    say(`probe page: ${pageProbe.status}, ${Buffer.byteLength(pageProbe.body)} bytes${pageShowsThread ? ', shows the title' : ''}`);
    const cookiesSet = [listProbe, detailProbe, pageProbe].filter((p) => p.setCookie).length;

    // A logged-in member's reads bypass the anonymous cache: they measure the uncached path (session lookup included).
    /** @type {Record<string, string>} */
    let memberHeaders = {};
    if (routes.has('member')) {
      const email = (await pool.query(`SELECT email FROM "user" WHERE status = 'active' AND role = 'member' ORDER BY email LIMIT 1`))
        .rows[0]?.email;
      memberHeaders = { cookie: await logIn(origin, email, BENCH_PASSWORD) };
      say(`logged in as ${email} for the member routes`);
    }

    const sessionsBefore = Number((await pool.query(`SELECT count(*) AS n FROM session`)).rows[0].n);

    // ---- Load ----
    const { child: bare, match } = await startNode(['test/bench/bare-server.mjs'], {
      env: { ...process.env, BODY_BYTES: String(args['ceiling-bytes']) },
      ready: /PORT (\d+)/,
      log: path.join(logs, 'bare-server.log'),
    });
    cleanups.push(() => stopChild(bare));
    const bareOrigin = `http://127.0.0.1:${match[1]}`;
    const appPids = [app.pid ?? 0, ...childrenOf(app.pid ?? 0)];
    const busyApp = { app: () => appPids, postgres: postgresPids };
    const busyBare = { app: () => [bare.pid ?? 0], postgres: () => [] };

    /** @type {RouteResult[]} */
    const results = [];
    if (routes.has('ceiling')) results.push(await measure('ceiling', 'bare Node http, fixed JSON (first)', bareOrigin, ['/'], busyBare));
    if (routes.has('list'))
      results.push(await measure('list', 'GET /api/content?kind=question', origin, ['/api/content?kind=question'], busyApp));
    if (routes.has('detail')) results.push(await measure('detail', 'GET /api/content/:id (200 ids)', origin, detailPaths, busyApp));
    if (routes.has('page')) {
      if (pageMissing) {
        results.push({
          name: 'page',
          label: 'GET /spoergsmaal/:id-:slug (HTML)',
          rps: null,
          p50: null,
          p99: null,
          non2xx: 0,
          errors: 0,
          bytes: null,
          cpu: null,
          note: 'route missing: HTTP 404 (not measured)',
        });
      } else {
        const page = await measure('page', 'GET /spoergsmaal/:id-:slug (HTML)', origin, pagePaths, busyApp);
        if (!pageShowsThread) page.note = `probe answered ${pageProbe.status} without the thread's title`;
        results.push(page);
      }
    }
    if (routes.has('member')) {
      results.push(
        await measure('detail-member', 'GET /api/content/:id, logged in (uncached)', origin, detailPaths, busyApp, memberHeaders),
      );
      if (!pageMissing) {
        results.push(
          await measure('page-member', 'GET /spoergsmaal/:id-:slug, logged in (uncached)', origin, pagePaths, busyApp, memberHeaders),
        );
      }
    }
    for (const extra of args['extra-path'] ?? []) results.push(await measure('extra', `GET ${extra}`, origin, [extra], busyApp));
    if (routes.has('ceiling')) results.push(await measure('ceiling', 'bare Node http, fixed JSON (last)', bareOrigin, ['/'], busyBare));

    const sessionsAfter = Number((await pool.query(`SELECT count(*) AS n FROM session`)).rows[0].n);

    // ---- Report ----
    const ceilings = results.filter((r) => r.name === 'ceiling' && r.rps !== null).map((r) => /** @type {number} */ (r.rps));
    const ceiling = ceilings.length > 0 ? ceilings.reduce((a, b) => a + b, 0) / ceilings.length : null;
    /** @param {RouteResult} r */
    const ratio = (r) => (ceiling && r.rps !== null ? r.rps / ceiling : null);
    /** @param {RouteResult} r */
    const aim = (r) => {
      if (r.name === 'detail' && r.rps !== null) {
        const okRatio = (ratio(r) ?? 0) >= AIM_DETAIL_RATIO;
        const okP99 = (r.p99 ?? Infinity) < AIM_DETAIL_P99_MS;
        return `${okRatio ? '✓' : '✗'} ≥ ${AIM_DETAIL_RATIO * 100} % of ceiling, ${okP99 ? '✓' : '✗'} p99 < ${AIM_DETAIL_P99_MS} ms`;
      }
      if (r.name === 'page')
        return r.rps === null ? '✗ ≥ 700 req/s (no page)' : `${r.rps >= AIM_PAGE_RPS ? '✓' : '✗'} ≥ ${AIM_PAGE_RPS} req/s`;
      return '';
    };

    const out = [];
    out.push('');
    out.push(
      `Infraforum content benchmark — ${counts.content} content items, ${counts.reply} replies, ${counts.vote} votes, ${counts.users} users; ` +
        `${connections} connections, ${duration} s per route after ${warmup} s warm-up; ${new Date().toISOString()}`,
    );
    out.push('');
    out.push(
      table(
        [...LOAD_HEADERS, '× ceiling', 'CPU app/pg/ac', 'CPU ms/req app+pg', 'aim'],
        results.map((r) => [
          ...loadCells(r),
          r.name === 'ceiling' ? '' : percent(ratio(r)),
          r.cpu ? `${Math.round(r.cpu.app * 100)}/${Math.round(r.cpu.postgres * 100)}/${Math.round(r.cpu.bench * 100)} %` : '',
          r.cpu && r.rps ? `${num((r.cpu.app / r.rps) * 1000, 2)}+${num((r.cpu.postgres / r.rps) * 1000, 2)}` : '',
          r.note ? `${aim(r)} — ${r.note}` : aim(r),
        ]),
      ),
    );
    out.push(
      `(ceiling = mean of the two bare-server runs: ${num(ceiling)} req/s; CPU = share of one core used by the app process (with its children) / PostgreSQL / autocannon, and CPU time per request, which other load on the machine disturbs less than req/s)`,
    );
    out.push('');
    const sessionsOk = sessionsAfter === sessionsBefore && cookiesSet === 0;
    out.push(
      `${sessionsOk ? '✓' : '✗'} anonymous requests created no session: ${sessionsBefore} rows in "session" before, ${sessionsAfter} after; ` +
        `${cookiesSet} of 3 probes answered with Set-Cookie`,
    );

    /** @type {{ viewer: string, name: string, plans: { kind: string, lines: string[], ms: number, planningMs: number, seqScans: string[] }[] }[]} */
    let explained = [];
    if (!args['no-explain']) {
      const lists = await explainLists(pool, member);
      const detail = await explainDetail(pool, String(threads[0]?.id));
      explained = [...lists, ...detail];
      const listSeqScans = lists.flatMap((e) => e.plans.flatMap((p) => p.seqScans));
      out.push(
        `${listSeqScans.length === 0 ? '✓' : '✗'} list queries use indexes: ${listSeqScans.length} sequential scans on content or reply in ${lists.length} cases (page and count query each)`,
      );
      out.push('');
      out.push(
        table(
          ['query (EXPLAIN ANALYZE)', 'viewer', 'rows ms', 'count ms', 'planning ms', 'seq scan on content/reply'],
          explained.map((e) => [
            e.name,
            e.viewer,
            num(sumMs(e.plans, 'page'), 2),
            num(sumMs(e.plans, 'count'), 2),
            num(
              e.plans.reduce((sum, p) => sum + p.planningMs, 0),
              2,
            ),
            e.plans.flatMap((p) => p.seqScans).length > 0 ? `✗ ${e.plans.flatMap((p) => p.seqScans).join('; ')}` : '✓ none',
          ]),
        ),
      );
    }
    console.log(out.join('\n'));
    if (explained.length > 0) {
      console.log('\nPlans (EXPLAIN (ANALYZE, BUFFERS) of the statements the repository ran):');
      for (const e of explained) {
        for (const plan of e.plans) {
          console.log(`\n=== ${e.name} — ${e.viewer} — ${plan.kind} query`);
          console.log(plan.lines.join('\n'));
        }
      }
    }
    if (args.json) {
      writeFileSync(
        args.json,
        JSON.stringify(
          { date: new Date().toISOString(), counts, connections, duration, ceiling, results, sessionsBefore, sessionsAfter, explained },
          null,
          2,
        ) + '\n',
      );
    }
    if (cpuProfDir) say(`CPU profile of the app will be in ${cpuProfDir} once it has stopped`);
    if (keep) say(`data kept: re-run without seeding with --reuse-data ${dataDir}`);
  } finally {
    await cleanups.run();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
