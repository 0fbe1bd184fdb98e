import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContentKind, ContentStatus, FlagReason, FlagResolution } from '@infraforum/shared';
import { DataSource, type EntityManager } from 'typeorm';

/** A flag's target: content (replyId null) or a reply in it. */
export interface FlagTarget {
  contentId: string;
  replyId: string | null;
}

export interface FlagRow {
  id: string;
  content_id: string;
  reply_id: string | null;
  reason: FlagReason;
  text: string | null;
  created_at: Date;
  resolved_at: Date | null;
  resolution: FlagResolution | null;
  resolution_reason: string | null;
  flagger_name: string | null;
  flagger_organization_code: string;
  flagger_organization_name: string;
  resolver_name: string | null;
  resolver_organization_code: string | null;
  resolver_organization_name: string | null;
}

export interface QueueTargetRow {
  content_id: string;
  reply_id: string | null;
  organization_count: number;
  kind: ContentKind;
  title: string;
  slug: string;
  summary: string;
  status: ContentStatus;
  content_deleted: boolean;
  content_hidden_by_flags: boolean;
  locked: boolean;
  reply_text: string | null;
  reply_hidden: boolean | null;
  reply_hidden_by_flags: boolean | null;
  reply_deleted: boolean | null;
  author_name: string | null;
  author_organization_code: string | null;
  author_organization_name: string | null;
}

const FLAG_COLUMNS = `
  f.id, f.content_id, f.reply_id, f.reason, f.text, f.created_at, f.resolved_at, f.resolution, f.resolution_reason,
  u.name AS flagger_name, o.code AS flagger_organization_code, o.name AS flagger_organization_name,
  ru.name AS resolver_name, ro.code AS resolver_organization_code, ro.name AS resolver_organization_name`;
const FLAG_JOINS = `
  JOIN organization o ON o.id = f.organization_id
  LEFT JOIN "user" u ON u.id = f.user_id
  LEFT JOIN "user" ru ON ru.id = f.resolved_by
  LEFT JOIN organization ro ON ro.id = ru.organization_id`;

/** SQL about flags and the moderators' queue. */
@Injectable()
export class ModerationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private q<T>(sql: string, params: unknown[], manager?: EntityManager): Promise<T[]> {
    return (manager ?? this.dataSource.manager).query(sql, params) as Promise<T[]>;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The caller's open flag on the target, created or (on a repeat) updated. */
  async upsertFlag(
    target: FlagTarget,
    flagger: { id: string; organizationId: string },
    input: { reason: FlagReason; text: string | null },
    manager: EntityManager,
  ): Promise<{ id: string; reason: FlagReason }> {
    const rows = await this.q<{ id: string; reason: FlagReason }>(
      `INSERT INTO flag (content_id, reply_id, user_id, organization_id, reason, text)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (user_id, content_id, COALESCE(reply_id, 0)) WHERE resolved_at IS NULL
       DO UPDATE SET reason = EXCLUDED.reason, text = EXCLUDED.text
       RETURNING id, reason`,
      [target.contentId, target.replyId, flagger.id, flagger.organizationId, input.reason, input.text],
      manager,
    );
    return rows[0]!;
  }

  /** Municipalities behind the open flags on the target: the threshold counts these. */
  async openOrganizationCount(target: FlagTarget, manager: EntityManager): Promise<number> {
    const rows = await this.q<{ n: number }>(
      `SELECT count(DISTINCT organization_id)::int AS n FROM flag
       WHERE content_id = $1 AND reply_id IS NOT DISTINCT FROM $2::bigint AND resolved_at IS NULL`,
      [target.contentId, target.replyId],
      manager,
    );
    return rows[0]?.n ?? 0;
  }

  async findFlag(
    id: string,
    manager?: EntityManager,
  ): Promise<{ content_id: string; reply_id: string | null; resolved_at: Date | null } | null> {
    const rows = await this.q<{ content_id: string; reply_id: string | null; resolved_at: Date | null }>(
      `SELECT content_id, reply_id, resolved_at FROM flag WHERE id = $1`,
      [id],
      manager,
    );
    return rows[0] ?? null;
  }

  /** Resolves every open flag on the target with one decision; returns their ids. */
  async resolveOpen(
    target: FlagTarget,
    decision: { resolution: FlagResolution; reason: string | null; moderatorId: string },
    manager: EntityManager,
  ): Promise<string[]> {
    const rows = await this.q<{ id: string }>(
      `WITH resolved AS (
         UPDATE flag SET resolved_at = now(), resolved_by = $3, resolution = $4, resolution_reason = $5
         WHERE content_id = $1 AND reply_id IS NOT DISTINCT FROM $2::bigint AND resolved_at IS NULL
         RETURNING id
       ) SELECT id FROM resolved ORDER BY id`,
      [target.contentId, target.replyId, decision.moderatorId, decision.resolution, decision.reason],
      manager,
    );
    return rows.map((row) => row.id);
  }

  /** One page of targets with open flags (hidden-by-flags first, then most municipalities, then oldest), or of decided ones (newest first). */
  async queueTargets(status: 'open' | 'resolved', limit: number, offset: number): Promise<{ rows: QueueTargetRow[]; total: number }> {
    const filter = status === 'open' ? 'f.resolved_at IS NULL' : 'f.resolved_at IS NOT NULL';
    const order =
      status === 'open'
        ? `COALESCE(r.hidden_by_flags, c.hidden_by_flags) DESC, t.organization_count DESC, t.first_at ASC, t.content_id, t.reply_id NULLS FIRST`
        : `t.last_at DESC, t.content_id, t.reply_id NULLS FIRST`;
    const [rows, count] = await Promise.all([
      this.q<QueueTargetRow>(
        `WITH t AS (
           SELECT f.content_id, f.reply_id,
                  count(DISTINCT f.organization_id)::int AS organization_count,
                  min(f.created_at) AS first_at, max(COALESCE(f.resolved_at, f.created_at)) AS last_at
           FROM flag f WHERE ${filter} GROUP BY f.content_id, f.reply_id
         )
         SELECT t.content_id, t.reply_id, t.organization_count, c.kind, c.title, c.slug, c.summary, c.status,
                (c.deleted_at IS NOT NULL) AS content_deleted, c.hidden_by_flags AS content_hidden_by_flags, c.locked,
                left(r.body_text, 600) AS reply_text, r.hidden AS reply_hidden, r.hidden_by_flags AS reply_hidden_by_flags,
                (r.deleted_at IS NOT NULL) AS reply_deleted,
                au.name AS author_name, ao.code AS author_organization_code, ao.name AS author_organization_name
         FROM t JOIN content c ON c.id = t.content_id
         LEFT JOIN reply r ON r.id = t.reply_id
         LEFT JOIN "user" au ON au.id = CASE WHEN t.reply_id IS NULL THEN c.author_id ELSE r.author_id END
         LEFT JOIN organization ao ON ao.id = CASE WHEN t.reply_id IS NULL THEN c.organization_id ELSE r.organization_id END
         ORDER BY ${order}
         LIMIT $1 OFFSET $2`,
        [limit, offset],
      ),
      this.q<{ n: number }>(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM flag f WHERE ${filter} GROUP BY f.content_id, f.reply_id) t`,
        [],
      ),
    ]);
    return { rows, total: count[0]?.n ?? 0 };
  }

  /** Every flag on the given contents (open and resolved), newest first; the service sorts them to their targets. */
  flagsOf(contentIds: string[]): Promise<FlagRow[]> {
    if (contentIds.length === 0) return Promise.resolve([]);
    return this.q<FlagRow>(
      `SELECT ${FLAG_COLUMNS} FROM flag f ${FLAG_JOINS}
       WHERE f.content_id = ANY($1::bigint[]) ORDER BY f.created_at DESC, f.id DESC`,
      [contentIds],
    );
  }
}
