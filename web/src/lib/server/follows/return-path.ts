import { FOLLOW_QUERY, type FollowOutcome } from '../../components/follows/follow-query';

const BASE = 'http://infraforum.invalid';

/** Where to go back to after following: a path on this site (never `//host` or a full address), else the front page. */
export function localReturnPath(value: string): string {
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  const url = new URL(value, BASE);
  return url.origin === BASE ? url.pathname + url.search : '/';
}

/** The return path with the outcome in its query, replacing an earlier outcome; the rest of the query is kept. */
export function withOutcome(path: string, outcome: FollowOutcome): string {
  const url = new URL(path, BASE);
  for (const name of Object.values(FOLLOW_QUERY)) url.searchParams.delete(name);
  url.searchParams.set(FOLLOW_QUERY[outcome], '1');
  return url.pathname + url.search;
}
