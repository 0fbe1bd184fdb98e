/**
 * Webinars happen in Danish time. Instants are stored as ISO 8601 with the Copenhagen offset of that day
 * ("2023-11-02T10:00:00+01:00"), so the text itself reads right, and converted with the platform's time zone
 * data (Intl), which knows every DST change.
 */
export const COPENHAGEN = 'Europe/Copenhagen';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: COPENHAGEN,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

interface LocalParts {
  date: string;
  time: string;
  seconds: string;
  offset: string;
}

function localParts(instant: Date): LocalParts {
  const parts = Object.fromEntries(partsFormat.formatToParts(instant).map((part) => [part.type, part.value]));
  // "GMT+01:00"; plain "GMT" when the offset is zero.
  const offset = (parts.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    seconds: parts.second ?? '00',
    offset,
  };
}

/** The instant as Copenhagen wall-clock time with its offset: "2024-03-28T10:00:00+01:00". */
export function toCopenhagenIso(instant: Date): string {
  const { date, time, seconds, offset } = localParts(instant);
  return `${date}T${time}:${seconds}${offset}`;
}

/** Date ("2024-03-28") and time ("10:00") on a Copenhagen clock, as a form shows them. */
export function copenhagenDateAndTime(instant: Date | string): { date: string; time: string } {
  const { date, time } = localParts(typeof instant === 'string' ? new Date(instant) : instant);
  return { date, time };
}

const offsetMinutes = (offset: string): number => {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
};

/**
 * The instant a Copenhagen wall clock shows `date` `time` ("2024-03-31", "10:00"). A time in the hour skipped in
 * spring is read with the winter offset (02:30 becomes 03:30 summer time); in the hour repeated in autumn the first.
 */
export function fromCopenhagen(date: string, time: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const clock = /^(\d{1,2})[:.](\d{2})$/.exec(time);
  if (!match || !clock) return null;
  const asUtc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(clock[1]), Number(clock[2]));
  if (Number.isNaN(asUtc)) return null;
  // Try both offsets around the guess; the one whose local reading gives back the wall clock is right.
  for (const probe of [asUtc - 3 * 3600_000, asUtc + 3 * 3600_000]) {
    const candidate = new Date(asUtc - offsetMinutes(localParts(new Date(probe)).offset) * 60_000);
    const back = localParts(candidate);
    if (back.date === date && back.time === `${clock[1]!.padStart(2, '0')}:${clock[2]}`) return candidate;
  }
  return new Date(asUtc - offsetMinutes(localParts(new Date(asUtc - 3 * 3600_000)).offset) * 60_000);
}

const dateFormat = new Intl.DateTimeFormat('da-DK', {
  timeZone: COPENHAGEN,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const shortDateFormat = new Intl.DateTimeFormat('da-DK', { timeZone: COPENHAGEN, day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('da-DK', { timeZone: COPENHAGEN, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "torsdag den 2. november 2023". */
export function formatDanishDate(instant: Date | string): string {
  const text = dateFormat.format(typeof instant === 'string' ? new Date(instant) : instant);
  // Intl writes "torsdag den 2. november 2023" in newer ICU and "torsdag 2. november 2023" in older.
  return text.includes(' den ') ? text : text.replace(/^(\S+) /, '$1 den ');
}

/** "2. november 2023". */
export function formatDanishShortDate(instant: Date | string): string {
  return shortDateFormat.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** "10.00", Danish style. */
export function formatDanishTime(instant: Date | string): string {
  return timeFormat.format(typeof instant === 'string' ? new Date(instant) : instant).replace(':', '.');
}

/** "torsdag den 2. november 2023 kl. 10.00–12.00". */
export function formatDanishTimeRange(startsAt: string, endsAt: string): string {
  const sameDay = copenhagenDateAndTime(startsAt).date === copenhagenDateAndTime(endsAt).date;
  return sameDay
    ? `${formatDanishDate(startsAt)} kl. ${formatDanishTime(startsAt)}–${formatDanishTime(endsAt)}`
    : `${formatDanishDate(startsAt)} kl. ${formatDanishTime(startsAt)} – ${formatDanishDate(endsAt)} kl. ${formatDanishTime(endsAt)}`;
}
