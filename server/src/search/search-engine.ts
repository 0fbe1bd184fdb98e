import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Meilisearch, MeilisearchApiError, type Index, type Task } from 'meilisearch';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.js';
import type { RuntimeConfig } from '../config/runtime-config.js';
import { DanishCompoundSplitter } from './danish-compounds.js';
import { createMeilisearchHttpClient } from './meilisearch-http-client.js';
import type { SearchDocument } from './search-document.js';
import { indexSettings, meilisearchSynonyms, serviceIds } from './search-settings.js';

/** How long a search may wait for Meilisearch before PostgreSQL answers instead. */
const SEARCH_TIMEOUT_MS = 1_000;
/** Indexing and settings: large batches may take a while; a dead server still fails fast (connection refused). */
const INDEXING_TIMEOUT_MS = 30_000;
const TASK_POLL_MS = 10;

export class SearchTaskFailedError extends Error {}
const FAILURES_TO_SWITCH = 3;
const FAILURE_WINDOW_MS = 5_000;
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/** refused: Meilisearch answered 4xx (our request); unreachable: no connection; slow: timeout or 5xx. */
export function failureKind(error: unknown): 'refused' | 'unreachable' | 'slow' {
  if (error instanceof SearchTaskFailedError) return 'refused';
  const api = apiErrorOf(error);
  // The index gone, or recreated without our settings (Meilisearch lost its data): probe rebuilds them.
  if (api?.cause?.code === 'index_not_found' || api?.cause?.code === 'invalid_search_filter') return 'unreachable';
  if (api) return (api.response?.status ?? 0) >= 500 ? 'slow' : 'refused';
  let cause: unknown = error;
  for (let depth = 0; cause instanceof Error && depth < 4; depth++) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code && UNREACHABLE.has(code)) return 'unreachable';
    if (/socket hang up/i.test(cause.message)) return 'unreachable';
    cause = cause.cause;
  }
  return 'slow';
}

/**
 * Meilisearch as Infraforum uses it: one content index, its settings (applied from code, idempotent),
 * and whether it can answer now. Searches go to the PostgreSQL fallback while it cannot; a probe
 * (driven by the outbox worker) switches back when it answers again.
 */
@Injectable()
export class SearchEngine implements OnApplicationShutdown {
  private readonly logger = new Logger('SearchEngine');
  private readonly searchHttp = createMeilisearchHttpClient(SEARCH_TIMEOUT_MS);
  private readonly indexingHttp = createMeilisearchHttpClient(INDEXING_TIMEOUT_MS);
  /** For searches: short timeout. */
  readonly searchClient: Meilisearch | undefined;
  /** For writes, settings, tasks. */
  readonly client: Meilisearch | undefined;
  readonly indexUid: string;
  /** Settings applied and the last request succeeded: searches may go to Meilisearch. */
  private ready = false;
  private readyWaiters: Array<() => void> = [];
  private splitter: Promise<DanishCompoundSplitter | undefined> | undefined;

  constructor(
    @Inject(APP_CONFIG) config: RuntimeConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.indexUid = config.meiliIndex;
    this.refills = config.searchWorker;
    if (config.meili) {
      const { url, masterKey } = config.meili;
      this.searchClient = new Meilisearch({ host: url, apiKey: masterKey, httpClient: this.searchHttp });
      this.client = new Meilisearch({ host: url, apiKey: masterKey, httpClient: this.indexingHttp });
    }
  }

  get configured(): boolean {
    return this.client !== undefined;
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** The index searches read (short timeout). */
  searchIndex(): Index<SearchDocument> {
    if (!this.searchClient) throw new Error('Meilisearch is not configured');
    return this.searchClient.index<SearchDocument>(this.indexUid);
  }

  index(uid = this.indexUid): Index<SearchDocument> {
    if (!this.client) throw new Error('Meilisearch is not configured');
    return this.client.index<SearchDocument>(uid);
  }

  /** Searches use PostgreSQL until `probe` sees Meilisearch answer again. */
  markDown(error: unknown): void {
    if (this.ready) this.logger.warn(`Meilisearch unavailable, searching PostgreSQL until it answers: ${describeError(error)}`);
    this.ready = false;
    this.recentFailures = [];
  }

  private recentFailures: number[] = [];

  /**
   * A request failed. Unreachable (connection refused or reset): down at once. Slow or a 5xx: down
   * only after several within a few seconds; one slow answer under load must not send every search
   * to PostgreSQL, which is far costlier per query. Our own bad request (4xx) never counts.
   */
  reportFailure(error: unknown): void {
    const kind = failureKind(error);
    if (kind === 'refused') return;
    if (kind === 'unreachable') return this.markDown(error);
    const now = Date.now();
    this.recentFailures = [...this.recentFailures.filter((at) => now - at < FAILURE_WINDOW_MS), now];
    if (this.recentFailures.length >= FAILURES_TO_SWITCH) this.markDown(error);
  }

  /** Whether the failure means the server is unreachable or broken (not that our request was wrong). */
  static isOutage(error: unknown): boolean {
    return failureKind(error) !== 'refused';
  }

  async isHealthy(): Promise<boolean> {
    if (!this.client) return false;
    try {
      return (await this.client.health()).status === 'available';
    } catch {
      return false;
    }
  }

  /**
   * Makes the index usable: creates it, applies the settings, and marks the engine ready. Called at
   * start and whenever Meilisearch answers again after an outage. Returns whether it is ready.
   */
  /** One probe at a time: a slow settings update must not be queued again by the next tick. */
  probe(): Promise<boolean> {
    this.probing ??= this.probeOnce().finally(() => (this.probing = undefined));
    return this.probing;
  }

  private probing: Promise<boolean> | undefined;
  /** Only processes that drain the outbox refill an emptied index (not the CLI, whose rebuild fills it). */
  private readonly refills: boolean;

  private async probeOnce(): Promise<boolean> {
    if (!this.client) return false;
    if (!(await this.isHealthy())) {
      this.ready = false;
      return false;
    }
    if (this.ready) return true;
    try {
      await this.ensureIndex(this.indexUid);
      await this.applySettings(this.indexUid);
      // A new or emptied index (first start, or a Meilisearch that lost its data): refill it from PostgreSQL.
      if (this.refills) await this.refillIfEmptied();
      this.ready = true;
      this.logger.log(`Meilisearch ready (index "${this.indexUid}")`);
      for (const resolve of this.readyWaiters.splice(0)) resolve();
      return true;
    } catch (error) {
      this.logger.warn(`Meilisearch answers but the index could not be prepared: ${describeError(error)}`);
      return false;
    }
  }

  /** Resolves once the engine is ready (tests and the CLI); rejects after `timeoutMs`. */
  whenReady(timeoutMs: number): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('Meilisearch did not become ready')), timeoutMs);
      this.readyWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Creates the index when it does not exist; says whether it did. */
  async ensureIndex(uid: string): Promise<boolean> {
    const client = this.client as Meilisearch;
    try {
      await client.getIndex(uid);
      return false;
    } catch (error) {
      if (apiErrorOf(error)?.cause?.code !== 'index_not_found') throw error;
      await this.waitFor(client.createIndex(uid, { primaryKey: 'id' }));
      return true;
    }
  }

  /** Fewer than 90 % of the searchable documents in the index (a few may be on their way): queue them all. */
  private async refillIfEmptied(): Promise<void> {
    const [stats, [row]] = await Promise.all([
      this.index().getStats(),
      this.dataSource.query<Array<{ count: number }>>(
        `SELECT count(*)::int AS count FROM content WHERE deleted_at IS NULL AND status = 'published'`,
      ),
    ]);
    const expected = row?.count ?? 0;
    if (expected === 0 || stats.numberOfDocuments >= expected * 0.9) return;
    await this.dataSource.query(
      `SELECT search_outbox_enqueue('content', ARRAY(SELECT id FROM content WHERE deleted_at IS NULL AND status = 'published'))`,
    );
    this.logger.log(
      `Search index "${this.indexUid}" holds ${stats.numberOfDocuments} of ${expected} documents: all queued from PostgreSQL`,
    );
  }

  /**
   * Settings from code plus the moderators' synonyms and the catalog's SF ids. Sent only when they
   * differ from what the index has: an update, even an identical one, can make Meilisearch re-index.
   */
  async applySettings(uid: string): Promise<void> {
    const [synonyms, names] = await Promise.all([this.synonymGroups(), this.catalogNames()]);
    const wanted = indexSettings({ synonyms, exactWords: serviceIds(names) });
    const current = await this.index(uid).getSettings();
    if (settingsMatch(wanted, current)) return;
    await this.waitFor(this.index(uid).updateSettings(wanted));
  }

  async pushSynonyms(uid = this.indexUid): Promise<void> {
    await this.waitFor(this.index(uid).updateSynonyms(meilisearchSynonyms(await this.synonymGroups())));
  }

  async synonymGroups(): Promise<string[][]> {
    const rows = await this.dataSource.query<Array<{ terms: string[] }>>(`SELECT terms FROM search_synonym ORDER BY created_at, id`);
    return rows.map((row) => row.terms);
  }

  private async catalogNames(): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ text: string }>>(
      `SELECT concat_ws(' ', name, short_name, array_to_string(aliases, ' ')) AS text FROM catalog_component`,
    );
    return rows.map((row) => row.text);
  }

  /** Waits for a task and fails if Meilisearch could not carry it out (e.g. a bad document). */
  async waitFor(enqueued: { waitTask(options?: { timeout?: number; interval?: number }): Promise<Task> }): Promise<Task> {
    const task = await enqueued.waitTask({ timeout: INDEXING_TIMEOUT_MS, interval: TASK_POLL_MS });
    if (task.status !== 'succeeded') {
      throw new SearchTaskFailedError(
        `Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? 'no reason given'}`,
      );
    }
    return task;
  }

  /** The Danish compound splitter, loaded once when indexing first needs it (~150 ms, ~25 MB). */
  compoundSplitter(): Promise<DanishCompoundSplitter | undefined> {
    this.splitter ??= DanishCompoundSplitter.load().catch((error: unknown) => {
      this.logger.error(`Danish word list not loaded, compounds will not be split: ${describeError(error)}`);
      return undefined;
    });
    return this.splitter;
  }

  onApplicationShutdown(): void {
    this.searchHttp.destroy();
    this.indexingHttp.destroy();
  }
}

/** Whether every setting we set has that value in Meilisearch (lists compared as sets, except where order ranks). */
export function settingsMatch(wanted: unknown, current: unknown, key = ''): boolean {
  if (Array.isArray(wanted)) {
    if (!Array.isArray(current) || wanted.length !== current.length) return false;
    const ordered = key === 'searchableAttributes' || key === 'rankingRules';
    const normalise = (list: unknown[]) => (ordered ? list : [...list].map((item) => JSON.stringify(item)).sort());
    return JSON.stringify(normalise(wanted)) === JSON.stringify(normalise(current));
  }
  if (wanted !== null && typeof wanted === 'object') {
    if (current === null || typeof current !== 'object') return false;
    // Synonyms: a group removed in PostgreSQL must go from Meilisearch too, so no extra keys either.
    if (key === 'synonyms' && Object.keys(current).length !== Object.keys(wanted).length) return false;
    return Object.entries(wanted).every(([name, value]) => settingsMatch(value, (current as Record<string, unknown>)[name], name));
  }
  return wanted === current;
}

/** The API error (status, Meilisearch's code) behind an error: our http client's rejections arrive wrapped. */
export function apiErrorOf(error: unknown): MeilisearchApiError | undefined {
  if (error instanceof MeilisearchApiError) return error;
  if (error instanceof Error && error.cause instanceof MeilisearchApiError) return error.cause;
  return undefined;
}

export function describeError(error: unknown): string {
  const api = apiErrorOf(error);
  if (api) return `${api.response?.status ?? ''} ${api.message}`.trim();
  if (error instanceof Error && error.cause instanceof Error) return `${error.message}: ${error.cause.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}
