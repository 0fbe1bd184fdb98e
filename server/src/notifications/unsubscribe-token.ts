import { createHmac, timingSafeEqual } from 'node:crypto';

/** What an unsubscribe link turns off: mails at once, or the digest. */
export type UnsubscribeScope = 'immediate' | 'digest';

// A link in a mail must work without logging in and without state: the user id and scope, signed with a key
// derived from the session secret (so a leaked link can do nothing but turn mails off for that one person).
const key = (secret: string): Buffer => createHmac('sha256', secret).update('infraforum:unsubscribe:v1').digest();

export function signUnsubscribeToken(secret: string, userId: string, scope: UnsubscribeScope): string {
  const payload = Buffer.from(`${userId}.${scope}`).toString('base64url');
  const signature = createHmac('sha256', key(secret)).update(payload).digest('base64url');
  return `${payload}.${signature}`;
}

export function verifyUnsubscribeToken(secret: string, token: string): { userId: string; scope: UnsubscribeScope } | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = createHmac('sha256', key(secret)).update(payload).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const [userId, scope] = Buffer.from(payload, 'base64url').toString('utf8').split('.');
  if (!userId || !/^[0-9a-f-]{36}$/.test(userId) || (scope !== 'immediate' && scope !== 'digest')) return null;
  return { userId, scope };
}
