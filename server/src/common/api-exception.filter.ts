import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ApiError, ErrorCode } from '@infraforum/shared';
import type { Request, Response } from 'express';
import { ApiException } from './api-exception.js';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

const MESSAGE_BY_STATUS: Record<number, string> = {
  404: 'Siden eller ressourcen findes ikke.',
  429: 'For mange forsøg. Vent lidt, og prøv igen.',
};

/** One error body everywhere: { statusCode, code, message, fields?, correlationId }. */
export function errorBody(
  status: number,
  code: ErrorCode,
  message: string,
  correlationId: string | undefined,
  fields?: ApiError['fields'],
): ApiError {
  return { statusCode: status, code, message, ...(fields ? { fields } : {}), ...(correlationId ? { correlationId } : {}) };
}

/** invalid_byte_sequence_for_encoding, untranslatable_character, invalid_escape/unicode sequences. */
const UNSTORABLE_TEXT = new Set(['22021', '22P05', '22025', '22P06']);
const isUnstorableText = (exception: unknown) =>
  exception instanceof Error && 'code' in exception && UNSTORABLE_TEXT.has(String((exception as { code: unknown }).code));

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const correlationId = typeof request.id === 'string' ? request.id : undefined;

    let body: ApiError;
    if (exception instanceof ApiException) {
      body = errorBody(exception.statusCode, exception.code, exception.message, correlationId, exception.fields);
    } else if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const message = MESSAGE_BY_STATUS[status] ?? exception.message;
      body = errorBody(status, CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED'), message, correlationId);
    } else if (isUnstorableText(exception)) {
      // Safety net behind validation: text PostgreSQL cannot store (a NUL byte, a broken escape) is the client's error.
      body = errorBody(400, 'VALIDATION_FAILED', 'Anmodningen indeholder tegn, der ikke kan gemmes.', correlationId);
    } else {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
        `correlationId=${correlationId}`,
      );
      body = errorBody(500, 'INTERNAL', 'Der skete en fejl hos os. Prøv igen om lidt.', correlationId);
    }
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }
}
