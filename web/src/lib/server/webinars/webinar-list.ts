import { error } from '@sveltejs/kit';
import { DEFAULT_WEBINAR_SERIES, WebinarStatus, type ContentSummary } from '@infraforum/shared';
import type { WebinarCardData } from '$lib/components/webinars/webinar-card';
import { apiError } from '$lib/server/api';

export const HELD_PAGE_SIZE = 10;
/** Upcoming webinars are few; more than this and the list says so. */
export const UPCOMING_MAX = 50;
const CANCELLED_MAX = 20;

const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const startOf = (item: ContentSummary): number => new Date(text(item.attributes.startsAt)).getTime() || 0;

async function listWebinars(
  locals: App.Locals,
  query: { state: WebinarStatus; sort: 'upcoming' | 'recent'; page?: number; pageSize: number },
) {
  const {
    data,
    error: problem,
    response,
  } = await locals.api.GET('/api/content', {
    params: {
      query: {
        kind: 'webinar',
        state: query.state,
        sort: query.sort,
        page: String(query.page ?? 1),
        pageSize: String(query.pageSize),
      },
    },
  });
  if (!data) {
    const failure = apiError(problem, response);
    error(failure.statusCode === 400 ? 400 : 502, failure.message);
  }
  return data;
}

/** A card: the list's summary carries the sign-up count and the hosts' names too. */
function cardOf(item: ContentSummary): WebinarCardData {
  return {
    id: item.id,
    title: item.title,
    path: item.path,
    series: text(item.attributes.series, DEFAULT_WEBINAR_SERIES),
    startsAt: text(item.attributes.startsAt),
    endsAt: text(item.attributes.endsAt),
    state: WebinarStatus.safeParse(item.attributes.status).data ?? 'planned',
    status: item.status,
    hosts: item.hostOrganizations,
    registrationCount: item.registrationCount,
  };
}

function readPage(url: URL): number {
  const page = Number(url.searchParams.get('side'));
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}

/** Upcoming (planned, and cancelled ones whose day has not come), held (newest first, by page) and other cancelled ones. */
export async function loadWebinarList(locals: App.Locals, url: URL) {
  const page = readPage(url);
  const [planned, held, cancelled] = await Promise.all([
    listWebinars(locals, { state: 'planned', sort: 'upcoming', pageSize: UPCOMING_MAX }),
    listWebinars(locals, { state: 'held', sort: 'recent', page, pageSize: HELD_PAGE_SIZE }),
    listWebinars(locals, { state: 'cancelled', sort: 'recent', pageSize: CANCELLED_MAX }),
  ]);
  const now = Date.now();
  const upcoming = [...planned.items, ...cancelled.items.filter((item) => startOf(item) > now)].sort((a, b) => startOf(a) - startOf(b));
  const cancelledEarlier = cancelled.items.filter((item) => startOf(item) <= now);
  const cards = (items: ContentSummary[]) => items.map(cardOf);
  const [upcomingCards, heldCards, cancelledCards] = [cards(upcoming), cards(held.items), cards(cancelledEarlier)];
  return {
    upcoming: upcomingCards,
    moreUpcoming: planned.total > planned.items.length,
    held: heldCards,
    heldTotal: held.total,
    page,
    pageCount: Math.max(1, Math.ceil(held.total / HELD_PAGE_SIZE)),
    cancelled: cancelledCards,
  };
}
