import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../server/dist/database/embedded-postgres.js';

const asRoot = process.getuid?.() === 0;

describe('the embedded PostgreSQL in a directory closed to others (a checkout in `mktemp -d`)', () => {
  // mkdtemp makes a 0700 directory, as `mktemp -d` does.
  const closed = mkdtempSync(path.join(os.tmpdir(), 'infraforum-closed-'));
  const dataDir = path.join(closed, 'checkout', 'data', 'postgres');
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const notices: string[] = [];
  let server: EmbeddedPostgresHandle | undefined;

  afterAll(async () => {
    await server?.stop();
    rmSync(closed, { recursive: true, force: true });
  });

  it('starts and answers queries', async () => {
    server = await startEmbeddedPostgres({ dir: dataDir, notice: (line) => notices.push(line) });
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const { rows } = await client.query<{ answer: number }>('SELECT 41 + 1 AS answer');
    await client.end();
    expect(rows[0]?.answer).toBe(42);
  });

  it('as root, opened only passage (o+x, not reading) for the postgres user, and said so', () => {
    const mode = statSync(closed).mode & 0o777;
    expect(mode).toBe(asRoot ? 0o701 : 0o700);
    expect(notices.filter((line) => line.includes(closed + ' '))).toHaveLength(asRoot ? 1 : 0);
  });
});
