import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContentKind } from '@infraforum/shared';
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
  async insertMany(userIds: readonly string[], notification: NewNotification, manager: EntityManager): Promise<void> {
    if (userIds.length === 0) return;
    await manager.query(
      `INSERT INTO notification (user_id, type, content_id, actor_id, data)
       SELECT DISTINCT u, $2, $3::bigint, $4::uuid, $5::jsonb FROM unnest($1::uuid[]) AS u`,
      [userIds, notification.type, notification.contentId, notification.actorId, JSON.stringify(notification.data)],
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
