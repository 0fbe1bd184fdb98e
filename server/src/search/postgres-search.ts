import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContentKind, SearchQuery } from '@infraforum/shared';
import { DataSource } from 'typeorm';
import type { ContentReadScope } from '../common/access-policy.js';
import { ApiException } from '../common/api-exception.js';
import { readScopeCondition, SqlParams } from '../content/content.repository.js';
import { ConcurrencyGate } from './concurrency-gate.js';
import { DANISH_STOP_WORDS } from './danish-stop-words.js';
import { HIGHLIGHT_END, HIGHLIGHT_START } from './highlight.js';

export interface EngineHit {
  id: number;
  kind: ContentKind;
  slug: string;
  title: string;
  /** Text with HIGHLIGHT_START/END around matches; escaped later. */
  titleMarked: string;
  snippetMarked: string;
  organizationCode: string;
  organizationName: string;
  tags: string[];
  solved: boolean;
  score: number;
  replyCount: number;
  updatedAt: Date;
}

export interface EngineResult {
  hits: EngineHit[];
  total: number;
  facets: {
    kind: Record<string, number>;
    component: Record<string, number>;
    tag: Record<string, number>;
    organization: Record<string, number>;
  };
}

const VECTOR = 'c.search_vector';
const TITLE = `lower(infraforum_unaccent(c.title))`;
const STOP = new Set(DANISH_STOP_WORDS);
/** A fallback search that takes longer than this is cut off (503): better than a database at full CPU. */
const STATEMENT_TIMEOUT = '3s';
const busy = () => new ApiException(503, 'UNAVAILABLE', 'Søgningen har travlt lige nu. Prøv igen om et øjeblik.');

/** Words of a query as safe tsquery operands: letters and digits only, stop words dropped. */
export function queryWords(q: string): string[] {
  return [...new Set((q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !STOP.has(word)))].slice(0, 12);
}

/**
 * The tsquery text: every word as a prefix, OR-ed, plus each synonym group the query touches (a term
 * whose words all occur in the query) with its other terms as phrases ("digital <-> post").
 */
export function tsqueryText(words: string[], synonyms: string[][]): string {
  const alternatives = words.map((word) => `${word}:*`);
  const typed = new Set(words);
  for (const group of synonyms) {
    const terms = group.map((term) => queryWords(term)).filter((termWords) => termWords.length > 0);
    if (!terms.some((termWords) => termWords.every((word) => typed.has(word)))) continue;
    for (const termWords of terms) alternatives.push(termWords.length === 1 ? (termWords[0] as string) : `(${termWords.join(' <-> ')})`);
  }
  return [...new Set(alternatives)].join(' | ');
}

/**
 * The fallback when Meilisearch cannot answer: PostgreSQL full-text search with the Danish
 * configuration (unaccented, stemmed), prefix matching, and trigram similarity on titles for typos.
 * Same access filter (the content lists' SQL), same response shape.
 */
@Injectable()
export class PostgresSearch {
  private readonly gate = new ConcurrencyGate(4, 32);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One fallback query: through the gate, with a statement timeout. */
  private guarded<T>(sql: string, values: unknown[]): Promise<T> {
    return this.gate.run(
      () =>
        this.dataSource
          .transaction(async (manager) => {
            await manager.query(`SET LOCAL statement_timeout = '${STATEMENT_TIMEOUT}'`);
            return manager.query<T>(sql, values);
          })
          .catch((error: unknown) => {
            const failure = error as { code?: string; driverError?: { code?: string } };
            if ((failure.driverError?.code ?? failure.code) === '57014') throw busy();
            throw error;
          }),
      busy,
    );
  }

  /** `synonyms`: the moderators' groups; a query word (or phrase) of a group also matches the group's other terms. */
  async search(scope: ContentReadScope, query: SearchQuery, synonyms: string[][] = []): Promise<EngineResult> {
    const p = new SqlParams();
    const where = [readScopeCondition(scope, p), `c.status = 'published'`, `c.deleted_at IS NULL`];
    if (query.kind) where.push(`c.kind = ${p.add(query.kind)}`);
    if (query.tag) where.push(`c.tags @> ARRAY[${p.add(query.tag)}]::text[]`);
    if (query.organization) where.push(`o.code = ${p.add(query.organization)}`);
    if (query.solved !== undefined) where.push(query.solved ? 'c.accepted_reply_id IS NOT NULL' : 'c.accepted_reply_id IS NULL');
    if (query.component) {
      where.push(`EXISTS (
        SELECT 1 FROM content_component cc JOIN catalog_component cat ON cat.id = cc.component_id
        LEFT JOIN catalog_component parent ON parent.id = cat.parent_id
        WHERE cc.content_id = c.id AND (cat.slug = ${p.add(query.component)} OR parent.slug = ${p.add(query.component)}))`);
    }

    const words = queryWords(query.q);
    let rank = '0::float8';
    let tsquery = 'NULL::tsquery';
    let candidates = '';
    if (words.length > 0) {
      // Any word as a prefix ("handl:*" finds "handler"), and the synonyms of what was typed; more matches rank higher.
      tsquery = `to_tsquery('infraforum_danish', ${p.add(tsqueryText(words, synonyms))})`;
      const similar = words
        .filter((word) => word.length >= 4)
        .map((word) => `${p.add(word)}::text <% ${TITLE}`)
        .join(' OR ');
      // Each way of matching uses its own index; a component named in the query ("SF1601", "Context Handler")
      // finds the content about it (the catalog is small).
      candidates = `
        SELECT c.id FROM content c, q WHERE c.status = 'published' AND c.deleted_at IS NULL AND ${VECTOR} @@ q.ts
        UNION SELECT cc.content_id FROM content_component cc, q
          WHERE cc.component_id IN (SELECT id FROM catalog_component cat
            WHERE to_tsvector('infraforum_danish', concat_ws(' ', cat.name, cat.short_name, array_to_string(cat.aliases, ' '))) @@ q.ts)
        ${similar ? `UNION SELECT c.id FROM content c WHERE c.status = 'published' AND c.deleted_at IS NULL AND (${similar})` : ''}`;
      // Guides are the curated answers: ahead of a thread that matches as well (as in Meilisearch's ranking).
      rank = `ts_rank_cd(${VECTOR}, q.ts, 1) + word_similarity(${p.add(words.join(' '))}::text, ${TITLE})
        + CASE WHEN c.kind = 'guide' THEN 0.3 ELSE 0 END`;
    }
    const order =
      query.sort === 'votes'
        ? 'c.score DESC, rank DESC, c.id DESC'
        : query.sort === 'newest' || words.length === 0
          ? 'c.last_activity_at DESC, c.id DESC'
          : 'rank DESC, c.score DESC, c.id DESC';
    const limit = p.add(query.pageSize);
    const offset = p.add((query.page - 1) * query.pageSize);
    const headline = (column: string, options: string) =>
      words.length > 0
        ? `ts_headline('infraforum_danish', ${column}, q.ts, 'StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, ${options}')`
        : column;

    const sql = `
      WITH q AS (SELECT ${tsquery} AS ts),
      ${candidates ? `candidate AS (${candidates}),` : ''}
      matched AS MATERIALIZED (
        SELECT c.id, c.kind, c.slug, c.title, c.summary, c.tags, c.score, c.reply_count, c.updated_at, c.last_activity_at,
          c.accepted_reply_id IS NOT NULL AS solved, o.code AS organization_code, o.name AS organization_name, ${rank} AS rank
        FROM content c JOIN organization o ON o.id = c.organization_id ${candidates ? 'JOIN candidate ON candidate.id = c.id' : ''}, q
        WHERE ${where.join(' AND ')}
      ),
      -- The body only for the page's rows: its snippet.
      page AS (
        SELECT c.*, left(b.body_text, 5000) AS body_text FROM matched c JOIN content b ON b.id = c.id
        ORDER BY ${order} LIMIT ${limit} OFFSET ${offset})
      SELECT
        (SELECT count(*)::int FROM matched) AS total,
        (SELECT coalesce(json_agg(json_build_object(
            'id', c.id, 'kind', c.kind, 'slug', c.slug, 'title', c.title,
            'titleMarked', ${headline('c.title', 'HighlightAll=true')},
            'snippetMarked', ${headline('c.body_text', 'MaxWords=30, MinWords=12, MaxFragments=1')},
            'summary', c.summary, 'tags', c.tags, 'score', c.score, 'replyCount', c.reply_count, 'solved', c.solved,
            'updatedAt', c.updated_at, 'organizationCode', c.organization_code, 'organizationName', c.organization_name
          ) ORDER BY ${order}), '[]'::json) FROM page c, q) AS hits,
        (SELECT coalesce(json_object_agg(kind, n), '{}'::json) FROM (SELECT kind, count(*) n FROM matched GROUP BY kind) f) AS kinds,
        (SELECT coalesce(json_object_agg(tag, n), '{}'::json) FROM (
          SELECT tag, count(*) n FROM matched, unnest(tags) tag GROUP BY tag ORDER BY n DESC, tag LIMIT 100) f) AS tags,
        (SELECT coalesce(json_object_agg(organization_code, n), '{}'::json) FROM (
          SELECT organization_code, count(*) n FROM matched GROUP BY organization_code ORDER BY n DESC LIMIT 100) f) AS organizations,
        (SELECT coalesce(json_object_agg(slug, n), '{}'::json) FROM (
          SELECT s.slug, count(DISTINCT m.id) n FROM matched m
          JOIN content_component cc ON cc.content_id = m.id
          JOIN catalog_component cat ON cat.id = cc.component_id
          LEFT JOIN catalog_component parent ON parent.id = cat.parent_id
          CROSS JOIN LATERAL (SELECT cat.slug UNION SELECT parent.slug) s(slug)
          WHERE s.slug IS NOT NULL GROUP BY s.slug ORDER BY n DESC LIMIT 100) f) AS components`;

    const [row] = await this.guarded<
      Array<{
        total: number;
        hits: Array<Omit<EngineHit, 'updatedAt' | 'id'> & { id: number | string; summary: string; updatedAt: string }>;
        kinds: Record<string, number>;
        tags: Record<string, number>;
        organizations: Record<string, number>;
        components: Record<string, number>;
      }>
    >(sql, p.values);
    if (!row) return { hits: [], total: 0, facets: { kind: {}, component: {}, tag: {}, organization: {} } };
    return {
      total: row.total,
      hits: row.hits.map((hit) => ({
        ...hit,
        id: Number(hit.id),
        snippetMarked: hit.snippetMarked || hit.summary,
        updatedAt: new Date(hit.updatedAt),
      })),
      facets: { kind: row.kinds, component: row.components, tag: row.tags, organization: row.organizations },
    };
  }

  /**
   * Which of these ids the viewer may open now. Meilisearch's copy of visibility and status is only as
   * fresh as the outbox: an item hidden a moment ago (or while Meilisearch refused writes) must not be shown.
   */
  async readableNow(scope: ContentReadScope, ids: number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const p = new SqlParams();
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT c.id FROM content c WHERE c.id = ANY(${p.add(ids)}::bigint[]) AND c.status = 'published' AND ${readScopeCondition(scope, p)}`,
      p.values,
    );
    return new Set(rows.map((row) => Number(row.id)));
  }

  /** Titles for as-you-type: words as prefixes, then similar titles for typos. */
  async suggest(
    scope: ContentReadScope,
    q: string,
    limit: number,
  ): Promise<Array<{ id: number; kind: ContentKind; slug: string; title: string }>> {
    const words = queryWords(q);
    if (words.length === 0) return [];
    const p = new SqlParams();
    const ts = `to_tsquery('infraforum_danish', ${p.add(words.map((word) => `${word}:*`).join(' & '))})`;
    const text = p.add(words.join(' '));
    const rows = await this.guarded<Array<{ id: string; kind: ContentKind; slug: string; title: string }>>(
      `SELECT c.id, c.kind, c.slug, c.title FROM content c
       WHERE ${readScopeCondition(scope, p)} AND c.status = 'published' AND c.deleted_at IS NULL
         AND (${VECTOR} @@ ${ts} OR ${text}::text <% ${TITLE})
       ORDER BY (to_tsvector('infraforum_danish', c.title) @@ ${ts}) DESC, word_similarity(${text}::text, ${TITLE}) DESC, c.score DESC
       LIMIT ${p.add(limit)}`,
      p.values,
    );
    return rows.map((row) => ({ ...row, id: Number(row.id) }));
  }
}
