import type { NextFunction, Request, Response } from 'express';
import { errorBody } from './api-exception.filter.js';
import { UPLOAD_CSRF_HEADER } from '@infraforum/shared';

const hasBody = (request: Request) =>
  request.headers['transfer-encoding'] !== undefined ||
  (request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0');

const correlationId = (request: Request) => {
  const id = (request as Request & { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
};

/** By the header alone (express's request.is() answers null for a request without a body). */
const isJson = (contentType: string | undefined) => contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';

const READS_ONLY = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Routes (under /api) that take a file as multipart/form-data instead of JSON. */
const UPLOAD_PATHS = /^\/content\/[^/]+\/attachments\/?$/;

const isMultipart = (contentType: string | undefined) => contentType?.split(';')[0]?.trim().toLowerCase() === 'multipart/form-data';

/** A file upload to an upload route that carries the header no other site can send. */
const isOwnUpload = (request: Request) =>
  request.method === 'POST' &&
  UPLOAD_PATHS.test(request.path) &&
  isMultipart(request.headers['content-type']) &&
  typeof request.headers[UPLOAD_CSRF_HEADER] === 'string';

/**
 * RFC 8058 one-click unsubscribe: a mail client POSTs a form to the link in List-Unsubscribe. The signed token
 * in the query is the only authority (no session is read), so a cross-site post can do no more than the link.
 */
const isOneClickUnsubscribe = (request: Request) =>
  request.method === 'POST' && request.path === '/notifications/unsubscribe' && typeof request.query.token === 'string';

/**
 * The API reads only JSON, and every request that changes something must say so, body or not: a
 * browser cannot send that content type across origins without asking (CORS), so a form post from
 * another site, even a sibling sub-domain, never reaches an action. File uploads are the one exception,
 * protected the same way by UPLOAD_CSRF_HEADER.
 */
export function requireJsonBody(request: Request, response: Response, next: NextFunction): void {
  if (isOwnUpload(request) || isOneClickUnsubscribe(request)) return next();
  const mustBeJson = hasBody(request) || !READS_ONLY.has(request.method);
  if (mustBeJson && !isJson(request.headers['content-type'])) {
    response
      .status(415)
      .json(errorBody(415, 'UNSUPPORTED_MEDIA_TYPE', 'Anmodningen skal sendes som application/json.', correlationId(request)));
    return;
  }
  next();
}

/** Turns body-parser's errors (bad JSON, too large, bad charset) into the API's error shape. */
export function bodyParserErrors(error: unknown, request: Request, response: Response, next: NextFunction): void {
  const failure = error as { type?: string; status?: number } | undefined;
  if (!failure?.type) return next(error);
  if (failure.type === 'entity.too.large') {
    response.status(413).json(errorBody(413, 'PAYLOAD_TOO_LARGE', 'Anmodningen er for stor.', correlationId(request)));
  } else if (failure.type === 'charset.unsupported' || failure.type === 'encoding.unsupported') {
    response
      .status(415)
      .json(errorBody(415, 'UNSUPPORTED_MEDIA_TYPE', 'Anmodningen skal sendes som application/json i UTF-8.', correlationId(request)));
  } else if (failure.type === 'entity.parse.failed') {
    response.status(400).json(errorBody(400, 'MALFORMED_JSON', 'Anmodningen indeholder ikke gyldig JSON.', correlationId(request)));
  } else {
    response
      .status(failure.status ?? 400)
      .json(errorBody(failure.status ?? 400, 'VALIDATION_FAILED', 'Anmodningen kunne ikke læses.', correlationId(request)));
  }
}
