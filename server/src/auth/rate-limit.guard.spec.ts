import { describe, expect, it } from 'vitest';
import { rateLimits } from './rate-limit.guard.js';

const FIFTEEN_MINUTES = 15 * 60 * 1000;

describe('rateLimits({ login: 10, account: 30 })', () => {
  const throttlers = rateLimits({ login: 10, account: 30 });
  const named = (name: string) => throttlers.find((throttler) => throttler.name === name)!;
  const tracker = (name: string, request: Record<string, unknown>) =>
    (named(name).getTracker as (request: Record<string, unknown>) => string)(request);
  const login = { ip: '10.0.0.1', body: { email: '  Mette@Gladsaxe.DK ' } };

  it.each([
    ['login', 10],
    ['login-ip', 50],
    ['login-account', 30],
    ['account', 30],
  ])('%s allows %i requests per 15 minutes', (name, limit) => {
    expect(named(name)).toMatchObject({ limit, ttl: FIFTEEN_MINUTES });
  });

  it.each([
    ['login', '10.0.0.1|mette@gladsaxe.dk'],
    ['login-ip', '10.0.0.1'],
    ['login-account', 'mette@gladsaxe.dk'],
    ['account', '10.0.0.1'],
  ])('%s counts per %s', (name, expected) => {
    expect(tracker(name, login)).toBe(expected);
  });

  it('counts a login without a usable e-mail under the empty e-mail', () => {
    expect(tracker('login-account', { ip: '10.0.0.1', body: { email: 42 } })).toBe('');
  });
});
