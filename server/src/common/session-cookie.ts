import { SESSION_COOKIE } from '@infraforum/shared';

const PREFIX = `${SESSION_COOKIE}=`;

/** Whether a Cookie header carries our session cookie: without it a request is anonymous by definition. */
export function hasSessionCookie(cookieHeader: string | undefined): boolean {
  return cookieHeader?.includes(PREFIX) ?? false;
}
