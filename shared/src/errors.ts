import { z } from 'zod';

/** Stable, machine-readable error codes; the message next to them is for people. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'MALFORMED_JSON',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'NOT_FOUND',
  'EMAIL_TAKEN',
  'INVALID_TOKEN',
  'TOO_MANY_REQUESTS',
  'CONFLICT',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiErrorSchema = z.object({
  statusCode: z.number().int(),
  code: ErrorCode,
  message: z.string(),
  /** Per-field messages, keyed by the field's path ("email", "address.city"). */
  fields: z.record(z.string(), z.array(z.string())).optional(),
  correlationId: z.string().optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

/** The API's session cookie; the web passes it through and never reads what is inside. */
export const SESSION_COOKIE = 'infraforum.sid';
