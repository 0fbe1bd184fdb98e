import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession, signIn } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

// Flags and the moderators' review: members flag content or a reply, flags from enough municipalities hide it
// pending review (a municipality counts once), and a moderator's decision is applied, audited and told the author.

let t: TestApp;
let author: ApiSession;
let gladsaxeColleague: ApiSession;
let esbjerg: ApiSession;
let esbjergColleague: ApiSession;
let aarhus: ApiSession;
let odense: ApiSession;
let moderator: ApiSession;
let anonymous: ApiSession;
const THRESHOLD = 3;

const FLAGGER_CODES = ['0101', '0147', '0151', '0153', '0155', '0157'];
let flaggers: ApiSession[] = [];

beforeAll(async () => {
  t = await startTestApp({ env: { FLAG_HIDE_THRESHOLD: String(THRESHOLD) } });
  await t.createUser({ email: 'forfatter@gladsaxe.dk', organizationCode: '0159', name: 'Frida Forfatter' });
  await t.createUser({ email: 'kollega@gladsaxe.dk', organizationCode: '0159', name: 'Kim Kollega' });
  await t.createUser({ email: 'peter@esbjerg.dk', organizationCode: '0561', name: 'Peter Krogh' });
  await t.createUser({ email: 'lone@esbjerg.dk', organizationCode: '0561', name: 'Lone Esbjerg' });
  await t.createUser({ email: 'anna@aarhus.dk', organizationCode: '0751', name: 'Anna Aarhus' });
  await t.createUser({ email: 'ole@odense.dk', organizationCode: '0461', name: 'Ole Odense' });
  await t.createUser({ email: 'mod@kombit.dk', organizationCode: 'KOMBIT', role: 'moderator', name: 'Mette Moderator' });
  for (const [i, code] of FLAGGER_CODES.entries()) {
    await t.createUser({ email: `flagger${i}@kommune${i}.dk`, organizationCode: code, name: `Anmelder ${i}` });
  }
  [author, gladsaxeColleague, esbjerg, esbjergColleague, aarhus, odense, moderator] = (await Promise.all(
    [
      'forfatter@gladsaxe.dk',
      'kollega@gladsaxe.dk',
      'peter@esbjerg.dk',
      'lone@esbjerg.dk',
      'anna@aarhus.dk',
      'ole@odense.dk',
      'mod@kombit.dk',
    ].map((email) => signIn(t.url, email, TEST_PASSWORD)),
  )) as ApiSession[] as [ApiSession, ApiSession, ApiSession, ApiSession, ApiSession, ApiSession, ApiSession];
  flaggers = await Promise.all(FLAGGER_CODES.map((_, i) => signIn(t.url, `flagger${i}@kommune${i}.dk`, TEST_PASSWORD)));
  anonymous = new ApiSession(t.url);
});
afterAll(async () => {
  await t.close();
});

let counter = 0;
/** A made-up word per item, far enough from the others that typo tolerance never joins them. */
let word = '';
const randomWord = () => Array.from({ length: 10 }, () => 'bcdfghjklmnpqrstvwxz'[randomInt(20)]).join('');
async function question(overrides: Record<string, unknown> = {}) {
  counter += 1;
  word = randomWord();
  const response = await author.post('/api/content', {
    kind: 'question',
    title: `Hvordan genstarter man Beskedfordeleren nummer ${counter}?`,
    body: `Vi har problemer med beskedfordeleren, tråd ${counter}. Ordet ${word} gør den let at finde.`,
    visibility: 'public',
    ...overrides,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: number; title: string };
}

async function openFlagId(contentId: number, replyId: number | null = null): Promise<number> {
  const rows = await t.db.query(
    `SELECT id FROM flag WHERE content_id = $1 AND reply_id IS NOT DISTINCT FROM $2::bigint AND resolved_at IS NULL ORDER BY id LIMIT 1`,
    [contentId, replyId],
  );
  return Number(rows.rows[0].id);
}

async function auditActions(targetId: number): Promise<string[]> {
  const rows = await t.db.query(`SELECT action FROM audit_log WHERE target_id = $1 ORDER BY id`, [String(targetId)]);
  return rows.rows.map((row: { action: string }) => row.action);
}

const searchIds = async (session: ApiSession, q: string): Promise<number[]> =>
  ((await session.get(`/api/search?q=${encodeURIComponent(q)}`)).body.hits as { id: number }[]).map((hit) => hit.id);

describe('flagging', () => {
  it('needs a reason, and a description for "other"', async () => {
    const item = await question();
    const none = await esbjerg.post(`/api/content/${item.id}/flags`, {});
    expect(none.status).toBe(400);
    expect(none.body.fields.reason[0]).toMatch(/Vælg en grund/);
    const other = await esbjerg.post(`/api/content/${item.id}/flags`, { reason: 'other' });
    expect(other.status).toBe(400);
    expect(other.body.fields.text[0]).toMatch(/Beskriv hvad der er galt/);
    const rows = await t.db.query(`SELECT count(*)::int AS n FROM flag WHERE content_id = $1`, [item.id]);
    expect(rows.rows[0].n).toBe(0);
  });

  it('is refused on one’s own content, without login, and on what the caller may not read', async () => {
    const item = await question();
    const own = await author.post(`/api/content/${item.id}/flags`, { reason: 'outdated' });
    expect(own.status).toBe(400);
    expect(own.body.fields._[0]).toMatch(/dit eget indhold/);
    expect((await anonymous.post(`/api/content/${item.id}/flags`, { reason: 'outdated' })).status).toBe(401);
    const internal = await question({ visibility: 'organization' });
    expect((await esbjerg.post(`/api/content/${internal.id}/flags`, { reason: 'outdated' })).status).toBe(404);
    expect((await esbjerg.post(`/api/content/999999999/flags`, { reason: 'outdated' })).status).toBe(404);
  });

  it('keeps one open flag per member: a repeat replaces the reason', async () => {
    const item = await question();
    await esbjerg.post(`/api/content/${item.id}/flags`, { reason: 'outdated' });
    const again = await esbjerg.post(`/api/content/${item.id}/flags`, { reason: 'personal_data', text: 'Der står et cpr-nummer' });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ reason: 'personal_data', hiddenPendingReview: false });
    const rows = await t.db.query(`SELECT reason, text FROM flag WHERE content_id = $1`, [item.id]);
    expect(rows.rows).toEqual([{ reason: 'personal_data', text: 'Der står et cpr-nummer' }]);
    expect((await esbjerg.get(`/api/content/${item.id}`)).body.myFlag).toBe('personal_data');
    expect((await aarhus.get(`/api/content/${item.id}`)).body.myFlag).toBeNull();
  });
});

describe('the flag threshold', () => {
  it('counts a municipality once, and hides the item from lists, pages and search at the third municipality', async () => {
    const item = await question();
    await t.searchSettled();
    expect(await searchIds(aarhus, word)).toEqual([item.id]);

    // Two members of Esbjerg and the author's own colleague: two municipalities.
    for (const session of [esbjerg, esbjergColleague, gladsaxeColleague]) {
      const response = await session.post(`/api/content/${item.id}/flags`, { reason: 'abusive' });
      expect(response.body.hiddenPendingReview).toBe(false);
    }
    expect((await anonymous.get(`/api/content/${item.id}`)).status).toBe(200);

    const third = await aarhus.post(`/api/content/${item.id}/flags`, { reason: 'abusive' });
    expect(third.body.hiddenPendingReview).toBe(true);

    expect((await odense.get(`/api/content/${item.id}`)).status).toBe(404);
    const list = await odense.get('/api/content?kind=question&pageSize=100');
    expect(list.body.items.map((summary: { id: number }) => summary.id)).not.toContain(item.id);
    await t.searchSettled();
    expect(await searchIds(odense, word)).toEqual([]);

    const own = await author.get(`/api/content/${item.id}`);
    expect(own.body.status).toBe('hidden');
    expect(own.body.moderation).toEqual({ hiddenReason: 'Skjult, mens KOMBIT ser på anmeldelser fra flere kommuner', hiddenByFlags: true });
    const notifications = await author.get('/api/notifications');
    expect(notifications.body.items[0]).toMatchObject({
      type: 'moderation.hidden_by_flags',
      text: `«${item.title}» er skjult, mens KOMBIT ser på anmeldelser af det`,
    });
    expect(await auditActions(item.id)).toEqual(['content.hide_by_flags']);
  });

  it('comes back in lists and search when a moderator dismisses the flags', async () => {
    const item = await question();
    for (const session of [esbjerg, aarhus, odense]) await session.post(`/api/content/${item.id}/flags`, { reason: 'off_topic' });
    await t.searchSettled();
    expect(await searchIds(gladsaxeColleague, word)).toEqual([]);

    const resolved = await moderator.post(`/api/moderation/flags/${await openFlagId(item.id)}/resolve`, { action: 'dismiss' });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(resolved.body).toEqual({ resolved: 3, action: 'dismiss' });

    expect((await gladsaxeColleague.get(`/api/content/${item.id}`)).body.status).toBe('published');
    const list = await gladsaxeColleague.get('/api/content?kind=question&pageSize=100');
    expect(list.body.items.map((summary: { id: number }) => summary.id)).toContain(item.id);
    await t.searchSettled();
    expect(await searchIds(gladsaxeColleague, word)).toEqual([item.id]);
    expect(await auditActions(item.id)).toEqual(['content.hide_by_flags', 'moderation.dismiss']);
  });

  it('hides once, however many municipalities flag at the same moment', async () => {
    const item = await question();
    const responses = await Promise.all(flaggers.map((session) => session.post(`/api/content/${item.id}/flags`, { reason: 'abusive' })));
    // Flags are taken one at a time: after the third the item is hidden, and to the others it is gone.
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([...Array<number>(THRESHOLD).fill(201), ...Array<number>(FLAGGER_CODES.length - THRESHOLD).fill(404)]);
    expect(await auditActions(item.id)).toEqual(['content.hide_by_flags']);
    const notified = await t.db.query(
      `SELECT count(*)::int AS n FROM notification WHERE type = 'moderation.hidden_by_flags' AND content_id = $1`,
      [item.id],
    );
    expect(notified.rows[0].n).toBe(1);
    const flags = await t.db.query(`SELECT count(*)::int AS n FROM flag WHERE content_id = $1 AND resolved_at IS NULL`, [item.id]);
    expect(flags.rows[0].n).toBe(THRESHOLD);
  });
});

describe('the review queue', () => {
  it('shows moderators each flagged item once, in context, with its flags and how many municipalities', async () => {
    const item = await question();
    await esbjerg.post(`/api/content/${item.id}/flags`, { reason: 'outdated', text: 'SF1600 er udfaset' });
    await esbjergColleague.post(`/api/content/${item.id}/flags`, { reason: 'outdated' });
    const queue = await moderator.get('/api/moderation/queue');
    expect(queue.status).toBe(200);
    expect(queue.body.threshold).toBe(THRESHOLD);
    const entry = queue.body.items.find((i: { target: { contentId: number } }) => i.target.contentId === item.id);
    expect(entry.target).toMatchObject({
      type: 'content',
      replyId: null,
      kind: 'question',
      title: item.title,
      status: 'published',
      hiddenByFlags: false,
      author: { name: 'Frida Forfatter', organization: { code: '0159', name: 'Gladsaxe' } },
    });
    expect(entry.organizationCount).toBe(1);
    expect(entry.flags.map((flag: { flaggedBy: { name: string } }) => flag.flaggedBy.name).sort()).toEqual(['Lone Esbjerg', 'Peter Krogh']);
    expect(entry.flags.find((flag: { text: string | null }) => flag.text !== null).text).toBe('SF1600 er udfaset');
  });

  it('lists items hidden by flags first', async () => {
    const queue = await moderator.get('/api/moderation/queue');
    const hiddenFlags = queue.body.items.map((i: { target: { hiddenByFlags: boolean } }) => i.target.hiddenByFlags);
    const firstVisible = hiddenFlags.indexOf(false);
    expect(firstVisible).toBeGreaterThan(0);
    expect(hiddenFlags.slice(firstVisible)).not.toContain(true);
  });

  it('keeps decided flags as the item’s history, shown with its next flags', async () => {
    const item = await question();
    await esbjerg.post(`/api/content/${item.id}/flags`, { reason: 'off_topic' });
    await moderator.post(`/api/moderation/flags/${await openFlagId(item.id)}/resolve`, { action: 'dismiss', reason: 'Passer fint her' });
    await aarhus.post(`/api/content/${item.id}/flags`, { reason: 'off_topic' });
    const entry = (await moderator.get('/api/moderation/queue')).body.items.find(
      (i: { target: { contentId: number } }) => i.target.contentId === item.id,
    );
    expect(entry.flags).toHaveLength(1);
    expect(entry.history).toEqual([
      expect.objectContaining({
        reason: 'off_topic',
        resolution: 'dismiss',
        resolutionReason: 'Passer fint her',
        resolvedBy: { name: 'Mette Moderator', organization: { code: 'KOMBIT', name: 'KOMBIT' } },
      }),
    ]);
    const decided = (await moderator.get('/api/moderation/queue?status=resolved')).body.items;
    expect(decided.some((i: { target: { contentId: number } }) => i.target.contentId === item.id)).toBe(true);
  });

  it('refuses a bad status and page', async () => {
    const response = await moderator.get('/api/moderation/queue?status=maybe&page=0');
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields).sort()).toEqual(['page', 'status']);
  });
});

describe('decisions', () => {
  it('hides with a reason the author is shown and told, once; a second decision on the same flag is refused', async () => {
    const item = await question();
    await esbjerg.post(`/api/content/${item.id}/flags`, { reason: 'personal_data' });
    const flagId = await openFlagId(item.id);
    const noReason = await moderator.post(`/api/moderation/flags/${flagId}/resolve`, { action: 'hide' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields.reason[0]).toMatch(/begrundelse/);

    const hidden = await moderator.post(`/api/moderation/flags/${flagId}/resolve`, { action: 'hide', reason: 'Indeholder et cpr-nummer' });
    expect(hidden.status).toBe(200);
    const own = await author.get(`/api/content/${item.id}`);
    expect(own.body.moderation).toEqual({ hiddenReason: 'Indeholder et cpr-nummer', hiddenByFlags: false });
    expect((await esbjerg.get(`/api/content/${item.id}`)).status).toBe(404);
    const texts = (await author.get('/api/notifications')).body.items.map((n: { text: string }) => n.text);
    expect(texts).toContain(`«${item.title}» er skjult af en moderator. Begrundelse: Indeholder et cpr-nummer`);

    const again = await moderator.post(`/api/moderation/flags/${flagId}/resolve`, { action: 'dismiss' });
    expect(again.status).toBe(400);
    expect(again.body.fields._[0]).toMatch(/allerede behandlet/);

    const audit = await t.db.query(
      `SELECT action, actor_id IS NOT NULL AS by_someone, reason, before, after FROM audit_log WHERE target_id = $1`,
      [String(item.id)],
    );
    expect(audit.rows).toEqual([
      {
        action: 'moderation.hide',
        by_someone: true,
        reason: 'Indeholder et cpr-nummer',
        before: { status: 'published', locked: false, hiddenByFlags: false },
        after: expect.objectContaining({ status: 'hidden', flags: [flagId] }),
      },
    ]);
  });

  it('locks: the item stays visible and takes no more replies', async () => {
    const item = await question();
    await esbjerg.post(`/api/content/${item.id}/flags`, { reason: 'off_topic' });
    await moderator.post(`/api/moderation/flags/${await openFlagId(item.id)}/resolve`, {
      action: 'lock',
      reason: 'Diskussionen er afsluttet',
    });
    const read = await aarhus.get(`/api/content/${item.id}`);
    expect(read.body.locked).toBe(true);
    expect((await aarhus.post(`/api/content/${item.id}/replies`, { body: 'Et svar mere' })).status).toBe(403);
    expect(await auditActions(item.id)).toEqual(['moderation.lock']);
  });

  it('deletes, and the author is still told what happened to it', async () => {
    const item = await question();
    await esbjerg.post(`/api/content/${item.id}/flags`, { reason: 'abusive' });
    await moderator.post(`/api/moderation/flags/${await openFlagId(item.id)}/resolve`, { action: 'delete', reason: 'Krænkende indhold' });
    expect((await author.get(`/api/content/${item.id}`)).status).toBe(404);
    const texts = (await author.get('/api/notifications')).body.items.map((n: { text: string }) => n.text);
    expect(texts).toContain(`«${item.title}» er slettet af en moderator. Begrundelse: Krænkende indhold`);
  });

  it('refuses an unknown action and an unknown flag', async () => {
    const item = await question();
    await esbjerg.post(`/api/content/${item.id}/flags`, { reason: 'abusive' });
    const bad = await moderator.post(`/api/moderation/flags/${await openFlagId(item.id)}/resolve`, { action: 'burn', reason: 'Nej' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.action).toBeDefined();
    expect((await moderator.post('/api/moderation/flags/999999999/resolve', { action: 'dismiss' })).status).toBe(404);
    expect((await moderator.post('/api/moderation/flags/abc/resolve', { action: 'dismiss' })).status).toBe(404);
  });
});

describe('flags on replies', () => {
  it('hide a reply at the threshold, and a deletion takes it out of the thread', async () => {
    const item = await question();
    const reply = await gladsaxeColleague.post(`/api/content/${item.id}/replies`, { body: 'Et svar der bliver anmeldt' });
    expect(reply.status).toBe(201);
    const own = await gladsaxeColleague.post(`/api/replies/${reply.body.id}/flags`, { reason: 'abusive' });
    expect(own.status).toBe(400);
    for (const session of [esbjerg, aarhus]) {
      expect((await session.post(`/api/replies/${reply.body.id}/flags`, { reason: 'abusive' })).body.hiddenPendingReview).toBe(false);
    }
    expect((await odense.post(`/api/replies/${reply.body.id}/flags`, { reason: 'abusive' })).body.hiddenPendingReview).toBe(true);

    const thread = await odense.get(`/api/content/${item.id}`);
    expect(thread.body.replyCount).toBe(0);
    expect(thread.body.replies).toEqual([]);
    const forAuthor = await gladsaxeColleague.get(`/api/content/${item.id}`);
    expect(forAuthor.body.replies[0]).toMatchObject({
      hidden: true,
      hiddenReason: 'Skjult, mens KOMBIT ser på anmeldelser fra flere kommuner',
    });

    const entry = (await moderator.get('/api/moderation/queue')).body.items.find(
      (i: { target: { replyId: number | null } }) => i.target.replyId === reply.body.id,
    );
    expect(entry.target).toMatchObject({
      type: 'reply',
      contentId: item.id,
      excerpt: 'Et svar der bliver anmeldt',
      hiddenByFlags: true,
      status: 'hidden',
    });
    expect(entry.target.path).toMatch(new RegExp(`#svar-${reply.body.id}$`));

    await moderator.post(`/api/moderation/flags/${await openFlagId(item.id, reply.body.id)}/resolve`, {
      action: 'delete',
      reason: 'Krænkende',
    });
    expect((await gladsaxeColleague.get(`/api/content/${item.id}`)).body.replies).toEqual([]);
    expect(await auditActions(reply.body.id)).toEqual(['reply.hide_by_flags', 'moderation.delete']);
  });
});

describe('who may flag and decide', () => {
  const ACTORS = ['anonymous', 'member of Gladsaxe', 'member of Esbjerg', 'org admin of Gladsaxe', 'moderator', 'admin'] as const;
  type Actor = (typeof ACTORS)[number];
  const as = {} as Record<Actor, ApiSession>;

  beforeAll(async () => {
    await t.createUser({ email: 'orgadmin@gladsaxe.dk', organizationCode: '0159', role: 'org_admin' });
    await t.createUser({ email: 'admin@kombit.dk', organizationCode: 'KOMBIT', role: 'admin' });
    as.anonymous = anonymous;
    as['member of Gladsaxe'] = gladsaxeColleague;
    as['member of Esbjerg'] = esbjerg;
    as['org admin of Gladsaxe'] = await signIn(t.url, 'orgadmin@gladsaxe.dk', TEST_PASSWORD);
    as.moderator = moderator;
    as.admin = await signIn(t.url, 'admin@kombit.dk', TEST_PASSWORD);
  });

  type Call = (session: ApiSession) => Promise<{ status: number }>;
  const ROWS: [string, Call, Record<Actor, number>][] = [
    [
      'flag content',
      async (s) => s.post(`/api/content/${(await question()).id}/flags`, { reason: 'outdated' }),
      { anonymous: 401, 'member of Gladsaxe': 201, 'member of Esbjerg': 201, 'org admin of Gladsaxe': 201, moderator: 201, admin: 201 },
    ],
    [
      'flag a reply',
      async (s) => {
        const item = await question();
        const reply = await odense.post(`/api/content/${item.id}/replies`, { body: 'Et svar fra Odense' });
        return s.post(`/api/replies/${reply.body.id}/flags`, { reason: 'off_topic' });
      },
      { anonymous: 401, 'member of Gladsaxe': 201, 'member of Esbjerg': 201, 'org admin of Gladsaxe': 201, moderator: 201, admin: 201 },
    ],
    [
      'read the queue',
      (s) => s.get('/api/moderation/queue'),
      { anonymous: 401, 'member of Gladsaxe': 403, 'member of Esbjerg': 403, 'org admin of Gladsaxe': 403, moderator: 200, admin: 200 },
    ],
    [
      'decide a flag',
      async (s) => {
        const item = await question();
        await aarhus.post(`/api/content/${item.id}/flags`, { reason: 'outdated' });
        return s.post(`/api/moderation/flags/${await openFlagId(item.id)}/resolve`, { action: 'dismiss' });
      },
      { anonymous: 401, 'member of Gladsaxe': 403, 'member of Esbjerg': 403, 'org admin of Gladsaxe': 403, moderator: 200, admin: 200 },
    ],
  ];
  const cells = ROWS.flatMap(([name, call, expected]) => ACTORS.map((actor) => [name, actor, call, expected[actor]] as const));
  it.each(cells)('%s as %s', async (_name, actor, call, status) => {
    expect((await call(as[actor])).status).toBe(status);
  });
});

describe('the audit log', () => {
  let admin: ApiSession;
  let hiddenId: number;

  beforeAll(async () => {
    await t.createUser({ email: 'revision@kombit.dk', organizationCode: 'KOMBIT', role: 'admin', name: 'Rikke Revision' });
    admin = await signIn(t.url, 'revision@kombit.dk', TEST_PASSWORD);
    const item = await question();
    hiddenId = item.id;
    await esbjerg.post(`/api/content/${item.id}/flags`, { reason: 'personal_data' });
    await moderator.post(`/api/moderation/flags/${await openFlagId(item.id)}/resolve`, { action: 'hide', reason: 'Revisionsspor-grund' });
  });

  it('lists every moderator action newest first, with who, what, when, why, before and after', async () => {
    const response = await admin.get('/api/audit?q=Revisionsspor-grund');
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(1);
    expect(response.body.items[0]).toMatchObject({
      action: 'moderation.hide',
      actor: { name: 'Mette Moderator', email: 'mod@kombit.dk', role: 'moderator', organization: { code: 'KOMBIT' } },
      targetType: 'content',
      targetId: String(hiddenId),
      target: { title: expect.stringContaining('Beskedfordeleren'), path: expect.stringMatching(/^\/spoergsmaal\//) },
      organization: { code: '0159', name: 'Gladsaxe' },
      reason: 'Revisionsspor-grund',
      before: { status: 'published' },
      after: expect.objectContaining({ status: 'hidden' }),
    });
  });

  it('filters by an action prefix and by Copenhagen days', async () => {
    const moderation = await admin.get('/api/audit?action=moderation');
    expect(moderation.body.items.length).toBeGreaterThan(0);
    expect(moderation.body.items.every((entry: { action: string }) => entry.action.startsWith('moderation.'))).toBe(true);
    const future = await admin.get('/api/audit?from=2099-01-01');
    expect(future.body).toMatchObject({ items: [], total: 0 });
  });

  it('exports as CSV for Danish Excel', async () => {
    const response = await fetch(`${t.url}/api/audit?format=csv&q=Revisionsspor-grund`, { headers: { cookie: admin.cookieHeader ?? '' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/revisionslog\.csv/);
    const bytes = Buffer.from(await response.arrayBuffer());
    // The byte order mark tells Excel it is UTF-8 (fetch's text() would drop it).
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^Tidspunkt;Handling;Udført af;E-mail/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(';moderation.hide;Mette Moderator;mod@kombit.dk;moderator;');
  });

  it('is for admins only, and refuses a bad filter', async () => {
    expect((await anonymous.get('/api/audit')).status).toBe(401);
    expect((await esbjerg.get('/api/audit')).status).toBe(403);
    expect((await moderator.get('/api/audit')).status).toBe(403);
    const bad = await admin.get('/api/audit?from=igår&to=2025-02-31&format=xml');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['format', 'from', 'to']);
  });
});
