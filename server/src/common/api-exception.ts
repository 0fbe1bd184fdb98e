import { HttpException } from '@nestjs/common';
import type { ErrorCode } from '@infraforum/shared';
import type { ZodError } from 'zod';

export type FieldErrors = Record<string, string[]>;

/** The one error type services throw; the global filter turns it into the API's error body. */
export class ApiException extends HttpException {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message, statusCode);
  }

  static validation(fields: FieldErrors, message = 'Nogle felter er ikke udfyldt korrekt.'): ApiException {
    return new ApiException(400, 'VALIDATION_FAILED', message, fields);
  }

  static field(field: string, message: string): ApiException {
    return ApiException.validation({ [field]: [message] });
  }

  static unauthenticated(message = 'Du skal være logget ind.'): ApiException {
    return new ApiException(401, 'UNAUTHENTICATED', message);
  }

  static forbidden(message = 'Du har ikke adgang til at gøre dette.'): ApiException {
    return new ApiException(403, 'FORBIDDEN', message);
  }

  static notFound(message = 'Siden eller ressourcen findes ikke.'): ApiException {
    return new ApiException(404, 'NOT_FOUND', message);
  }

  static conflict(code: ErrorCode, message: string, fields?: FieldErrors): ApiException {
    return new ApiException(409, code, message, fields);
  }
}

/** Per-field messages from a zod error, keyed by dotted path ("_" for the whole body); each unknown key is named on its own. */
export function fieldErrorsFromZod(error: ZodError): FieldErrors {
  // A Map, not an object: keys come from the client, and "__proto__" or "constructor" must stay plain keys.
  const fields = new Map<string, string[]>();
  const add = (key: string, message: string) => {
    const messages = fields.get(key) ?? [];
    if (!messages.includes(message)) fields.set(key, [...messages, message]);
  };
  for (const issue of error.issues) {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...path, key].join('.'), 'Ukendt felt');
    } else {
      add(path.join('.') || '_', issue.message);
    }
  }
  return Object.fromEntries(fields);
}
