export type ReviewScope = 'mine' | 'all';

/** The review page's address for a scope ("Mit", "Alt") and a page. */
export function reviewHref(scope: ReviewScope, page = 1): string {
  const query = new URLSearchParams();
  if (scope === 'all') query.set('omfang', 'alt');
  if (page > 1) query.set('side', String(page));
  const search = query.toString();
  return search ? `/gennemgang?${search}` : '/gennemgang';
}
