import type { ContentStatus, WebinarStatus } from '@infraforum/shared';

/** What a webinar card in a list shows. */
export interface WebinarCardData {
  id: number;
  title: string;
  path: string;
  series: string;
  startsAt: string;
  endsAt: string;
  state: WebinarStatus;
  /** Draft or published (a moderator sees their drafts in the list). */
  status: ContentStatus;
  hosts: { code: string; name: string }[];
  /** Unknown when the webinar's details could not be read. */
  registrationCount: number | null;
}
