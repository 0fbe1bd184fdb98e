import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { DataSource } from 'typeorm';

/** The pg pool under TypeORM's data source. */
export function poolOf(dataSource: DataSource): pg.Pool {
  return (dataSource.driver as unknown as { master: pg.Pool }).master;
}

const names = new Map<string, string>();

/**
 * Runs a read as a named prepared statement: each pooled connection parses and plans the SQL text once and
 * reuses it. On the hot reads PostgreSQL spent more time planning than executing (measured in test/bench).
 * The name is a hash of the text, so one text always has one name.
 */
export async function preparedQuery<T>(pool: pg.Pool, text: string, values: unknown[]): Promise<T[]> {
  let name = names.get(text);
  if (!name) {
    name = `q_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    if (names.size > 5000) names.clear();
    names.set(text, name);
  }
  const result = await pool.query({ name, text, values });
  return result.rows as T[];
}
