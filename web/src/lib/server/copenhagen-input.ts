import { copenhagenDateAndTime, fromCopenhagen, toCopenhagenIso } from '@infraforum/shared';

const CLOCK = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

/** "9.05" → "09:05", so times compare as text; undefined when it is no time of day. */
export function clockOf(text: string): string | undefined {
  const match = CLOCK.exec(text.trim());
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : undefined;
}

/**
 * A form's date field ("2027-01-14") and clock time ("10:00") as the instant with the Copenhagen offset
 * ("2027-01-14T10:00:00+01:00"); undefined when the day does not exist (2027-02-30 would roll over to March).
 */
export function copenhagenInstant(date: string, wallClock: string): string | undefined {
  const instant = fromCopenhagen(date.trim(), wallClock);
  if (!instant || copenhagenDateAndTime(instant).date !== date.trim()) return undefined;
  return toCopenhagenIso(instant);
}
