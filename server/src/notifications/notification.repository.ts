import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContentKind } from '@infraforum/shared';
import { DataSource, type EntityManager } from 'typeorm';

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

  /** The newest first. The item's title is read now (it may have been renamed); deleted items drop out. */
  list(userId: string, limit: number): Promise<NotificationRow[]> {
    return this.dataSource.query(
      `SELECT n.id, n.type, n.data, n.created_at, n.read_at, c.id AS content_id, c.kind AS content_kind, c.title AS content_title,
              c.slug AS content_slug
       FROM notification n LEFT JOIN content c ON c.id = n.content_id
       WHERE n.user_id = $1 AND (n.content_id IS NULL OR c.deleted_at IS NULL)
       ORDER BY n.created_at DESC, n.id DESC LIMIT $2`,
      [userId, limit],
    );
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await this.dataSource.query<Array<{ count: number }>>(
      `SELECT count(*)::int AS count FROM notification WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
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
