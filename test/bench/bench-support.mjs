// @ts-check
/**
 * What the benchmarks (content-bench.mjs, search-bench.mjs, search-relevance.mjs) share besides their processes
 * (bench-processes.mjs): the command line and --help, progress messages, seeding once per data directory, logging in,
 * autocannon's figures and the plain-text tables they print.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { seedContent } from './seed-content.mjs';

// ---- Command line ----

/**
 * Prints a script's first doc comment (its usage) and exits.
 * @param {string} scriptUrl the script's `import.meta.url`
 * @returns {never}
 */
export function exitWithHelp(scriptUrl) {
  const source = readFileSync(fileURLToPath(scriptUrl), 'utf8');
  console.log(
    source
      .slice(source.indexOf('/**') + 3, source.indexOf('*/'))
      .replace(/^ \* ?/gm, '')
      .trim(),
  );
  process.exit(0);
}

/** @typedef {NonNullable<import('node:util').ParseArgsConfig['options']>} Options */

/**
 * The options both load benchmarks (content-bench.mjs, search-bench.mjs) take.
 * @satisfies {Options}
 */
const LOAD_OPTIONS = {
  duration: { type: 'string', default: '10' },
  warmup: { type: 'string', default: '2' },
  connections: { type: 'string', default: '32' },
  contents: { type: 'string', default: '50000' },
  replies: { type: 'string', default: '250000' },
  'reuse-data': { type: 'string' },
  'keep-data': { type: 'boolean', default: false },
  'cpu-prof': { type: 'string' },
  'app-node-arg': { type: 'string', multiple: true, default: [] },
  json: { type: 'string' },
  help: { type: 'boolean', default: false },
};

/**
 * A load benchmark's command line: the common options and its own. On --help, prints its usage and exits.
 * @template {Options} Own
 * @param {string} scriptUrl the script's `import.meta.url` @param {Own} options
 */
export function parseLoadArgs(scriptUrl, options) {
  const { values } = parseArgs({ options: { ...LOAD_OPTIONS, ...options } });
  if (/** @type {{ help?: boolean }} */ (values).help) exitWithHelp(scriptUrl);
  return values;
}

/** Progress goes to stderr, so stdout holds only the report. @param {string} message */
export const say = (message) => console.error(`· ${message}`);

// ---- Measuring ----

/**
 * What the benchmarks report of an autocannon run.
 * @param {import('autocannon').Result} result
 */
export function loadFigures(result) {
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    bytes: result.requests.total > 0 ? result.throughput.total / result.requests.total : null,
  };
}

// ---- The app ----

/**
 * Seeds the benchmark dataset (seed-content.mjs) unless `dataDir` already holds it (its `seeded.json` says so).
 * @param {string} dataDir @param {{ databaseUrl: string, contents: number, replies: number }} options
 * @param {(seed: () => Promise<void>) => Promise<void>} [around] runs the seeding, e.g. between starting and stopping
 *   an app that migrates the database first
 */
export async function seedOnce(dataDir, options, around = (seed) => seed()) {
  const marker = path.join(dataDir, 'seeded.json');
  if (existsSync(marker)) {
    say(`reusing seeded data: ${readFileSync(marker, 'utf8').trim()}`);
    return;
  }
  await around(async () => {
    say('seeding…');
    const seeded = await seedContent(options);
    writeFileSync(marker, JSON.stringify(seeded) + '\n');
    say(
      `seeded ${seeded.contents} content items, ${seeded.replies} replies, ${seeded.votes} votes, ${seeded.users} users in ${(seeded.elapsedMs / 1000).toFixed(1)} s`,
    );
  });
}

/** @param {string} origin @param {string} email @param {string} password @returns {Promise<string>} the session cookie */
export async function logIn(origin, email, password) {
  const response = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookie = response.headers
    .getSetCookie()
    .find((c) => c.startsWith('infraforum.sid='))
    ?.split(';')[0];
  if (response.status !== 200 || !cookie) throw new Error(`Logging in as ${email} answered ${response.status}`);
  return cookie;
}

// ---- Output ----

/** @param {number | null | undefined} value @param {number} digits */
export const num = (value, digits = 0) => (value === null || value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits));

/** @param {number | null} value */
export const percent = (value) => (value === null ? '–' : `${(value * 100).toFixed(1)} %`);

/** A plain-text table: the first column left-aligned, the others right-aligned. @param {string[]} headers @param {string[][]} rows */
export function table(headers, rows) {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (/** @type {string[]} */ cells) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The first columns of a load benchmark's table, filled by loadCells. */
export const LOAD_HEADERS = ['route', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'bytes/resp'];

/**
 * A measured route's cells under LOAD_HEADERS.
 * @param {{ label: string } & { [K in 'rps' | 'p50' | 'p99' | 'bytes']: number | null } & { non2xx: number, errors: number }} route
 */
export const loadCells = (route) => [
  route.label,
  num(route.rps),
  num(route.p50),
  num(route.p99),
  String(route.non2xx),
  String(route.errors),
  num(route.bytes),
];
