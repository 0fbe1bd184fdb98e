// @ts-check
/**
 * The processes the benchmarks (content-bench.mjs, search-bench.mjs, search-relevance.mjs) start, run and stop: the
 * data directory they keep their data and logs in, stopping them at the end (or on Ctrl+C), and how much CPU each group
 * of them uses during a measured run (from /proc).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { temporaryPostgresDir } from '../../server/dist/database/embedded-postgres.js';

/** The repository's root: the processes the benchmarks start run there. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// ---- The run's data directory ----

/**
 * A run's data directory (PostgreSQL, Meilisearch, `logs/`): --reuse-data DIR when given (then kept, for the next
 * run), else a new temporary one whose name starts with `name`, removed at the end unless --keep-data; and what stops
 * the processes the run starts (see cleanupOnExit).
 * @param {string} name @param {{ 'reuse-data'?: string, 'keep-data'?: boolean }} args
 * @param {string} interrupted what Ctrl+C says it stops
 */
export function prepareRun(name, args, interrupted) {
  const reuse = args['reuse-data'];
  const dataDir = reuse ? path.resolve(reuse) : temporaryPostgresDir(name);
  mkdirSync(dataDir, { recursive: true, mode: 0o711 });
  const kept = Boolean(reuse) || Boolean(args['keep-data']);
  const logs = path.join(dataDir, 'logs');
  mkdirSync(logs, { recursive: true });
  return { dataDir, logs, keep: kept, cleanups: cleanupOnExit({ dataDir, keep: kept, interrupted }) };
}

/**
 * Stops what a run started, last first, and removes its data directory unless it is kept; also on Ctrl+C.
 * @param {{ dataDir: string, keep: boolean, interrupted: string }} options `interrupted`: what Ctrl+C says it stops
 */
function cleanupOnExit({ dataDir, keep, interrupted }) {
  /** @type {Array<() => Promise<unknown>>} */
  const stops = [];
  let cleaned = false;
  const run = async () => {
    if (cleaned) return;
    cleaned = true;
    for (const stop of stops.reverse()) await stop().catch((error) => console.error('cleanup failed:', error));
    if (!keep) rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    console.error(`\nInterrupted: ${interrupted}`);
    void run().then(() => process.exit(130));
  });
  return {
    /** @param {() => Promise<unknown>} stop */
    push: (stop) => void stops.push(stop),
    run,
  };
}

// ---- Processes ----

/**
 * CPU seconds used so far by each of a set of processes (from /proc), to show who was busy during a run.
 * @param {number[]} pids
 * @returns {Map<number, number>}
 */
function cpuSeconds(pids) {
  const used = new Map();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      used.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // The process ended.
    }
  }
  return used;
}

/**
 * CPU seconds used between two readings: processes that started in between count from zero (their whole life);
 * those that ended in between are lost, which only understates.
 * @param {Map<number, number>} before @param {Map<number, number>} after
 */
const cpuBetween = (before, after) => [...after].reduce((sum, [pid, seconds]) => sum + seconds - (before.get(pid) ?? 0), 0);

/** Pids whose parent is `parent` (PostgreSQL's backends under the postmaster, Meilisearch under the app). @param {number} parent */
export function childrenOf(parent) {
  /** @type {number[]} */
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent) found.push(Number(entry));
    } catch {
      // gone
    }
  }
  return found;
}

/**
 * Counts the CPU time each group of processes uses from now on, and this process's own (autocannon's, as `bench`).
 * A group's pids are read at the start and again at the end, so processes that came or went count as cpuBetween says.
 * @template {string} Group
 * @param {Record<Group, () => number[]>} groups
 */
export function cpuMeter(groups) {
  const names = /** @type {Group[]} */ (Object.keys(groups));
  const before = new Map(names.map((name) => [name, cpuSeconds(groups[name]())]));
  const bench = process.cpuUsage();
  return {
    /**
     * Each group's share of one core since the start, over `seconds` (the measured run's length).
     * @param {number} seconds
     * @returns {Record<Group | 'bench', number>}
     */
    stop(seconds) {
      const after = new Map(names.map((name) => [name, cpuSeconds(groups[name]())]));
      const benchUsed = process.cpuUsage(bench);
      const shares = Object.fromEntries(
        names.map((name) => [name, cpuBetween(before.get(name) ?? new Map(), after.get(name) ?? new Map()) / seconds]),
      );
      return /** @type {Record<Group | 'bench', number>} */ ({ ...shares, bench: (benchUsed.user + benchUsed.system) / 1e6 / seconds });
    },
  };
}

/**
 * The processes of an embedded PostgreSQL: its postmaster and the backends under it, read anew on each call.
 * @param {string} postgresDir the `dir` it was started with
 * @returns {() => number[]}
 */
export function postgresProcesses(postgresDir) {
  const postmasterPid = Number(readFileSync(path.join(postgresDir, 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[0]);
  return () => [postmasterPid, ...childrenOf(postmasterPid)];
}

/**
 * Spawns a Node process in the repository's root and resolves when its stdout matches `ready`; stdout and stderr go
 * to the `log` file.
 * @param {string[]} nodeArgs
 * @param {{ env?: NodeJS.ProcessEnv, ready: RegExp, log: string, timeoutMs?: number }} options
 * @returns {Promise<{ child: import('node:child_process').ChildProcessByStdio<null, import('node:stream').Readable, import('node:stream').Readable>, match: RegExpExecArray }>}
 */
export function startNode(nodeArgs, options) {
  const child = spawn(process.execPath, nodeArgs, { cwd: ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(options.log);
  child.stderr.pipe(log);
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`${nodeArgs.join(' ')} did not start in time; see ${options.log}`)),
      options.timeoutMs ?? 120_000,
    );
    child.stdout.on('data', (/** @type {Buffer} */ chunk) => {
      log.write(chunk);
      output += chunk.toString();
      const match = options.ready.exec(output);
      if (match) {
        clearTimeout(timer);
        output = '';
        resolve({ child, match });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${nodeArgs.join(' ')} exited with ${code} before it was ready; see ${options.log}`));
    });
  });
}

/**
 * Runs a Node process in the repository's root to its end; resolves with its output, rejects on a non-zero exit.
 * @param {string[]} nodeArgs @param {{ env: NodeJS.ProcessEnv, log: string }} options
 * @returns {Promise<string>}
 */
export function runNode(nodeArgs, options) {
  const child = spawn(process.execPath, nodeArgs, { cwd: ROOT, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(options.log);
  let output = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (/** @type {Buffer} */ chunk) => {
      log.write(chunk);
      output += chunk.toString();
    });
  }
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      log.end();
      if (code === 0) resolve(output);
      else reject(new Error(`${nodeArgs.join(' ')} exited with ${code}; see ${options.log}\n${output.slice(-2000)}`));
    });
  });
}

/**
 * Asks a child to stop and waits for it (SIGKILL after `graceMs`). main.js shuts down gracefully on SIGINT.
 * @param {import('node:child_process').ChildProcess} child @param {NodeJS.Signals} signal
 */
export function stopChild(child, signal = 'SIGTERM', graceMs = 25_000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
    child.kill(signal);
  });
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
