import type { Handle, HandleServerError, RequestEvent } from '@sveltejs/kit';
import type { Me } from '@infraforum/shared';
import { apiFor, clearSessionCookie, SESSION_COOKIE } from '$lib/server/api';

export const handle: Handle = async ({ event, resolve }) => {
  event.locals.api = apiFor(event);
  event.locals.user = await currentUser(event);
  if (bodyTooLarge(event.request, event.locals.user !== null)) {
    // Closing the connection: the body was not read, so the socket must not be reused for another request.
    return new Response('Forespørgslen er for stor.', {
      status: 413,
      headers: { 'content-type': 'text/plain; charset=utf-8', connection: 'close' },
    });
  }
  return resolve(event);
};

/** Form posts are small. adapter-node's limit is raised for file uploads (BODY_SIZE_LIMIT), so only those get it. */
const FORM_BODY_MAX = 1024 * 1024;

/**
 * A signed-in person's multipart post (a file upload) may be as large as an attachment; every other post at most
 * 1 MB, and must say its length (a chunked body could otherwise take the raised limit).
 */
function bodyTooLarge(request: Request, signedIn: boolean): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return false;
  const upload = signedIn && (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
  if (upload) return false;
  const length = request.headers.get('content-length');
  return length === null || !/^\d+$/.test(length) || Number(length) > FORM_BODY_MAX;
}

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
