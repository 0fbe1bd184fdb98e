import { Inject, Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.js';
import type { RuntimeConfig } from '../config/runtime-config.js';
import { toSearchDocument } from './search-document.js';
import { SearchDocumentRepository } from './search-document.repository.js';
import { describeError, SearchEngine } from './search-engine.js';
import { SearchOutboxRepository } from './search-outbox.repository.js';

const BATCH_ROWS = 1_000;
/** Polling catches what a lost notification or a backed-off retry leaves; NOTIFY covers the rest. */
const POLL_MS = 1_000;
/** While Meilisearch is away, how often to ask whether it is back. */
const PROBE_MS = 1_000;

/**
 * Copies changes from the outbox to Meilisearch. Any number of app instances may run it: rows are
 * claimed with FOR UPDATE SKIP LOCKED and each document is pushed by one worker at a time. A row is
 * deleted only after Meilisearch reports its task succeeded; on failure it is retried with backoff
 * and its error is kept for /api/health.
 */
@Injectable()
export class SearchOutboxWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('SearchOutbox');
  private listener: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private lastProbe = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: SearchEngine,
    private readonly outbox: SearchOutboxRepository,
    private readonly documents: SearchDocumentRepository,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.engine.configured) return;
    // Settings are applied once Meilisearch answers; the app serves (from PostgreSQL) meanwhile.
    void this.engine.probe().then(() => this.wake());
    // The probe runs in every instance (searches switch back on their own); draining only where the worker is on.
    this.timer = setInterval(() => this.tick(), POLL_MS);
    this.timer.unref();
    if (this.config.searchWorker) void this.listen();
  }

  /** Before, not on, shutdown: TypeORM closes the pool in its own shutdown hook, and a batch must finish first. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.draining?.catch(() => undefined);
    await this.listener?.end().catch(() => undefined);
  }

  /** A dedicated connection for LISTEN (a pooled one would be handed to queries). Reconnects on loss. */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.config.databaseUrl });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.logger.warn(`Outbox listener lost its connection: ${error.message}`);
      this.listener = undefined;
      client.end().catch(() => undefined);
      setTimeout(() => void this.listen(), 2_000).unref();
    });
    try {
      await client.connect();
      await client.query('LISTEN search_outbox');
      this.listener = client;
      this.wake();
    } catch (error) {
      this.logger.warn(`Outbox listener could not connect: ${describeError(error)}`);
      await client.end().catch(() => undefined);
      setTimeout(() => void this.listen(), 2_000).unref();
    }
  }

  private tick(): void {
    if (this.engine.isReady) {
      this.wake();
      return;
    }
    if (Date.now() - this.lastProbe < PROBE_MS) return;
    this.lastProbe = Date.now();
    void this.engine
      .probe()
      .then(async (ready) => {
        if (!ready || !this.config.searchWorker) return;
        const due = await this.outbox.retryNow();
        if (due > 0) this.logger.log(`Meilisearch is back: ${due} waiting changes are due now`);
        this.wake();
      })
      .catch((error: unknown) => this.logger.warn(`Search probe failed: ${describeError(error)}`));
  }

  /** Drains now; a wake-up during a drain makes it go round once more. */
  wake(): void {
    if (this.stopped || !this.config.searchWorker || !this.engine.isReady) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** Processes batches until none is due (or Meilisearch fails). Also used by tests and the CLI. */
  async drain(): Promise<void> {
    while (!this.stopped && this.engine.isReady) {
      const processed = await this.processBatch().catch((error: unknown) => {
        this.logger.error(`Outbox batch failed: ${describeError(error)}`);
        return 0;
      });
      if (processed === 0) return;
    }
  }

  /** One batch in one transaction: claim, build, push, wait for success, delete. Returns rows handled. */
  async processBatch(limit = BATCH_ROWS): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.outbox.claim(manager, limit);
      if (rows.length === 0) return 0;
      const contentIds = [
        ...new Set(rows.filter((row) => row.entity === 'content' && row.entity_id).map((row) => row.entity_id as string)),
      ];
      const synonymsChanged = rows.some((row) => row.entity === 'synonyms');
      try {
        const sourceRows = await this.documents.rowsFor(contentIds, manager);
        const splitter = await this.engine.compoundSplitter();
        const documents = sourceRows.map((row) => toSearchDocument(row, splitter));
        const present = new Set(sourceRows.map((row) => row.id));
        const gone = contentIds.filter((id) => !present.has(id)).map(Number);
        const index = this.engine.index();
        // One after the other (the id sets never overlap, but an unawaited request must not fail unobserved).
        if (documents.length > 0) await this.engine.waitFor(index.addDocuments(documents, { primaryKey: 'id' }));
        if (gone.length > 0) await this.engine.waitFor(index.deleteDocuments(gone));
        if (synonymsChanged) await this.engine.pushSynonyms();
        await this.outbox.delete(
          manager,
          rows.map((row) => row.id),
        );
        return rows.length;
      } catch (error) {
        const message = describeError(error);
        await this.outbox.fail(
          manager,
          rows.map((row) => row.id),
          message,
        );
        this.engine.reportFailure(error);
        this.logger.warn(`Could not update the search index (${rows.length} changes wait and retry): ${message}`);
        return 0;
      }
    });
  }
}
