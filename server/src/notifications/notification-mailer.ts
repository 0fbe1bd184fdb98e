import { Inject, Injectable, Logger } from '@nestjs/common';
import { contentPath, formatDanishDate } from '@infraforum/shared';
import { canReadContent, contentReadScope, type Actor } from '../common/access-policy.js';
import { APP_CONFIG } from '../config/config.js';
import type { RuntimeConfig } from '../config/runtime-config.js';
import { MailService, type OutgoingMail } from '../mail/mail.service.js';
import { NotificationRepository, type NotificationRow } from './notification.repository.js';
import { notificationText } from './notification-text.js';
import { signUnsubscribeToken, type UnsubscribeScope } from './unsubscribe-token.js';

export const DIGEST_MAX_ITEMS = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Writes and hands over the mails of the notification queue: one at a time for direct events, and the digests. */
@Injectable()
export class NotificationMailer {
  private readonly logger = new Logger(NotificationMailer.name);

  constructor(
    private readonly repo: NotificationRepository,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  /**
   * Mails one notification unless the member turned such mails off, is gone, or may no longer read the item.
   * Throws when the mail server fails, so the job is retried; a repeat after success does nothing.
   */
  async sendImmediate(notificationId: string): Promise<'sent' | 'skipped'> {
    const row = await this.repo.forMail(notificationId);
    if (!row || row.emailed_at !== null) return 'skipped';
    if (row.user_status !== 'active' || row.user_deleted_at !== null || !row.email_immediate) return 'skipped';
    const actor: Actor = { id: row.user_id, role: row.role, organizationId: row.user_organization_id };
    if (row.content_id !== null) {
      const readable =
        row.content_kind !== null &&
        canReadContent(actor, {
          authorId: row.content_author_id,
          organizationId: row.content_organization_id ?? '',
          status: row.content_status ?? 'draft',
          visibility: row.content_visibility ?? 'organization',
          locked: row.content_locked ?? false,
          kind: row.content_kind,
          deleted: row.content_deleted_at !== null,
        });
      if (!readable) return 'skipped';
    }
    const text = notificationText({ type: row.type, data: row.data, content_title: row.content_title });
    const link =
      row.content_id !== null && row.content_kind !== null && row.content_slug !== null
        ? this.url(contentPath({ kind: row.content_kind, id: Number(row.content_id), slug: row.content_slug }))
        : this.url('/notifikationer');
    await this.mail.deliver(
      this.withFooter(
        {
          to: row.email,
          subject: `Infraforum: ${shorten(text, 140)}`,
          text: `Hej ${row.name}\n\n${text}.\n\nSe det her: ${link}\n`,
        },
        row.user_id,
        'immediate',
        'Du får denne e-mail, fordi den handler om dit eget indhold eller noget, du har deltaget i.',
      ),
    );
    await this.repo.markEmailed(notificationId);
    return 'sent';
  }

  /** One member's digest of what is new since the last one; nothing is sent when nothing is new. */
  async sendDigest(userId: string, until: Date): Promise<'sent' | 'empty' | 'skipped'> {
    const recipient = await this.repo.digestRecipient(userId);
    if (!recipient || recipient.status !== 'active' || recipient.deleted_at !== null || recipient.digest === 'off') return 'skipped';
    const period = recipient.digest === 'daily' ? DAY_MS : 7 * DAY_MS;
    const since = recipient.last_digest_at ?? new Date(until.getTime() - period);
    if (since >= until) return 'skipped';
    const actor: Actor = { id: recipient.id, role: recipient.role, organizationId: recipient.organization_id };
    const items = await this.repo.digestItems(recipient.id, contentReadScope(actor), since, until, DIGEST_MAX_ITEMS);
    if (items.length > 0) {
      const heading = recipient.digest === 'daily' ? 'Dagens nyt' : 'Ugens nyt';
      const lines = items.map((item) => `• ${notificationText(item)}\n  ${this.itemLink(item)}`);
      await this.mail.deliver(
        this.withFooter(
          {
            to: recipient.email,
            subject: `Infraforum: ${heading} – ${items.length} ${items.length === 1 ? 'ny ting' : 'nye ting'} i det, du følger`,
            text: `Hej ${recipient.name}\n\n${heading} fra Infraforum siden ${formatDanishDate(since.toISOString())}:\n\n${lines.join('\n\n')}\n\nAlle dine notifikationer: ${this.url('/notifikationer')}\n`,
          },
          recipient.id,
          'digest',
          `Du får denne e-mail, fordi du har valgt en ${recipient.digest === 'daily' ? 'daglig' : 'ugentlig'} oversigt over det, du følger.`,
        ),
      );
    }
    await this.repo.setLastDigest(recipient.id, until);
    this.logger.log(`Digest for ${recipient.id}: ${items.length} items`);
    return items.length > 0 ? 'sent' : 'empty';
  }

  private itemLink(item: NotificationRow): string {
    return item.content_id !== null && item.content_kind !== null && item.content_slug !== null
      ? this.url(contentPath({ kind: item.content_kind, id: Number(item.content_id), slug: item.content_slug }))
      : this.url('/notifikationer');
  }

  /** Every mail says why it came and carries a one-click way out (RFC 8058) that needs no login. */
  private withFooter(mail: OutgoingMail, userId: string, scope: UnsubscribeScope, why: string): OutgoingMail {
    const token = signUnsubscribeToken(this.config.sessionSecret, userId, scope);
    const page = this.url(`/afmeld?token=${encodeURIComponent(token)}`);
    const what = scope === 'digest' ? 'oversigterne' : 'e-mails med det samme';
    return {
      ...mail,
      text: `${mail.text}\n--\n${why}\nAfmeld ${what}: ${page}\nSkift dine indstillinger: ${this.url('/min-profil/notifikationer')}\n`,
      headers: {
        'List-Unsubscribe': `<${this.url(`/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`)}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    };
  }

  private url(path: string): string {
    return `${this.config.publicUrl}${path}`;
  }
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
