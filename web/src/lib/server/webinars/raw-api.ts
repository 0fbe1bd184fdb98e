import type { RequestEvent } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { UPLOAD_CSRF_HEADER } from '@infraforum/shared';
import { SESSION_COOKIE } from '$lib/server/api';

type Event = Pick<RequestEvent, 'cookies' | 'url' | 'getClientAddress'>;

/**
 * For the one call the typed client cannot make: a file upload (multipart/form-data, with the upload header).
 * Forwards what `apiFor` forwards: the session cookie byte for byte, who is asking and over what. Global fetch,
 * not `event.fetch`, for the reason given in api.ts.
 */
async function callApi(event: Event, path: string, init: { method: string; body?: BodyInit; headers?: Record<string, string> }) {
  const baseUrl = env.INFRAFORUM_API_URL;
  if (!baseUrl) throw new Error('INFRAFORUM_API_URL is not set: the web cannot reach the API.');
  const headers = new Headers(init.headers);
  const session = event.cookies.get(SESSION_COOKIE, { decode: (value) => value });
  if (session) headers.set('cookie', `${SESSION_COOKIE}=${session}`);
  headers.set('x-forwarded-for', event.getClientAddress());
  headers.set('x-forwarded-proto', event.url.protocol.replace(':', ''));
  return fetch(new URL(path, baseUrl), { method: init.method, headers, ...(init.body !== undefined ? { body: init.body } : {}) });
}

/** POST /api/content/:id/attachments with the file in `file`; the multipart boundary is set by fetch. */
export function uploadAttachment(event: Event, contentId: number, file: File): Promise<Response> {
  const body = new FormData();
  body.set('file', file, file.name);
  return callApi(event, `/api/content/${contentId}/attachments`, { method: 'POST', body, headers: { [UPLOAD_CSRF_HEADER]: 'infraforum' } });
}

/** The JSON body of an API answer, or undefined when it had none (or was not JSON). */
export async function jsonOf(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}
