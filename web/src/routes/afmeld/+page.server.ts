import { error, fail, redirect } from '@sveltejs/kit';
import { apiError } from '$lib/server/api';
import { textFields } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

type Scope = 'immediate' | 'digest';

/**
 * The page a mail's "Afmeld" link opens (no login): it asks before turning anything off, so a mail scanner that
 * follows links does not unsubscribe anyone.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
  const token = url.searchParams.get('token')?.trim() ?? '';
  if (token === '') return { token, scope: null, done: false };
  const { data, error: problem, response } = await locals.api.GET('/api/notifications/unsubscribe', { params: { query: { token } } });
  if (data) return { token, scope: data.scope satisfies Scope, done: url.searchParams.has('afmeldt') };
  const failure = apiError(problem, response);
  if (failure.statusCode !== 400) error(502, failure.message);
  return { token, scope: null, done: false };
};

export const actions: Actions = {
  default: async ({ locals, request }) => {
    const { token } = textFields(await request.formData(), ['token']);
    // The token goes in the query (the one-click form the API also takes): its OpenAPI document gives the JSON body no type.
    const { data, error: problem, response } = await locals.api.POST('/api/notifications/unsubscribe', { params: { query: { token } } });
    if (!data) {
      const failure = apiError(problem, response);
      return fail(failure.statusCode >= 400 && failure.statusCode <= 599 ? failure.statusCode : 500, { message: failure.message });
    }
    redirect(303, `/afmeld?${new URLSearchParams({ token, afmeldt: '1' }).toString()}`);
  },
};
