import { error } from '@sveltejs/kit';
import type { ReviewList, UserRole } from '@infraforum/shared';
import { apiError } from '$lib/server/api';
import { requireUser } from '$lib/server/auth';
import type { ReviewScope } from '$lib/components/review/review-url';

/** Who may see everything that needs a review (the API says the same). */
export const REVIEW_ALL_ROLES: readonly UserRole[] = ['moderator', 'admin'];

/** `?omfang=alt` and `?side=` of the review page; anything else is the first page of the caller's own. */
export function reviewQuery(url: URL): { scope: ReviewScope; page: number } {
  const scope = url.searchParams.get('omfang') === 'alt' ? 'all' : 'mine';
  const side = url.searchParams.get('side') ?? '';
  const page = /^\d{1,5}$/.test(side) && Number(side) >= 1 ? Number(side) : 1;
  return { scope, page };
}

export async function loadReviewPage(
  locals: App.Locals,
  url: URL,
): Promise<{ list: ReviewList; scope: ReviewScope; seesAll: boolean; orgAdmin: boolean }> {
  const user = requireUser(locals, url);
  const { scope, page } = reviewQuery(url);
  const {
    data,
    error: problem,
    response,
  } = await locals.api.GET('/api/review/outdated', {
    params: { query: { scope, ...(page > 1 ? { page: String(page) } : {}) } },
  });
  if (!data) {
    const failure = apiError(problem, response);
    error(failure.statusCode === 403 ? 403 : failure.statusCode === 400 ? 400 : 502, failure.message);
  }
  return { list: data, scope, seesAll: REVIEW_ALL_ROLES.includes(user.role), orgAdmin: user.role === 'org_admin' };
}
