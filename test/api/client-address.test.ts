import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

// The web calls the API over loopback and forwards the person's address and protocol; the API trusts
// those headers from loopback only (see trustProxy in server/src/app.ts).

describe('rate limits count the person behind the web, not the web', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT: '2' } });
  });
  afterAll(async () => {
    await t.close();
  });

  const failedLogin = (forwardedFor: string) =>
    new ApiSession(t.url).post(
      '/api/auth/login',
      { email: 'faelles@gladsaxe.dk', password: 'forkert-forkert' },
      { 'x-forwarded-for': forwardedFor },
    );

  it('throttles one forwarded address without throttling another', async () => {
    expect((await failedLogin('10.1.1.1')).status).toBe(401);
    expect((await failedLogin('10.1.1.1')).status).toBe(401);
    expect((await failedLogin('10.1.1.1')).status).toBe(429);
    expect((await failedLogin('10.2.2.2')).status).toBe(401);
  });
});

describe('in production, the session cookie', () => {
  let t: TestApp;
  let email: string;
  beforeAll(async () => {
    t = await startTestApp({
      env: { NODE_ENV: 'production', PUBLIC_URL: 'https://infraforum.test', SESSION_SECRET: randomBytes(32).toString('hex') },
    });
    email = (await t.createUser({ email: 'prod@gladsaxe.dk', organizationCode: '0159' })).email;
  });
  afterAll(async () => {
    await t.close();
  });

  it('is Secure when the person came over HTTPS', async () => {
    const response = await new ApiSession(t.url).post(
      '/api/auth/login',
      { email, password: TEST_PASSWORD },
      { 'x-forwarded-proto': 'https' },
    );
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('infraforum.sid='));
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
  });

  it('is never sent over plain HTTP', async () => {
    const response = await new ApiSession(t.url).post('/api/auth/login', { email, password: TEST_PASSWORD });
    expect(response.headers.getSetCookie().filter((c) => c.startsWith('infraforum.sid='))).toEqual([]);
  });

  it('leaves the dev inbox unmounted', async () => {
    expect((await fetch(`${t.url}/api/dev/mail`)).status).toBe(404);
  });
});
