import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const SECRET = 'a-session-secret-of-at-least-32-characters';

describe('loadConfig', () => {
  describe('with an empty environment', () => {
    const config = loadConfig({});

    it('runs in development, on port 3000, on loopback only', () => {
      expect(config).toMatchObject({ nodeEnv: 'development', isProduction: false, port: 3000, host: '127.0.0.1' });
    });

    it('keeps data in ./data, resolved to an absolute path', () => {
      expect(config.dataDir).toBe(path.resolve('./data'));
    });

    it('starts its own PostgreSQL and Meilisearch (no URLs given)', () => {
      expect(config).toMatchObject({ databaseUrl: undefined, meiliUrl: undefined, meiliMasterKey: undefined, smtpUrl: undefined });
    });

    it('allows 10 logins and 30 account requests per 15 minutes', () => {
      expect(config).toMatchObject({ loginRateLimit: 10, accountRateLimit: 30 });
    });

    it('logs at info, trusts no proxy and seeds demo data', () => {
      expect(config).toMatchObject({ logLevel: 'info', trustProxy: false, demoData: true, mailFrom: 'Infraforum <noreply@infraforum.dk>' });
    });
  });

  it('requires SESSION_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET is required when NODE_ENV=production/);
  });

  it('requires PUBLIC_URL in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: SECRET })).toThrow(/PUBLIC_URL is required when NODE_ENV=production/);
  });

  it('starts in production with a SESSION_SECRET and PUBLIC_URL, on every interface, without demo data', () => {
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: SECRET, PUBLIC_URL: 'https://infraforum.dk' })).toMatchObject({
      isProduction: true,
      sessionSecret: SECRET,
      publicUrl: 'https://infraforum.dk',
      host: undefined,
      demoData: false,
    });
  });

  it('refuses a SESSION_SECRET shorter than 32 characters', () => {
    expect(() => loadConfig({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET must be at least 32 characters/);
  });

  it('requires MEILI_MASTER_KEY with MEILI_URL', () => {
    expect(() => loadConfig({ MEILI_URL: 'http://127.0.0.1:7700' })).toThrow(/MEILI_MASTER_KEY is required with MEILI_URL/);
  });

  it('accepts MEILI_URL together with MEILI_MASTER_KEY', () => {
    expect(loadConfig({ MEILI_URL: 'http://127.0.0.1:7700', MEILI_MASTER_KEY: 'k'.repeat(16) })).toMatchObject({
      meiliUrl: 'http://127.0.0.1:7700',
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', NODE_ENV: '' })).toMatchObject({ port: 3000, nodeEnv: 'development' });
  });

  it('reads numbers and yes/no flags from strings', () => {
    expect(loadConfig({ PORT: '8080', LOGIN_RATE_LIMIT: '3', TRUST_PROXY: 'yes', DEMO_DATA: '0' })).toMatchObject({
      port: 8080,
      loginRateLimit: 3,
      trustProxy: true,
      demoData: false,
    });
  });

  it('drops a trailing slash from PUBLIC_URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://infraforum.dk/' }).publicUrl).toBe('https://infraforum.dk');
  });

  it.each([
    ['PORT', '70000'],
    ['NODE_ENV', 'staging'],
    ['LOGIN_RATE_LIMIT', '0'],
    ['TRUST_PROXY', 'maybe'],
    ['DATABASE_URL', 'not a url'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}:`));
  });

  it('lists every invalid variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'loud' })).toThrow(/PORT:[\s\S]*LOG_LEVEL:/);
  });
});
