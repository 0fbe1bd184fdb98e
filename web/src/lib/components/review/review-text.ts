import { REVIEWED_KINDS, copenhagenDateAndTime, formatDanishShortDate, type ContentKind } from '@infraforum/shared';

/** "2022-03-31" → "31. marts 2022" (a calendar day, read at noon so no time zone moves it). */
export function formatCalendarDay(day: string): string {
  return formatDanishShortDate(`${day}T12:00:00Z`);
}

/** "2024-03-02T09:15:00+01:00" → "2. marts 2024", on a Copenhagen calendar. */
export function formatCheckedAt(iso: string): string {
  return formatDanishShortDate(iso);
}

/** Guides and cases carry a date for when they were last checked; other kinds do not. */
export function isReviewedKind(kind: ContentKind): boolean {
  return (REVIEWED_KINDS as readonly string[]).includes(kind);
}

/** "Denne vejledning", "Denne case": the subject of "… er sidst gennemgået". */
export const REVIEWED_SUBJECTS: Partial<Record<ContentKind, string>> = { guide: 'Denne vejledning', case: 'Denne case' };

/** True when `day` ("2022-03-31") is today or earlier in Copenhagen: phased out, not yet to be. */
export function hasBegun(day: string, now: Date = new Date()): boolean {
  return day <= copenhagenDateAndTime(now).date;
}
