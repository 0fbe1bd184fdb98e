/** The query parameter a page gets back from /foelg, saying how following went (the button shows it). */
export const FOLLOW_QUERY = {
  followed: 'fulgt',
  unfollowed: 'ikke-fulgt',
  failed: 'foelg-fejl',
} as const;

export type FollowOutcome = keyof typeof FOLLOW_QUERY;

/** The outcome named in a page's query, if any. */
export function followOutcomeOf(params: URLSearchParams): FollowOutcome | undefined {
  return (Object.keys(FOLLOW_QUERY) as FollowOutcome[]).find((outcome) => params.has(FOLLOW_QUERY[outcome]));
}
