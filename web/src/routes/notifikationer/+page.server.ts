import { error, fail, redirect } from '@sveltejs/kit';
import { apiError } from '$lib/server/api';
import { requireUser } from '$lib/server/auth';
import { textFields } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireUser(locals, url);
  const { data, error: problem, response } = await locals.api.GET('/api/notifications');
  if (!data) {
    const failure = apiError(problem, response);
    error(failure.statusCode === 401 ? 401 : 502, failure.message);
  }
  return { notifications: data.items, unreadCount: data.unreadCount };
};

/** Marks the given notifications (or all) read; the API's message back on the page when it refuses. */
async function markRead(locals: App.Locals, body: { ids: number[] } | { all: true }) {
  const { error: problem, response } = await locals.api.POST('/api/notifications/read', { body });
  if (response.ok) return undefined;
  const failure = apiError(problem, response);
  return fail(failure.statusCode >= 400 && failure.statusCode <= 599 ? failure.statusCode : 500, { message: failure.message });
}

export const actions: Actions = {
  /** "Markér som læst" on one notification; afterwards back at it. */
  read: async ({ locals, url, request }) => {
    requireUser(locals, url);
    const { id } = textFields(await request.formData(), ['id']);
    if (!/^\d{1,18}$/.test(id)) error(400, 'Notifikationen mangler eller er ugyldig.');
    const failure = await markRead(locals, { ids: [Number(id)] });
    if (failure) return failure;
    redirect(303, `${url.pathname}#notifikation-${id}`);
  },
  /** "Markér alle som læst". */
  readAll: async ({ locals, url }) => {
    requireUser(locals, url);
    const failure = await markRead(locals, { all: true });
    if (failure) return failure;
    redirect(303, url.pathname);
  },
};
