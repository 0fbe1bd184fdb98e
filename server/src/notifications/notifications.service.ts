import { Injectable } from '@nestjs/common';
import { contentPath, type NotificationList } from '@infraforum/shared';
import type { EntityManager } from 'typeorm';
import { contentReadScope } from '../common/access-policy.js';
import type { SessionUser } from '../common/session-user.js';
import { MailQueue } from './mail-queue.js';
import { notificationText } from './notification-text.js';
import { NotificationRepository, type NewNotification } from './notification.repository.js';

const LIST_LIMIT = 50;

/** In-app notifications. Issue 6 adds e-mail and digests on top of the same rows. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly repo: NotificationRepository,
    private readonly queue: MailQueue,
  ) {}

  /**
   * Inside the transaction of the change itself; the actor is never told about their own action. Direct events
   * (about one's own content or participation) are mailed at once to those who want that; what comes from
   * following (`mail: 'digest'`) waits for the digest.
   */
  async notify(
    userIds: readonly (string | null)[],
    notification: NewNotification,
    manager: EntityManager,
    options: { mail: 'immediate' | 'digest' } = { mail: 'immediate' },
  ): Promise<void> {
    const recipients = [...new Set(userIds.filter((id): id is string => id !== null && id !== notification.actorId))];
    const ids = await this.repo.insertMany(recipients, notification, manager);
    if (options.mail === 'immediate') await this.queue.enqueueImmediate(ids, manager);
  }

  async list(user: SessionUser): Promise<NotificationList> {
    const scope = contentReadScope(user);
    const [rows, unreadCount] = await Promise.all([this.repo.list(user.id, scope, LIST_LIMIT), this.repo.unreadCount(user.id, scope)]);
    return {
      items: rows.map((row) => ({
        id: Number(row.id),
        type: row.type,
        text: notificationText(row),
        content:
          row.content_id !== null && row.content_kind !== null && row.content_title !== null && row.content_slug !== null
            ? {
                id: Number(row.content_id),
                kind: row.content_kind,
                title: row.content_title,
                path: contentPath({ kind: row.content_kind, id: Number(row.content_id), slug: row.content_slug }),
              }
            : null,
        createdAt: row.created_at.toISOString(),
        read: row.read_at !== null,
      })),
      unreadCount,
    };
  }

  unreadCount(user: SessionUser): Promise<number> {
    return this.repo.unreadCount(user.id, contentReadScope(user));
  }

  markRead(userId: string, ids: readonly number[] | 'all'): Promise<void> {
    return this.repo.markRead(userId, ids);
  }
}
