import { Injectable, Logger } from '@nestjs/common';
import type { SearchDocument } from './search-document.js';
import { toSearchDocument } from './search-document.js';
import { SearchDocumentRepository } from './search-document.repository.js';
import { apiErrorOf, describeError, SearchEngine } from './search-engine.js';
import { SearchOutboxRepository } from './search-outbox.repository.js';

const PAGE = 2_000;

export interface Progress {
  start(total: number): void;
  advance(count: number): void;
  stop(): void;
}

export interface RebuildReport {
  documents: number;
  seconds: number;
  /** Changes made while the rebuild ran, found by the check after the swap and queued. */
  requeued: number;
}

export interface CheckReport {
  expected: number;
  indexed: number;
  missing: string[];
  stale: string[];
  extra: string[];
}

/** Operator work on the index: a rebuild with no downtime, and a check of PostgreSQL against Meilisearch. */
@Injectable()
export class SearchMaintenance {
  private readonly logger = new Logger('SearchMaintenance');

  constructor(
    private readonly engine: SearchEngine,
    private readonly documents: SearchDocumentRepository,
    private readonly outbox: SearchOutboxRepository,
  ) {}

  /**
   * Builds a new index from PostgreSQL beside the live one, swaps them (searches never see a
   * half-built index), deletes the old one, then checks: whatever changed during the build and
   * reached only the old index is queued in the outbox again.
   */
  async rebuild(progress?: Progress): Promise<RebuildReport> {
    const started = performance.now();
    const live = this.engine.indexUid;
    const fresh = `${live}__rebuild_${Date.now()}`;
    await this.engine.ensureIndex(live);
    await this.engine.ensureIndex(fresh);
    try {
      await this.engine.applySettings(fresh);
      const total = await this.documents.countIndexable();
      progress?.start(total);
      const splitter = await this.engine.compoundSplitter();
      const index = this.engine.index(fresh);
      let afterId = '0';
      let documents = 0;
      // Every batch is handed to Meilisearch without waiting (it runs one index's tasks in order) while
      // the next page is read from PostgreSQL; then all are awaited. Waiting per batch took 40 % longer.
      // Each request is observed at once, so a failure cannot go unhandled while the loop reads on.
      const tasks: Array<ReturnType<typeof index.addDocuments>> = [];
      let failed: unknown;
      for (;;) {
        const rows = await this.documents.rowsAfter(afterId, PAGE);
        if (rows.length === 0) break;
        afterId = (rows[rows.length - 1] as { id: string }).id;
        const batch = rows.map((row) => toSearchDocument(row, splitter));
        const task = index.addDocuments(batch, { primaryKey: 'id' });
        task.catch((error: unknown) => (failed ??= error));
        tasks.push(task);
        if (failed) throw failed;
        documents += batch.length;
        progress?.advance(batch.length);
      }
      for (const task of tasks) await this.engine.waitFor(task);
      await this.engine.waitFor(this.engine.client!.swapIndexes([{ indexes: [live, fresh], rename: false }]));
      progress?.stop();
      await this.deleteIndex(fresh);
      // Writes during the build reached only the old index: find them and queue them; synonyms edited
      // meanwhile went to the old index too.
      await this.engine.applySettings(live);
      const check = await this.check();
      const requeue = [...check.missing, ...check.stale, ...check.extra];
      await this.outbox.enqueueContent(requeue);
      return { documents, seconds: (performance.now() - started) / 1000, requeued: requeue.length };
    } catch (error) {
      progress?.stop();
      await this.deleteIndex(fresh).catch(() => undefined);
      throw error;
    }
  }

  /** Ids and fingerprints of every document PostgreSQL would index now, against what Meilisearch holds. */
  async check(options: { fix?: boolean } = {}): Promise<CheckReport> {
    const splitter = await this.engine.compoundSplitter();
    const expected = new Map<string, string>();
    let afterId = '0';
    for (;;) {
      const rows = await this.documents.rowsAfter(afterId, PAGE);
      if (rows.length === 0) break;
      afterId = (rows[rows.length - 1] as { id: string }).id;
      for (const row of rows) expected.set(row.id, toSearchDocument(row, splitter).fingerprint);
    }
    const indexed = new Map<string, string>();
    const index = this.engine.index();
    for (let offset = 0; ; offset += 10_000) {
      const page = await index.getDocuments<Pick<SearchDocument, 'id' | 'fingerprint'>>({
        fields: ['id', 'fingerprint'],
        limit: 10_000,
        offset,
      });
      for (const document of page.results) indexed.set(String(document.id), document.fingerprint);
      if (page.results.length < 10_000) break;
    }
    const missing: string[] = [];
    const stale: string[] = [];
    for (const [id, fingerprint] of expected) {
      const found = indexed.get(id);
      if (found === undefined) missing.push(id);
      else if (found !== fingerprint) stale.push(id);
    }
    const extra = [...indexed.keys()].filter((id) => !expected.has(id));
    if (options.fix) await this.outbox.enqueueContent([...missing, ...stale, ...extra]);
    return { expected: expected.size, indexed: indexed.size, missing, stale, extra };
  }

  private async deleteIndex(uid: string): Promise<void> {
    try {
      await this.engine.waitFor(this.engine.client!.deleteIndex(uid));
    } catch (error) {
      if (apiErrorOf(error)?.cause?.code === 'index_not_found') return;
      this.logger.warn(`Could not delete index ${uid}: ${describeError(error)}`);
    }
  }
}
