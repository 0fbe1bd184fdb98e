import { describe, expect, it } from 'vitest';
import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token.js';

const SECRET = 'x'.repeat(40);
const USER = '4f9a2c1e-1b2c-4d5e-8f90-123456789abc';

describe('unsubscribe tokens', () => {
  it('carry the user and the scope they were signed for', () => {
    expect(verifyUnsubscribeToken(SECRET, signUnsubscribeToken(SECRET, USER, 'digest'))).toEqual({ userId: USER, scope: 'digest' });
  });

  it('are refused when signed with another secret', () => {
    expect(verifyUnsubscribeToken('y'.repeat(40), signUnsubscribeToken(SECRET, USER, 'digest'))).toBeNull();
  });

  it('are refused when the payload is changed (another user or scope)', () => {
    const token = signUnsubscribeToken(SECRET, USER, 'digest');
    const [, signature] = token.split('.');
    const forged = `${Buffer.from(`${USER.replace('4f', '5f')}.digest`).toString('base64url')}.${signature}`;
    expect(verifyUnsubscribeToken(SECRET, forged)).toBeNull();
    const otherScope = `${Buffer.from(`${USER}.immediate`).toString('base64url')}.${signature}`;
    expect(verifyUnsubscribeToken(SECRET, otherScope)).toBeNull();
  });

  it('are refused when malformed', () => {
    for (const token of ['', 'abc', 'a.b.c', '.', `${Buffer.from('x.digest').toString('base64url')}.zz`]) {
      expect(verifyUnsubscribeToken(SECRET, token)).toBeNull();
    }
  });
});
