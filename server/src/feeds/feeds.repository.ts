import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContentKind } from '@infraforum/shared';
import { DataSource } from 'typeorm';
import { poolOf, preparedQuery } from '../database/prepared-query.js';

/**
 * Feeds are public: every condition on content here says so outright (published, public, not deleted), whatever the
 * access policy lets a signed-in reader see. The lists themselves come from the content repository with the
 * visitor's read scope; this only adds what those lists leave out.
 */
const PUBLIC_CONTENT = `c.status = 'published' AND c.visibility = 'public' AND c.deleted_at IS NULL`;

export interface PublicBodyRow {
  id: string;
  body_html: string;
  published_at: Date | null;
}

export interface FeedComponentRow {
  slug: string;
  name: string;
}

export interface FeedSectionRow {
  id: string;
  slug: string;
  title: string;
  updated_at: Date;
}

/** A toolbox item as a feed entry: public content of the forum, or an external link (content columns null). */
export interface FeedToolboxItemRow {
  item_id: string;
  added_at: Date;
  url: string | null;
  link_title: string | null;
  description: string | null;
  content_id: string | null;
  kind: ContentKind | null;
  slug: string | null;
  title: string | null;
  summary: string | null;
  body_html: string | null;
  tags: string[] | null;
  created_at: Date | null;
  updated_at: Date | null;
  published_at: Date | null;
  author_name: string | null;
  organization_name: string | null;
}

@Injectable()
export class FeedsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private run<T>(sql: string, params: unknown[]): Promise<T[]> {
    return preparedQuery<T>(poolOf(this.dataSource), sql, params);
  }

  /** The rendered bodies of those of `ids` that are public; an item that stopped being public since it was listed is missing. */
  async publicBodies(ids: readonly string[]): Promise<Map<string, PublicBodyRow>> {
    if (ids.length === 0) return new Map();
    const rows = await this.run<PublicBodyRow>(
      `SELECT c.id, c.body_html, c.published_at FROM content c WHERE c.id = ANY($1::bigint[]) AND ${PUBLIC_CONTENT}`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  async component(slug: string): Promise<FeedComponentRow | null> {
    const rows = await this.run<FeedComponentRow>(`SELECT slug, name FROM catalog_component WHERE slug = $1`, [slug]);
    return rows[0] ?? null;
  }

  async toolboxSection(slug: string): Promise<FeedSectionRow | null> {
    const rows = await this.run<FeedSectionRow>(`SELECT id, slug, title, updated_at FROM toolbox_section WHERE slug = $1`, [slug]);
    return rows[0] ?? null;
  }

  /** The section's newest additions: external links, and content that is public now (other content is left out). */
  toolboxItems(sectionId: string, limit: number): Promise<FeedToolboxItemRow[]> {
    return this.run<FeedToolboxItemRow>(
      `SELECT i.id AS item_id, i.created_at AS added_at, i.url, i.title AS link_title, i.description, c.id AS content_id,
              c.kind, c.slug, c.title, c.summary, c.body_html, c.tags, c.created_at, c.updated_at, c.published_at,
              u.name AS author_name, o.name AS organization_name
       FROM toolbox_item i
       LEFT JOIN content c ON c.id = i.content_id
       LEFT JOIN organization o ON o.id = c.organization_id
       LEFT JOIN "user" u ON u.id = c.author_id
       WHERE i.section_id = $1 AND (i.content_id IS NULL OR (${PUBLIC_CONTENT}))
       ORDER BY i.created_at DESC, i.id DESC
       LIMIT $2`,
      [sectionId, limit],
    );
  }
}
