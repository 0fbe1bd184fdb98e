import { describe, expect, it } from 'vitest';
import { derivedStatus } from './account-status.js';

const now = new Date();

describe('derivedStatus', () => {
  // prettier-ignore
  it.each([
    // e-mail verified   address on the domain   approved   → status
    [null,               true,                   null,         'pending'],
    [now,                true,                   null,         'active'],
    [null,               false,                  null,         'pending'],
    [now,                false,                  null,         'pending'],
    [null,               false,                  now,          'pending'],
    [now,                false,                  now,          'active'],
  ] as const)('verified %s, on the domain %s, approved %s → %s', (emailVerifiedAt, emailDomainMatches, approvedAt, expected) => {
    expect(derivedStatus({ emailVerifiedAt, emailDomainMatches, approvedAt })).toBe(expected);
  });
});
