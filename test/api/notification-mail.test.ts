import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailQueue } from '../../server/dist/notifications/mail-queue.js';
import { ApiSession, signIn } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

// Notification mails through a real SMTP server: at once for direct events (a reply to one's question), a daily
// or weekly digest of what one follows (only what one may read), one-click unsubscribe, a queue in PostgreSQL
// that retries when the mail server fails and survives a restart.

interface Received {
  to: string[];
  mail: ParsedMail;
}

let smtp: SMTPServer;
let received: Received[] = [];
/** Recipients whose next delivery the server refuses once (a temporary failure). */
const failOnce = new Set<string>();

let t: TestApp;
let asker: ApiSession;
let replier: ApiSession;
let follower: ApiSession;
let esbjerg: ApiSession;
let gladsaxeColleague: ApiSession;
let anonymous: ApiSession;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (failOnce.delete(address.address)) {
        callback(Object.assign(new Error('Prøv igen senere'), { responseCode: 451 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), mail });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  t = await startTestApp({ withoutSearch: true, env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_RETRY_DELAY_SECONDS: '1' } });
  await t.createUser({ email: 'spoerger@gladsaxe.dk', organizationCode: '0159', name: 'Signe Spørger' });
  await t.createUser({ email: 'svarer@esbjerg.dk', organizationCode: '0561', name: 'Søren Svarer' });
  await t.createUser({ email: 'foelger@gladsaxe.dk', organizationCode: '0159', name: 'Frederik Følger' });
  await t.createUser({ email: 'anden@esbjerg.dk', organizationCode: '0561', name: 'Anne Esbjerg' });
  await t.createUser({ email: 'kollega@gladsaxe.dk', organizationCode: '0159', name: 'Kim Kollega' });
  [asker, replier, follower, esbjerg, gladsaxeColleague] = (await Promise.all(
    ['spoerger@gladsaxe.dk', 'svarer@esbjerg.dk', 'foelger@gladsaxe.dk', 'anden@esbjerg.dk', 'kollega@gladsaxe.dk'].map((email) =>
      signIn(t.url, email, TEST_PASSWORD),
    ),
  )) as [ApiSession, ApiSession, ApiSession, ApiSession, ApiSession];
  anonymous = new ApiSession(t.url);
});
afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until every queued mail job is done, so "no mail" means none was sent. */
async function queueDrained(app: TestApp = t): Promise<void> {
  const queue = app.app.get(MailQueue);
  await until(
    async () => ((await queue.pending()) === 0 && (await queue.pending('notification-digest-user')) === 0 ? true : undefined),
    'the mail queue',
  );
}

/** A header as sent (mailparser folds the List-* headers into one object). */
const header = (mail: ParsedMail, name: string): string =>
  mail.headerLines.find((line) => line.key === name)?.line.replace(/^[^:]+:\s*/, '') ?? '';
const unsubscribeLink = (mail: ParsedMail): string => header(mail, 'list-unsubscribe').replace(/^<|>$/g, '');

const mailsTo = (address: string) => received.filter((entry) => entry.to.includes(address));

let counter = 0;
async function ask(session: ApiSession, overrides: Record<string, unknown> = {}) {
  counter += 1;
  const response = await session.post('/api/content', {
    kind: 'question',
    title: `Hvorfor fejler afsendelsen via SF1601 nummer ${counter}?`,
    body: 'Brevene kommer ikke frem.',
    visibility: 'members',
    ...overrides,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: number; title: string; path: string };
}

describe('mails at once', () => {
  it('tells the asker about a reply, with a link and a one-click way out, and not the replier', async () => {
    received = [];
    const question = await ask(asker);
    expect(
      (await replier.post(`/api/content/${question.id}/replies`, { body: 'Tjek certifikatet i Administrationsmodulet.' })).status,
    ).toBe(201);
    const [mail] = await until(
      () => (mailsTo('spoerger@gladsaxe.dk').length > 0 ? mailsTo('spoerger@gladsaxe.dk') : undefined),
      'the reply mail',
    );
    expect(mail!.mail.subject).toBe(`Infraforum: Nyt svar på «${question.title}»`);
    expect(mail!.mail.text).toContain(`Hej Signe Spørger`);
    expect(mail!.mail.text).toContain(`${t.url}${question.path}`);
    expect(header(mail!.mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(unsubscribeLink(mail!.mail)).toMatch(new RegExp(`^${t.url}/api/notifications/unsubscribe\\?token=`));
    await queueDrained();
    expect(mailsTo('svarer@esbjerg.dk')).toEqual([]);
  });

  it('tells the one whose answer was accepted', async () => {
    received = [];
    const question = await ask(asker);
    const reply = await replier.post(`/api/content/${question.id}/replies`, { body: 'Genstart integrationen.' });
    expect((await asker.post(`/api/replies/${reply.body.id}/accept`, {})).status).toBe(200);
    const mails = await until(
      () => (mailsTo('svarer@esbjerg.dk').length > 0 ? mailsTo('svarer@esbjerg.dk') : undefined),
      'the accept mail',
    );
    expect(mails[0]!.mail.subject).toBe(`Infraforum: Dit svar på «${question.title}» er accepteret`);
  });

  it('leaves followers of the question to the bell and the digest', async () => {
    received = [];
    const question = await ask(asker);
    expect((await follower.post('/api/me/subscriptions', { type: 'content', key: question.id })).status).toBe(200);
    await replier.post(`/api/content/${question.id}/replies`, { body: 'Et svar, følgeren skal se i klokken.' });
    await until(() => (mailsTo('spoerger@gladsaxe.dk').length > 0 ? true : undefined), 'the asker’s mail');
    await queueDrained();
    expect(mailsTo('foelger@gladsaxe.dk')).toEqual([]);
    const bell = await follower.get('/api/notifications');
    expect(bell.body.items[0]).toMatchObject({
      type: 'content.reply',
      text: `Nyt svar på «${question.title}»`,
      content: { id: question.id },
    });
  });

  it('is retried when the mail server refuses it for a moment', async () => {
    received = [];
    failOnce.add('spoerger@gladsaxe.dk');
    const question = await ask(asker);
    await replier.post(`/api/content/${question.id}/replies`, { body: 'Svar mens mailserveren driller.' });
    const mails = await until(
      () => (mailsTo('spoerger@gladsaxe.dk').length > 0 ? mailsTo('spoerger@gladsaxe.dk') : undefined),
      'the retried mail',
    );
    expect(failOnce.has('spoerger@gladsaxe.dk')).toBe(false);
    expect(mails).toHaveLength(1);
    const row = await t.db.query(
      `SELECT emailed_at IS NOT NULL AS emailed FROM notification WHERE content_id = $1 AND type = 'content.reply'`,
      [question.id],
    );
    expect(row.rows).toEqual([{ emailed: true }]);
  });

  it('stops after a one-click unsubscribe from the mail, without login', async () => {
    received = [];
    const question = await ask(gladsaxeColleague);
    await replier.post(`/api/content/${question.id}/replies`, { body: 'Første svar.' });
    const [mail] = await until(
      () => (mailsTo('kollega@gladsaxe.dk').length > 0 ? mailsTo('kollega@gladsaxe.dk') : undefined),
      'the first mail',
    );
    const link = unsubscribeLink(mail!.mail);
    const token = new URL(link).searchParams.get('token')!;
    expect((await anonymous.get(`/api/notifications/unsubscribe?token=${encodeURIComponent(token)}`)).body).toEqual({ scope: 'immediate' });

    // What a mail client does (RFC 8058): a form post to the address, no cookie, no JSON.
    const oneClick = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect((await gladsaxeColleague.get('/api/me/notification-settings')).body).toEqual({ emailImmediate: false, digest: 'weekly' });

    received = [];
    await replier.post(`/api/content/${question.id}/replies`, { body: 'Andet svar, som ikke må mailes.' });
    await queueDrained();
    expect(mailsTo('kollega@gladsaxe.dk')).toEqual([]);
    // In the bell all the same.
    expect((await gladsaxeColleague.get('/api/notifications')).body.unreadCount).toBeGreaterThanOrEqual(2);
  });

  it('refuses a forged or changed unsubscribe token', async () => {
    const forged = await anonymous.post('/api/notifications/unsubscribe', { token: 'bm9nZXQuZGlnZXN0.aGVsdC1mb3JrZXJ0' });
    expect(forged.status).toBe(400);
    expect(forged.body.fields.token[0]).toMatch(/ugyldigt/);
  });
});

describe('the digest', () => {
  it('holds only what the member may read of what they follow, and is sent once a day at most', async () => {
    received = [];
    expect(
      (
        await follower.put('/api/me/subscriptions', {
          items: [
            { type: 'tag', key: 'beskedfordeler' },
            { type: 'component', key: 'faelleskommunal-beskedfordeler' },
          ],
        })
      ).status,
    ).toBe(200);
    await follower.put('/api/me/notification-settings', { emailImmediate: true, digest: 'daily' });
    // Start the digest period now, so only what follows is in it.
    await t.db.query(
      `UPDATE notification_settings SET last_digest_at = now() WHERE user_id = (SELECT id FROM "user" WHERE email = 'foelger@gladsaxe.dk')`,
    );

    const visible = await ask(esbjerg, { title: 'Beskedfordeleren afviser beskeder fra Esbjerg', tags: ['beskedfordeler'] });
    const ownMunicipality = await ask(gladsaxeColleague, {
      title: 'Gladsaxes egen note om Beskedfordeleren',
      visibility: 'organization',
      components: ['faelleskommunal-beskedfordeler'],
    });
    const otherMunicipality = await ask(esbjerg, {
      title: 'Esbjergs interne note om Beskedfordeleren',
      visibility: 'organization',
      tags: ['beskedfordeler'],
    });
    const draft = await ask(esbjerg, { title: 'Esbjergs kladde om Beskedfordeleren', status: 'draft', tags: ['beskedfordeler'] });
    expect(otherMunicipality.id).toBeGreaterThan(0);
    expect(draft.id).toBeGreaterThan(0);

    const queue = t.app.get(MailQueue);
    await queue.enqueueDigests(new Date(), ['daily']);
    const mails = await until(() => (mailsTo('foelger@gladsaxe.dk').length > 0 ? mailsTo('foelger@gladsaxe.dk') : undefined), 'the digest');
    const digest = mails[0]!.mail;
    expect(digest.subject).toBe('Infraforum: Dagens nyt – 2 nye ting i det, du følger');
    expect(digest.text).toContain(`«${visible.title}»`);
    expect(digest.text).toContain(`«${ownMunicipality.title}»`);
    expect(digest.text).not.toContain('Esbjergs interne note');
    expect(digest.text).not.toContain('Esbjergs kladde');
    expect(unsubscribeLink(digest)).toMatch(/token=/);

    // A second run the same day queues nothing new.
    await queue.enqueueDigests(new Date(), ['daily']);
    await queueDrained();
    expect(mailsTo('foelger@gladsaxe.dk')).toHaveLength(1);
  });

  it('is not sent when nothing is new', async () => {
    received = [];
    const queue = t.app.get(MailQueue);
    await queue.enqueueDigests(new Date(Date.now() + 24 * 60 * 60 * 1000), ['daily']);
    await queueDrained();
    expect(mailsTo('foelger@gladsaxe.dk')).toEqual([]);
  });

  it('stops after its unsubscribe link is used', async () => {
    received = [];
    // As if the days had passed: the last digest covered up to now.
    await t.db.query(
      `UPDATE notification_settings SET last_digest_at = now() WHERE user_id = (SELECT id FROM "user" WHERE email = 'foelger@gladsaxe.dk')`,
    );
    await ask(esbjerg, { title: 'Endnu et spørgsmål om Beskedfordeleren', tags: ['beskedfordeler'] });
    const queue = t.app.get(MailQueue);
    await queue.enqueueDigests(new Date(Date.now() + 2 * 24 * 60 * 60 * 1000), ['daily']);
    const [mail] = await until(
      () => (mailsTo('foelger@gladsaxe.dk').length > 0 ? mailsTo('foelger@gladsaxe.dk') : undefined),
      'the digest',
    );
    const token = new URL(unsubscribeLink(mail!.mail)).searchParams.get('token')!;
    const result = await anonymous.post('/api/notifications/unsubscribe', { token });
    expect(result.body).toEqual({ scope: 'digest', settings: { emailImmediate: true, digest: 'off' } });

    received = [];
    await ask(esbjerg, { title: 'Et spørgsmål efter afmeldingen', tags: ['beskedfordeler'] });
    await queue.enqueueDigests(new Date(Date.now() + 3 * 24 * 60 * 60 * 1000), ['daily', 'weekly']);
    await queueDrained();
    expect(mailsTo('foelger@gladsaxe.dk')).toEqual([]);
  });
});

describe('following and settings', () => {
  it('names what one follows, and refuses what does not exist or cannot be read, per item', async () => {
    const internal = await ask(esbjerg, { visibility: 'organization' });
    const badType = await follower.put('/api/me/subscriptions', {
      items: [
        { type: 'tag', key: 'sf1601' },
        { type: 'planet', key: 'mars' },
      ],
    });
    expect(badType.status).toBe(400);
    expect(Object.keys(badType.body.fields)).toEqual(['items.1.type']);
    const response = await follower.put('/api/me/subscriptions', {
      items: [
        { type: 'tag', key: 'sf1601' },
        { type: 'component', key: 'findes-ikke' },
        { type: 'content', key: internal.id },
        { type: 'toolbox_section', key: 'krav-it-indkoeb-og-leverandoerstyring' },
      ],
    });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields).sort()).toEqual(['items.1.key', 'items.2.key']);
    expect(response.body.fields['items.2.key'][0]).toMatch(/ikke adgang/);

    const ok = await follower.put('/api/me/subscriptions', {
      items: [
        { type: 'tag', key: 'SF1601' },
        { type: 'toolbox_section', key: 'krav-it-indkoeb-og-leverandoerstyring' },
        { type: 'component', key: 'context-handler' },
      ],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.items.map((item: { type: string; title: string; path: string }) => [item.type, item.title, item.path]).sort()).toEqual(
      [
        ['component', 'Context Handler', '/komponenter/context-handler'],
        ['tag', '#sf1601', '/soeg?tag=sf1601'],
        ['toolbox_section', 'Krav, it-indkøb og leverandørstyring', '/vaerktoejskassen/krav-it-indkoeb-og-leverandoerstyring'],
      ].sort(),
    );
    expect((await follower.delete('/api/me/subscriptions/tag/sf1601')).status).toBe(204);
    expect((await follower.get('/api/me/subscriptions')).body.items).toHaveLength(2);
  });

  it('shows on an item whether the caller follows it; its author follows it from the start', async () => {
    const question = await ask(asker);
    expect((await asker.get(`/api/content/${question.id}`)).body.following).toBe(true);
    expect((await follower.get(`/api/content/${question.id}`)).body.following).toBe(false);
    await follower.post('/api/me/subscriptions', { type: 'content', key: String(question.id) });
    expect((await follower.get(`/api/content/${question.id}`)).body.following).toBe(true);
  });

  it('validates the settings and needs a login for all of it', async () => {
    const bad = await follower.put('/api/me/notification-settings', { emailImmediate: 'ja', digest: 'hourly' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['digest', 'emailImmediate']);
    for (const call of [
      () => anonymous.get('/api/me/subscriptions'),
      () => anonymous.put('/api/me/subscriptions', { items: [] }),
      () => anonymous.post('/api/me/subscriptions', { type: 'tag', key: 'sf1601' }),
      () => anonymous.delete('/api/me/subscriptions/tag/sf1601'),
      () => anonymous.get('/api/me/notification-settings'),
      () => anonymous.put('/api/me/notification-settings', { emailImmediate: true, digest: 'off' }),
    ]) {
      expect((await call()).status).toBe(401);
    }
  });
});

describe('the queue survives a restart', () => {
  it('sends, from a new process, the mails a process without a worker queued', async () => {
    received = [];
    // A process that queues but does not send (JOB_WORKER=false) on the same database.
    const queuer = await startTestApp({
      withoutSearch: true,
      databaseUrl: t.databaseUrl,
      env: { SMTP_URL: 'smtp://127.0.0.1:1', JOB_WORKER: 'false', SEARCH_WORKER: 'false' },
    });
    try {
      const askerThere = await signIn(queuer.url, 'spoerger@gladsaxe.dk', TEST_PASSWORD);
      const replierThere = await signIn(queuer.url, 'svarer@esbjerg.dk', TEST_PASSWORD);
      const question = await ask(askerThere);
      await replierThere.post(`/api/content/${question.id}/replies`, { body: 'Svar skrevet i den anden proces.' });
      const jobs = await t.db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'notification-email' AND state = 'created'`);
      expect(jobs.rows[0].n).toBeGreaterThanOrEqual(1);
      // The first app's worker (a process that was not part of the request) delivers it.
      const mails = await until(
        () => (mailsTo('spoerger@gladsaxe.dk').some((entry) => entry.mail.subject?.includes(question.title)) ? true : undefined),
        'the mail from the queue',
      );
      expect(mails).toBe(true);
    } finally {
      await queuer.close();
    }
  });
});
