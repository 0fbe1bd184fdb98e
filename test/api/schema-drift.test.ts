import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The migrations own the schema; the entities must describe it exactly, or TypeORM's own view of the
// database (queries, relations, a future generated migration) silently differs from what runs.

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ withoutSearch: true });
});
afterAll(async () => {
  await t.close();
});

async function schemaDiff(): Promise<string[]> {
  const diff = await t.app.get(DataSource).driver.createSchemaBuilder().log();
  return diff.upQueries.map((query) => query.query);
}

describe('the entities', () => {
  it('describe the migrated schema exactly: TypeORM’s schema diff is empty', async () => {
    const queries = await schemaDiff();
    expect(queries, `Entities differ from the migrated schema:\n${queries.join(';\n')}`).toEqual([]);
  });
});

describe('the newest migration', () => {
  it('can be undone and run again, leaving the same schema', async () => {
    const dataSource = t.app.get(DataSource);
    await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await schemaDiff()).not.toEqual([]);
    expect(await dataSource.runMigrations({ transaction: 'each' })).toHaveLength(1);
    expect(await schemaDiff()).toEqual([]);
  });
});
