import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerOptions } from '@nestjs/throttler';
import { ApiException } from '../common/api-exception.js';

const WINDOW_MS = 15 * 60 * 1000;

/**
 * `login` counts per client address and e-mail, so one municipality behind a shared NAT does not lock
 * out every colleague; `account` (sign-up, resend, reset requests) counts per address.
 */
export function rateLimits(limits: { login: number; account: number }): ThrottlerOptions[] {
  return [
    {
      name: 'login',
      ttl: WINDOW_MS,
      limit: limits.login,
      getTracker: (request: Record<string, unknown>) => {
        const body = request.body as { email?: unknown } | undefined;
        const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
        return `${String(request.ip)}|${email}`;
      },
    },
    { name: 'account', ttl: WINDOW_MS, limit: limits.account, getTracker: (request: Record<string, unknown>) => String(request.ip) },
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
