import { Injectable } from '@nestjs/common';
import { contentPath, type NotificationList, type SuggestionStatus, type WebinarStatus } from '@infraforum/shared';
import type { EntityManager } from 'typeorm';
import { contentReadScope } from '../common/access-policy.js';
import type { SessionUser } from '../common/session-user.js';
import { NotificationRepository, type NewNotification, type NotificationRow } from './notification.repository.js';

const LIST_LIMIT = 50;

/** "… er nu under overvejelse": a phrase per status, since the labels alone do not read as Danish sentences. */
const SUGGESTION_PHRASES: Record<SuggestionStatus, string> = {
  new: 'markeret som nyt igen',
  considering: 'under overvejelse',
  planned: 'planlagt',
  held: 'afholdt',
  declined: 'afvist',
};
const WEBINAR_PHRASES: Record<WebinarStatus, string> = { planned: 'planlagt igen', held: 'afholdt', cancelled: 'aflyst' };

const phrase = <S extends string>(phrases: Record<S, string>, status: unknown): string =>
  typeof status === 'string' && status in phrases ? phrases[status as S] : String(status ?? '');

/** The sentence a notification shows, written when it is read: one place for the wording, in Danish. */
export function notificationText(row: Pick<NotificationRow, 'type' | 'data' | 'content_title'>): string {
  const title = row.content_title ?? (typeof row.data.title === 'string' ? row.data.title : 'et indhold, der er slettet');
  const data = row.data;
  switch (row.type) {
    case 'suggestion.status': {
      const webinar = typeof data.webinarTitle === 'string' ? ` (webinaret «${data.webinarTitle}»)` : '';
      const reason = typeof data.reason === 'string' ? `. Begrundelse: ${data.reason}` : '';
      return `Emneforslaget «${title}» er nu ${phrase(SUGGESTION_PHRASES, data.to)}${webinar}${reason}`;
    }
    case 'suggestion.merged':
      return `Emneforslaget «${title}» er slået sammen med et lignende forslag, og stemmerne er flyttet dertil`;
    case 'webinar.status': {
      const reason = typeof data.reason === 'string' ? `. Begrundelse: ${data.reason}` : '';
      return `Webinaret «${title}» er nu ${phrase(WEBINAR_PHRASES, data.to)}${reason}`;
    }
    case 'content.reply':
      return `Nyt svar på «${title}»`;
    case 'case.working_on': {
      const organization = typeof data.organizationName === 'string' ? data.organizationName : 'En anden kommune';
      return `${organization} er i gang med det samme som i casen «${title}»`;
    }
    case 'moderation.hidden_by_flags':
      return data.reply === true
        ? `Dit svar i «${title}» er skjult, mens KOMBIT ser på anmeldelser af det`
        : `«${title}» er skjult, mens KOMBIT ser på anmeldelser af det`;
    case 'moderation.action': {
      const what = data.reply === true ? `Dit svar i «${title}»` : `«${title}»`;
      const verb = data.action === 'hide' ? 'er skjult' : data.action === 'lock' ? 'er låst' : 'er slettet';
      const reason = typeof data.reason === 'string' ? `. Begrundelse: ${data.reason}` : '';
      return `${what} ${verb} af en moderator${data.action === 'lock' && data.reply === true ? ' (tråden er låst)' : ''}${reason}`;
    }
    case 'toolbox.accepted': {
      const section = typeof data.sectionTitle === 'string' ? ` under «${data.sectionTitle}»` : '';
      return `«${title}» er optaget i Værktøjskassen${section}`;
    }
    case 'toolbox.declined': {
      const section = typeof data.sectionTitle === 'string' ? ` til «${data.sectionTitle}»` : '';
      const reason = typeof data.reason === 'string' ? `. Begrundelse: ${data.reason}` : '';
      return `Dit forslag om «${title}»${section} i Værktøjskassen blev ikke optaget${reason}`;
    }
    default:
      return `Nyt om «${title}»`;
  }
}

/** In-app notifications. Issue 6 adds e-mail and digests on top of the same rows. */
@Injectable()
export class NotificationsService {
  constructor(private readonly repo: NotificationRepository) {}

  /** Inside the transaction of the change itself; the actor is never told about their own action. */
  notify(userIds: readonly (string | null)[], notification: NewNotification, manager: EntityManager): Promise<void> {
    const recipients = [...new Set(userIds.filter((id): id is string => id !== null && id !== notification.actorId))];
    return this.repo.insertMany(recipients, notification, manager);
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
