import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession, signIn } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

// Topic suggestions: anyone suggests, others vote (once, not on their own), KOMBIT's moderators move them
// through new → considering → planned → held or declined, and every step tells the suggester and the voters.

let t: TestApp;
let suggester: ApiSession;
let colleague: ApiSession;
let esbjerg: ApiSession;
let moderator: ApiSession;
let anonymous: ApiSession;
const VOTERS = 24;
let voters: ApiSession[] = [];

const contact = { name: 'Sofie Lund', email: 'sofie@gladsaxe.dk', phone: '+45 12 34 56 78' };

beforeAll(async () => {
  t = await startTestApp({ withoutSearch: true });
  await t.createUser({ email: 'sofie@gladsaxe.dk', organizationCode: '0159', name: 'Sofie Lund' });
  await t.createUser({ email: 'kollega@gladsaxe.dk', organizationCode: '0159', name: 'Kim Kollega' });
  await t.createUser({ email: 'peter@esbjerg.dk', organizationCode: '0561', name: 'Peter Krogh' });
  await t.createUser({ email: 'mod@kombit.dk', organizationCode: 'KOMBIT', role: 'moderator', name: 'Mette Moderator' });
  const codes = ['0101', '0147', '0151', '0153', '0155', '0157', '0159', '0161', '0163', '0165', '0167', '0169'];
  for (let i = 0; i < VOTERS; i += 1) {
    await t.createUser({ email: `voter${i}@kommune${i}.dk`, organizationCode: codes[i % codes.length]!, name: `Vælger ${i}` });
  }
  [suggester, colleague, esbjerg, moderator] = (await Promise.all(
    ['sofie@gladsaxe.dk', 'kollega@gladsaxe.dk', 'peter@esbjerg.dk', 'mod@kombit.dk'].map((email) => signIn(t.url, email, TEST_PASSWORD)),
  )) as [ApiSession, ApiSession, ApiSession, ApiSession];
  voters = await Promise.all(Array.from({ length: VOTERS }, (_, i) => signIn(t.url, `voter${i}@kommune${i}.dk`, TEST_PASSWORD)));
  anonymous = new ApiSession(t.url);
});
afterAll(async () => {
  await t.close();
});

async function suggest(overrides: Record<string, unknown> = {}, attributes: Record<string, unknown> = {}, as = suggester) {
  const response = await as.post('/api/content', {
    kind: 'suggestion',
    title: 'Cases om at flytte en leverandør til en ny snitflade',
    body: 'Eksempler på hvordan man finder og flytter en leverandør over på en ny snitflade.',
    visibility: 'public',
    ...overrides,
    attributes: { contact: { ...contact, shownTo: 'members' }, ...attributes },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

async function webinar(title = 'Infrastruktur i praksis: leverandørskift') {
  const response = await moderator.post('/api/content', {
    kind: 'webinar',
    title,
    body: 'Kommuner fortæller om at flytte en leverandør.',
    visibility: 'public',
    attributes: { startsAt: '2027-03-04T10:00:00+01:00', endsAt: '2027-03-04T12:00:00+01:00', hosts: ['0159'], programme: [] },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

describe('suggesting a topic', () => {
  it('starts as "new" whatever status the suggester sends, with the first step on its timeline', async () => {
    const item = await suggest({}, { status: 'planned', webinarId: 1 });
    expect(item.kind).toBe('suggestion');
    expect(item.path).toMatch(/^\/emneforslag\/\d+-/);
    expect(item.attributes.status).toBe('new');
    expect(item.attributes.webinarId).toBeUndefined();
    expect(item.timeline).toEqual([
      expect.objectContaining({ from: null, to: 'new', actor: expect.objectContaining({ name: 'Sofie Lund' }) }),
    ]);
  });

  it('refuses a missing contact and a malformed e-mail with a message per field', async () => {
    const missing = await suggester.post('/api/content', {
      kind: 'suggestion',
      title: 'Et forslag til et emne',
      body: 'Tekst',
      attributes: {},
    });
    expect(missing.status).toBe(400);
    expect(missing.body.fields['attributes.contact']).toBeDefined();
    const bad = await suggester.post('/api/content', {
      kind: 'suggestion',
      title: 'Et forslag til et emne',
      body: 'Tekst',
      attributes: { contact: { name: 'Sofie', email: 'ikke-en-adresse' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields['attributes.contact.email']).toEqual(['Skriv en gyldig e-mailadresse, fx navn@kommune.dk']);
  });

  it('keeps the status when the suggester edits the text and sends another status', async () => {
    const item = await suggest();
    await moderator.post(`/api/content/${item.id}/status`, { status: 'considering' });
    const edited = await suggester.patch(`/api/content/${item.id}`, {
      body: 'Ny tekst om leverandørskift.',
      attributes: { contact: { ...contact, shownTo: 'members' }, status: 'held' },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.attributes.status).toBe('considering');
  });
});

describe('contact details', () => {
  it('are never shown to anonymous visitors, in the list, the detail or the history', async () => {
    const item = await suggest();
    const detail = await anonymous.get(`/api/content/${item.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.attributes.contact).toBeUndefined();
    const list = await anonymous.get('/api/content?kind=suggestion&pageSize=100');
    expect(JSON.stringify(list.body)).not.toContain('sofie@gladsaxe.dk');
    const history = await anonymous.get(`/api/content/${item.id}/revisions`);
    expect(JSON.stringify(history.body)).not.toContain('sofie@gladsaxe.dk');
  });

  it('are shown to logged-in members when the suggester chose so', async () => {
    const item = await suggest();
    const detail = await esbjerg.get(`/api/content/${item.id}`);
    expect(detail.body.attributes.contact).toEqual({ ...contact, shownTo: 'members' });
  });

  it('are shown only to moderators and the suggester when the suggester chose moderators', async () => {
    const item = await suggest({}, { contact: { ...contact, shownTo: 'moderators' } });
    expect((await esbjerg.get(`/api/content/${item.id}`)).body.attributes.contact).toBeUndefined();
    expect((await colleague.get(`/api/content/${item.id}`)).body.attributes.contact).toBeUndefined();
    expect((await moderator.get(`/api/content/${item.id}`)).body.attributes.contact.email).toBe('sofie@gladsaxe.dk');
    expect((await suggester.get(`/api/content/${item.id}`)).body.attributes.contact.email).toBe('sofie@gladsaxe.dk');
  });
});

describe('the history of a suggestion', () => {
  it('never gives back contact details the suggester has since narrowed or removed', async () => {
    const item = await suggest();
    const narrowed = await suggester.patch(`/api/content/${item.id}`, {
      attributes: { contact: { name: contact.name, email: contact.email, shownTo: 'moderators' } },
    });
    expect(narrowed.status, JSON.stringify(narrowed.body)).toBe(200);
    const history = await esbjerg.get(`/api/content/${item.id}/revisions`);
    expect(history.body.items).toHaveLength(2);
    expect(JSON.stringify(history.body)).not.toContain(contact.email);
    expect(JSON.stringify(history.body)).not.toContain('12 34 56 78');
    const own = await suggester.get(`/api/content/${item.id}/revisions`);
    expect(own.body.items[1].attributes.contact.phone).toBe(contact.phone);
  });
});

describe('an edit by someone not shown the contact details', () => {
  it('keeps the stored ones, whatever the edit sends', async () => {
    await t.createUser({ email: 'orgadmin@gladsaxe.dk', organizationCode: '0159', role: 'org_admin', name: 'Olga Admin' });
    const orgAdmin = await signIn(t.url, 'orgadmin@gladsaxe.dk', TEST_PASSWORD);
    const item = await suggest({}, { contact: { ...contact, shownTo: 'moderators' } });
    expect((await orgAdmin.get(`/api/content/${item.id}`)).body.attributes.contact).toBeUndefined();
    const edited = await orgAdmin.patch(`/api/content/${item.id}`, {
      body: 'Rettet af kommunens administrator.',
      reason: 'Stavefejl',
      attributes: { contact: { name: 'Olga Admin', email: 'olga@gladsaxe.dk', shownTo: 'members' } },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const stored = (await moderator.get(`/api/content/${item.id}`)).body.attributes.contact;
    expect(stored).toEqual({ ...contact, shownTo: 'moderators' });
  });
});

describe('voting', () => {
  it('counts every one of many parallel votes exactly once, and a repeated vote is still one', async () => {
    const item = await suggest();
    const results = await Promise.all(
      [...voters, ...voters.slice(0, 5)].map((voter) => voter.post(`/api/content/${item.id}/vote`, { value: 1 })),
    );
    expect(results.map((result) => result.status)).toEqual(results.map(() => 200));
    expect((await anonymous.get(`/api/content/${item.id}`)).body.score).toBe(VOTERS);
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM vote WHERE content_id = $1`, [item.id]);
    expect(rows[0].n).toBe(VOTERS);
  });

  it('shows each viewer their vote and whether they may vote in the list itself', async () => {
    const item = await suggest({ title: 'Et forslag at stemme på i listen' });
    await esbjerg.post(`/api/content/${item.id}/vote`, { value: 1 });
    const find = (body: { items: { id: number; myVote: number; canVote: boolean }[] }) => body.items.find((entry) => entry.id === item.id);
    expect(find((await esbjerg.get('/api/content?kind=suggestion&sort=newest&pageSize=100')).body)).toMatchObject({
      myVote: 1,
      canVote: true,
    });
    expect(find((await suggester.get('/api/content?kind=suggestion&sort=newest&pageSize=100')).body)).toMatchObject({
      myVote: 0,
      canVote: false,
    });
    expect(find((await anonymous.get('/api/content?kind=suggestion&sort=newest&pageSize=100')).body)).toMatchObject({
      myVote: 0,
      canVote: false,
    });
  });

  it('toggles off with 0', async () => {
    const item = await suggest();
    await esbjerg.post(`/api/content/${item.id}/vote`, { value: 1 });
    const off = await esbjerg.post(`/api/content/${item.id}/vote`, { value: 0 });
    expect(off.body).toEqual({ score: 0, myVote: 0 });
  });

  it('refuses a vote against (-1) on a suggestion', async () => {
    const item = await suggest();
    const response = await esbjerg.post(`/api/content/${item.id}/vote`, { value: -1 });
    expect(response.status).toBe(400);
    expect(response.body.fields.value).toBeDefined();
  });

  it('refuses a vote on one’s own suggestion', async () => {
    const item = await suggest();
    expect((await suggester.post(`/api/content/${item.id}/vote`, { value: 1 })).status).toBe(403);
  });

  it('sorts the list by votes, and filters it by status', async () => {
    const few = await suggest({ title: 'Et forslag med få stemmer' });
    const many = await suggest({ title: 'Et forslag med mange stemmer' });
    await Promise.all(voters.slice(0, 3).map((voter) => voter.post(`/api/content/${many.id}/vote`, { value: 1 })));
    await voters[5]!.post(`/api/content/${few.id}/vote`, { value: 1 });
    await moderator.post(`/api/content/${many.id}/status`, { status: 'considering' });
    const byVotes = await anonymous.get('/api/content?kind=suggestion&sort=votes&pageSize=100');
    const ids = byVotes.body.items.map((item: { id: number }) => item.id);
    expect(ids.indexOf(many.id)).toBeLessThan(ids.indexOf(few.id));
    const considering = await anonymous.get('/api/content?kind=suggestion&state=considering&pageSize=100');
    expect(considering.body.items.map((item: { id: number }) => item.id)).toContain(many.id);
    expect(considering.body.items.map((item: { id: number }) => item.id)).not.toContain(few.id);
  });
});

describe('moving a suggestion on', () => {
  it('is for moderators only', async () => {
    const item = await suggest();
    for (const session of [anonymous, suggester, esbjerg]) {
      const response = await session.post(`/api/content/${item.id}/status`, { status: 'considering' });
      expect([401, 403]).toContain(response.status);
    }
    expect((await anonymous.get(`/api/content/${item.id}`)).body.attributes.status).toBe('new');
  });

  it('needs a reason to decline and a webinar to plan, each as a field message', async () => {
    const item = await suggest();
    const declined = await moderator.post(`/api/content/${item.id}/status`, { status: 'declined' });
    expect(declined.status).toBe(400);
    expect(declined.body.fields.reason).toEqual(['Skriv en begrundelse, når et forslag afvises']);
    const planned = await moderator.post(`/api/content/${item.id}/status`, { status: 'planned' });
    expect(planned.status).toBe(400);
    expect(planned.body.fields.webinarId).toBeDefined();
    const unknown = await moderator.post(`/api/content/${item.id}/status`, { status: 'nonsense' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields.status).toBeDefined();
    const wrongWebinar = await moderator.post(`/api/content/${item.id}/status`, { status: 'planned', webinarId: item.id });
    expect(wrongWebinar.status).toBe(400);
    expect(wrongWebinar.body.fields.webinarId).toEqual(['Webinaret findes ikke']);
  });

  it('plans it only for a published webinar the voters can read that is still to come', async () => {
    const item = await suggest();
    const draft = await moderator.post('/api/content', {
      kind: 'webinar',
      title: 'Et webinar i kladde',
      body: 'Tekst',
      status: 'draft',
      attributes: { startsAt: '2027-03-04T10:00:00+01:00', endsAt: '2027-03-04T12:00:00+01:00' },
    });
    const internal = await moderator.post('/api/content', {
      kind: 'webinar',
      title: 'Et webinar kun for KOMBIT',
      body: 'Tekst',
      visibility: 'organization',
      attributes: { startsAt: '2027-03-04T10:00:00+01:00', endsAt: '2027-03-04T12:00:00+01:00' },
    });
    const cancelled = await webinar('Et webinar der blev aflyst');
    await moderator.post(`/api/content/${cancelled.id}/status`, { status: 'cancelled', reason: 'Sygdom' });
    const held = await webinar('Et webinar der er holdt');
    await moderator.post(`/api/content/${held.id}/status`, { status: 'held' });
    for (const [target, message] of [
      [draft.body.id, 'Webinaret findes ikke'],
      [internal.body.id, 'Webinaret findes ikke'],
      [cancelled.id, 'Webinaret er aflyst'],
      [held.id, 'Webinaret er allerede afholdt; vælg Afholdt som status'],
    ] as const) {
      const response = await moderator.post(`/api/content/${item.id}/status`, { status: 'planned', webinarId: target });
      expect(response.status).toBe(400);
      expect(response.body.fields.webinarId).toEqual([message]);
    }
    expect((await moderator.post(`/api/content/${item.id}/status`, { status: 'held', webinarId: held.id })).status).toBe(200);
  });

  it('plans it for a webinar, shows it on both, and notifies the suggester and the voters but not the moderator', async () => {
    const item = await suggest();
    await esbjerg.post(`/api/content/${item.id}/vote`, { value: 1 });
    const planned = await webinar();
    const response = await moderator.post(`/api/content/${item.id}/status`, { status: 'planned', webinarId: planned.id });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.attributes).toMatchObject({ status: 'planned', webinarId: planned.id });
    expect(response.body.linkedWebinar).toMatchObject({ id: planned.id, path: planned.path });
    expect(response.body.timeline.at(-1)).toMatchObject({ from: 'new', to: 'planned', webinar: { id: planned.id } });

    const onWebinar = await anonymous.get(`/api/content/${planned.id}`);
    expect(onWebinar.body.webinar.suggestions).toEqual([expect.objectContaining({ id: item.id, score: 1, status: 'planned' })]);

    for (const session of [suggester, esbjerg]) {
      const inbox = await session.get('/api/notifications');
      const notification = inbox.body.items.find((entry: { content: { id: number } | null }) => entry.content?.id === item.id);
      expect(notification).toMatchObject({ type: 'suggestion.status', read: false });
      expect(notification.text).toContain('planlagt');
      expect(notification.text).toContain(planned.title);
    }
    const moderatorInbox = await moderator.get('/api/notifications');
    expect(moderatorInbox.body.items.some((entry: { content: { id: number } | null }) => entry.content?.id === item.id)).toBe(false);
  });

  it('takes planned suggestions to "held" when their webinar is held, and back to "considering" when it is cancelled', async () => {
    const heldWebinar = await webinar('Et webinar der bliver holdt');
    const cancelledWebinar = await webinar('Et webinar der bliver aflyst');
    const first = await suggest();
    const second = await suggest();
    await moderator.post(`/api/content/${first.id}/status`, { status: 'planned', webinarId: heldWebinar.id });
    await moderator.post(`/api/content/${second.id}/status`, { status: 'planned', webinarId: cancelledWebinar.id });

    expect((await moderator.post(`/api/content/${heldWebinar.id}/status`, { status: 'held' })).status).toBe(200);
    const cancel = await moderator.post(`/api/content/${cancelledWebinar.id}/status`, { status: 'cancelled', reason: 'Talerne blev syge' });
    expect(cancel.status).toBe(200);

    const held = (await anonymous.get(`/api/content/${first.id}`)).body;
    expect(held.attributes).toMatchObject({ status: 'held', webinarId: heldWebinar.id });
    expect(held.timeline.map((step: { to: string }) => step.to)).toEqual(['new', 'planned', 'held']);
    const back = (await anonymous.get(`/api/content/${second.id}`)).body;
    expect(back.attributes.status).toBe('considering');
    expect(back.attributes.webinarId).toBeUndefined();
    expect(back.timeline.at(-1).reason).toContain('blev aflyst');
  });

  it('audits every status change with before and after', async () => {
    const item = await suggest();
    await moderator.post(`/api/content/${item.id}/status`, { status: 'declined', reason: 'Ligger uden for serien' });
    const { rows } = await t.db.query(`SELECT action, reason, before, after FROM audit_log WHERE target_id = $1 ORDER BY created_at`, [
      String(item.id),
    ]);
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'content.status',
        reason: 'Ligger uden for serien',
        before: { status: 'new' },
        after: expect.objectContaining({ status: 'declined' }),
      }),
    ]);
  });

  it('drops a notification about an item the recipient may no longer read, from the list and the count', async () => {
    const item = await suggest();
    await esbjerg.post(`/api/content/${item.id}/vote`, { value: 1 });
    await moderator.post(`/api/content/${item.id}/status`, { status: 'considering' });
    const about = (body: { items: { content: { id: number } | null }[] }) => body.items.filter((entry) => entry.content?.id === item.id);
    const before = (await esbjerg.get('/api/notifications')).body;
    expect(about(before)).toHaveLength(1);
    await moderator.post(`/api/content/${item.id}/moderation`, { action: 'hide', reason: 'Personoplysninger i teksten' });
    const after = (await esbjerg.get('/api/notifications')).body;
    expect(about(after)).toHaveLength(0);
    expect(after.unreadCount).toBe(before.unreadCount - 1);
  });

  it('marks notifications read, one or all', async () => {
    const item = await suggest();
    await moderator.post(`/api/content/${item.id}/status`, { status: 'considering' });
    const before = await suggester.get('/api/notifications');
    expect(before.body.unreadCount).toBeGreaterThan(0);
    const one = before.body.items[0];
    expect((await suggester.post('/api/notifications/read', { ids: [one.id] })).status).toBe(204);
    const after = await suggester.get('/api/notifications');
    expect(after.body.unreadCount).toBe(before.body.unreadCount - 1);
    await suggester.post('/api/notifications/read', { all: true });
    expect((await suggester.get('/api/notifications')).body.unreadCount).toBe(0);
    expect((await suggester.post('/api/notifications/read', { ids: 'alle' })).status).toBe(400);
    expect((await anonymous.get('/api/notifications')).status).toBe(401);
  });
});

describe('merging duplicates', () => {
  it('combines the votes, counting a voter of both once and never the kept suggestion’s author', async () => {
    const kept = await suggest({ title: 'Værktøjskassen er uoverskuelig' });
    const duplicate = await suggest({ title: 'Gennemgang af Værktøjskassen' }, {}, esbjerg);
    // voters 0–9 on kept, 5–14 on the duplicate (5–9 on both); the kept suggestion's author on the duplicate too.
    await Promise.all(voters.slice(0, 10).map((voter) => voter.post(`/api/content/${kept.id}/vote`, { value: 1 })));
    await Promise.all(voters.slice(5, 15).map((voter) => voter.post(`/api/content/${duplicate.id}/vote`, { value: 1 })));
    await suggester.post(`/api/content/${duplicate.id}/vote`, { value: 1 });

    const merged = await moderator.post(`/api/content/${duplicate.id}/merge`, { intoId: kept.id, reason: 'Samme emne' });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body.id).toBe(kept.id);
    expect(merged.body.score).toBe(15);
    const { rows } = await t.db.query(
      `SELECT user_id, count(*)::int AS n FROM vote WHERE content_id = $1 GROUP BY user_id HAVING count(*) > 1`,
      [kept.id],
    );
    expect(rows).toEqual([]);

    const source = (await anonymous.get(`/api/content/${duplicate.id}`)).body;
    expect(source).toMatchObject({ score: 0, locked: true, duplicateOf: { id: kept.id }, attributes: { status: 'declined' } });
    expect(source.timeline.at(-1).reason).toBe('Slået sammen med et lignende forslag: Samme emne');
    expect((await voters[14]!.post(`/api/content/${duplicate.id}/vote`, { value: 1 })).status).toBe(403);

    const inbox = await voters[14]!.get('/api/notifications');
    expect(inbox.body.items.find((entry: { type: string }) => entry.type === 'suggestion.merged')?.text).toContain(
      'stemmerne er flyttet dertil',
    );
  });

  it('refuses merging twice, into itself, into another kind, and by members', async () => {
    const kept = await suggest();
    const duplicate = await suggest();
    expect((await esbjerg.post(`/api/content/${duplicate.id}/merge`, { intoId: kept.id })).status).toBe(403);
    expect((await moderator.post(`/api/content/${duplicate.id}/merge`, { intoId: duplicate.id })).body.fields.intoId).toBeDefined();
    const other = await webinar('Et webinar, ikke et forslag');
    expect((await moderator.post(`/api/content/${duplicate.id}/merge`, { intoId: other.id })).status).toBe(400);
    expect((await moderator.post(`/api/content/${duplicate.id}/merge`, { intoId: kept.id })).status).toBe(200);
    expect((await moderator.post(`/api/content/${duplicate.id}/merge`, { intoId: kept.id })).status).toBe(409);
  });

  it('moves each vote exactly once when the same pair is merged from both sides at once', async () => {
    const a = await suggest();
    const b = await suggest();
    await Promise.all(voters.slice(0, 6).map((voter) => voter.post(`/api/content/${a.id}/vote`, { value: 1 })));
    await Promise.all(voters.slice(3, 9).map((voter) => voter.post(`/api/content/${b.id}/vote`, { value: 1 })));
    const [first, second] = await Promise.all([
      moderator.post(`/api/content/${a.id}/merge`, { intoId: b.id }),
      moderator.post(`/api/content/${b.id}/merge`, { intoId: a.id }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 400].sort());
    const winner = first.status === 200 ? first.body : second.body;
    expect(winner.score).toBe(9);
  });
});

describe('comments', () => {
  it('members comment on a suggestion as replies', async () => {
    const item = await suggest();
    const reply = await esbjerg.post(`/api/content/${item.id}/replies`, { body: 'Esbjerg vil gerne fortælle om vores forløb.' });
    expect(reply.status).toBe(201);
    const detail = await anonymous.get(`/api/content/${item.id}`);
    expect(detail.body.replyCount).toBe(1);
    expect(detail.body.permissions.accept).toBe(false);
  });
});
