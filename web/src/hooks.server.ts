import type { Handle, HandleServerError, RequestEvent } from '@sveltejs/kit';
import type { Me } from '@infraforum/shared';
import { apiFor, clearSessionCookie, SESSION_COOKIE } from '$lib/server/api';

export const handle: Handle = async ({ event, resolve }) => {
  event.locals.api = apiFor(event);
  event.locals.user = await currentUser(event);
  return resolve(event);
};

/** Without a session cookie nobody is logged in, so the API is asked only when there is one. */
async function currentUser(event: RequestEvent): Promise<Me | null> {
  if (event.cookies.get(SESSION_COOKIE) === undefined) return null;
  try {
    const { data, response } = await event.locals.api.GET('/api/auth/me');
    if (data) return data;
    // The session ended (logout elsewhere, password reset, expiry): stop sending the dead cookie.
    if (response.status === 401) clearSessionCookie(event);
    else console.error(`GET /api/auth/me answered ${response.status}; showing the page as logged out`);
  } catch (error) {
    // A passing API failure must not take every page down, the login page included.
    console.error('GET /api/auth/me failed; showing the page as logged out', error);
  }
  return null;
}

export const handleError: HandleServerError = ({ error, status }) => {
  if (status >= 500) console.error(error);
  return { message: status === 404 ? 'Siden findes ikke.' : 'Der opstod en fejl hos Infraforum.' };
};
