import { Inject, Injectable } from '@nestjs/common';
import { contentPath, formatDanishShortDate, formatDanishTime, type RegistrationList, type RegistrationResult } from '@infraforum/shared';
import { canManageWebinar, canRegisterFor, contentReadScope, requireAccess } from '../common/access-policy.js';
import { ApiException } from '../common/api-exception.js';
import { toCsv } from '../common/csv.js';
import type { SessionUser } from '../common/session-user.js';
import { APP_CONFIG } from '../config/config.js';
import type { RuntimeConfig } from '../config/runtime-config.js';
import { contentNotFound, contentTarget } from '../content/content-targets.js';
import { ContentRepository } from '../content/content.repository.js';
import { ContentService } from '../content/content.service.js';
import { visibleAttributes } from './attribute-privacy.js';
import { calendarFile, type CalendarWebinar } from './calendar.js';
import { WebinarRepository, type WebinarRow } from './webinar.repository.js';

/** How far back the calendar feed reaches, so a just-held webinar stays in subscribers' calendars. */
const FEED_PAST_DAYS = 90;
const FEED_MAX = 200;

const webinarStatusOf = (attributes: Record<string, unknown>): string | null =>
  typeof attributes.status === 'string' ? attributes.status : null;

/** Sign-ups for planned webinars, the moderators' list of them, and the calendar files. */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly content: ContentService,
    private readonly contentRepo: ContentRepository,
    private readonly repo: WebinarRepository,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  /**
   * Under the webinar's row lock, so a sign-up never lands after the webinar was cancelled in the same
   * instant; the primary key makes repeats harmless. The count is read after commit: exact.
   */
  async setRegistered(actor: SessionUser, id: string, registered: boolean): Promise<RegistrationResult> {
    await this.contentRepo.transaction(async (manager) => {
      const webinar = await this.content.lockReadable(actor, id, manager);
      if (webinar.kind !== 'webinar') throw contentNotFound();
      if (registered) {
        const status = webinarStatusOf(webinar.attributes);
        const over = new Date(String(webinar.attributes.endsAt)) <= new Date();
        if (!canRegisterFor(actor, { ...contentTarget(webinar), webinarStatus: status }) || over) {
          throw ApiException.conflict(
            'CONFLICT',
            status === 'cancelled' ? 'Webinaret er aflyst, så du kan ikke tilmelde dig.' : 'Tilmeldingen er lukket: webinaret er afholdt.',
          );
        }
      }
      await this.repo.setRegistered(id, actor.id, registered, manager);
    });
    return this.repo.registrationState(id, actor.id);
  }

  async list(actor: SessionUser, id: string): Promise<RegistrationList & { title: string }> {
    requireAccess(canManageWebinar(actor), 'Kun KOMBITs moderatorer kan se tilmeldingerne.');
    const webinar = await this.contentRepo.findVisible(id, contentReadScope(actor), actor.id);
    if (!webinar || webinar.kind !== 'webinar') throw contentNotFound();
    const rows = await this.repo.registrations(id);
    return {
      title: webinar.title,
      total: rows.length,
      items: rows.map((row) => ({
        name: row.name,
        email: row.email,
        title: row.title,
        organization: { code: row.organization_code, name: row.organization_name },
        registeredAt: row.registered_at.toISOString(),
      })),
    };
  }

  async csv(actor: SessionUser, id: string): Promise<string> {
    const { items } = await this.list(actor, id);
    return toCsv(
      ['Navn', 'E-mail', 'Titel', 'Kommune', 'Kommunekode', 'Tilmeldt'],
      items.map((row) => [
        row.name,
        row.email,
        row.title,
        row.organization.name,
        row.organization.code,
        `${formatDanishShortDate(row.registeredAt)} kl. ${formatDanishTime(row.registeredAt)}`,
      ]),
    );
  }

  async calendarForOne(viewer: SessionUser | undefined, id: string): Promise<string> {
    const webinar = await this.contentRepo.findVisible(id, contentReadScope(viewer), viewer?.id ?? null);
    if (!webinar || webinar.kind !== 'webinar' || webinar.status !== 'published') throw contentNotFound();
    return calendarFile(webinar.title, [this.calendarEntry(webinar, viewer)], this.host());
  }

  /** Upcoming (and recent) webinars the caller may see: calendar apps subscribe without a session, so the public ones. */
  async calendarFeed(viewer: SessionUser | undefined): Promise<string> {
    const since = new Date(Date.now() - FEED_PAST_DAYS * 24 * 3600_000);
    const rows = await this.repo.webinarsEndingAfter(since, contentReadScope(viewer), FEED_MAX);
    return calendarFile(
      'Infraforum: webinarer',
      rows.map((row) => this.calendarEntry(row, viewer)),
      this.host(),
    );
  }

  private calendarEntry(
    row: Pick<WebinarRow, 'id' | 'title' | 'slug' | 'summary' | 'attributes' | 'updated_at' | 'created_at'>,
    viewer: SessionUser | undefined,
  ): CalendarWebinar {
    // The meeting link only for signed-in callers, as on the page.
    const attributes = visibleAttributes('webinar', row.attributes, viewer, null);
    return {
      id: row.id,
      title: row.title,
      summary: row.summary,
      url: `${this.config.publicUrl}${contentPath({ kind: 'webinar', id: Number(row.id), slug: row.slug })}`,
      startsAt: String(attributes.startsAt),
      endsAt: String(attributes.endsAt),
      onlineUrl: typeof attributes.onlineUrl === 'string' ? attributes.onlineUrl : null,
      cancelled: attributes.status === 'cancelled',
      updatedAt: row.updated_at,
      createdAt: row.created_at,
    };
  }

  private host(): string {
    return new URL(this.config.publicUrl).host;
  }
}
