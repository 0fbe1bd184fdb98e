import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { formatDanishTimeRange } from '@infraforum/shared';

export interface CalendarWebinar {
  id: string;
  title: string;
  summary: string;
  url: string;
  startsAt: string;
  endsAt: string;
  onlineUrl: string | null;
  cancelled: boolean;
  updatedAt: Date;
  createdAt: Date;
}

/**
 * An iCalendar file. Times are written in UTC (…Z): every calendar converts them to its own zone, so a
 * webinar at 10:00 Copenhagen time shows 10:00 in Denmark on both sides of a DST change.
 */
export function calendarFile(name: string, webinars: CalendarWebinar[], host: string): string {
  const calendar = ical({
    name,
    prodId: { company: 'Infraforum', product: 'Infraforum', language: 'DA' },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const webinar of webinars) {
    const description = [
      webinar.summary,
      formatDanishTimeRange(webinar.startsAt, webinar.endsAt),
      webinar.onlineUrl ? `Deltag: ${webinar.onlineUrl}` : '',
      webinar.url,
    ]
      .filter(Boolean)
      .join('\n\n');
    calendar.createEvent({
      id: `webinar-${webinar.id}@${host}`,
      start: new Date(webinar.startsAt),
      end: new Date(webinar.endsAt),
      summary: webinar.cancelled ? `AFLYST: ${webinar.title}` : webinar.title,
      description,
      location: webinar.onlineUrl ?? 'Online',
      url: webinar.url,
      status: webinar.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      stamp: webinar.updatedAt,
      created: webinar.createdAt,
      lastModified: webinar.updatedAt,
    });
  }
  return calendar.toString();
}
