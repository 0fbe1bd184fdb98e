import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { SearchSourceRow } from './search-document.js';

/** Only published, undeleted content is indexed; the access filter then narrows it per viewer. */
const INDEXABLE = `c.deleted_at IS NULL AND c.status = 'published'`;

const SOURCE_COLUMNS = `
  c.id, c.kind, c.title, c.slug, c.summary, left(c.body_text, 20000) AS body_text, c.tags, c.attributes, c.status, c.visibility,
  c.organization_id, o.code AS organization_code, o.name AS organization_name, c.author_id, u.name AS author_name,
  c.score, c.reply_count, c.accepted_reply_id IS NOT NULL AS solved, c.version, c.created_at, c.updated_at, c.last_activity_at,
  COALESCE(comp.slugs, '{}') AS component_slugs, COALESCE(comp.names, '{}') AS component_names,
  COALESCE(ans.texts, '{}') AS answers, NULL::text AS toolbox_section,
  COALESCE(att.texts, '{}') AS attachment_texts,
  CASE WHEN c.kind = 'webinar' AND jsonb_typeof(c.attributes->'hosts') = 'array' THEN COALESCE((
    SELECT array_agg(h.name ORDER BY h.name) FROM organization h
    WHERE h.code IN (SELECT jsonb_array_elements_text(c.attributes->'hosts'))), '{}') ELSE '{}' END AS host_names`;

const SOURCE_JOINS = `
  JOIN organization o ON o.id = c.organization_id
  LEFT JOIN "user" u ON u.id = c.author_id
  LEFT JOIN LATERAL (
    SELECT array_agg(DISTINCT x.slug) FILTER (WHERE x.slug IS NOT NULL) AS slugs,
      array_agg(DISTINCT x.name) FILTER (WHERE x.name IS NOT NULL AND x.name <> '') AS names
    FROM content_component cc
    JOIN catalog_component cat ON cat.id = cc.component_id
    LEFT JOIN catalog_component parent ON parent.id = cat.parent_id
    CROSS JOIN LATERAL (
      SELECT cat.slug, cat.name UNION ALL SELECT parent.slug, NULL UNION ALL SELECT NULL, cat.short_name
      UNION ALL SELECT NULL, a FROM unnest(cat.aliases) a
    ) x(slug, name)
    WHERE cc.content_id = c.id
  ) comp ON true
  LEFT JOIN LATERAL (
    SELECT array_agg(r.text ORDER BY r.rank) AS texts FROM (
      SELECT left(r.body_text, 1500) AS text,
        row_number() OVER (ORDER BY (r.id = c.accepted_reply_id) DESC NULLS LAST, r.score DESC, r.created_at) AS rank
      FROM reply r WHERE r.content_id = c.id AND r.deleted_at IS NULL AND NOT r.hidden
      ORDER BY rank LIMIT 3
    ) r
  ) ans ON true
  LEFT JOIN LATERAL (
    SELECT array_agg(left(a.name || E'\n' || COALESCE(a.text, ''), 20000) ORDER BY a.created_at, a.id) AS texts
    FROM attachment a WHERE a.content_id = c.id AND a.deleted_at IS NULL
  ) att ON true`;

@Injectable()
export class SearchDocumentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The rows of those ids that are indexable now; ids missing from the answer must leave the index. */
  async rowsFor(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<SearchSourceRow[]> {
    if (ids.length === 0) return [];
    return manager.query(`SELECT ${SOURCE_COLUMNS} FROM content c ${SOURCE_JOINS} WHERE c.id = ANY($1::bigint[]) AND ${INDEXABLE}`, [ids]);
  }

  /** A page of indexable rows in id order (rebuild and check walk the table with this). */
  async rowsAfter(afterId: string, limit: number): Promise<SearchSourceRow[]> {
    return this.dataSource.query(
      `SELECT ${SOURCE_COLUMNS} FROM content c ${SOURCE_JOINS} WHERE c.id > $1::bigint AND ${INDEXABLE} ORDER BY c.id LIMIT $2`,
      [afterId, limit],
    );
  }

  async countIndexable(): Promise<number> {
    const [row] = await this.dataSource.query<Array<{ count: number }>>(`SELECT count(*)::int AS count FROM content c WHERE ${INDEXABLE}`);
    return row?.count ?? 0;
  }
}
