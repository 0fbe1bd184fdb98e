import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContentKind } from '@infraforum/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { ContentReadScope } from '../common/access-policy.js';
import type { AttachmentListRow } from '../attachments/attachment.mapper.js';
import { readScopeCondition, SqlParams } from '../content/content.repository.js';

export interface RefRow {
  id: string;
  kind: ContentKind;
  title: string;
  slug: string;
}

export interface TimelineRow {
  from_status: string | null;
  to_status: string;
  reason: string | null;
  created_at: Date;
  actor_name: string | null;
  actor_organization_code: string | null;
  actor_organization_name: string | null;
  webinar_id: string | null;
  webinar_kind: ContentKind | null;
  webinar_title: string | null;
  webinar_slug: string | null;
}

export interface RegistrationRow {
  name: string;
  email: string;
  title: string | null;
  organization_code: string;
  organization_name: string;
  registered_at: Date;
}

export interface WebinarRow {
  id: string;
  title: string;
  slug: string;
  summary: string;
  status: string;
  attributes: Record<string, unknown>;
  updated_at: Date;
  created_at: Date;
}

/** SQL for suggestions and webinars beyond the content table: timeline, links, sign-ups, merge. */
@Injectable()
export class WebinarRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private run<T>(sql: string, params: unknown[], manager?: EntityManager): Promise<T[]> {
    return (manager ?? this.dataSource.manager).query(sql, params) as Promise<T[]>;
  }

  /** Oldest first. A linked webinar the viewer may not read is left out, not named. */
  timeline(contentId: string, scope: ContentReadScope): Promise<TimelineRow[]> {
    const p = new SqlParams();
    const idParam = p.add(contentId);
    return this.run(
      `SELECT sc.from_status, sc.to_status, sc.reason, sc.created_at, u.name AS actor_name, o.code AS actor_organization_code,
              o.name AS actor_organization_name, w.id AS webinar_id, w.kind AS webinar_kind, w.title AS webinar_title, w.slug AS webinar_slug
       FROM status_change sc
       LEFT JOIN "user" u ON u.id = sc.actor_id
       LEFT JOIN organization o ON o.id = u.organization_id
       LEFT JOIN content w ON w.id = sc.webinar_id AND ${readScopeCondition(scope, p, 'w')}
       WHERE sc.content_id = ${idParam}
       ORDER BY sc.created_at, sc.id`,
      p.values,
    );
  }

  async insertStatusChange(
    change: { contentId: string; from: string | null; to: string; reason: string | null; webinarId: string | null; actorId: string | null },
    manager: EntityManager,
  ): Promise<void> {
    await this.run(
      `INSERT INTO status_change (content_id, from_status, to_status, reason, webinar_id, actor_id) VALUES ($1, $2, $3, $4, $5, $6)`,
      [change.contentId, change.from, change.to, change.reason, change.webinarId, change.actorId],
      manager,
    );
  }

  attachmentsOf(contentId: string): Promise<AttachmentListRow[]> {
    return this.run(
      `SELECT id, name, size, media_type, created_at, (text IS NOT NULL AND text <> '') AS searchable
       FROM attachment WHERE content_id = $1 AND deleted_at IS NULL ORDER BY created_at, id`,
      [contentId],
    );
  }

  /** Items of `kind` that point at the webinar from their attributes (suggestions it answers, follow-up questions). */
  linkedTo(
    webinarId: string,
    kind: 'suggestion' | 'question',
    scope: ContentReadScope,
  ): Promise<(RefRow & { score: number; status: string | null; reply_count: number; solved: boolean; created_at: Date })[]> {
    const p = new SqlParams();
    return this.run(
      `SELECT c.id, c.kind, c.title, c.slug, c.score, c.attributes->>'status' AS status, c.reply_count,
              c.accepted_reply_id IS NOT NULL AS solved, c.created_at
       FROM content c
       WHERE c.attributes ? 'webinarId' AND c.attributes->>'webinarId' = ${p.add(webinarId)} AND c.kind = ${p.add(kind)}
         AND c.status = 'published' AND ${readScopeCondition(scope, p)}
       ORDER BY ${kind === 'suggestion' ? 'c.score DESC, c.created_at' : 'c.created_at DESC'}, c.id
       LIMIT 100`,
      p.values,
    );
  }

  /** The items among `ids` the viewer may read. */
  readableRefs(ids: readonly string[], scope: ContentReadScope, manager?: EntityManager): Promise<RefRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    const p = new SqlParams();
    return this.run(
      `SELECT c.id, c.kind, c.title, c.slug FROM content c WHERE c.id = ANY(${p.add(ids)}::bigint[]) AND ${readScopeCondition(scope, p)}`,
      p.values,
      manager,
    );
  }

  /** Municipalities by code, in the order asked; unknown codes are missing. */
  organizationsByCode(codes: readonly string[], manager?: EntityManager): Promise<{ code: string; name: string }[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return this.run(
      `SELECT o.code, o.name FROM unnest($1::text[]) WITH ORDINALITY AS t(code, n) JOIN organization o ON o.code = t.code ORDER BY t.n`,
      [codes],
      manager,
    );
  }

  async dialogueCount(webinarId: string): Promise<number> {
    const [row] = await this.run<{ count: number }>(
      `SELECT count(*)::int AS count FROM dialogue_question WHERE content_id = $1 AND deleted_at IS NULL`,
      [webinarId],
    );
    return row?.count ?? 0;
  }

  // ---- Registrations ----

  async registrationState(webinarId: string, userId: string | null): Promise<{ count: number; registered: boolean }> {
    const [row] = await this.run<{ count: number; registered: boolean }>(
      `SELECT count(*)::int AS count, COALESCE(bool_or(user_id = $2::uuid), false) AS registered
       FROM webinar_registration WHERE content_id = $1`,
      [webinarId, userId],
    );
    return row ?? { count: 0, registered: false };
  }

  /** Idempotent both ways: the primary key makes a second sign-up a no-op. */
  async setRegistered(webinarId: string, userId: string, registered: boolean, manager: EntityManager): Promise<void> {
    if (registered) {
      await this.run(
        `INSERT INTO webinar_registration (content_id, user_id) VALUES ($1, $2) ON CONFLICT (content_id, user_id) DO NOTHING`,
        [webinarId, userId],
        manager,
      );
    } else {
      await this.run(`DELETE FROM webinar_registration WHERE content_id = $1 AND user_id = $2`, [webinarId, userId], manager);
    }
  }

  registrations(webinarId: string): Promise<RegistrationRow[]> {
    return this.run(
      `SELECT u.name, u.email, u.title, o.code AS organization_code, o.name AS organization_name, r.created_at AS registered_at
       FROM webinar_registration r JOIN "user" u ON u.id = r.user_id JOIN organization o ON o.id = u.organization_id
       WHERE r.content_id = $1
       ORDER BY o.name, u.name, r.created_at`,
      [webinarId],
    );
  }

  registrantIds(webinarId: string, manager: EntityManager): Promise<{ user_id: string }[]> {
    return this.run(`SELECT user_id FROM webinar_registration WHERE content_id = $1`, [webinarId], manager);
  }

  // ---- Status and merge ----

  /**
   * The webinar a suggestion is being planned for, share-locked: taken before the suggestion's lock, the order the
   * webinar's own status change takes (webinar, then its suggestions), so the two queue instead of missing each other.
   */
  async shareLockWebinar(
    id: string,
    manager: EntityManager,
  ): Promise<{
    id: string;
    kind: ContentKind;
    title: string;
    status: string;
    visibility: string;
    attributes: Record<string, unknown>;
  } | null> {
    const rows = await this.run<{
      id: string;
      kind: ContentKind;
      title: string;
      status: string;
      visibility: string;
      attributes: Record<string, unknown>;
    }>(`SELECT id, kind, title, status, visibility, attributes FROM content WHERE id = $1 AND deleted_at IS NULL FOR SHARE`, [id], manager);
    return rows[0] ?? null;
  }

  voterIds(contentId: string, manager: EntityManager): Promise<{ user_id: string }[]> {
    return this.run(`SELECT user_id FROM vote WHERE content_id = $1 AND value > 0`, [contentId], manager);
  }

  async setAttributes(contentId: string, attributes: Record<string, unknown>, manager: EntityManager): Promise<void> {
    await this.run(
      `UPDATE content SET attributes = $2, updated_at = now() WHERE id = $1`,
      [contentId, JSON.stringify(attributes)],
      manager,
    );
  }

  /** Suggestions planned for the webinar, locked in id order (as every path that locks several items does). */
  lockPlannedSuggestions(
    webinarId: string,
    manager: EntityManager,
  ): Promise<{ id: string; author_id: string | null; attributes: Record<string, unknown> }[]> {
    return this.run(
      `SELECT id, author_id, attributes FROM content
       WHERE kind = 'suggestion' AND attributes ? 'webinarId' AND attributes->>'webinarId' = $1 AND attributes->>'status' = 'planned'
         AND status = 'published' AND deleted_at IS NULL
       ORDER BY id FOR NO KEY UPDATE`,
      [webinarId],
      manager,
    );
  }

  /**
   * Moves the source's votes to the target: a voter who already voted there, or who wrote the target, is
   * counted once (not at all for the author). Both rows are locked by the caller. Returns the target's score.
   */
  async moveVotes(sourceId: string, targetId: string, targetAuthorId: string | null, manager: EntityManager): Promise<number> {
    await this.run(
      `INSERT INTO vote (user_id, content_id, value)
       SELECT v.user_id, $2, 1 FROM vote v
       WHERE v.content_id = $1 AND v.value > 0 AND v.user_id IS DISTINCT FROM $3::uuid
       ON CONFLICT (user_id, content_id) WHERE content_id IS NOT NULL DO NOTHING`,
      [sourceId, targetId, targetAuthorId],
      manager,
    );
    await this.run(`DELETE FROM vote WHERE content_id = $1`, [sourceId], manager);
    const rows = await this.run<{ id: string; score: number }>(
      `WITH updated AS (
         UPDATE content c SET score = (SELECT COALESCE(sum(value), 0) FROM vote WHERE content_id = c.id)
         WHERE c.id = ANY($1::bigint[]) RETURNING c.id, c.score
       ) SELECT id, score FROM updated`,
      [[sourceId, targetId]],
      manager,
    );
    return rows.find((row) => row.id === targetId)?.score ?? 0;
  }

  async markMerged(sourceId: string, targetId: string, attributes: Record<string, unknown>, manager: EntityManager): Promise<void> {
    await this.run(
      `UPDATE content SET duplicate_of_id = $2, attributes = $3, locked = true, updated_at = now() WHERE id = $1`,
      [sourceId, targetId, JSON.stringify(attributes)],
      manager,
    );
  }

  // ---- Calendar ----

  /** Published webinars the viewer may read that end after `since`, soonest first. */
  webinarsEndingAfter(since: Date, scope: ContentReadScope, limit: number): Promise<WebinarRow[]> {
    const p = new SqlParams();
    return this.run(
      `SELECT c.id, c.title, c.slug, c.summary, c.status, c.attributes, c.updated_at, c.created_at FROM content c
       WHERE c.kind = 'webinar' AND c.status = 'published' AND ${readScopeCondition(scope, p)}
         AND infraforum_timestamptz(c.attributes->>'endsAt') > ${p.add(since)}
       ORDER BY infraforum_timestamptz(c.attributes->>'startsAt'), c.id
       LIMIT ${p.add(limit)}`,
      p.values,
    );
  }

  /** Demo data only: the timeline of an item dated back with it. */
  async backdateTimeline(contentId: string, at: Date): Promise<void> {
    await this.run(`UPDATE status_change SET created_at = $2 WHERE content_id = $1`, [contentId, at]);
  }
}
