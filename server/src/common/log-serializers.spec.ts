import { describe, expect, it } from 'vitest';
import { redactTokens, requestForLog } from './log-serializers.js';

describe('log serializers', () => {
  it('blank one-time tokens in URLs', () => {
    expect(redactTokens('/nulstil-adgangskode?token=abcDEF_123-x')).toBe('/nulstil-adgangskode?token=[redacted]');
    expect(redactTokens('/bekraeft-email?x=1&token=abc&y=2')).toBe('/bekraeft-email?x=1&token=[redacted]&y=2');
  });

  it('leave URLs without tokens as they are', () => {
    expect(redactTokens('/kommuner/0159?status=pending')).toBe('/kommuner/0159?status=pending');
  });

  it('describe a request without its headers', () => {
    const logged = requestForLog({
      id: 'r1',
      method: 'GET',
      url: '/bekraeft-email?token=secret',
      headers: { cookie: 'infraforum.sid=s%3Aabc', referer: 'http://x/?token=secret' },
      socket: { remoteAddress: '127.0.0.1' },
    } as never);
    expect(logged).toEqual({ id: 'r1', method: 'GET', url: '/bekraeft-email?token=[redacted]', remoteAddress: '127.0.0.1' });
    expect(JSON.stringify(logged)).not.toContain('secret');
  });
});
