// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON the API returned
type Json = any;

/** A tiny cookie-keeping HTTP client for API tests: one instance is one browser session. */
export class ApiSession {
  private cookie: string | undefined;

  constructor(private readonly baseUrl: string) {}

  /** The Cookie header this session sends, for hand-made requests. */
  get cookieHeader(): string | undefined {
    return this.cookie;
  }

  get hasCookie(): boolean {
    return this.cookie !== undefined;
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: Json; headers: Headers }> {
    const init: RequestInit = { method, headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...headers }, redirect: 'manual' };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    // Like the web's client: every request that changes something says it speaks JSON, body or not.
    if (body !== undefined || method !== 'GET') (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    const response = await fetch(this.baseUrl + path, init);
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('infraforum.sid='));
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // keep text
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  get(path: string) {
    return this.request('GET', path);
  }
  post(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', path, body, headers);
  }
  put(path: string, body?: unknown) {
    return this.request('PUT', path, body);
  }
  patch(path: string, body?: unknown) {
    return this.request('PATCH', path, body);
  }
  delete(path: string, body?: unknown) {
    return this.request('DELETE', path, body);
  }

  async login(email: string, password: string): Promise<number> {
    const response = await this.post('/api/auth/login', { email, password });
    return response.status;
  }
}

export interface DevMailMessage {
  to: string;
  subject: string;
  text: string;
  sentAt: string;
}

/** The dev inbox for one address, newest first. */
export async function mailsTo(baseUrl: string, to: string): Promise<DevMailMessage[]> {
  const response = await fetch(`${baseUrl}/api/dev/mail?to=${encodeURIComponent(to)}`);
  if (response.status !== 200) throw new Error(`GET /api/dev/mail answered ${response.status}`);
  return (await response.json()) as DevMailMessage[];
}

/** A browser session logged in as `email`; fails loudly when the login does not succeed. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<ApiSession> {
  const session = new ApiSession(baseUrl);
  const status = await session.login(email, password);
  if (status !== 200) throw new Error(`Login as ${email} answered ${status}`);
  return session;
}

let addressCounter = 0;
/** An address nobody in this test file has used yet, e.g. `uniqueEmail('gladsaxe.dk', 'mette')`. */
export function uniqueEmail(domain: string, prefix = 'user'): string {
  addressCounter += 1;
  return `${prefix}.${addressCounter}.${Math.random().toString(36).slice(2, 8)}@${domain}`;
}

/** The newest mail to `to` whose subject matches. */
async function newestMail(baseUrl: string, to: string, subject: RegExp): Promise<DevMailMessage> {
  const mail = (await mailsTo(baseUrl, to)).find((m) => subject.test(m.subject));
  if (!mail) throw new Error(`No mail to ${to} matching ${subject}`);
  return mail;
}

/** The token in the newest mail to `to` whose subject matches. */
export async function tokenFromMail(baseUrl: string, to: string, subject: RegExp): Promise<string> {
  const token = /[?&]token=([\w-]+)/.exec((await newestMail(baseUrl, to, subject)).text)?.[1];
  if (!token) throw new Error(`No token in the mail to ${to}`);
  return token;
}

/** The token link in the newest mail to `to` whose subject matches (as a person would click it). */
export async function linkFromMail(baseUrl: string, to: string, subject: RegExp): Promise<string> {
  const link = /https?:\/\/\S+\?token=[\w-]+/.exec((await newestMail(baseUrl, to, subject)).text)?.[0];
  if (!link) throw new Error(`No link in the mail to ${to}`);
  return link;
}
