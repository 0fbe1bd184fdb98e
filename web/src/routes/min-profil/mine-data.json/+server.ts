import { error } from '@sveltejs/kit';
import { apiError } from '$lib/server/api';
import { requireUser } from '$lib/server/auth';
import type { RequestHandler } from './$types';

/** Headers of the API's answer that the download keeps: type, file name, and that it is never cached. */
const DOWNLOAD_HEADERS = ['content-type', 'content-disposition', 'cache-control'] as const;

/** The member's own data as the API exports it, passed through, so the link works with the cookie the site has. */
export const GET: RequestHandler = async ({ locals, url }) => {
  requireUser(locals, url);
  const { data, error: problem, response } = await locals.api.GET('/api/me/export', { parseAs: 'stream' });
  if (!data) {
    const failure = apiError(problem, response);
    error(failure.statusCode === 401 ? 401 : 502, failure.message);
  }
  const headers = new Headers();
  for (const name of DOWNLOAD_HEADERS) {
    const value = response.headers.get(name);
    if (value) headers.set(name, value);
  }
  headers.set('x-content-type-options', 'nosniff');
  return new Response(data, { status: 200, headers });
};
