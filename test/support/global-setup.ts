import path from 'node:path';
import { rmSync } from 'node:fs';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, temporaryPostgresDir } from '../../server/dist/database/embedded-postgres.js';
import { startEmbeddedMeilisearch } from '../../server/dist/search/embedded-meilisearch.js';
import { TEMPLATE_DATABASE } from './constants.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    meili: { url: string; masterKey: string } | null;
  }
}

/** Migrates the template database once per run; each test file clones it (CREATE DATABASE … TEMPLATE). */
async function migrateTemplate(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`);
    await client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await client.end();
  }
  const { DataSource } = await import('typeorm');
  const { dataSourceOptions } = await import('../../server/dist/database/data-source-options.js');
  const url = adminUrl.replace(/\/postgres$/, `/${TEMPLATE_DATABASE}`);
  const dataSource = new DataSource({ ...dataSourceOptions(url), migrationsRun: false });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
}

/** One PostgreSQL and one Meilisearch for the whole run, in temporary directories on free ports. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = temporaryPostgresDir('infraforum-test');
  const postgres = await startEmbeddedPostgres({ dir: path.join(dir, 'postgres') });
  await migrateTemplate(postgres.adminUrl);
  const meili = await startEmbeddedMeilisearch({ dir: path.join(dir, 'meili') });
  project.provide('postgresAdminUrl', postgres.adminUrl);
  project.provide('meili', meili ? { url: meili.url, masterKey: meili.masterKey } : null);
  return async () => {
    await meili?.stop();
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
