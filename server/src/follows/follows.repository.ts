import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContentKind, DigestFrequency, SubscriptionTarget, SubscriptionType, UserRole } from '@infraforum/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { ContentReadScope } from '../common/access-policy.js';
import { readScopeCondition, SqlParams } from '../content/content.repository.js';

export interface SubscriptionRow {
  target_type: SubscriptionType;
  target_key: string;
  created_at: Date;
  content_kind: ContentKind | null;
  content_slug: string | null;
  /** The content's title, the component's name or the section's title; null when it is gone or unreadable. */
  title: string | null;
}

export interface FollowerRow {
  user_id: string;
  role: UserRole;
  organization_id: string;
}

/** SQL about who follows what and how they want to hear about it. */
@Injectable()
export class FollowsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private q<T>(sql: string, params: unknown[], manager?: EntityManager): Promise<T[]> {
    return (manager ?? this.dataSource.manager).query(sql, params) as Promise<T[]>;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** What the member follows, named as it is now; content they may no longer read comes back without a title. */
  list(userId: string, scope: ContentReadScope): Promise<SubscriptionRow[]> {
    const p = new SqlParams();
    const user = p.add(userId);
    return this.q<SubscriptionRow>(
      `SELECT s.target_type, s.target_key, s.created_at, c.kind AS content_kind, c.slug AS content_slug,
              COALESCE(c.title, cat.name, ts.title, CASE WHEN s.target_type = 'tag' THEN '#' || s.target_key END) AS title
       FROM subscription s
       LEFT JOIN content c ON s.target_type = 'content'
         AND c.id = CASE WHEN s.target_key ~ '^[0-9]{1,18}$' THEN s.target_key::bigint END AND ${readScopeCondition(scope, p)}
       LEFT JOIN catalog_component cat ON s.target_type = 'component' AND cat.slug = s.target_key
       LEFT JOIN toolbox_section ts ON s.target_type = 'toolbox_section' AND ts.slug = s.target_key
       WHERE s.user_id = ${user}
       ORDER BY s.target_type, s.created_at DESC, s.id DESC`,
      p.values,
    );
  }

  async add(userId: string, target: SubscriptionTarget, manager?: EntityManager): Promise<void> {
    await this.q(
      `INSERT INTO subscription (user_id, target_type, target_key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [userId, target.type, target.key],
      manager,
    );
  }

  async remove(userId: string, type: SubscriptionType, key: string): Promise<void> {
    await this.q(`DELETE FROM subscription WHERE user_id = $1 AND target_type = $2 AND target_key = $3`, [userId, type, key]);
  }

  /** Replaces the whole set in one transaction: what is not listed is unfollowed, what is new is followed. */
  async replace(userId: string, targets: readonly SubscriptionTarget[], manager: EntityManager): Promise<void> {
    const types = targets.map((target) => target.type);
    const keys = targets.map((target) => target.key);
    await this.q(
      `DELETE FROM subscription s WHERE s.user_id = $1
         AND NOT EXISTS (SELECT 1 FROM unnest($2::text[], $3::text[]) AS t(type, key) WHERE t.type = s.target_type AND t.key = s.target_key)`,
      [userId, types, keys],
      manager,
    );
    await this.q(
      `INSERT INTO subscription (user_id, target_type, target_key)
       SELECT $1, t.type, t.key FROM unnest($2::text[], $3::text[]) AS t(type, key) ON CONFLICT DO NOTHING`,
      [userId, types, keys],
      manager,
    );
  }

  /** Active members following any of the targets; the service checks each may read the item. */
  followers(targets: readonly SubscriptionTarget[], manager?: EntityManager): Promise<FollowerRow[]> {
    if (targets.length === 0) return Promise.resolve([]);
    return this.q<FollowerRow>(
      `SELECT DISTINCT u.id AS user_id, u.role, u.organization_id
       FROM subscription s JOIN "user" u ON u.id = s.user_id
       JOIN unnest($1::text[], $2::text[]) AS t(type, key) ON t.type = s.target_type AND t.key = s.target_key
       WHERE u.status = 'active' AND u.deleted_at IS NULL`,
      [targets.map((target) => target.type), targets.map((target) => target.key)],
      manager,
    );
  }

  /** Which of these exist: component slugs, toolbox section slugs. */
  async existingKeys(type: 'component' | 'toolbox_section', keys: readonly string[], manager?: EntityManager): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const table = type === 'component' ? 'catalog_component' : 'toolbox_section';
    const rows = await this.q<{ slug: string }>(`SELECT slug FROM ${table} WHERE slug = ANY($1::text[])`, [keys], manager);
    return new Set(rows.map((row) => row.slug));
  }

  /** Content ids among these that the member may read. */
  async readableContent(ids: readonly string[], scope: ContentReadScope, manager?: EntityManager): Promise<Set<string>> {
    const numeric = ids.filter((id) => /^[0-9]{1,18}$/.test(id));
    if (numeric.length === 0) return new Set();
    const p = new SqlParams();
    const rows = await this.q<{ id: string }>(
      `SELECT c.id FROM content c WHERE c.id = ANY(${p.add(numeric)}::bigint[]) AND ${readScopeCondition(scope, p)}`,
      p.values,
      manager,
    );
    return new Set(rows.map((row) => String(row.id)));
  }

  /** The slugs of a content's components and their parents (following "Serviceplatformen" covers SF1601). */
  componentKeysOf(contentId: string, manager: EntityManager): Promise<{ slug: string }[]> {
    return this.q<{ slug: string }>(
      `SELECT DISTINCT cat.slug FROM content_component cc JOIN catalog_component own ON own.id = cc.component_id
       JOIN catalog_component cat ON cat.id = own.id OR cat.id = own.parent_id
       WHERE cc.content_id = $1`,
      [contentId],
      manager,
    );
  }

  async settings(userId: string): Promise<{ email_immediate: boolean; digest: DigestFrequency }> {
    const rows = await this.q<{ email_immediate: boolean; digest: DigestFrequency }>(
      `SELECT email_immediate, digest FROM notification_settings WHERE user_id = $1`,
      [userId],
    );
    return rows[0] ?? { email_immediate: true, digest: 'weekly' };
  }

  async saveSettings(userId: string, settings: { emailImmediate?: boolean; digest?: DigestFrequency }): Promise<void> {
    await this.q(
      `INSERT INTO notification_settings (user_id, email_immediate, digest) VALUES ($1, COALESCE($2, true), COALESCE($3, 'weekly'))
       ON CONFLICT (user_id) DO UPDATE SET
         email_immediate = COALESCE($2, notification_settings.email_immediate),
         digest = COALESCE($3, notification_settings.digest),
         updated_at = now()`,
      [userId, settings.emailImmediate ?? null, settings.digest ?? null],
    );
  }
}
