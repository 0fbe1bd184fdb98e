import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import { pino } from 'pino';
import { inject } from 'vitest';
import type { UserRole, UserStatus } from '@infraforum/shared';
import { createApp } from '../../server/dist/app.js';
import { hashPassword } from '../../server/dist/auth/password-hasher.js';
import { freePort } from '../../server/dist/common/free-port.js';
import { loadConfig } from '../../server/dist/config/config.js';
import { UserRepository } from '../../server/dist/users/user.repository.js';
import { UsersService } from '../../server/dist/users/users.service.js';
import { loadWebHandler, WEB_BODY_SIZE_LIMIT } from '../../server/dist/runtime/web-handler.js';
import { SearchEngine } from '../../server/dist/search/search-engine.js';
import { TEMPLATE_DATABASE } from './constants.js';

export const TEST_PASSWORD = 'Korrekt-Hest-Batteri-Klips';

export interface TestUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  organizationCode: string;
}

export interface TestApp {
  url: string;
  app: NestExpressApplication;
  /** Direct access for assertions about what was (not) stored. */
  db: pg.Pool;
  databaseUrl: string;
  createUser(input: {
    email: string;
    organizationCode: string;
    role?: UserRole;
    name?: string;
    status?: UserStatus;
    emailDomainMatches?: boolean;
    showContactDetails?: boolean;
    title?: string;
  }): Promise<TestUser>;
  /** Resolves once Meilisearch is ready and the search outbox is empty (every committed write is searchable). */
  searchSettled(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** A fresh database per test file, cloned from the template the global setup migrated. */
async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = inject('postgresAdminUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
        break;
      } catch (error) {
        // Two files cloning at the same moment can briefly see each other on the template.
        if (attempt >= 20) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  return {
    url: adminUrl.replace(/\/postgres$/, `/${name}`),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface StartOptions {
  /** Mount the SvelteKit build (browser tests). */
  web?: boolean;
  env?: Record<string, string>;
  /** No Meilisearch, as on a platform without the binary. */
  withoutSearch?: boolean;
  /** A Meilisearch of the test's own (one it stops and starts), instead of the run's shared one. */
  meili?: { url: string; masterKey: string };
  /** A second app on another app's database (it is not dropped on close). */
  databaseUrl?: string;
}

export async function startTestApp(options: StartOptions = {}): Promise<TestApp> {
  const database = options.databaseUrl ? { url: options.databaseUrl, drop: async () => undefined } : await createDatabase();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'infraforum-app-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    PORT: String(port),
    PUBLIC_URL: url,
    ACCOUNT_RATE_LIMIT: '10000',
    // One Meilisearch serves the whole run: each app gets its own index.
    MEILI_INDEX: `content_${randomBytes(6).toString('hex')}`,
    ...options.env,
  });
  const meili = options.withoutSearch ? null : (options.meili ?? inject('meili'));
  const runtime = {
    ...config,
    databaseUrl: database.url,
    meili: meili ?? undefined,
    publicUrl: config.publicUrl ?? url,
    sessionSecret: randomBytes(32).toString('hex'),
  };

  let webHandler;
  if (options.web) {
    process.env.ORIGIN = url;
    process.env.INFRAFORUM_API_URL = url;
    process.env.BODY_SIZE_LIMIT = WEB_BODY_SIZE_LIMIT;
    webHandler = await loadWebHandler();
    if (!webHandler) throw new Error('web/build is missing: run `npm run build` first');
  }
  const app = await createApp(runtime, {
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    ...(webHandler ? { webHandler } : {}),
  });
  await app.listen(port, '127.0.0.1');
  const db = new pg.Pool({ connectionString: database.url, max: 3 });
  db.on('error', () => undefined); // tests that cut the database off make idle clients fail
  const passwordHash = await hashPassword(TEST_PASSWORD);

  return {
    url,
    app,
    db,
    databaseUrl: database.url,
    async createUser(input) {
      const users = app.get(UsersService);
      const role = input.role ?? 'member';
      const name = input.name ?? input.email.split('@')[0] ?? 'Test';
      const user = await users.createActiveUser({
        email: input.email,
        name,
        passwordHash,
        organizationCode: input.organizationCode,
        role,
        title: input.title ?? null,
        showContactDetails: input.showContactDetails ?? false,
      });
      if (input.status || input.emailDomainMatches === false) {
        await app.get(UserRepository).update(user.id, {
          status: input.status ?? user.status,
          emailDomainMatches: input.emailDomainMatches ?? true,
          ...(input.emailDomainMatches === false ? { approvedAt: null } : {}),
        });
      }
      return { id: user.id, email: user.email, name, role, organizationCode: input.organizationCode };
    },
    async searchSettled(timeoutMs = 15_000) {
      const engine = app.get(SearchEngine);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const { rows } = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM search_outbox');
        if (engine.isReady && rows[0]?.count === 0) return;
        if (Date.now() > deadline)
          throw new Error(`Search not settled after ${timeoutMs} ms (ready: ${engine.isReady}, outbox: ${rows[0]?.count})`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async close() {
      await db.end();
      await app.close();
      if (meili) {
        // The run's Meilisearch is shared: leave no index behind.
        await fetch(`${meili.url}/indexes/${config.meiliIndex}`, {
          method: 'DELETE',
          headers: { Authorization: `Bearer ${meili.masterKey}` },
        }).catch(() => undefined);
      }
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
