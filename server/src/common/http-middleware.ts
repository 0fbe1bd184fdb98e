import type { NextFunction, Request, Response } from 'express';
import { errorBody } from './api-exception.filter.js';

const hasBody = (request: Request) =>
  request.headers['transfer-encoding'] !== undefined ||
  (request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0');

const correlationId = (request: Request) => {
  const id = (request as Request & { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
};

/** The API reads only JSON bodies: anything else is a 415 (and a cross-site form post can never reach it). */
export function requireJsonBody(request: Request, response: Response, next: NextFunction): void {
  if (hasBody(request) && !request.is('application/json')) {
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
