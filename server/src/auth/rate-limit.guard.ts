import { applyDecorators, type ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerOptions } from '@nestjs/throttler';
import { ApiException } from '../common/api-exception.js';

const WINDOW_MS = 15 * 60 * 1000;

type RequestLike = Record<string, unknown>;

const clientAddress = (request: RequestLike) => String(request.ip);

/** The e-mail a login names, normalised as LoginSchema will (the throttler runs before the body is parsed). */
function loginEmail(request: RequestLike): string {
  const body = request.body as { email?: unknown } | undefined;
  return typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
}

/**
 * Login attempts are counted three ways within 15 minutes:
 * - `login`, per client address and e-mail, so one municipality behind a shared NAT does not lock out every colleague;
 * - `login-ip`, per address across e-mails (5 × the login limit): one address spraying passwords over many accounts;
 * - `login-account`, per e-mail across addresses (3 × the login limit): one account guessed from many addresses.
 * `account` (sign-up, resends, reset requests, verification and reset tokens) counts per address.
 *
 * The counters live in this process's memory: each instance counts on its own, and a restart forgets them.
 * A PostgreSQL-backed ThrottlerStorage is a follow-up.
 */
export function rateLimits(limits: { login: number; account: number }): ThrottlerOptions[] {
  return [
    {
      name: 'login',
      ttl: WINDOW_MS,
      limit: limits.login,
      getTracker: (request: RequestLike) => `${clientAddress(request)}|${loginEmail(request)}`,
    },
    { name: 'login-ip', ttl: WINDOW_MS, limit: 5 * limits.login, getTracker: clientAddress },
    { name: 'login-account', ttl: WINDOW_MS, limit: 3 * limits.login, getTracker: loginEmail },
    { name: 'account', ttl: WINDOW_MS, limit: limits.account, getTracker: clientAddress },
  ];
}

@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const minutes = Math.max(1, Math.ceil(detail.timeToExpire / 60));
    throw new ApiException(
      429,
      'TOO_MANY_REQUESTS',
      `For mange forsøg. Vent ${minutes} ${minutes === 1 ? 'minut' : 'minutter'}, og prøv igen.`,
    );
  }
}

/**
 * Sign-up, resends, reset requests and token checks: limited per client address under `account`.
 * (Every throttler applies to a route using RateLimitGuard unless skipped, so the login counters are skipped here.)
 */
export const AccountRateLimit = () =>
  applyDecorators(UseGuards(RateLimitGuard), SkipThrottle({ login: true, 'login-ip': true, 'login-account': true }));
