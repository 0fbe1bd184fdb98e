import { error } from '@sveltejs/kit';
import { apiError } from '$lib/server/api';
import { requireRole } from '$lib/server/auth';
import { MODERATORS } from '$lib/server/moderation/moderation-queue';
import type { PageServerLoad } from './$types';

/** KOMBIT's moderators: what waits for approval (the default) or what is scheduled (`?status=scheduled`). */
export const load: PageServerLoad = async ({ locals, url }) => {
  requireRole(locals, url, MODERATORS);
  const status = url.searchParams.get('status') === 'scheduled' ? 'scheduled' : 'in_review';
  const { data, error: problem, response } = await locals.api.GET('/api/publishing/queue', { params: { query: { status } } });
  if (!data) {
    const failure = apiError(problem, response);
    error(failure.statusCode === 403 ? 403 : failure.statusCode === 400 ? 400 : 502, failure.message);
  }
  return { queue: data, status };
};
