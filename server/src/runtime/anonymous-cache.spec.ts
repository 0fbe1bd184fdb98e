import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AnonymousCache } from './anonymous-cache.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A real HTTP server whose app counts its calls; `respond` decides each answer. */
async function serve(cache: AnonymousCache, respond: RequestListener): Promise<{ url: string; calls: () => number }> {
  let calls = 0;
  server = createServer(
    cache.wrap((request, response) => {
      calls += 1;
      respond(request, response);
    }),
  );
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, calls: () => calls };
}

const json =
  (body: unknown, headers: Record<string, string> = {}): RequestListener =>
  (_, response) => {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', etag: '"v1"', ...headers });
    response.end(JSON.stringify(body));
  };

describe('the anonymous cache', () => {
  it('answers a repeated anonymous read from memory, with the same body and headers', async () => {
    const app = await serve(new AnonymousCache({ ttlMs: 60_000 }), json({ id: 1 }));
    const first = await fetch(`${app.url}/api/content/1`);
    const second = await fetch(`${app.url}/api/content/1`);
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(await second.json()).toEqual({ id: 1 });
    expect(second.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(app.calls()).toBe(1);
  });

  it('keeps different URLs apart', async () => {
    const app = await serve(new AnonymousCache({ ttlMs: 60_000 }), (request, response) => json({ url: request.url })(request, response));
    await fetch(`${app.url}/a?x=1`);
    expect(await (await fetch(`${app.url}/a?x=2`)).json()).toEqual({ url: '/a?x=2' });
    expect(app.calls()).toBe(2);
  });

  it('never serves or stores for a request with the session cookie', async () => {
    const app = await serve(new AnonymousCache({ ttlMs: 60_000 }), json({ personal: true }));
    const headers = { cookie: 'other=1; infraforum.sid=s%3Aabc' };
    await fetch(`${app.url}/x`, { headers });
    const again = await fetch(`${app.url}/x`, { headers });
    expect(again.headers.get('x-cache')).toBeNull();
    expect(app.calls()).toBe(2);
  });

  it('does not store answers that set a cookie, are not 200, are private, or are neither HTML nor JSON', async () => {
    const answers: RequestListener[] = [
      json({}, { 'set-cookie': 'a=b' }),
      (_, response) => response.writeHead(404, { 'content-type': 'application/json' }).end('{}'),
      json({}, { 'cache-control': 'private, no-store' }),
      (_, response) => response.writeHead(200, { 'content-type': 'image/png' }).end('png'),
    ];
    for (const answer of answers) {
      const app = await serve(new AnonymousCache({ ttlMs: 60_000 }), answer);
      await fetch(`${app.url}/x`);
      await fetch(`${app.url}/x`);
      expect(app.calls()).toBe(2);
      await new Promise<void>((resolve) => server!.close(() => resolve()));
      server = undefined;
    }
  });

  it('forgets everything when a write completes, so the writer’s next read is fresh', async () => {
    let version = 1;
    const app = await serve(new AnonymousCache({ ttlMs: 60_000 }), (request, response) => {
      if (request.method === 'POST') version += 1;
      json({ version })(request, response);
    });
    await fetch(`${app.url}/x`);
    await fetch(`${app.url}/y`, { method: 'POST' });
    expect(await (await fetch(`${app.url}/x`)).json()).toEqual({ version: 2 });
  });

  it('does not store an answer that was built while a write completed', async () => {
    const cache = new AnonymousCache({ ttlMs: 60_000 });
    let release: () => void = () => undefined;
    const app = await serve(cache, (request, response) => {
      if (request.url === '/slow') release = () => json({ stale: true })(request, response);
      else json({})(request, response);
    });
    const slow = fetch(`${app.url}/slow`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await fetch(`${app.url}/write`, { method: 'POST' });
    release();
    await slow;
    expect(cache.size).toBe(0);
  });

  it('expires entries after the time to live', async () => {
    let now = 0;
    const app = await serve(new AnonymousCache({ ttlMs: 2000, now: () => now }), json({}));
    await fetch(`${app.url}/x`);
    now = 1999;
    await fetch(`${app.url}/x`);
    now = 2001;
    await fetch(`${app.url}/x`);
    expect(app.calls()).toBe(2);
  });

  it('answers 304 to a matching If-None-Match from memory', async () => {
    const app = await serve(new AnonymousCache({ ttlMs: 60_000 }), json({}));
    await fetch(`${app.url}/x`);
    const response = await fetch(`${app.url}/x`, { headers: { 'if-none-match': '"v1"' } });
    expect(response.status).toBe(304);
    expect(app.calls()).toBe(1);
  });

  it('passes bypassed paths straight through', async () => {
    const app = await serve(new AnonymousCache({ ttlMs: 60_000, bypass: (path) => path === '/api/health' }), json({}));
    await fetch(`${app.url}/api/health`);
    await fetch(`${app.url}/api/health?x`);
    await fetch(`${app.url}/api/health`);
    expect(app.calls()).toBe(3);
  });

  it('is not flushed by a write that was refused', async () => {
    const app = await serve(new AnonymousCache({ ttlMs: 60_000 }), (request, response) => {
      if (request.method === 'POST') response.writeHead(401, { 'content-type': 'application/json' }).end('{}');
      else json({})(request, response);
    });
    await fetch(`${app.url}/x`);
    await fetch(`${app.url}/x`, { method: 'POST' });
    expect((await fetch(`${app.url}/x`)).headers.get('x-cache')).toBe('HIT');
  });

  it('keeps all bodies together under its byte budget, dropping the oldest first', async () => {
    const cache = new AnonymousCache({ ttlMs: 60_000, maxTotalBytes: 2500 });
    const app = await serve(cache, (_, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('x'.repeat(1000)));
    for (const path of ['/a', '/b', '/c']) await fetch(`${app.url}${path}`);
    expect(cache.size).toBe(2);
    expect(cache.bytes).toBe(2000);
    expect((await fetch(`${app.url}/a`)).headers.get('x-cache')).toBe('MISS');
    expect((await fetch(`${app.url}/c`)).headers.get('x-cache')).toBe('HIT');
  });
});
