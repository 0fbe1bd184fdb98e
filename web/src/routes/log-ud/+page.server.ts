import { redirect } from '@sveltejs/kit';
import { clearSessionCookie } from '$lib/server/api';
import type { Actions, PageServerLoad } from './$types';

/** Logging out changes state, so it is only a POST; a plain visit goes to the front page. */
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: async (event) => {
    const { response } = await event.locals.api.POST('/api/auth/logout');
    // Forget the cookie even if the API could not be reached: the browser should be logged out either way.
    clearSessionCookie(event);
    if (!response.ok) console.error(`POST /api/auth/logout answered ${response.status}`);
    redirect(303, '/');
  },
};
