import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface OutboxRow {
  id: string;
  entity: 'content' | 'synonyms';
  entity_id: string | null;
  attempts: number;
}

export interface OutboxStats {
  backlog: number;
  oldestAgeSeconds: number | null;
  failing: number;
  lastError: string | null;
}

/** Advisory-lock class of "one worker per document at a time" (any constant unique to this use). */
const DOCUMENT_LOCK_CLASS = 0x5ea4c4;
/** The synonyms are one "document" for locking. */
const SYNONYMS_LOCK_KEY = -1;

@Injectable()
export class SearchOutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims due rows (other workers skip them) and then, per document, an advisory lock: rows of a
   * document another worker is pushing stay for a later round, so two workers never race to write
   * one document and leave the older version in the index. Call inside a transaction.
   */
  async claim(manager: EntityManager, limit: number): Promise<OutboxRow[]> {
    const rows = await manager.query<OutboxRow[]>(
      `SELECT id, entity, entity_id, attempts FROM search_outbox
       WHERE available_at <= now() ORDER BY available_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    if (rows.length === 0) return rows;
    const keys = [...new Set(rows.map((row) => lockKey(row)))];
    const locked = await manager.query<Array<{ key: number }>>(
      `SELECT key FROM unnest($1::int[]) AS key WHERE pg_try_advisory_xact_lock(${DOCUMENT_LOCK_CLASS}, key)`,
      [keys],
    );
    const mine = new Set(locked.map((row) => row.key));
    return rows.filter((row) => mine.has(lockKey(row)));
  }

  async delete(manager: EntityManager, ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await manager.query(`DELETE FROM search_outbox WHERE id = ANY($1::bigint[])`, [ids]);
  }

  /** Exponential backoff from 1 s to 5 min, with jitter so instances do not retry in step. */
  async fail(manager: EntityManager, ids: readonly string[], error: string): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `UPDATE search_outbox SET attempts = attempts + 1, last_error = left($2, 2000),
         available_at = now() + least(interval '5 minutes', interval '1 second' * power(2, least(attempts, 9)) * (0.75 + random() / 2))
       WHERE id = ANY($1::bigint[])`,
      [ids, error],
    );
  }

  /** After an outage: what waited for Meilisearch to return is due now. */
  async retryNow(): Promise<number> {
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `WITH due AS (UPDATE search_outbox SET available_at = now() WHERE available_at > now() RETURNING id) SELECT id FROM due`,
    );
    return rows.length;
  }

  /** Adds rows for these documents (a check that found them missing or stale); the worker does the rest. */
  async enqueueContent(ids: readonly string[]): Promise<void> {
    for (let start = 0; start < ids.length; start += 10_000) {
      await this.dataSource.query(`SELECT search_outbox_enqueue('content', $1::bigint[])`, [ids.slice(start, start + 10_000)]);
    }
  }

  async stats(): Promise<OutboxStats> {
    const [row] = await this.dataSource.query<Array<OutboxStats>>(
      `SELECT count(*)::int AS backlog,
         extract(epoch FROM now() - min(created_at))::float8 AS "oldestAgeSeconds",
         (count(*) FILTER (WHERE attempts > 0))::int AS failing,
         (SELECT last_error FROM search_outbox WHERE last_error IS NOT NULL ORDER BY id DESC LIMIT 1) AS "lastError"
       FROM search_outbox`,
    );
    return row ?? { backlog: 0, oldestAgeSeconds: null, failing: 0, lastError: null };
  }
}

function lockKey(row: OutboxRow): number {
  if (row.entity === 'synonyms' || row.entity_id === null) return SYNONYMS_LOCK_KEY;
  // Document ids are bigint; the two-key advisory lock takes int4. Collisions only serialise, never skip.
  return Number(BigInt(row.entity_id) % 2147483647n);
}
