import type { IncomingMessage, ServerResponse } from 'node:http';

/** One-time tokens travel in URLs (`?token=` in mailed links): keep them out of the logs. */
export function redactTokens(url: string): string {
  return url.replace(/([?&](?:token|code)=)[^&#]*/gi, '$1[redacted]');
}

/** What a request log line says about the request: no headers, so no cookies and no referers. */
export function requestForLog(request: IncomingMessage & { id?: unknown; raw?: IncomingMessage }) {
  const raw = request.raw ?? request;
  return { id: request.id, method: raw.method, url: redactTokens(raw.url ?? ''), remoteAddress: raw.socket?.remoteAddress };
}

export function responseForLog(response: ServerResponse & { raw?: ServerResponse }) {
  const raw = response.raw ?? response;
  return { statusCode: raw.statusCode };
}
