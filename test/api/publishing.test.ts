import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublishingService } from '../../server/dist/publishing/publishing.service.js';
import { ApiSession, signIn } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp, type TestUser } from '../support/test-app.js';

// The publishing workflow for KOMBIT material: draft → in review → published (or scheduled), a second moderator for
// toolbox material, and a minute job that publishes what is due. Every step is audited and checked as a matrix.

let t: TestApp;
let kombitMember: ApiSession;
let moderatorA: ApiSession;
let moderatorB: ApiSession;
let admin: ApiSession;
let member: ApiSession;
let orgAdmin: ApiSession;
let anonymous: ApiSession;
let kombitMemberUser: TestUser;
let moderatorAUser: TestUser;
let sectionSlug: string;

const SECTION_TITLE = 'Krav, it-indkøb og leverandørstyring';

beforeAll(async () => {
  t = await startTestApp({ withoutSearch: true });
  kombitMemberUser = await t.createUser({ email: 'konsulent@kombit.dk', organizationCode: 'KOMBIT', name: 'Karin Konsulent' });
  moderatorAUser = await t.createUser({ email: 'mod.a@kombit.dk', organizationCode: 'KOMBIT', role: 'moderator', name: 'Anna Moderator' });
  await t.createUser({ email: 'mod.b@kombit.dk', organizationCode: 'KOMBIT', role: 'moderator', name: 'Bo Moderator' });
  await t.createUser({ email: 'admin@kombit.dk', organizationCode: 'KOMBIT', role: 'admin', name: 'Allan Admin' });
  await t.createUser({ email: 'sofie@gladsaxe.dk', organizationCode: '0159', name: 'Sofie Lund' });
  await t.createUser({ email: 'admin@gladsaxe.dk', organizationCode: '0159', role: 'org_admin', name: 'Anne Admin' });
  [kombitMember, moderatorA, moderatorB, admin, member, orgAdmin] = (await Promise.all(
    ['konsulent@kombit.dk', 'mod.a@kombit.dk', 'mod.b@kombit.dk', 'admin@kombit.dk', 'sofie@gladsaxe.dk', 'admin@gladsaxe.dk'].map(
      (email) => signIn(t.url, email, TEST_PASSWORD),
    ),
  )) as [ApiSession, ApiSession, ApiSession, ApiSession, ApiSession, ApiSession];
  anonymous = new ApiSession(t.url);
  const sections = (await anonymous.get('/api/toolbox/sections')).body as { slug: string; title: string }[];
  sectionSlug = sections.find((section) => section.title === SECTION_TITLE)!.slug;
});
afterAll(async () => {
  await t.close();
});

let counter = 0;
const unique = (): number => (counter += 1);

interface Detail {
  id: number;
  status: string;
  publishing: {
    toolboxSection: { slug: string; title: string } | null;
    publishAt: string | null;
    note: string | null;
    submittedBy: { name: string } | null;
    approvedBy: { name: string } | null;
    returnedBy: { name: string } | null;
    returnedReason: string | null;
    needsSecondModerator: boolean;
    reviewRequired: boolean;
    actions: Record<'submit' | 'withdraw' | 'approve' | 'return' | 'schedule' | 'unschedule', boolean>;
  } | null;
  toolbox: { slug: string; badge: string }[];
}

async function guide(as: ApiSession, overrides: Record<string, unknown> = {}): Promise<Detail> {
  const response = await as.post('/api/content', {
    kind: 'guide',
    title: `Kravspecifikation til leverandørskift, vejledning ${unique()}`,
    body: 'Sådan skriver I krav til en ny leverandør, så integrationen til Serviceplatformen er med fra start.',
    visibility: 'public',
    status: 'draft',
    attributes: {
      component: 'context-handler',
      severity: 'medium',
      affectedSystems: [],
      action: 'Stil kravene i udbuddet.',
      intranetNotice: { outage: '', maintenance: '' },
    },
    ...overrides,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as Detail;
}

const step = (as: ApiSession, id: number, body: Record<string, unknown>) => as.post(`/api/content/${id}/publishing`, body);

async function stepOk(as: ApiSession, id: number, body: Record<string, unknown>): Promise<Detail> {
  const response = await step(as, id, body);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as Detail;
}

const inAnHour = (): string => new Date(Date.now() + 3_600_000).toISOString();

async function sectionItems(): Promise<{ contentId?: number; badge: string }[]> {
  return ((await anonymous.get(`/api/toolbox/sections/${sectionSlug}`)).body as { items: { contentId?: number; badge: string }[] }).items;
}

async function notificationsOf(as: ApiSession): Promise<{ type: string; text: string }[]> {
  return ((await as.get('/api/notifications')).body as { items: { type: string; text: string }[] }).items;
}

async function auditActions(id: number): Promise<{ action: string; actor_id: string | null; reason: string | null }[]> {
  return (
    await t.db.query(`SELECT action, actor_id, reason FROM audit_log WHERE target_type = 'content' AND target_id = $1 ORDER BY id`, [
      String(id),
    ])
  ).rows;
}

describe('KOMBIT material by someone who is not a moderator', () => {
  it('cannot be published directly, neither when written nor when edited', async () => {
    const created = await kombitMember.post('/api/content', {
      kind: 'guide',
      title: 'En vejledning, der skal godkendes først',
      body: 'Tekst.',
      visibility: 'public',
      status: 'published',
      attributes: {
        component: 'context-handler',
        severity: 'medium',
        affectedSystems: [],
        action: 'Gør noget.',
        intranetNotice: { outage: '', maintenance: '' },
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(400);
    expect(created.body.fields.status[0]).toMatch(/godkendes/);

    const draft = await guide(kombitMember);
    expect(draft.publishing).toMatchObject({ reviewRequired: true, actions: { submit: true, schedule: false, approve: false } });
    const edited = await kombitMember.patch(`/api/content/${draft.id}`, { status: 'published' });
    expect(edited.status).toBe(400);
    expect(edited.body.fields.status[0]).toMatch(/godkendes/);
    expect((await kombitMember.get(`/api/content/${draft.id}`)).body.status).toBe('draft');
  });

  it('goes to review, visible to its author and KOMBIT’s moderators only, who are told', async () => {
    const draft = await guide(kombitMember);
    const submitted = await stepOk(kombitMember, draft.id, { action: 'submit', note: 'Kan den komme ud inden jul?' });
    expect(submitted.status).toBe('in_review');
    expect(submitted.publishing).toMatchObject({
      submittedBy: { name: 'Karin Konsulent' },
      note: 'Kan den komme ud inden jul?',
      needsSecondModerator: false,
      actions: { withdraw: true, approve: false, submit: false },
    });
    expect((await moderatorB.get(`/api/content/${draft.id}`)).body.publishing.actions).toMatchObject({ approve: true, return: true });
    for (const reader of [member, orgAdmin, anonymous]) {
      expect((await reader.get(`/api/content/${draft.id}`)).status).toBe(404);
    }
    const queue = (await moderatorB.get('/api/publishing/queue')).body as {
      items: { content: { id: number } }[];
      counts: { inReview: number };
    };
    expect(queue.items.map((item) => item.content.id)).toContain(draft.id);
    expect(queue.counts.inReview).toBeGreaterThanOrEqual(1);
    expect(await notificationsOf(moderatorB)).toContainEqual(
      expect.objectContaining({ type: 'publishing.submitted', text: expect.stringContaining('venter på godkendelse') }),
    );
    // Its own list of content still shows it to the author, with its status.
    const mine = (await kombitMember.get('/api/content?mine=true&kind=guide')).body as { items: { id: number; status: string }[] };
    expect(mine.items.find((item) => item.id === draft.id)?.status).toBe('in_review');
  });

  it('comes back as a draft with the moderator’s reason, which is required', async () => {
    const draft = await guide(kombitMember);
    await stepOk(kombitMember, draft.id, { action: 'submit' });
    const noReason = await step(moderatorA, draft.id, { action: 'return' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields.reason).toEqual(['Skriv, hvorfor det sendes retur']);
    const returned = await stepOk(moderatorA, draft.id, { action: 'return', reason: 'Tilføj et eksempel på et krav.' });
    expect(returned.status).toBe('draft');
    const seen = (await kombitMember.get(`/api/content/${draft.id}`)).body as Detail;
    expect(seen.publishing).toMatchObject({ returnedReason: 'Tilføj et eksempel på et krav.', returnedBy: { name: 'Anna Moderator' } });
    expect(seen.publishing?.actions.submit).toBe(true);
    expect(await notificationsOf(kombitMember)).toContainEqual(
      expect.objectContaining({ type: 'publishing.returned', text: expect.stringContaining('Tilføj et eksempel på et krav.') }),
    );
    expect(await auditActions(draft.id)).toEqual([
      expect.objectContaining({ action: 'content.publishing.submit', actor_id: kombitMemberUser.id }),
      expect.objectContaining({
        action: 'content.publishing.return',
        actor_id: moderatorAUser.id,
        reason: 'Tilføj et eksempel på et krav.',
      }),
    ]);
  });

  it('is published by a moderator’s approval, and its author is told', async () => {
    const draft = await guide(kombitMember);
    await stepOk(kombitMember, draft.id, { action: 'submit' });
    const approved = await stepOk(moderatorA, draft.id, { action: 'approve' });
    expect(approved.status).toBe('published');
    expect(approved.publishing).toBeNull();
    expect((await anonymous.get(`/api/content/${draft.id}`)).status).toBe(200);
    expect(await notificationsOf(kombitMember)).toContainEqual(
      expect.objectContaining({ type: 'publishing.approved', text: expect.stringContaining('er godkendt og offentliggjort') }),
    );
  });

  it('may be withdrawn by its author while in review', async () => {
    const draft = await guide(kombitMember);
    await stepOk(kombitMember, draft.id, { action: 'submit' });
    expect((await stepOk(kombitMember, draft.id, { action: 'withdraw' })).status).toBe('draft');
    // Edited while in review: the text changes, the status may not be set by an edit.
    await stepOk(kombitMember, draft.id, { action: 'submit' });
    const statusEdit = await kombitMember.patch(`/api/content/${draft.id}`, { status: 'draft' });
    expect(statusEdit.status).toBe(400);
    expect(statusEdit.body.fields.status[0]).toMatch(/træk det tilbage/);
    expect((await kombitMember.patch(`/api/content/${draft.id}`, { title: 'Kravspecifikation, rettet titel' })).status).toBe(200);
    expect((await kombitMember.get(`/api/content/${draft.id}`)).body.status).toBe('in_review');
  });
});

describe('after the approval', () => {
  it('cannot be changed or deleted by an author who needs review, but by a moderator', async () => {
    const draft = await guide(kombitMember);
    await stepOk(kombitMember, draft.id, { action: 'submit' });
    await stepOk(moderatorA, draft.id, { action: 'approve' });
    expect((await kombitMember.get(`/api/content/${draft.id}`)).body.permissions).toMatchObject({ edit: false, delete: false });
    const edited = await kombitMember.patch(`/api/content/${draft.id}`, { body: 'Omskrevet uden godkendelse.' });
    expect(edited.status).toBe(403);
    expect(edited.body.message).toMatch(/ændres af en moderator/);
    expect((await kombitMember.delete(`/api/content/${draft.id}`)).status).toBe(403);
    expect((await moderatorA.patch(`/api/content/${draft.id}`, { body: 'Rettet af KOMBIT.', reason: 'Præcisering' })).status).toBe(200);
  });

  it('is a conflict when the text changed since the moderator looked at it', async () => {
    const draft = await guide(kombitMember);
    await stepOk(kombitMember, draft.id, { action: 'submit' });
    const seen = (await moderatorB.get(`/api/content/${draft.id}`)).body as { version: number };
    await kombitMember.patch(`/api/content/${draft.id}`, { body: 'Ændret, mens den var til godkendelse.' });
    const stale = await step(moderatorB, draft.id, { action: 'approve', expectedVersion: seen.version });
    expect(stale.status).toBe(409);
    expect((await moderatorB.get(`/api/content/${draft.id}`)).body.status).toBe('in_review');
    expect((await step(moderatorB, draft.id, { action: 'approve', expectedVersion: seen.version + 1 })).status).toBe(200);
  });

  it('cannot be hidden through a flag while it is back in review (showing it again would publish it)', async () => {
    const draft = await guide(kombitMember);
    await stepOk(kombitMember, draft.id, { action: 'submit' });
    await stepOk(moderatorA, draft.id, { action: 'approve' });
    expect((await member.post(`/api/content/${draft.id}/flags`, { reason: 'outdated', text: 'SF1600 er udfaset.' })).status).toBe(201);
    expect((await moderatorA.patch(`/api/content/${draft.id}`, { status: 'draft', reason: 'Skal opdateres' })).status).toBe(200);
    await stepOk(moderatorA, draft.id, { action: 'submit' });
    const { rows } = await t.db.query(`SELECT id FROM flag WHERE content_id = $1 AND resolved_at IS NULL`, [String(draft.id)]);
    const hidden = await moderatorB.post(`/api/moderation/flags/${rows[0].id}/resolve`, { action: 'hide', reason: 'Forældet' });
    expect(hidden.status).toBe(400);
    expect(hidden.body.fields.action).toEqual(['Kun offentliggjort indhold kan skjules']);
    expect((await moderatorB.get(`/api/content/${draft.id}`)).body.status).toBe('in_review');
  });

  it('refuses a time outside the years a date can be written in', async () => {
    const draft = await guide(moderatorA);
    for (const publishAt of ['0000-01-01T00:00:00Z', '9999-12-31T23:30:00-05:00']) {
      const response = await step(moderatorA, draft.id, { action: 'schedule', publishAt });
      expect(response.status).toBe(400);
      expect(response.body.fields.publishAt).toEqual(['Angiv hvornår det skal udgives mellem år 2000 og 2100']);
    }
  });
});

describe('toolbox material', () => {
  it('may not be approved by a moderator who changed it in review', async () => {
    const draft = await guide(kombitMember);
    await stepOk(kombitMember, draft.id, { action: 'submit', toolboxSection: sectionSlug });
    expect((await moderatorA.patch(`/api/content/${draft.id}`, { body: 'Moderatorens egen tekst.', reason: 'Omskrevet' })).status).toBe(
      200,
    );
    const own = await step(moderatorA, draft.id, { action: 'approve' });
    expect(own.status).toBe(403);
    expect(own.body.message).toMatch(/rettet/);
    expect((await moderatorB.get(`/api/content/${draft.id}`)).body.publishing.actions.approve).toBe(true);
    expect((await step(moderatorB, draft.id, { action: 'approve' })).status).toBe(200);
  });

  it('is not approved into the toolbox once it is visible to one organization only', async () => {
    const draft = await guide(kombitMember);
    await stepOk(kombitMember, draft.id, { action: 'submit', toolboxSection: sectionSlug });
    await kombitMember.patch(`/api/content/${draft.id}`, { visibility: 'organization' });
    const approved = await step(moderatorB, draft.id, { action: 'approve' });
    expect(approved.status).toBe(400);
    expect(approved.body.fields.toolboxSection[0]).toMatch(/kun synligt for én organisation/);
  });

  it('goes back to review when who may see it changes after the approval', async () => {
    const draft = await guide(moderatorA);
    await stepOk(moderatorA, draft.id, { action: 'submit', toolboxSection: sectionSlug });
    await stepOk(moderatorB, draft.id, { action: 'approve', publishAt: inAnHour() });
    await moderatorA.patch(`/api/content/${draft.id}`, { visibility: 'members' });
    expect((await moderatorA.get(`/api/content/${draft.id}`)).body.status).toBe('in_review');
  });

  it('needs a second moderator: neither its author nor its submitter may approve it', async () => {
    const draft = await guide(moderatorA);
    const submitted = await stepOk(moderatorA, draft.id, { action: 'submit', toolboxSection: sectionSlug });
    expect(submitted.publishing).toMatchObject({
      toolboxSection: { slug: sectionSlug, title: SECTION_TITLE },
      needsSecondModerator: true,
      actions: { approve: false },
    });
    const own = await step(moderatorA, draft.id, { action: 'approve' });
    expect(own.status).toBe(403);
    expect(own.body.message).toMatch(/anden moderator/);

    // A moderator who submits someone else's draft is no approver of it either.
    const members = await guide(kombitMember);
    await stepOk(moderatorB, members.id, { action: 'submit', toolboxSection: sectionSlug });
    expect((await step(moderatorB, members.id, { action: 'approve' })).status).toBe(403);

    const approved = await stepOk(moderatorB, draft.id, { action: 'approve' });
    expect(approved.status).toBe('published');
    expect(approved.toolbox).toEqual([expect.objectContaining({ slug: sectionSlug, badge: 'published_by_kombit' })]);
    expect((await sectionItems()).some((item) => item.contentId === draft.id && item.badge === 'published_by_kombit')).toBe(true);
    expect(await auditActions(draft.id)).toEqual([
      expect.objectContaining({ action: 'content.publishing.submit', actor_id: moderatorAUser.id }),
      expect.objectContaining({ action: 'content.publishing.approve' }),
    ]);
  });

  it('cannot reach the toolbox directly by its own author, only through another moderator', async () => {
    const ownResponse = await moderatorA.post('/api/content', {
      kind: 'question',
      title: `Moderatorens eget spørgsmål ${unique()}`,
      body: 'Tekst.',
      visibility: 'public',
    });
    const direct = await moderatorA.post(`/api/toolbox/sections/${sectionSlug}/items`, { contentId: ownResponse.body.id });
    expect(direct.status).toBe(403);
    expect(direct.body.message).toMatch(/anden moderator/);
    expect((await moderatorB.post(`/api/toolbox/sections/${sectionSlug}/items`, { contentId: ownResponse.body.id })).status).toBe(201);
  });

  it('refuses a section that does not exist, and material only one organization may see', async () => {
    const draft = await guide(moderatorA);
    const unknown = await step(moderatorA, draft.id, { action: 'submit', toolboxSection: 'findes-ikke' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields.toolboxSection).toEqual(['Afsnittet findes ikke i Værktøjskassen']);
    const internal = await guide(moderatorA, { visibility: 'organization' });
    const narrow = await step(moderatorA, internal.id, { action: 'submit', toolboxSection: sectionSlug });
    expect(narrow.status).toBe(400);
    expect(narrow.body.fields.toolboxSection[0]).toMatch(/én organisation/);
    expect((await moderatorA.get(`/api/content/${draft.id}`)).body.status).toBe('draft');
  });

  it('goes back to review when its author changes it after the approval', async () => {
    const draft = await guide(moderatorA);
    await stepOk(moderatorA, draft.id, { action: 'submit', toolboxSection: sectionSlug });
    expect((await stepOk(moderatorB, draft.id, { action: 'approve', publishAt: inAnHour() })).status).toBe('scheduled');
    // The approver's own correction keeps the approval; the author's change needs a new one.
    const correction = await moderatorB.patch(`/api/content/${draft.id}`, { body: 'Rettet af godkenderen.', reason: 'Stavefejl' });
    expect(correction.status, JSON.stringify(correction.body)).toBe(200);
    expect((await moderatorA.get(`/api/content/${draft.id}`)).body.status).toBe('scheduled');
    await moderatorA.patch(`/api/content/${draft.id}`, { body: 'En helt ny tekst efter godkendelsen.' });
    const reopened = (await moderatorA.get(`/api/content/${draft.id}`)).body as Detail;
    expect(reopened.status).toBe('in_review');
    expect(reopened.publishing?.approvedBy).toBeNull();
    expect((await auditActions(draft.id)).map((row) => row.action)).toContain('content.publishing.reopen');
  });
});

describe('scheduled publication', () => {
  it('publishes approved material at its time, once, and places toolbox material then', async () => {
    const draft = await guide(moderatorA);
    // Whole seconds: times are kept to the second.
    const publishAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 2 * 3_600_000);
    await stepOk(moderatorA, draft.id, { action: 'submit', toolboxSection: sectionSlug, publishAt: publishAt.toISOString() });
    // The submitter's wish is kept by an approval that names no time.
    const approved = await stepOk(admin, draft.id, { action: 'approve' });
    expect(approved.status).toBe('scheduled');
    expect(new Date(approved.publishing!.publishAt!).getTime()).toBe(publishAt.getTime());
    expect(await notificationsOf(moderatorA)).toContainEqual(
      expect.objectContaining({ type: 'publishing.approved', text: expect.stringContaining('udgives') }),
    );
    expect((await anonymous.get(`/api/content/${draft.id}`)).status).toBe(404);
    expect((await sectionItems()).some((item) => item.contentId === draft.id)).toBe(false);

    const scheduler = t.app.get(PublishingService);
    expect(await scheduler.publishDue(new Date(publishAt.getTime() - 60_000))).toBe(0);
    // Five workers at the same minute: exactly one publishes it.
    const runs = await Promise.all(Array.from({ length: 5 }, () => scheduler.publishDue(new Date(publishAt.getTime() + 1_000))));
    expect(runs.reduce((sum, n) => sum + n, 0)).toBe(1);
    // Published by the job, not by a request: anonymous readers' 2-second micro-cache catches up on its own.
    await expect.poll(async () => (await anonymous.get(`/api/content/${draft.id}`)).body.status, { timeout: 5_000 }).toBe('published');
    await expect.poll(async () => (await sectionItems()).filter((item) => item.contentId === draft.id).length, { timeout: 5_000 }).toBe(1);
    const rows = await auditActions(draft.id);
    expect(rows.filter((row) => row.action === 'content.publishing.publish_scheduled')).toEqual([
      expect.objectContaining({ actor_id: null }),
    ]);
    expect(await notificationsOf(moderatorA)).toContainEqual(expect.objectContaining({ type: 'publishing.published' }));
  });

  it('lets a moderator schedule and unschedule their own draft, but not for a time that has passed', async () => {
    const draft = await guide(moderatorA);
    const past = await step(moderatorA, draft.id, { action: 'schedule', publishAt: new Date(Date.now() - 60_000).toISOString() });
    expect(past.status).toBe(400);
    expect(past.body.fields.publishAt).toEqual(['Vælg et tidspunkt i fremtiden']);
    const missing = await step(moderatorA, draft.id, { action: 'schedule' });
    expect(missing.status).toBe(400);
    expect(missing.body.fields.publishAt).toEqual(['Angiv hvornår det skal udgives']);
    const scheduled = await stepOk(moderatorA, draft.id, { action: 'schedule', publishAt: '2099-01-02T10:00:00+01:00' });
    expect(scheduled).toMatchObject({
      status: 'scheduled',
      publishing: { publishAt: '2099-01-02T09:00:00.000Z', actions: { unschedule: true } },
    });
    expect((await stepOk(moderatorA, draft.id, { action: 'unschedule' })).status).toBe('draft');
    // Nothing left for the job.
    await t.app.get(PublishingService).publishDue(new Date('2099-01-03T00:00:00Z'));
    expect((await moderatorA.get(`/api/content/${draft.id}`)).body.status).toBe('draft');
    expect((await auditActions(draft.id)).map((row) => row.action)).toEqual([
      'content.publishing.schedule',
      'content.publishing.unschedule',
    ]);
  });

  it('lets a municipality schedule its own draft too', async () => {
    const draft = (
      await member.post('/api/content', {
        kind: 'question',
        title: `Spørgsmål til senere ${unique()}`,
        body: 'Tekst.',
        visibility: 'members',
        status: 'draft',
      })
    ).body as Detail;
    expect((await stepOk(member, draft.id, { action: 'schedule', publishAt: inAnHour() })).status).toBe('scheduled');
    expect((await orgAdmin.get(`/api/content/${draft.id}`)).body.status).toBe('scheduled');
    expect((await moderatorA.get(`/api/content/${draft.id}`)).status).toBe(200);
    expect((await step(member, draft.id, { action: 'submit' })).status).toBe(403);
  });

  it('is run by a cron job in the job queue every minute', async () => {
    const { rows } = await t.db.query(`SELECT cron, timezone FROM pgboss.schedule WHERE name = 'content-publish-due'`);
    expect(rows).toEqual([{ cron: '* * * * *', timezone: 'Europe/Copenhagen' }]);
  });
});

describe('who may take which step', () => {
  type Actor = 'anonymous' | 'member' | 'orgAdmin' | 'kombitMember' | 'moderatorA' | 'moderatorB' | 'admin';
  const as = (actor: Actor): ApiSession => ({ anonymous, member, orgAdmin, kombitMember, moderatorA, moderatorB, admin })[actor];

  // A KOMBIT member's draft submitted by its author (not toolbox material), and moderator A's toolbox material.
  const TABLE: Array<[string, Actor, 'member-draft' | 'member-review' | 'toolbox-review', Record<string, unknown>, number]> = [
    ['submits', 'anonymous', 'member-draft', { action: 'submit' }, 401],
    ['submits', 'member', 'member-draft', { action: 'submit' }, 404],
    ['submits', 'orgAdmin', 'member-draft', { action: 'submit' }, 404],
    ['submits', 'kombitMember', 'member-draft', { action: 'submit' }, 200],
    ['submits', 'moderatorB', 'member-draft', { action: 'submit' }, 200],
    ['withdraws', 'member', 'member-review', { action: 'withdraw' }, 404],
    ['withdraws', 'moderatorB', 'member-review', { action: 'withdraw' }, 403],
    ['withdraws', 'kombitMember', 'member-review', { action: 'withdraw' }, 200],
    ['approves', 'kombitMember', 'member-review', { action: 'approve' }, 403],
    ['approves', 'orgAdmin', 'member-review', { action: 'approve' }, 404],
    ['approves', 'moderatorA', 'member-review', { action: 'approve' }, 200],
    ['approves', 'admin', 'member-review', { action: 'approve' }, 200],
    ['approves', 'moderatorA', 'toolbox-review', { action: 'approve' }, 403],
    ['approves', 'moderatorB', 'toolbox-review', { action: 'approve' }, 200],
    ['returns', 'kombitMember', 'member-review', { action: 'return', reason: 'Nej' }, 403],
    ['returns', 'moderatorA', 'toolbox-review', { action: 'return', reason: 'Ret afsnit 2' }, 200],
    ['schedules', 'kombitMember', 'member-draft', { action: 'schedule', publishAt: '2099-01-01T10:00:00+01:00' }, 403],
    ['schedules', 'moderatorB', 'member-draft', { action: 'schedule', publishAt: '2099-01-01T10:00:00+01:00' }, 200],
    ['unschedules', 'member', 'member-review', { action: 'unschedule' }, 404],
  ];

  it.each(TABLE)('%s: %s on a %s → %i', async (_verb, actor, state, body, expected) => {
    const draft = state === 'toolbox-review' ? await guide(moderatorA) : await guide(kombitMember);
    if (state === 'member-review') await stepOk(kombitMember, draft.id, { action: 'submit' });
    if (state === 'toolbox-review') await stepOk(moderatorA, draft.id, { action: 'submit', toolboxSection: sectionSlug });
    const before = (await moderatorB.get(`/api/content/${draft.id}`)).body.status as string;
    const response = await step(as(actor), draft.id, body);
    expect(response.status, JSON.stringify(response.body)).toBe(expected);
    if (expected !== 200) expect((await moderatorB.get(`/api/content/${draft.id}`)).body.status).toBe(before);
  });

  it('keeps the queue for KOMBIT’s moderators and admins', async () => {
    expect((await anonymous.get('/api/publishing/queue')).status).toBe(401);
    for (const session of [member, orgAdmin, kombitMember]) expect((await session.get('/api/publishing/queue')).status).toBe(403);
    for (const session of [moderatorA, admin]) expect((await session.get('/api/publishing/queue')).status).toBe(200);
    expect((await moderatorA.get('/api/publishing/queue?status=published')).status).toBe(400);
  });

  it('answers a step someone else took first with a conflict, and two approvals publish once', async () => {
    const draft = await guide(kombitMember);
    await stepOk(kombitMember, draft.id, { action: 'submit' });
    const [first, second] = await Promise.all([
      step(moderatorA, draft.id, { action: 'approve' }),
      step(moderatorB, draft.id, { action: 'approve' }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    expect([first, second].find((r) => r.status === 409)!.body.message).toBe('Indholdet er allerede offentliggjort.');
    expect((await auditActions(draft.id)).filter((row) => row.action === 'content.publishing.approve')).toHaveLength(1);
  });

  it('refuses an unknown step and unknown fields with field errors', async () => {
    const draft = await guide(kombitMember);
    const unknown = await step(kombitMember, draft.id, { action: 'publish' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields.action).toEqual(['Vælg en gyldig handling']);
    const extra = await step(kombitMember, draft.id, { action: 'submit', status: 'published' });
    expect(extra.status).toBe(400);
    const badTime = await step(kombitMember, draft.id, { action: 'submit', publishAt: 'i morgen' });
    expect(badTime.status).toBe(400);
    expect(badTime.body.fields.publishAt[0]).toMatch(/dato og klokkeslæt/);
    expect((await step(kombitMember, 999_999, { action: 'submit' })).status).toBe(404);
    expect((await kombitMember.get(`/api/content/${draft.id}`)).body.status).toBe('draft');
  });
});
