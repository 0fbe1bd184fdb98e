import { describe, expect, it } from 'vitest';
import { trustProxy } from './trust-proxy.js';

describe('trustProxy', () => {
  describe.each([
    { behindProxy: false, address: '127.0.0.1', hop: 0, trusted: true, why: 'the web on loopback' },
    { behindProxy: false, address: '::1', hop: 0, trusted: true, why: 'the web on IPv6 loopback' },
    { behindProxy: false, address: '::ffff:127.0.0.1', hop: 0, trusted: true, why: 'the web on mapped loopback' },
    { behindProxy: false, address: '203.0.113.9', hop: 0, trusted: false, why: 'a direct client without a proxy' },
    { behindProxy: false, address: '127.0.0.1', hop: 1, trusted: false, why: 'a loopback address claimed in X-Forwarded-For' },
    { behindProxy: true, address: '10.0.0.5', hop: 0, trusted: true, why: 'the one proxy in front' },
    { behindProxy: true, address: '10.0.0.6', hop: 1, trusted: false, why: 'a second hop claimed in X-Forwarded-For' },
  ])('$why', ({ behindProxy, address, hop, trusted }) => {
    it(`is ${trusted ? '' : 'not '}trusted to name the client`, () => {
      expect(trustProxy(behindProxy)(address, hop)).toBe(trusted);
    });
  });
});
