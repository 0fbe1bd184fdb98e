const TIME_ZONE = 'Europe/Copenhagen';

const dateFormat = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE });
const dateTimeFormat = new Intl.DateTimeFormat('da-DK', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: TIME_ZONE,
});

/** "3. marts 2025". */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** "3. marts 2025 kl. 14.05". */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "lige nu", "for 5 minutter siden", "for 3 dage siden"; older than a week: the date. */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const elapsed = now - new Date(iso).getTime();
  if (elapsed < 0 || elapsed >= 7 * DAY) return formatDate(iso);
  if (elapsed < MINUTE) return 'lige nu';
  if (elapsed < HOUR) return plural(Math.floor(elapsed / MINUTE), 'minut', 'minutter');
  if (elapsed < DAY) return plural(Math.floor(elapsed / HOUR), 'time', 'timer');
  return plural(Math.floor(elapsed / DAY), 'dag', 'dage');
}

function plural(count: number, one: string, many: string): string {
  return `for ${count} ${count === 1 ? one : many} siden`;
}

/** "1 svar", "3 svar"; "1 stemme", "−2 stemmer". */
export function countLabel(count: number, one: string, many: string): string {
  return `${count.toLocaleString('da-DK')} ${Math.abs(count) === 1 ? one : many}`;
}
