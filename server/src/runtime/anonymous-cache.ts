import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { hasSessionCookie } from '../common/session-cookie.js';

/**
 * A micro-cache for what people without a session see: the same page or JSON for everyone, so it is built once
 * every few seconds instead of on every request (Discourse's anonymous cache, nginx micro-caching). It sits in
 * front of the whole middleware chain.
 *
 * - Only GET requests without the session cookie, and only 200 answers of HTML or JSON that set no cookie and
 *   are not marked private/no-store, are kept; logged-in people always get a fresh answer.
 * - Every write through this process (any other method) empties the cache when it completes, so one instance is
 *   always consistent; other instances catch up within `ttlMs`.
 */
export interface AnonymousCacheOptions {
  ttlMs: number;
  maxEntries?: number;
  maxBodyBytes?: number;
  /** All bodies together; the oldest entries go first when it is reached. */
  maxTotalBytes?: number;
  /** Paths never cached (health, dev inbox …). */
  bypass?: (path: string) => boolean;
  now?: () => number;
}

interface Entry {
  status: number;
  headers: Record<string, string | string[] | number>;
  body: Buffer;
  expires: number;
}

const CACHEABLE_TYPE = /^(text\/html|application\/json)\b/i;

export class AnonymousCache {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly maxBodyBytes: number;
  private readonly maxTotalBytes: number;
  private totalBytes = 0;
  private readonly now: () => number;
  /** Bumped by every write: an answer built before a write is not stored after it. */
  private generation = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly options: AnonymousCacheOptions) {
    this.maxEntries = options.maxEntries ?? 2000;
    this.maxBodyBytes = options.maxBodyBytes ?? 512 * 1024;
    this.maxTotalBytes = options.maxTotalBytes ?? 64 * 1024 * 1024;
    this.now = options.now ?? Date.now;
  }

  /** Wraps a request listener (Express): answers from the cache when it can, and fills it on the way out. */
  wrap(next: RequestListener): RequestListener {
    return (request, response) => {
      if (request.method !== 'GET') {
        // Only a write that succeeded changes anything; a refused one must not let anyone flush the cache.
        if (request.method !== 'HEAD' && request.method !== 'OPTIONS') {
          response.once('finish', () => {
            if (response.statusCode < 400) this.clear();
          });
        }
        return next(request, response);
      }
      const key = this.keyFor(request);
      if (key === null) return next(request, response);
      const entry = this.entries.get(key);
      if (entry && entry.expires > this.now()) {
        this.hits += 1;
        return this.answer(request, response, entry);
      }
      if (entry) this.remove(key, entry);
      this.misses += 1;
      this.record(key, response);
      return next(request, response);
    };
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.totalBytes = 0;
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.totalBytes -= entry.body.length;
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  private keyFor(request: IncomingMessage): string | null {
    if (hasSessionCookie(request.headers.cookie)) return null;
    if (request.headers.authorization) return null;
    const url = request.url ?? '/';
    const path = url.split('?', 1)[0] ?? '/';
    if (this.options.bypass?.(path)) return null;
    // The same URL can answer differently per Accept (SvelteKit data requests) and host.
    return `${request.headers.host ?? ''} ${request.headers.accept ?? ''} ${url}`;
  }

  private answer(request: IncomingMessage, response: ServerResponse, entry: Entry): void {
    const etag = entry.headers.etag;
    if (typeof etag === 'string' && request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag, 'x-cache': 'HIT' });
      response.end();
      return;
    }
    response.writeHead(entry.status, { ...entry.headers, 'x-cache': 'HIT' });
    response.end(entry.body);
  }

  /** Captures the answer as it is written; stores it at the end if it may be shared. */
  private record(key: string, response: ServerResponse): void {
    const generation = this.generation;
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    const write = response.write.bind(response) as (...args: unknown[]) => boolean;
    const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
    const capture = (chunk: unknown, encoding: unknown) => {
      if (tooBig || chunk === undefined || chunk === null || typeof chunk === 'function') return;
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : typeof chunk === 'string'
          ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
          : Buffer.from(chunk as Uint8Array);
      size += buffer.length;
      if (size > this.maxBodyBytes) tooBig = true;
      else chunks.push(buffer);
    };
    response.setHeader('x-cache', 'MISS');
    response.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
      capture(chunk, encoding);
      return write(chunk, encoding, callback);
    }) as ServerResponse['write'];
    response.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
      capture(chunk, encoding);
      const result = end(chunk, encoding, callback);
      if (!tooBig && generation === this.generation) this.store(key, response, Buffer.concat(chunks));
      return result;
    }) as ServerResponse['end'];
  }

  private store(key: string, response: ServerResponse, body: Buffer): void {
    if (response.statusCode !== 200 || response.hasHeader('set-cookie')) return;
    const type = response.getHeader('content-type');
    if (typeof type !== 'string' || !CACHEABLE_TYPE.test(type)) return;
    const control = String(response.getHeader('cache-control') ?? '');
    if (/no-store|private/i.test(control)) return;
    const headers: Entry['headers'] = {};
    for (const [name, value] of Object.entries(response.getHeaders())) {
      // Per-request headers are not replayed.
      if (value === undefined || name === 'x-request-id' || name === 'x-cache' || name === 'date') continue;
      headers[name] = value;
    }
    const previous = this.entries.get(key);
    if (previous) this.remove(key, previous);
    // Oldest first (a Map iterates in insertion order), until both limits hold with the new entry.
    for (const [oldKey, oldEntry] of this.entries) {
      if (this.entries.size < this.maxEntries && this.totalBytes + body.length <= this.maxTotalBytes) break;
      this.remove(oldKey, oldEntry);
    }
    this.entries.set(key, { status: 200, headers, body, expires: this.now() + this.options.ttlMs });
    this.totalBytes += body.length;
  }
}
