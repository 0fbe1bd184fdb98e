import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  contentPath,
  type ContentKind,
  type SearchEngine as EngineName,
  type SearchQuery,
  type SearchResponse,
  type SuggestResponse,
} from '@infraforum/shared';
import { DataSource } from 'typeorm';
import { contentReadScope, type ContentViewer } from '../common/access-policy.js';
import { HIGHLIGHT_START, markedToHtml } from './highlight.js';
import { searchHints, vocabularyOf, type Vocabulary } from './search-hints.js';
import { PostgresSearch, type EngineHit, type EngineResult } from './postgres-search.js';
import { describeError, SearchEngine } from './search-engine.js';
import { readScopeFilter } from './search-filter.js';
import { meilisearchSearchParams, meilisearchSuggestParams, SUGGESTIONS } from './search-params.js';
import { FACETS } from './search-settings.js';

const LABELS_TTL_MS = 60_000;

type Labels = SearchResponse['labels'];

/**
 * Answers searches from Meilisearch, or from PostgreSQL while Meilisearch cannot (engine says which).
 * Every query carries the viewer's read scope from the access policy, facets included.
 */
@Injectable()
export class SearchService {
  private readonly logger = new Logger('Search');
  private labels: { value: Labels; at: number } | undefined;
  private vocabulary: { value: Vocabulary; at: number } | undefined;

  constructor(
    private readonly engine: SearchEngine,
    private readonly postgres: PostgresSearch,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async isHealthy(): Promise<boolean> {
    return this.engine.isHealthy();
  }

  get activeEngine(): EngineName {
    return this.engine.isReady ? 'meilisearch' : 'postgres';
  }

  async search(viewer: ContentViewer | undefined, query: SearchQuery): Promise<SearchResponse> {
    const started = performance.now();
    const scope = contentReadScope(viewer);
    let engine: EngineName = 'postgres';
    let result: EngineResult | undefined;
    if (this.engine.isReady) {
      try {
        result = await this.searchMeilisearch(readScopeFilter(scope), query);
        engine = 'meilisearch';
      } catch (error) {
        this.failed(error);
      }
    }
    if (result) {
      // Only what the viewer may open now (see readableNow); counts are left as Meilisearch gave them.
      const readable = await this.postgres.readableNow(
        scope,
        result.hits.map((hit) => hit.id),
      );
      const gone = result.hits.length - readable.size;
      if (gone > 0) result = { ...result, hits: result.hits.filter((hit) => readable.has(hit.id)), total: result.total - gone };
    }
    result ??= await this.postgres.search(scope, query, await this.synonyms());
    return {
      hits: result.hits.map(toHit),
      facets: result.facets,
      labels: await this.labelsFor(result.facets),
      total: result.total,
      page: query.page,
      pageSize: query.pageSize,
      engine,
      tookMs: Math.round((performance.now() - started) * 10) / 10,
      hints: result.total === 0 && query.q !== '' ? searchHints(query.q, await this.vocabularyNow()) : null,
    };
  }

  private synonymCache: { value: string[][]; at: number } | undefined;

  /** The moderators' synonym groups for the PostgreSQL fallback (cached a minute). */
  private async synonyms(): Promise<string[][]> {
    if (!this.synonymCache || Date.now() - this.synonymCache.at > LABELS_TTL_MS) {
      this.synonymCache = { at: Date.now(), value: await this.engine.synonymGroups() };
    }
    return this.synonymCache.value;
  }

  /** Tags in published use and component names: what "did you mean" respells towards (cached a minute). */
  private async vocabularyNow(): Promise<Vocabulary> {
    if (!this.vocabulary || Date.now() - this.vocabulary.at > LABELS_TTL_MS) {
      const [tags, names] = await Promise.all([
        this.dataSource.query<Array<{ tag: string }>>(
          `SELECT DISTINCT unnest(tags) AS tag FROM content WHERE status = 'published' AND deleted_at IS NULL AND visibility = 'public'`,
        ),
        this.dataSource.query<Array<{ name: string }>>(
          `SELECT concat_ws(' ', name, short_name, array_to_string(aliases, ' ')) AS name FROM catalog_component`,
        ),
      ]);
      this.vocabulary = {
        at: Date.now(),
        value: vocabularyOf(
          tags.map((row) => row.tag),
          names.map((row) => row.name),
        ),
      };
    }
    return this.vocabulary.value;
  }

  async suggest(viewer: ContentViewer | undefined, q: string): Promise<SuggestResponse> {
    const scope = contentReadScope(viewer);
    if (q.trim() === '') return { suggestions: [], engine: this.activeEngine };
    if (this.engine.isReady) {
      try {
        const response = await this.engine.searchIndex().search(q, meilisearchSuggestParams(readScopeFilter(scope)));
        const readable = await this.postgres.readableNow(
          scope,
          response.hits.map((hit) => hit.id),
        );
        return {
          suggestions: response.hits
            .filter((hit) => readable.has(hit.id))
            .map((hit) => ({ id: hit.id, kind: hit.kind, title: hit.title, url: contentPath(hit) })),
          engine: 'meilisearch',
        };
      } catch (error) {
        this.failed(error);
      }
    }
    const rows = await this.postgres.suggest(scope, q, SUGGESTIONS);
    return {
      suggestions: rows.map((row) => ({ id: row.id, kind: row.kind, title: row.title, url: contentPath(row) })),
      engine: 'postgres',
    };
  }

  private failed(error: unknown): void {
    this.engine.reportFailure(error);
    if (!SearchEngine.isOutage(error)) this.logger.error(`Meilisearch refused a search, answered from PostgreSQL: ${describeError(error)}`);
  }

  private async searchMeilisearch(scopeFilter: string, query: SearchQuery): Promise<EngineResult> {
    const params = meilisearchSearchParams(scopeFilter, query);
    const response = await this.engine.searchIndex().search(query.q, params);
    const distribution = response.facetDistribution ?? {};
    return {
      total: (response as { totalHits?: number }).totalHits ?? response.hits.length,
      hits: response.hits.map((hit) => {
        const formatted = hit._formatted ?? {};
        const answers = Array.isArray(formatted.answers) ? (formatted.answers as string[]) : [];
        const attachments = Array.isArray(formatted.attachments) ? (formatted.attachments as string[]) : [];
        const candidates = [formatted.body, formatted.summary, ...answers, ...attachments].filter(
          (text): text is string => typeof text === 'string',
        );
        const snippet = candidates.find((text) => text.includes(HIGHLIGHT_START)) ?? (hit.summary || candidates[0] || '');
        return {
          id: hit.id,
          kind: hit.kind,
          slug: hit.slug,
          title: hit.title,
          titleMarked: typeof formatted.title === 'string' ? formatted.title : hit.title,
          snippetMarked: snippet,
          organizationCode: hit.organizationCode,
          organizationName: hit.organizationName,
          tags: hit.tags,
          solved: hit.solved,
          score: hit.score,
          replyCount: hit.replyCount,
          updatedAt: new Date(hit.updatedAt),
        };
      }),
      facets: {
        kind: distribution[FACETS.kind] ?? {},
        component: distribution[FACETS.component] ?? {},
        tag: distribution[FACETS.tag] ?? {},
        organization: distribution[FACETS.organization] ?? {},
      },
    };
  }

  /** Names for the component slugs and organization codes in the facets (reference data, cached a minute). */
  private async labelsFor(facets: EngineResult['facets']): Promise<Labels> {
    if (!this.labels || Date.now() - this.labels.at > LABELS_TTL_MS) {
      const [components, organizations] = await Promise.all([
        this.dataSource.query<Array<{ slug: string; name: string }>>(`SELECT slug, name FROM catalog_component`),
        this.dataSource.query<Array<{ code: string; name: string }>>(`SELECT code, name FROM organization`),
      ]);
      this.labels = {
        at: Date.now(),
        value: {
          component: Object.fromEntries(components.map((row) => [row.slug, row.name])),
          organization: Object.fromEntries(organizations.map((row) => [row.code, row.name])),
        },
      };
    }
    const all = this.labels.value;
    const pick = (names: Record<string, string>, keys: string[]) =>
      Object.fromEntries(keys.filter((key) => key in names).map((key) => [key, names[key] as string]));
    return {
      component: pick(all.component, Object.keys(facets.component)),
      organization: pick(all.organization, Object.keys(facets.organization)),
    };
  }
}

function toHit(hit: EngineHit): SearchResponse['hits'][number] {
  return {
    id: hit.id,
    kind: hit.kind as ContentKind,
    title: hit.title,
    url: contentPath(hit),
    snippet: markedToHtml(hit.snippetMarked),
    titleHighlighted: markedToHtml(hit.titleMarked),
    organization: { code: hit.organizationCode, name: hit.organizationName },
    tags: hit.tags,
    solved: hit.solved,
    score: hit.score,
    replyCount: hit.replyCount,
    updatedAt: hit.updatedAt.toISOString(),
  };
}
