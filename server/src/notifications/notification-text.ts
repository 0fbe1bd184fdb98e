import { CASE_STATUS_LABELS, type CaseStatus, type SuggestionStatus, type WebinarStatus } from '@infraforum/shared';
import type { NotificationRow } from './notification.repository.js';

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
    case 'case.status': {
      const to =
        typeof data.to === 'string' && data.to in CASE_STATUS_LABELS ? CASE_STATUS_LABELS[data.to as CaseStatus] : String(data.to ?? '');
      return `Casen «${title}» har nu status: ${to.toLowerCase()}`;
    }
    case 'reply.accepted':
      return `Dit svar på «${title}» er accepteret`;
    case 'follow.new_content':
      return typeof data.sectionTitle === 'string'
        ? `Nyt i Værktøjskassen under «${data.sectionTitle}»: «${title}»`
        : `Nyt i det, du følger: «${title}»`;
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
    case 'publishing.submitted': {
      const section = typeof data.sectionTitle === 'string' ? ` (til Værktøjskassen under «${data.sectionTitle}»)` : '';
      return `«${title}» venter på godkendelse${section}`;
    }
    case 'publishing.returned': {
      const reason = typeof data.reason === 'string' ? `. Begrundelse: ${data.reason}` : '';
      return `«${title}» er sendt retur til kladde af en moderator${reason}`;
    }
    case 'publishing.approved': {
      const section = typeof data.sectionTitle === 'string' ? ` og kommer i Værktøjskassen under «${data.sectionTitle}»` : '';
      return typeof data.publishAt === 'string'
        ? `«${title}» er godkendt og udgives ${data.publishAt}${section}`
        : `«${title}» er godkendt og offentliggjort${section}`;
    }
    case 'publishing.published': {
      const section = typeof data.sectionTitle === 'string' ? ` og står i Værktøjskassen under «${data.sectionTitle}»` : '';
      return `«${title}» er nu offentliggjort som planlagt${section}`;
    }
    default:
      return `Nyt om «${title}»`;
  }
}
