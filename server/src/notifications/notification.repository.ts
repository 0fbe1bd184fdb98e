import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContentKind, ContentStatus, UserRole, Visibility } from '@infraforum/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { ContentReadScope } from '../common/access-policy.js';
import { readScopeCondition, SqlParams } from '../content/content.repository.js';

export interface NotificationRow {
  id: string;
  type: string;
  data: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
  content_id: string | null;
  content_kind: ContentKind | null;
  content_title: string | null;
  content_slug: string | null;
}

export interface MailNotificationRow {
  id: string;
  type: string;
  data: Record<string, unknown>;
  created_at: Date;
  read_at: Date | null;
  emailed_at: Date | null;
  user_id: string;
  email: string;
  name: string;
  role: UserRole;
  user_status: string;
  user_deleted_at: Date | null;
  user_organization_id: string;
  email_immediate: boolean;
  content_id: string | null;
  content_kind: ContentKind | null;
  content_title: string | null;
  content_slug: string | null;
  content_author_id: string | null;
  content_organization_id: string | null;
  content_status: ContentStatus | null;
  content_visibility: Visibility | null;
  content_locked: boolean | null;
  content_deleted_at: Date | null;
}

export interface DigestRecipientRow {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  organization_id: string;
  status: string;
  deleted_at: Date | null;
  digest: 'off' | 'daily' | 'weekly';
  last_digest_at: Date | null;
}

export interface NewNotification {
  type: string;
  contentId: string | null;
  actorId: string | null;
  data: Record<string, unknown>;
}

@Injectable()
export class NotificationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One row per recipient, in the caller's transaction: the notification exists exactly when the change does. */
  async insertMany(userIds: readonly string[], notification: NewNotification, manager: EntityManager): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows = (await manager.query(
      `INSERT INTO notification (user_id, type, content_id, actor_id, data)
       SELECT DISTINCT u, $2, $3::bigint, $4::uuid, $5::jsonb FROM unnest($1::uuid[]) AS u
       RETURNING id`,
      [userIds, notification.type, notification.contentId, notification.actorId, JSON.stringify(notification.data)],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  /** Everything a mail about one notification needs: the recipient, their settings and the item as it is now. */
  async forMail(id: string): Promise<MailNotificationRow | null> {
    const rows = (await this.dataSource.query(
      `SELECT n.id, n.type, n.data, n.created_at, n.read_at, n.emailed_at, n.user_id,
              u.email, u.name, u.role, u.status AS user_status, u.deleted_at AS user_deleted_at, u.organization_id AS user_organization_id,
              COALESCE(s.email_immediate, true) AS email_immediate,
              c.id AS content_id, c.kind AS content_kind, c.title AS content_title, c.slug AS content_slug, c.author_id AS content_author_id,
              c.organization_id AS content_organization_id, c.status AS content_status, c.visibility AS content_visibility,
              c.locked AS content_locked, c.deleted_at AS content_deleted_at
       FROM notification n JOIN "user" u ON u.id = n.user_id
       LEFT JOIN notification_settings s ON s.user_id = n.user_id
       LEFT JOIN content c ON c.id = n.content_id
       WHERE n.id = $1`,
      [id],
    )) as MailNotificationRow[];
    return rows[0] ?? null;
  }

  async markEmailed(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE notification SET emailed_at = now() WHERE id = $1 AND emailed_at IS NULL`, [id]);
  }

  /** The digest of one member: what they may still read, new in (since, until], not already mailed one by one. */
  digestItems(userId: string, scope: ContentReadScope, since: Date, until: Date, limit: number): Promise<NotificationRow[]> {
    const p = new SqlParams();
    const where = this.visible(userId, scope, p);
    return this.dataSource.query(
      `SELECT n.id, n.type, n.data, n.created_at, n.read_at, c.id AS content_id, c.kind AS content_kind, c.title AS content_title,
              c.slug AS content_slug
       FROM notification n LEFT JOIN content c ON c.id = n.content_id
       WHERE ${where} AND n.emailed_at IS NULL AND n.created_at > ${p.add(since)} AND n.created_at <= ${p.add(until)}
       ORDER BY n.created_at DESC, n.id DESC LIMIT ${p.add(limit)}`,
      p.values,
    );
  }

  /** Active members whose digest is due at this frequency (no settings row: the weekly default). */
  digestRecipients(frequency: 'daily' | 'weekly'): Promise<{ id: string }[]> {
    return this.dataSource.query(
      `SELECT u.id FROM "user" u LEFT JOIN notification_settings s ON s.user_id = u.id
       WHERE u.status = 'active' AND u.deleted_at IS NULL AND COALESCE(s.digest, 'weekly') = $1
       ORDER BY u.id`,
      [frequency],
    );
  }

  async digestRecipient(userId: string): Promise<DigestRecipientRow | null> {
    const rows = (await this.dataSource.query(
      `SELECT u.id, u.email, u.name, u.role, u.organization_id, u.status, u.deleted_at,
              COALESCE(s.digest, 'weekly') AS digest, s.last_digest_at
       FROM "user" u LEFT JOIN notification_settings s ON s.user_id = u.id WHERE u.id = $1`,
      [userId],
    )) as DigestRecipientRow[];
    return rows[0] ?? null;
  }

  async setLastDigest(userId: string, until: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO notification_settings (user_id, last_digest_at) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET last_digest_at = GREATEST(notification_settings.last_digest_at, EXCLUDED.last_digest_at)`,
      [userId, until],
    );
  }

  /**
   * Only about items the recipient may still read (hidden, deleted or narrowed since: gone from the bell too), so
   * the list and the count agree. The item's title is read now (it may have been renamed).
   */
  private visible(userId: string, scope: ContentReadScope, p: SqlParams): string {
    return `n.user_id = ${p.add(userId)} AND (n.content_id IS NULL OR EXISTS (
      SELECT 1 FROM content c WHERE c.id = n.content_id AND ${readScopeCondition(scope, p)}))`;
  }

  /** The newest first. */
  list(userId: string, scope: ContentReadScope, limit: number): Promise<NotificationRow[]> {
    const p = new SqlParams();
    const where = this.visible(userId, scope, p);
    return this.dataSource.query(
      `SELECT n.id, n.type, n.data, n.created_at, n.read_at, c.id AS content_id, c.kind AS content_kind, c.title AS content_title,
              c.slug AS content_slug
       FROM notification n LEFT JOIN content c ON c.id = n.content_id
       WHERE ${where}
       ORDER BY n.created_at DESC, n.id DESC LIMIT ${p.add(limit)}`,
      p.values,
    );
  }

  async unreadCount(userId: string, scope: ContentReadScope): Promise<number> {
    const p = new SqlParams();
    const [row] = await this.dataSource.query<Array<{ count: number }>>(
      `SELECT count(*)::int AS count FROM notification n WHERE ${this.visible(userId, scope, p)} AND n.read_at IS NULL`,
      p.values,
    );
    return row?.count ?? 0;
  }

  async markRead(userId: string, ids: readonly number[] | 'all'): Promise<void> {
    if (ids === 'all') {
      await this.dataSource.query(`UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [userId]);
      return;
    }
    await this.dataSource.query(
      `UPDATE notification SET read_at = now() WHERE user_id = $1 AND id = ANY($2::bigint[]) AND read_at IS NULL`,
      [userId, ids],
    );
  }
}
