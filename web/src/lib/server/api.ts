import type { Cookies, RequestEvent } from '@sveltejs/kit';
import createClient, { type Client } from 'openapi-fetch';
import { parseSetCookie, type Cookie } from 'set-cookie-parser';
import { ApiErrorSchema, SESSION_COOKIE, type ApiError } from '@infraforum/shared';
import { env } from '$env/dynamic/private';
import type { paths } from '$lib/api/schema';

export { SESSION_COOKIE };

export type ApiClient = Client<paths>;

/** The cookie value is signed and URL-encoded by the API: pass it on byte for byte. */
const verbatim = (value: string) => value;

/**
 * The typed API client for one incoming request: it sends the browser's session cookie to the API and
 * hands any session cookie the API sets (login, logout, rolling expiry) back to the browser.
 *
 * It uses the global fetch, not `event.fetch`: when the API and the site share an origin (as in the
 * tests), `event.fetch` would route `/api/...` into SvelteKit instead of the API.
 */
export function apiFor(event: Pick<RequestEvent, 'cookies' | 'platform' | 'url' | 'getClientAddress'>): ApiClient {
  const baseUrl = env.INFRAFORUM_API_URL;
  if (!baseUrl) throw new Error('INFRAFORUM_API_URL is not set: the web cannot reach the API.');
  const requestId = requestIdOf(event);
  // The API trusts these from loopback: rate limits count the person, not the web, and a Secure
  // session cookie is set when the person came over HTTPS.
  const clientAddress = event.getClientAddress();
  const protocol = event.url.protocol.replace(':', '');
  return createClient<paths>({
    baseUrl,
    fetch: async (request) => {
      const session = event.cookies.get(SESSION_COOKIE, { decode: verbatim });
      if (session) request.headers.set('cookie', `${SESSION_COOKIE}=${session}`);
      if (requestId) request.headers.set('x-request-id', requestId);
      request.headers.set('x-forwarded-for', clientAddress);
      // The API refuses state changes not declared as JSON (its CSRF guard), even without a body.
      if (request.method !== 'GET' && !request.headers.has('content-type')) request.headers.set('content-type', 'application/json');
      request.headers.set('x-forwarded-proto', protocol);
      const response = await fetch(request);
      applySessionCookie(event.cookies, response.headers.getSetCookie());
      return response;
    },
  });
}

/** Forgets the session in this browser (logout, or a session the API no longer knows). */
export function clearSessionCookie(event: Pick<RequestEvent, 'cookies' | 'url'>): void {
  // Secure must match how the cookie was set, or a plain-HTTP browser ignores the deletion.
  event.cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: event.url.protocol === 'https:' });
}

function applySessionCookie(cookies: Cookies, setCookieHeaders: string[]): void {
  if (setCookieHeaders.length === 0) return;
  for (const cookie of parseSetCookie(setCookieHeaders, { decodeValues: false })) {
    if (cookie.name !== SESSION_COOKIE) continue;
    const options = cookieOptions(cookie);
    if (isExpired(cookie)) cookies.delete(SESSION_COOKIE, options);
    else cookies.set(SESSION_COOKIE, cookie.value, { ...options, encode: verbatim });
  }
}

function cookieOptions(cookie: Cookie) {
  const declared = cookie.sameSite?.toLowerCase();
  const sameSite: 'lax' | 'strict' | 'none' = declared === 'strict' || declared === 'none' ? declared : 'lax';
  return {
    path: cookie.path ?? '/',
    httpOnly: cookie.httpOnly ?? false,
    // Explicit, because SvelteKit would otherwise add Secure on plain-HTTP hosts other than localhost.
    secure: cookie.secure ?? false,
    sameSite,
    ...(cookie.maxAge !== undefined ? { maxAge: cookie.maxAge } : {}),
    ...(cookie.expires ? { expires: cookie.expires } : {}),
  };
}

function isExpired(cookie: Cookie): boolean {
  return (cookie.maxAge !== undefined && cookie.maxAge <= 0) || (cookie.expires !== undefined && cookie.expires.getTime() <= Date.now());
}

/** pino-http gives every request an id; passing it on lets the API's log lines for this page share it. */
function requestIdOf(event: Pick<RequestEvent, 'platform'>): string | undefined {
  const request = event.platform?.req;
  const id: unknown = request ? Reflect.get(request, 'id') : undefined;
  return typeof id === 'string' && /^[\w-]{8,64}$/.test(id) ? id : undefined;
}

/** The API's error body, or a generic one when the answer was not the API's JSON (a proxy error page, say). */
export function apiError(error: unknown, response: Response): ApiError {
  const parsed = ApiErrorSchema.safeParse(error);
  if (parsed.success) return parsed.data;
  return {
    statusCode: response.status >= 400 ? response.status : 502,
    code: 'INTERNAL',
    message: 'Infraforum kunne ikke gennemføre handlingen. Prøv igen om lidt.',
  };
}
