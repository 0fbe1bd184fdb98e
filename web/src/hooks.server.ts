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
  const { data, response } = await event.locals.api.GET('/api/auth/me');
  if (data) return data;
  if (response.status === 401) {
    // The session ended (logout elsewhere, password reset, expiry): stop sending the dead cookie.
    clearSessionCookie(event);
    return null;
  }
  throw new Error(`GET /api/auth/me answered ${response.status}`);
}

export const handleError: HandleServerError = ({ error, status }) => {
  if (status >= 500) console.error(error);
  return { message: status === 404 ? 'Siden findes ikke.' : 'Der opstod en fejl hos Infraforum.' };
};
