import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContentKind, ContentSort, ContentStatus, FlagReason, OrganizationType, Visibility } from '@infraforum/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { ContentReadScope } from '../common/access-policy.js';
import { poolOf, preparedQuery } from '../database/prepared-query.js';

/** Positional parameters for hand-written SQL: `p.add(value)` gives "$n". */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The read scope from the access policy as a WHERE condition on `content` aliased `alias`.
 * Only the branches the viewer has are emitted, so an anonymous list is `status = 'published' AND
 * visibility = 'public'` and the planner can use the plain indexes.
 */
export function readScopeCondition(scope: ContentReadScope, p: SqlParams, alias = 'c'): string {
  const published: string[] = [];
  if (scope.allPublished) {
    published.push('TRUE');
  } else {
    published.push(`${alias}.visibility = ANY(${p.add(scope.publishedVisibilities)}::text[])`);
    if (scope.ownOrganizationId !== null) {
      published.push(`(${alias}.visibility = 'organization' AND ${alias}.organization_id = ${p.add(scope.ownOrganizationId)})`);
    }
  }
  const branches = [`(${alias}.status = 'published' AND (${published.join(' OR ')}))`];
  if (scope.authorId !== null) branches.push(`(${alias}.status <> 'published' AND ${alias}.author_id = ${p.add(scope.authorId)})`);
  if (scope.managedOrganizationId !== null) {
    branches.push(`(${alias}.status <> 'published' AND ${alias}.organization_id = ${p.add(scope.managedOrganizationId)})`);
  }
  if (scope.allHidden) branches.push(`${alias}.status = 'hidden'`);
  if (scope.allAwaitingPublication) branches.push(`${alias}.status IN ('in_review', 'scheduled')`);
  return `${alias}.deleted_at IS NULL AND (${branches.join(' OR ')})`;
}

/** One row of content as the lists and the detail read it (ids as strings: pg's bigint). */
export interface ContentRow {
  id: string;
  kind: ContentKind;
  slug: string;
  title: string;
  summary: string;
  status: ContentStatus;
  visibility: Visibility;
  tags: string[];
  attributes: Record<string, unknown>;
  score: number;
  reply_count: number;
  accepted_reply_id: string | null;
  locked: boolean;
  author_id: string | null;
  organization_id: string;
  created_at: Date;
  updated_at: Date;
  last_activity_at: Date;
  organization_code: string;
  organization_name: string;
  organization_type: OrganizationType;
  author_name: string | null;
  author_title: string | null;
  components: { slug: string; name: string }[];
  /** The viewer's vote, where the query asked for it. */
  my_vote?: number;
  /** Webinars only. */
  registration_count: number | null;
  host_organizations: { code: string; name: string }[];
  working_on_count: number | null;
}

export interface ContentDetailRow extends ContentRow {
  body: string;
  body_html: string;
  version: number;
  duplicate_of_id: string | null;
  duplicate_of_title: string | null;
  duplicate_of_slug: string | null;
  duplicate_of_kind: ContentKind | null;
  hidden_reason: string | null;
  hidden_by_flags: boolean;
  my_flag: FlagReason | null;
  following: boolean;
}

export interface ReplyRow {
  id: string;
  content_id: string;
  body: string;
  body_html: string;
  author_id: string | null;
  organization_id: string;
  hidden: boolean;
  score: number;
  version: number;
  created_at: Date;
  updated_at: Date;
  author_name: string | null;
  author_title: string | null;
  organization_code: string;
  organization_name: string;
  my_vote: number;
  hidden_reason: string | null;
  my_flag: FlagReason | null;
}

/** The columns written on create and edit. */
export interface ContentWrite {
  title: string;
  slug: string;
  body: string;
  bodyHtml: string;
  bodyText: string;
  summary: string;
  status: ContentStatus;
  visibility: Visibility;
  tags: string[];
  attributes: Record<string, unknown>;
}

/** What the write paths lock and check: the row itself, without joins. */
export interface ContentLockRow {
  id: string;
  kind: ContentKind;
  title: string;
  body: string;
  tags: string[];
  attributes: Record<string, unknown>;
  status: ContentStatus;
  visibility: Visibility;
  locked: boolean;
  author_id: string | null;
  organization_id: string;
  accepted_reply_id: string | null;
  duplicate_of_id: string | null;
  version: number;
  published_at: Date | null;
  deleted_at: Date | null;
  hidden_by_flags: boolean;
  organization_type: OrganizationType;
}

export interface ReplyLockRow {
  id: string;
  content_id: string;
  body: string;
  author_id: string | null;
  organization_id: string;
  hidden: boolean;
  hidden_by_flags: boolean;
  version: number;
  deleted_at: Date | null;
}

export interface ListFilter {
  kind?: ContentKind;
  tag?: string;
  componentSlug?: string;
  organizationCode?: string;
  status?: ContentStatus;
  /** A suggestion's or webinar's lifecycle status (attributes.status). */
  state?: string;
  /** Items linked to this webinar (attributes.webinarId). */
  webinarId?: string;
  /** Cases: the IT system and the supplier, any case. */
  system?: string;
  supplier?: string;
  authorId?: string;
  /** Whose vote to read along (my_vote). */
  viewerId?: string | null;
  sort: ContentSort;
  limit: number;
  offset: number;
}

const SUMMARY_COLUMNS = `
  c.id, c.kind, c.slug, c.title, c.summary, c.status, c.visibility, c.tags, c.attributes, c.score, c.reply_count,
  c.accepted_reply_id, c.locked, c.author_id, c.organization_id, c.created_at, c.updated_at, c.last_activity_at,
  o.code AS organization_code, o.name AS organization_name, o.type AS organization_type, u.name AS author_name, u.title AS author_title,
  COALESCE((
    SELECT json_agg(json_build_object('slug', cat.slug, 'name', cat.name) ORDER BY cc.position)
    FROM content_component cc JOIN catalog_component cat ON cat.id = cc.component_id
    WHERE cc.content_id = c.id
  ), '[]'::json) AS components,
  CASE WHEN c.kind = 'webinar' THEN (SELECT count(*)::int FROM webinar_registration wr WHERE wr.content_id = c.id) END AS registration_count,
  CASE WHEN c.kind = 'webinar' AND jsonb_typeof(c.attributes->'hosts') = 'array' THEN COALESCE((
    SELECT json_agg(json_build_object('code', h.code, 'name', h.name) ORDER BY t.n)
    FROM jsonb_array_elements_text(c.attributes->'hosts') WITH ORDINALITY AS t(code, n) JOIN organization h ON h.code = t.code
  ), '[]'::json) ELSE '[]'::json END AS host_organizations,
  CASE WHEN c.kind = 'case' THEN (SELECT count(DISTINCT w.organization_id)::int FROM case_working_on w
    JOIN "user" wu ON wu.id = w.user_id AND wu.status = 'active' WHERE w.content_id = c.id) END
    AS working_on_count`;

const ORDER: Record<ContentSort, string> = {
  newest: 'c.created_at DESC, c.id DESC',
  active: 'c.last_activity_at DESC, c.id DESC',
  votes: 'c.score DESC, c.created_at DESC, c.id DESC',
  unanswered: 'c.created_at DESC, c.id DESC',
  solved: 'c.last_activity_at DESC, c.id DESC',
  // Open work first: planned, being considered, new; then done and declined. Within each, most votes.
  status: `CASE c.attributes->>'status' WHEN 'planned' THEN 0 WHEN 'considering' THEN 1 WHEN 'new' THEN 2 WHEN 'held' THEN 3
    WHEN 'declined' THEN 4 ELSE 5 END, c.score DESC, c.created_at DESC, c.id DESC`,
  // Webinars by when they happen (the attribute holds an offset, so compare as instants, not as text).
  upcoming: `infraforum_timestamptz(c.attributes->>'startsAt') ASC NULLS LAST, c.id ASC`,
  recent: `infraforum_timestamptz(c.attributes->>'startsAt') DESC NULLS LAST, c.id DESC`,
};

/** A short name as a literal inside a regular expression ("C++" must not be read as a pattern). */
const ESCAPED_SHORT_NAME = `regexp_replace(p.short_name, '([.^$*+?()\\[\\]{}|\\\\])', '\\\\\\1', 'g')`;

/**
 * Phased-out components an item is about (linked) or mentions by short name in its title or text (SF1600). A case
 * is judged by its links only: its text names what it moved away from.
 */
const PHASED_OUT = `COALESCE((
  SELECT json_agg(json_build_object('slug', p.slug, 'name', p.name, 'shortName', p.short_name,
           'since', to_char(p.phased_out_at, 'YYYY-MM-DD'),
           'replacedBy', CASE WHEN r.id IS NULL THEN NULL ELSE json_build_object('slug', r.slug, 'name', r.name) END)
         ORDER BY p.position, p.name)
  FROM catalog_component p LEFT JOIN catalog_component r ON r.id = p.replaced_by_id
  WHERE p.phased_out_at IS NOT NULL AND p.phased_out_at <= current_date
    AND (EXISTS (SELECT 1 FROM content_component cc WHERE cc.content_id = c.id AND cc.component_id = p.id)
      OR (c.kind <> 'case' AND p.short_name IS NOT NULL
        AND (c.title ~* ('\\m' || ${ESCAPED_SHORT_NAME} || '\\M') OR c.body_text ~* ('\\m' || ${ESCAPED_SHORT_NAME} || '\\M'))))
), '[]'::json)`;

/** Guides and cases not confirmed for 12 months are due for review. */
const REVIEW_DUE = `(c.kind IN ('guide', 'case') AND c.checked_at < now() - interval '12 months')`;

export interface ReviewStateRow {
  checked_at: Date;
  due: boolean;
  phased_out: { slug: string; name: string; shortName: string | null; since: string; replacedBy: { slug: string; name: string } | null }[];
}

const REPLY_COLUMNS = `
  r.id, r.content_id, r.body, r.body_html, r.author_id, r.organization_id, r.hidden, r.hidden_reason, r.score, r.version, r.created_at, r.updated_at,
  u.name AS author_name, u.title AS author_title, o.code AS organization_code, o.name AS organization_name`;

/** All SQL about content, replies, votes and revisions. Reads are hand-written: they are the hot paths. */
@Injectable()
export class ContentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Outside a transaction through a named prepared statement (the hot reads); inside one on its connection. */
  private run<T>(sql: string, params: unknown[], manager?: EntityManager): Promise<T[]> {
    if (manager) return manager.query(sql, params) as Promise<T[]>;
    return preparedQuery<T>(poolOf(this.dataSource), sql, params);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  private listConditions(scope: ContentReadScope, filter: ListFilter, p: SqlParams): string {
    const where = [readScopeCondition(scope, p)];
    if (filter.kind) where.push(`c.kind = ${p.add(filter.kind)}`);
    if (filter.status) where.push(`c.status = ${p.add(filter.status)}`);
    if (filter.authorId) where.push(`c.author_id = ${p.add(filter.authorId)}`);
    if (filter.state) where.push(`c.attributes->>'status' = ${p.add(filter.state)}`);
    if (filter.webinarId) where.push(`c.attributes ? 'webinarId' AND c.attributes->>'webinarId' = ${p.add(filter.webinarId)}`);
    if (filter.tag) where.push(`c.tags @> ARRAY[${p.add(filter.tag)}]::text[]`);
    if (filter.system) where.push(`lower(c.attributes->>'system') = lower(${p.add(filter.system)})`);
    if (filter.supplier) where.push(`lower(c.attributes->>'supplier') = lower(${p.add(filter.supplier)})`);
    if (filter.organizationCode) {
      where.push(`c.organization_id = (SELECT id FROM organization WHERE code = ${p.add(filter.organizationCode)})`);
    }
    if (filter.componentSlug) {
      where.push(`EXISTS (
        SELECT 1 FROM content_component cc JOIN catalog_component cat ON cat.id = cc.component_id
        WHERE cc.content_id = c.id AND (cat.slug = ${p.add(filter.componentSlug)}
          OR cat.parent_id = (SELECT id FROM catalog_component WHERE slug = ${p.add(filter.componentSlug)})))`);
    }
    if (filter.sort === 'unanswered') where.push('c.reply_count = 0');
    if (filter.sort === 'solved') where.push('c.accepted_reply_id IS NOT NULL');
    return where.join(' AND ');
  }

  /** One page and the total, both under the same read scope. */
  async list(scope: ContentReadScope, filter: ListFilter): Promise<{ rows: ContentRow[]; total: number }> {
    const p = new SqlParams();
    const where = this.listConditions(scope, filter, p);
    const countParams = [...p.values];
    const myVote = filter.viewerId
      ? `COALESCE((SELECT v.value FROM vote v WHERE v.content_id = c.id AND v.user_id = ${p.add(filter.viewerId)}), 0)::int`
      : '0';
    const pageSql = `
      SELECT ${SUMMARY_COLUMNS}, ${myVote} AS my_vote
      FROM (SELECT * FROM content c WHERE ${where} ORDER BY ${ORDER[filter.sort]} LIMIT ${p.add(filter.limit)} OFFSET ${p.add(filter.offset)}) c
      JOIN organization o ON o.id = c.organization_id
      LEFT JOIN "user" u ON u.id = c.author_id
      ORDER BY ${ORDER[filter.sort]}`;
    const [rows, count] = await Promise.all([
      this.run<ContentRow>(pageSql, p.values),
      this.run<{ total: number }>(`SELECT count(*)::int AS total FROM content c WHERE ${where}`, countParams),
    ]);
    return { rows, total: count[0]?.total ?? 0 };
  }

  /** The item if it is in the viewer's read scope, with the viewer's vote. */
  async findVisible(
    id: string,
    scope: ContentReadScope,
    viewerId: string | null,
    manager?: EntityManager,
  ): Promise<ContentDetailRow | null> {
    const p = new SqlParams();
    const idParam = p.add(id);
    const viewerParam = p.add(viewerId);
    const rows = await this.run<ContentDetailRow>(
      `SELECT ${SUMMARY_COLUMNS}, c.body, c.body_html, c.version, c.duplicate_of_id, c.hidden_reason, c.hidden_by_flags,
         d.title AS duplicate_of_title, d.slug AS duplicate_of_slug, d.kind AS duplicate_of_kind,
         COALESCE((SELECT v.value FROM vote v WHERE v.content_id = c.id AND v.user_id = ${viewerParam}), 0)::int AS my_vote,
         (SELECT f.reason FROM flag f WHERE f.content_id = c.id AND f.reply_id IS NULL AND f.user_id = ${viewerParam}
            AND f.resolved_at IS NULL) AS my_flag,
         EXISTS (SELECT 1 FROM subscription s WHERE s.user_id = ${viewerParam} AND s.target_type = 'content'
            AND s.target_key = c.id::text) AS following
       FROM content c
       JOIN organization o ON o.id = c.organization_id
       LEFT JOIN "user" u ON u.id = c.author_id
       LEFT JOIN content d ON d.id = c.duplicate_of_id AND ${readScopeCondition(scope, p, 'd')}
       WHERE c.id = ${idParam} AND ${readScopeCondition(scope, p)}`,
      p.values,
      manager,
    );
    return rows[0] ?? null;
  }

  /** Items of `kind` about any of the components (or their sub-components), best first, within the read scope. */
  async listForComponents(componentIds: string[], kind: ContentKind, scope: ContentReadScope, limit: number): Promise<ContentRow[]> {
    if (componentIds.length === 0) return [];
    const p = new SqlParams();
    return this.run<ContentRow>(
      `SELECT ${SUMMARY_COLUMNS}
       FROM content c JOIN organization o ON o.id = c.organization_id LEFT JOIN "user" u ON u.id = c.author_id
       WHERE c.kind = ${p.add(kind)} AND ${readScopeCondition(scope, p)}
         AND EXISTS (SELECT 1 FROM content_component cc WHERE cc.content_id = c.id AND cc.component_id = ANY(${p.add(componentIds)}::uuid[]))
       ORDER BY c.score DESC, c.last_activity_at DESC, c.id DESC
       LIMIT ${p.add(limit)}`,
      p.values,
    );
  }

  async reviewState(id: string): Promise<ReviewStateRow | null> {
    const rows = await this.run<ReviewStateRow>(
      `SELECT c.checked_at, ${REVIEW_DUE} AS due, ${PHASED_OUT} AS phased_out FROM content c WHERE c.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Published items that may be outdated, least recently checked first, within the read scope and the owner filter. */
  async listForReview(
    scope: ContentReadScope,
    owner: { authorId?: string; organizationId?: string },
    limit: number,
    offset: number,
  ): Promise<{ rows: (ContentRow & ReviewStateRow)[]; total: number }> {
    const p = new SqlParams();
    const where = [readScopeCondition(scope, p), `c.status = 'published'`];
    const mine: string[] = [];
    if (owner.authorId) mine.push(`c.author_id = ${p.add(owner.authorId)}`);
    if (owner.organizationId) mine.push(`c.organization_id = ${p.add(owner.organizationId)}`);
    if (mine.length > 0) where.push(`(${mine.join(' OR ')})`);
    const inner = `SELECT ${SUMMARY_COLUMNS}, 0 AS my_vote, c.checked_at, ${REVIEW_DUE} AS due, ${PHASED_OUT} AS phased_out
      FROM content c JOIN organization o ON o.id = c.organization_id LEFT JOIN "user" u ON u.id = c.author_id
      WHERE ${where.join(' AND ')}`;
    const countParams = [...p.values];
    const [rows, count] = await Promise.all([
      this.run<ContentRow & ReviewStateRow>(
        `SELECT * FROM (${inner}) x WHERE x.due OR json_array_length(x.phased_out) > 0
         ORDER BY x.checked_at ASC, x.id ASC LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`,
        p.values,
      ),
      this.run<{ n: number }>(
        `SELECT count(*)::int AS n FROM (${inner}) x WHERE x.due OR json_array_length(x.phased_out) > 0`,
        countParams,
      ),
    ]);
    return { rows, total: count[0]?.n ?? 0 };
  }

  async moveReplyFlags(replyId: string, contentId: string, manager: EntityManager): Promise<void> {
    await this.run(`UPDATE flag SET content_id = $2 WHERE reply_id = $1`, [replyId, contentId], manager);
  }

  /** A moderator showed the item again from its page: its open flags are decided as dismissed with the same reason. */
  async dismissOpenFlags(contentId: string, moderatorId: string, reason: string, manager: EntityManager): Promise<number> {
    const rows = await this.run<{ id: string }>(
      `WITH dismissed AS (
         UPDATE flag SET resolved_at = now(), resolved_by = $2, resolution = 'dismiss', resolution_reason = $3
         WHERE content_id = $1 AND reply_id IS NULL AND resolved_at IS NULL RETURNING id
       ) SELECT id FROM dismissed`,
      [contentId, moderatorId, reason],
      manager,
    );
    return rows.length;
  }

  async markChecked(id: string, manager: EntityManager): Promise<void> {
    await this.run(`UPDATE content SET checked_at = now() WHERE id = $1`, [id], manager);
  }

  /** The toolbox sections an item is in; KOMBIT's own material is "published", a municipality's "recommended". */
  toolboxPlacements(id: string): Promise<{ slug: string; title: string; kombit: boolean }[]> {
    return this.run(
      `SELECT s.slug, s.title, (o.type = 'kombit') AS kombit
       FROM toolbox_item i JOIN toolbox_section s ON s.id = i.section_id
       JOIN content c ON c.id = i.content_id JOIN organization o ON o.id = c.organization_id
       WHERE i.content_id = $1 ORDER BY s.position`,
      [id],
    );
  }

  /** Replies in thread order: the accepted answer, then by votes, then oldest. Hidden ones only when `includeHidden`. */
  async listReplies(
    contentId: string,
    options: { viewerId: string | null; includeHiddenOf: 'none' | 'all' | 'own'; limit: number; offset: number; withTotal?: boolean },
  ): Promise<{ rows: ReplyRow[]; total: number }> {
    // Built twice: the count takes no limit, offset or viewer, and each statement must get exactly its parameters.
    const where = (p: SqlParams): string => {
      const hidden =
        options.includeHiddenOf === 'all'
          ? 'TRUE'
          : options.includeHiddenOf === 'own'
            ? `(NOT r.hidden OR r.author_id = ${p.add(options.viewerId)})`
            : 'NOT r.hidden';
      return `r.content_id = ${p.add(contentId)} AND r.deleted_at IS NULL AND ${hidden}`;
    };
    const p = new SqlParams();
    const viewerParam = p.add(options.viewerId);
    const pageWhere = where(p);
    const countParams = new SqlParams();
    const countWhere = where(countParams);
    const [rows, count] = await Promise.all([
      this.run<ReplyRow>(
        `SELECT ${REPLY_COLUMNS},
           COALESCE((SELECT v.value FROM vote v WHERE v.reply_id = r.id AND v.user_id = ${viewerParam}), 0)::int AS my_vote,
           (SELECT f.reason FROM flag f WHERE f.reply_id = r.id AND f.user_id = ${viewerParam} AND f.resolved_at IS NULL LIMIT 1) AS my_flag
         FROM reply r
         JOIN content c ON c.id = r.content_id
         JOIN organization o ON o.id = r.organization_id
         LEFT JOIN "user" u ON u.id = r.author_id
         WHERE ${pageWhere}
         ORDER BY (r.id = c.accepted_reply_id) IS TRUE DESC, r.score DESC, r.created_at ASC, r.id ASC
         LIMIT ${p.add(options.limit)} OFFSET ${p.add(options.offset)}`,
        p.values,
      ),
      options.withTotal === false
        ? Promise.resolve([])
        : this.run<{ total: number }>(`SELECT count(*)::int AS total FROM reply r WHERE ${countWhere}`, countParams.values),
    ]);
    return { rows, total: count[0]?.total ?? 0 };
  }

  async findReply(id: string, viewerId: string | null, manager?: EntityManager): Promise<ReplyRow | null> {
    const rows = await this.run<ReplyRow>(
      `SELECT ${REPLY_COLUMNS},
         COALESCE((SELECT v.value FROM vote v WHERE v.reply_id = r.id AND v.user_id = $2), 0)::int AS my_vote,
         (SELECT f.reason FROM flag f WHERE f.reply_id = r.id AND f.user_id = $2 AND f.resolved_at IS NULL LIMIT 1) AS my_flag
       FROM reply r JOIN organization o ON o.id = r.organization_id LEFT JOIN "user" u ON u.id = r.author_id
       WHERE r.id = $1 AND r.deleted_at IS NULL`,
      [id, viewerId],
      manager,
    );
    return rows[0] ?? null;
  }

  // ---- Writes: each takes the transaction's manager ----

  /**
   * Locks the content row: votes, accepts, replies and edits of one item queue behind each other. NO KEY UPDATE, as the
   * UPDATEs themselves take: it leaves foreign-key checks on the row free, so two questions marked as each other's
   * duplicates at once do not deadlock on each other's `duplicate_of_id` check.
   */
  /** `share`: readers of the row who must not see it change under them (several may hold it at once). */
  async lockContent(id: string, manager: EntityManager, mode: 'update' | 'share' = 'update'): Promise<ContentLockRow | null> {
    const rows = await this.run<ContentLockRow>(
      `SELECT id, kind, title, body, tags, attributes, status, visibility, locked, author_id, organization_id, accepted_reply_id,
              duplicate_of_id, version, published_at, deleted_at, hidden_by_flags,
              (SELECT o.type FROM organization o WHERE o.id = content.organization_id) AS organization_type
       FROM content WHERE id = $1 ${mode === 'share' ? 'FOR SHARE' : 'FOR NO KEY UPDATE'}`,
      [id],
      manager,
    );
    return rows[0] ?? null;
  }

  async lockReply(id: string, manager: EntityManager): Promise<ReplyLockRow | null> {
    const rows = await this.run<ReplyLockRow>(
      `SELECT id, content_id, body, author_id, organization_id, hidden, hidden_by_flags, version, deleted_at FROM reply WHERE id = $1 FOR UPDATE`,
      [id],
      manager,
    );
    return rows[0] ?? null;
  }

  async insertContent(
    input: ContentWrite & { kind: ContentKind; authorId: string; organizationId: string },
    manager: EntityManager,
  ): Promise<string> {
    const rows = await this.run<{ id: string }>(
      `INSERT INTO content (kind, title, slug, body, body_html, body_text, summary, author_id, organization_id, status, visibility, tags,
                            attributes, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::varchar, $11, $12, $13, CASE WHEN $10::varchar = 'published' THEN now() END)
       RETURNING id`,
      [
        input.kind,
        input.title,
        input.slug,
        input.body,
        input.bodyHtml,
        input.bodyText,
        input.summary,
        input.authorId,
        input.organizationId,
        input.status,
        input.visibility,
        input.tags,
        JSON.stringify(input.attributes),
      ],
      manager,
    );
    return rows[0]!.id;
  }

  /** Replaces the editable columns; `bumpVersion` when title, body, tags or attributes changed. */
  async updateContent(id: string, input: ContentWrite, bumpVersion: boolean, manager: EntityManager): Promise<void> {
    await this.run(
      `UPDATE content SET title = $2, slug = $3, body = $4, body_html = $5, body_text = $6, summary = $7, status = $8::varchar, visibility = $9,
         tags = $10, attributes = $11, version = version + $12, updated_at = now(),
         published_at = CASE WHEN $8::varchar = 'published' THEN COALESCE(published_at, now()) ELSE published_at END,
         checked_at = CASE WHEN $8::varchar = 'published' AND published_at IS NULL THEN now() ELSE checked_at END
       WHERE id = $1`,
      [
        id,
        input.title,
        input.slug,
        input.body,
        input.bodyHtml,
        input.bodyText,
        input.summary,
        input.status,
        input.visibility,
        input.tags,
        JSON.stringify(input.attributes),
        bumpVersion ? 1 : 0,
      ],
      manager,
    );
  }

  /**
   * Moves an item through the publishing workflow. Published for the first time: from now on it counts as new (its
   * activity, its publication and its last check are today), however long it waited in review.
   */
  async setPublishingStatus(id: string, status: ContentStatus, manager: EntityManager): Promise<void> {
    await this.run(
      `UPDATE content SET status = $2::varchar,
         published_at = CASE WHEN $2::varchar = 'published' THEN COALESCE(published_at, now()) ELSE published_at END,
         checked_at = CASE WHEN $2::varchar = 'published' AND published_at IS NULL THEN now() ELSE checked_at END,
         last_activity_at = CASE WHEN $2::varchar = 'published' AND published_at IS NULL THEN now() ELSE last_activity_at END
       WHERE id = $1`,
      [id, status],
      manager,
    );
  }

  async setComponents(contentId: string, componentIds: string[], manager: EntityManager): Promise<void> {
    await this.run(`DELETE FROM content_component WHERE content_id = $1`, [contentId], manager);
    if (componentIds.length === 0) return;
    await this.run(
      `INSERT INTO content_component (content_id, component_id, position)
       SELECT $1, component_id, ordinality - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS t(component_id, ordinality)`,
      [contentId, componentIds],
      manager,
    );
  }

  async setContentFlags(
    id: string,
    changes: {
      status?: ContentStatus;
      locked?: boolean;
      duplicateOfId?: string | null;
      deleted?: boolean;
      hiddenReason?: string | null;
      hiddenByFlags?: boolean;
    },
    manager: EntityManager,
  ): Promise<void> {
    const p = new SqlParams();
    const sets = ['updated_at = now()'];
    if (changes.hiddenReason !== undefined) sets.push(`hidden_reason = ${p.add(changes.hiddenReason)}`);
    if (changes.hiddenByFlags !== undefined) sets.push(`hidden_by_flags = ${p.add(changes.hiddenByFlags)}`);
    if (changes.status !== undefined) sets.push(`status = ${p.add(changes.status)}`);
    if (changes.locked !== undefined) sets.push(`locked = ${p.add(changes.locked)}`);
    if (changes.duplicateOfId !== undefined) sets.push(`duplicate_of_id = ${p.add(changes.duplicateOfId)}`);
    if (changes.deleted) sets.push('deleted_at = now()');
    await this.run(`UPDATE content SET ${sets.join(', ')} WHERE id = ${p.add(id)}`, p.values, manager);
  }

  async insertRevision(
    revision: {
      contentId: string;
      replyId: string | null;
      version: number;
      title: string;
      body: string;
      tags: string[];
      attributes: Record<string, unknown>;
      editorId: string;
      reason: string | null;
    },
    manager: EntityManager,
  ): Promise<void> {
    await this.run(
      `INSERT INTO revision (content_id, reply_id, version, title, body, tags, attributes, editor_id, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        revision.contentId,
        revision.replyId,
        revision.version,
        revision.title,
        revision.body,
        revision.tags,
        JSON.stringify(revision.attributes),
        revision.editorId,
        revision.reason,
      ],
      manager,
    );
  }

  /** Earlier versions of the content itself (not its replies), newest first, with the editor of the following version. */
  listRevisions(contentId: string): Promise<
    {
      version: number;
      title: string;
      body: string;
      tags: string[];
      attributes: Record<string, unknown>;
      edited_at: Date;
      reason: string | null;
      editor_name: string | null;
      editor_title: string | null;
      editor_organization_code: string | null;
      editor_organization_name: string | null;
    }[]
  > {
    return this.run(
      `SELECT r.version, r.title, r.body, r.tags, r.attributes, r.edited_at, r.reason,
              u.name AS editor_name, u.title AS editor_title, o.code AS editor_organization_code, o.name AS editor_organization_name
       FROM revision r LEFT JOIN "user" u ON u.id = r.editor_id LEFT JOIN organization o ON o.id = u.organization_id
       WHERE r.content_id = $1 AND r.reply_id IS NULL
       ORDER BY r.version DESC`,
      [contentId],
    );
  }

  async insertReply(
    input: { contentId: string; authorId: string; organizationId: string; body: string; bodyHtml: string; bodyText: string },
    manager: EntityManager,
  ): Promise<string> {
    const rows = await this.run<{ id: string }>(
      `INSERT INTO reply (content_id, author_id, organization_id, body, body_html, body_text) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [input.contentId, input.authorId, input.organizationId, input.body, input.bodyHtml, input.bodyText],
      manager,
    );
    return rows[0]!.id;
  }

  async updateReplyBody(id: string, body: { body: string; bodyHtml: string; bodyText: string }, manager: EntityManager): Promise<void> {
    await this.run(
      `UPDATE reply SET body = $2, body_html = $3, body_text = $4, version = version + 1, updated_at = now() WHERE id = $1`,
      [id, body.body, body.bodyHtml, body.bodyText],
      manager,
    );
  }

  async setReplyFlags(
    id: string,
    changes: { hidden?: boolean; deleted?: boolean; contentId?: string; hiddenReason?: string | null; hiddenByFlags?: boolean },
    manager: EntityManager,
  ): Promise<void> {
    const p = new SqlParams();
    const sets = ['updated_at = now()'];
    if (changes.hiddenReason !== undefined) sets.push(`hidden_reason = ${p.add(changes.hiddenReason)}`);
    if (changes.hiddenByFlags !== undefined) sets.push(`hidden_by_flags = ${p.add(changes.hiddenByFlags)}`);
    if (changes.hidden !== undefined) sets.push(`hidden = ${p.add(changes.hidden)}`);
    if (changes.deleted) sets.push('deleted_at = now()');
    if (changes.contentId !== undefined) sets.push(`content_id = ${p.add(changes.contentId)}`);
    await this.run(`UPDATE reply SET ${sets.join(', ')} WHERE id = ${p.add(id)}`, p.values, manager);
  }

  /** Recounts visible replies and the last activity of a thread (after a reply is added, hidden, deleted or moved). */
  async refreshThreadCounters(contentId: string, manager: EntityManager): Promise<void> {
    await this.run(
      `UPDATE content c SET
         reply_count = (SELECT count(*) FROM reply r WHERE r.content_id = c.id AND r.deleted_at IS NULL AND NOT r.hidden),
         last_activity_at = GREATEST(c.created_at, COALESCE((SELECT max(r.created_at) FROM reply r
           WHERE r.content_id = c.id AND r.deleted_at IS NULL AND NOT r.hidden), c.created_at))
       WHERE c.id = $1`,
      [contentId],
      manager,
    );
  }

  async setAcceptedReply(contentId: string, replyId: string | null, manager: EntityManager): Promise<void> {
    await this.run(`UPDATE content SET accepted_reply_id = $2, last_activity_at = now() WHERE id = $1`, [contentId, replyId], manager);
  }

  /**
   * Sets (or with 0 removes) a user's vote and recomputes the target's score from the votes themselves, all under
   * the target's row lock taken by the caller: parallel votes queue and the score always equals the sum.
   */
  async setVote(
    target: { contentId: string } | { replyId: string },
    userId: string,
    value: 1 | -1 | 0,
    manager: EntityManager,
  ): Promise<number> {
    const isContent = 'contentId' in target;
    const column = isContent ? 'content_id' : 'reply_id';
    const id = isContent ? target.contentId : target.replyId;
    if (value === 0) {
      await this.run(`DELETE FROM vote WHERE user_id = $1 AND ${column} = $2`, [userId, id], manager);
    } else {
      await this.run(
        `INSERT INTO vote (user_id, ${column}, value) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, ${column}) WHERE ${column} IS NOT NULL DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
        [userId, id, value],
        manager,
      );
    }
    const table = isContent ? 'content' : 'reply';
    const rows = await this.run<{ score: number }>(
      // As a CTE: TypeORM returns a bare UPDATE's rows in a different shape.
      `WITH updated AS (
         UPDATE ${table} SET score = (SELECT COALESCE(sum(value), 0) FROM vote WHERE ${column} = $1) WHERE id = $1 RETURNING score
       ) SELECT score FROM updated`,
      [id],
      manager,
    );
    return rows[0]?.score ?? 0;
  }

  /** Demo data only: dates an item and its replies as if written earlier, so lists look lived-in. */
  async backdate(contentId: string, contentCreatedAt: Date, replies: { id: string; createdAt: Date }[]): Promise<void> {
    await this.transaction(async (manager) => {
      await this.run(
        `UPDATE content SET created_at = $2, updated_at = $2, published_at = $2, checked_at = $2 WHERE id = $1`,
        [contentId, contentCreatedAt],
        manager,
      );
      for (const reply of replies) {
        await this.run(`UPDATE reply SET created_at = $2, updated_at = $2 WHERE id = $1`, [reply.id, reply.createdAt], manager);
      }
      await this.refreshThreadCounters(contentId, manager);
    });
  }

  /** Whether `authorId` already wrote an item with this title (demo seeding is idempotent per item). */
  async existsByAuthorAndTitle(authorId: string, title: string): Promise<boolean> {
    const rows = await this.run<{ found: boolean }>(`SELECT EXISTS (SELECT 1 FROM content WHERE author_id = $1 AND title = $2) AS found`, [
      authorId,
      title,
    ]);
    return rows[0]?.found ?? false;
  }

  /** Component ids by slug; unknown slugs are missing from the map. */
  async componentIdsBySlug(slugs: string[], manager?: EntityManager): Promise<Map<string, string>> {
    if (slugs.length === 0) return new Map();
    const rows = await this.run<{ id: string; slug: string }>(
      `SELECT id, slug FROM catalog_component WHERE slug = ANY($1::text[])`,
      [slugs],
      manager,
    );
    return new Map(rows.map((row) => [row.slug, row.id]));
  }

  async componentSlugsOf(contentId: string, manager?: EntityManager): Promise<string[]> {
    const rows = await this.run<{ slug: string }>(
      `SELECT cat.slug FROM content_component cc JOIN catalog_component cat ON cat.id = cc.component_id WHERE cc.content_id = $1 ORDER BY cc.position`,
      [contentId],
      manager,
    );
    return rows.map((row) => row.slug);
  }
}
