import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PersonalDataExportSchema, type PersonalDataExport } from '@infraforum/shared';
import { ApiSession, mailsTo, signIn } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp, type TestUser } from '../support/test-app.js';

// A member's rights over their own data: a copy of everything stored about them, and deleting the account,
// after which what they wrote stays, as "Tidligere bruger" from their municipality.

let t: TestApp;
let sofie: TestUser;
let sofieSession: ApiSession;
let peter: TestUser;
let peterSession: ApiSession;
let moderator: ApiSession;
let orgAdmin: ApiSession;
let anonymous: ApiSession;

beforeAll(async () => {
  t = await startTestApp({ withoutSearch: true });
  sofie = await t.createUser({ email: 'sofie@gladsaxe.dk', organizationCode: '0159', name: 'Sofie Lund', title: 'Hotline' });
  peter = await t.createUser({ email: 'peter@esbjerg.dk', organizationCode: '0561', name: 'Peter Krogh', title: 'It-arkitekt' });
  await t.createUser({ email: 'mod@kombit.dk', organizationCode: 'KOMBIT', role: 'moderator', name: 'Mette Moderator' });
  await t.createUser({ email: 'admin@gladsaxe.dk', organizationCode: '0159', role: 'org_admin', name: 'Ole Orgadmin' });
  [sofieSession, peterSession, moderator, orgAdmin] = (await Promise.all(
    ['sofie@gladsaxe.dk', 'peter@esbjerg.dk', 'mod@kombit.dk', 'admin@gladsaxe.dk'].map((email) => signIn(t.url, email, TEST_PASSWORD)),
  )) as [ApiSession, ApiSession, ApiSession, ApiSession];
  anonymous = new ApiSession(t.url);
});
afterAll(async () => {
  await t.close();
});

async function created(response: Promise<{ status: number; body: { id: number } & Record<string, unknown> }>) {
  const { status, body } = await response;
  expect(status, JSON.stringify(body)).toBe(201);
  return body;
}

const question = (as: ApiSession, title: string, overrides: Record<string, unknown> = {}) =>
  created(
    as.post('/api/content', {
      kind: 'question',
      title,
      body: `Brødtekst til «${title}».`,
      tags: ['hotline'],
      visibility: 'members',
      ...overrides,
    }),
  );

const guide = (as: ApiSession, title: string, overrides: Record<string, unknown> = {}) =>
  created(
    as.post('/api/content', {
      kind: 'guide',
      title,
      body: 'Genstart forbindelsen, og meld fejlen til KOMBIT.',
      visibility: 'members',
      attributes: {
        component: 'context-handler',
        severity: 'kritisk',
        affectedSystems: ['bbr'],
        action: 'Ring til leverandøren.',
        intranetNotice: { outage: '', maintenance: '' },
      },
      ...overrides,
    }),
  );

const caseBy = (as: ApiSession, title: string) =>
  created(
    as.post('/api/content', {
      kind: 'case',
      title,
      body: 'Vi flyttede afsendelse af digital post til SF1601.',
      visibility: 'public',
      attributes: {
        system: 'kmd nexus',
        supplier: 'KMD',
        from: { type: 'old_service', description: 'SF1600' },
        to: 'SF1601',
        status: 'in_progress',
        steps: [],
      },
    }),
  );

const webinar = (title: string) =>
  created(
    moderator.post('/api/content', {
      kind: 'webinar',
      title,
      body: 'Oplæg fra kommunerne.',
      attributes: { startsAt: '2027-11-04T10:00:00+01:00', endsAt: '2027-11-04T12:00:00+01:00' },
    }),
  );

async function expectOk(response: Promise<{ status: number; body: unknown }>, status = 200) {
  const { status: actual, body } = await response;
  expect(actual, JSON.stringify(body)).toBe(status);
  return body;
}

async function follow(userId: string, targetType: string, targetKey: string) {
  await t.db.query(`INSERT INTO subscription (user_id, target_type, target_key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
    userId,
    targetType,
    targetKey,
  ]);
}

async function count(sql: string, params: unknown[]): Promise<number> {
  const { rows } = await t.db.query<{ n: number }>(sql, params);
  return rows[0]!.n;
}

describe('GET /api/me/export', () => {
  let exported: { status: number; body: PersonalDataExport; headers: Headers };
  let ids: {
    own: number;
    draft: number;
    peterQuestion: number;
    reply: number;
    webinar: number;
    peterCase: number;
  };

  beforeAll(async () => {
    const own = await question(sofieSession, 'Context Handler svarer langsomt om morgenen');
    const draft = await guide(sofieSession, 'Hvad hotline gør når Context Handler er nede', { status: 'draft' });
    const peterQuestion = await question(peterSession, 'Hvem har flyttet Nexus til SF1601?', { visibility: 'public' });
    const reply = await expectOk(sofieSession.post(`/api/content/${peterQuestion.id}/replies`, { body: 'Det har vi i Gladsaxe.' }), 201);
    await expectOk(peterSession.post(`/api/content/${peterQuestion.id}/replies`, { body: 'Peters eget svar om leverandøraftalen.' }), 201);
    await expectOk(sofieSession.post(`/api/content/${peterQuestion.id}/vote`, { value: 1 }));
    await expectOk(
      sofieSession.post(`/api/content/${peterQuestion.id}/flags`, { reason: 'outdated', text: 'Svaret gælder ikke længere' }),
      201,
    );
    const event = await webinar('Infrastruktur i praksis, efterår');
    await expectOk(sofieSession.post(`/api/webinars/${event.id}/registrations`));
    const peterCase = await caseBy(peterSession, 'Esbjerg flytter Nexus til SF1601');
    await expectOk(sofieSession.post(`/api/content/${peterCase.id}/working-on`, { showContact: true, note: 'Vi starter i marts' }));
    await follow(sofie.id, 'tag', 'hotline');
    await follow(peter.id, 'tag', 'peters-eget-emne');
    ids = {
      own: own.id,
      draft: draft.id,
      peterQuestion: peterQuestion.id,
      reply: (reply as { id: number }).id,
      webinar: event.id,
      peterCase: peterCase.id,
    };
    exported = await sofieSession.get('/api/me/export');
  });

  it('answers 401 without a session', async () => {
    expect((await anonymous.get('/api/me/export')).status).toBe(401);
  });

  it('is a JSON attachment named infraforum-mine-data.json that no cache keeps', () => {
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toMatch(/^application\/json/);
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename="infraforum-mine-data.json"');
    expect(exported.headers.get('cache-control')).toBe('private, no-store');
  });

  it('has the shape the contract describes', () => {
    expect(PersonalDataExportSchema.safeParse(exported.body).success).toBe(true);
  });

  it('holds the profile with the municipality and when it was exported', () => {
    expect(exported.body.profile).toMatchObject({
      id: sofie.id,
      name: 'Sofie Lund',
      email: 'sofie@gladsaxe.dk',
      title: 'Hotline',
      phone: null,
      showContactDetails: false,
      role: 'member',
      status: 'active',
      organization: { code: '0159', name: 'Gladsaxe', type: 'municipality' },
    });
    expect(exported.body.profile.lastLoginAt).not.toBeNull();
    expect(Date.parse(exported.body.exportedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('holds what the member wrote, drafts included, with the body and the attributes', () => {
    const draft = exported.body.content.find((item) => item.id === ids.draft);
    expect(exported.body.content.map((item) => item.id).sort()).toEqual([ids.own, ids.draft].sort());
    expect(draft).toMatchObject({
      kind: 'guide',
      status: 'draft',
      body: 'Genstart forbindelsen, og meld fejlen til KOMBIT.',
      components: ['context-handler'],
      deleted: false,
    });
    expect(draft?.attributes).toMatchObject({ severity: 'kritisk', action: 'Ring til leverandøren.' });
  });

  it('holds a deleted item, marked as deleted', async () => {
    const gone = await question(sofieSession, 'Et spørgsmål der blev slettet igen');
    await expectOk(sofieSession.delete(`/api/content/${gone.id}`), 204);
    const { body } = await sofieSession.get('/api/me/export');
    expect(body.content.find((item: { id: number }) => item.id === gone.id)).toMatchObject({
      deleted: true,
      deletedAt: expect.any(String),
    });
  });

  it('holds the member’s replies with the thread’s id and title', () => {
    expect(exported.body.replies).toEqual([
      expect.objectContaining({
        id: ids.reply,
        body: 'Det har vi i Gladsaxe.',
        content: { id: ids.peterQuestion, kind: 'question', title: 'Hvem har flyttet Nexus til SF1601?' },
      }),
    ]);
  });

  it('holds the member’s votes by target and value', () => {
    expect(exported.body.votes).toEqual([expect.objectContaining({ contentId: ids.peterQuestion, replyId: null, value: 1 })]);
  });

  it('holds the flags the member filed', () => {
    expect(exported.body.flags).toEqual([
      expect.objectContaining({ contentId: ids.peterQuestion, replyId: null, reason: 'outdated', text: 'Svaret gælder ikke længere' }),
    ]);
  });

  it('holds webinar registrations', () => {
    expect(exported.body.webinarRegistrations).toEqual([
      { webinar: { id: ids.webinar, kind: 'webinar', title: 'Infrastruktur i praksis, efterår' }, registeredAt: expect.any(String) },
    ]);
  });

  it('holds "jeg er i gang" marks with the note', () => {
    expect(exported.body.workingOn).toEqual([
      {
        case: { id: ids.peterCase, kind: 'case', title: 'Esbjerg flytter Nexus til SF1601' },
        showContact: true,
        note: 'Vi starter i marts',
        createdAt: expect.any(String),
      },
    ]);
  });

  it('holds what the member follows', () => {
    expect(exported.body.subscriptions).toContainEqual({ targetType: 'tag', targetKey: 'hotline', createdAt: expect.any(String) });
  });

  it('holds nothing about another member: not their name, address, title, replies or follows', () => {
    const text = JSON.stringify(exported.body);
    for (const other of ['peter@esbjerg.dk', 'Peter Krogh', 'It-arkitekt', 'Peters eget svar', 'peters-eget-emne', peter.id]) {
      expect(text).not.toContain(other);
    }
  });

  it('holds the member’s own edits, with the text they replaced', async () => {
    const item = await question(sofieSession, 'Et spørgsmål der blev rettet');
    await expectOk(sofieSession.patch(`/api/content/${item.id}`, { body: 'Den rettede tekst.', reason: 'Stavefejl' }));
    const { body } = await sofieSession.get('/api/me/export');
    expect(body.revisions.filter((revision: { contentId: number }) => revision.contentId === item.id)).toEqual([
      expect.objectContaining({ version: 2, reason: 'Stavefejl', previous: expect.objectContaining({ body: item.body }) }),
    ]);
  });
});

describe('DELETE /api/me', () => {
  let lone: TestUser;
  let loneSession: ApiSession;
  let questionId: number;

  beforeAll(async () => {
    lone = await t.createUser({ email: 'lone@gladsaxe.dk', organizationCode: '0159', name: 'Lone Larsen', showContactDetails: true });
    loneSession = await signIn(t.url, lone.email, TEST_PASSWORD);
    questionId = (await question(loneSession, 'Lones spørgsmål om Beskedfordeleren', { visibility: 'public' })).id;
  });

  it('answers 401 without a session', async () => {
    expect((await anonymous.delete('/api/me', { password: TEST_PASSWORD, confirm: 'SLET' })).status).toBe(401);
  });

  it('refuses a wrong password on the password field, and changes nothing', async () => {
    const response = await loneSession.delete('/api/me', { password: 'Forkert-Adgangskode-123', confirm: 'SLET' });
    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual({ password: ['Adgangskoden er forkert'] });
    expect((await loneSession.get('/api/auth/me')).body).toMatchObject({ name: 'Lone Larsen', status: 'active' });
  });

  it('refuses a confirmation other than SLET on the confirm field, and changes nothing', async () => {
    const response = await loneSession.delete('/api/me', { password: TEST_PASSWORD, confirm: 'slet ikke' });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields)).toEqual(['confirm']);
    expect(await count(`SELECT count(*)::int AS n FROM "user" WHERE id = $1 AND deleted_at IS NULL`, [lone.id])).toBe(1);
  });

  it('refuses a missing confirmation', async () => {
    const response = await loneSession.delete('/api/me', { password: TEST_PASSWORD });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields)).toEqual(['confirm']);
  });

  it('refuses the last active administrator, and changes nothing', async () => {
    const admin = await t.createUser({ email: 'eneste-admin@kombit.dk', organizationCode: 'KOMBIT', role: 'admin', name: 'Eneste Admin' });
    const session = await signIn(t.url, admin.email, TEST_PASSWORD);
    const response = await session.delete('/api/me', { password: TEST_PASSWORD, confirm: 'SLET' });
    expect(response.status).toBe(400);
    expect(response.body.fields._[0]).toMatch(/sidste aktive administrator/);
    expect((await session.get('/api/auth/me')).status).toBe(200);
  });

  describe('when it succeeds', () => {
    let otherSession: ApiSession;
    let response: { status: number; headers: Headers };
    let suggestionId: number;

    beforeAll(async () => {
      otherSession = await signIn(t.url, lone.email, TEST_PASSWORD);
      const event = await webinar('Webinar Lone var tilmeldt');
      await expectOk(loneSession.post(`/api/webinars/${event.id}/registrations`));
      const peterCase = await caseBy(peterSession, 'En case Lone var i gang med');
      await expectOk(loneSession.post(`/api/content/${peterCase.id}/working-on`, {}));
      await follow(lone.id, 'content', String(questionId));
      await t.db.query(`INSERT INTO notification_settings (user_id, digest) VALUES ($1, 'daily')`, [lone.id]);
      const suggestion = await created(
        loneSession.post('/api/content', {
          kind: 'suggestion',
          title: 'Et webinar om Beskedfordeleren',
          body: 'Hvordan abonnerer man på beskeder?',
          visibility: 'public',
          attributes: { contact: { name: 'Lone Larsen', email: lone.email, phone: '+45 12 34 56 78', shownTo: 'members' } },
        }),
      );
      suggestionId = suggestion.id;
      await expectOk(loneSession.patch(`/api/content/${suggestionId}`, { body: 'Hvordan abonnerer man på beskeder fra BF?' }));
      // A mail in the dev inbox, as every mail to Lone outside production would be.
      await t.db.query(`INSERT INTO dev_mail (to_address, subject, text) VALUES ($1, 'Nyt svar', 'Et svar til Lone.')`, [lone.email]);
      // Peter's reply tells Lone about it.
      await expectOk(peterSession.post(`/api/content/${questionId}/replies`, { body: 'Et svar til Lone.' }), 201);
      response = await loneSession.delete('/api/me', { password: TEST_PASSWORD, confirm: 'SLET' });
    });

    it('answers 204 and clears the session cookie', () => {
      expect(response.status).toBe(204);
      expect(response.headers.getSetCookie().find((cookie) => cookie.startsWith('infraforum.sid='))).toMatch(/Expires=Thu, 01 Jan 1970/);
    });

    it('ends the session that asked', async () => {
      expect((await loneSession.get('/api/auth/me')).status).toBe(401);
    });

    it('ends every other session of the account', async () => {
      expect((await otherSession.get('/api/auth/me')).status).toBe(401);
      expect(await count(`SELECT count(*)::int AS n FROM "session" WHERE sess->'passport'->>'user' = $1`, [lone.id])).toBe(0);
    });

    it('refuses the old password at login exactly as a wrong one', async () => {
      const deleted = await new ApiSession(t.url).post('/api/auth/login', { email: lone.email, password: TEST_PASSWORD });
      const wrong = await new ApiSession(t.url).post('/api/auth/login', { email: sofie.email, password: 'Forkert-Adgangskode-123' });
      expect(deleted.status).toBe(401);
      expect({ code: deleted.body.code, message: deleted.body.message }).toEqual({ code: wrong.body.code, message: wrong.body.message });
    });

    it('anonymises the account: name, address, title, phone and contact choice', async () => {
      const { rows } = await t.db.query(
        `SELECT name, email, title, phone, show_contact_details, status, deleted_at FROM "user" WHERE id = $1`,
        [lone.id],
      );
      expect(rows[0]).toMatchObject({
        name: 'Tidligere bruger',
        email: `slettet-${lone.id}@slettet.invalid`,
        title: null,
        phone: null,
        show_contact_details: false,
        status: 'suspended',
        deleted_at: expect.any(Date),
      });
    });

    it('keeps the content, shown as "Tidligere bruger" from the municipality', async () => {
      const { status, body } = await anonymous.get(`/api/content/${questionId}`);
      expect(status).toBe(200);
      expect(body.author).toEqual({ name: 'Tidligere bruger', title: null, organization: { code: '0159', name: 'Gladsaxe' } });
    });

    it('replaces the member’s contact details on their topic suggestions, earlier versions included', async () => {
      const { rows } = await t.db.query(
        `SELECT attributes->'contact' AS contact FROM content WHERE id = $1
         UNION ALL SELECT attributes->'contact' FROM revision WHERE content_id = $1`,
        [suggestionId],
      );
      expect(rows.map((row) => row.contact)).toEqual([
        { name: 'Tidligere bruger', email: `slettet-${lone.id}@slettet.invalid`, shownTo: 'members' },
        { name: 'Tidligere bruger', email: `slettet-${lone.id}@slettet.invalid`, shownTo: 'members' },
      ]);
    });

    it('removes what only concerned the member: follows, e-mail settings, notifications, sign-ups and marks', async () => {
      const left: Record<string, number> = {};
      for (const table of ['subscription', 'notification_settings', 'notification', 'webinar_registration', 'case_working_on']) {
        left[table] = await count(`SELECT count(*)::int AS n FROM "${table}" WHERE user_id = $1`, [lone.id]);
      }
      expect(left).toEqual({ subscription: 0, notification_settings: 0, notification: 0, webinar_registration: 0, case_working_on: 0 });
    });

    it('writes an audit entry with the member as actor and no name or address in it', async () => {
      const { rows } = await t.db.query(
        `SELECT actor_id, target_type, target_id, before, after FROM audit_log WHERE action = 'user.delete_self' AND target_id = $1`,
        [lone.id],
      );
      expect(rows).toEqual([expect.objectContaining({ actor_id: lone.id, target_type: 'user' })]);
      expect(JSON.stringify(rows[0])).not.toMatch(/Lone|lone@gladsaxe/);
    });

    it('leaves the account out of the municipality’s user list', async () => {
      const { body } = await orgAdmin.get('/api/organizations/0159/users');
      expect(body.items.map((user: { id: string }) => user.id)).not.toContain(lone.id);
    });

    it('leaves the account out of the municipality’s contact list', async () => {
      const { body } = await sofieSession.get('/api/organizations/0159');
      expect(JSON.stringify(body.contacts)).not.toMatch(/Lone|Tidligere bruger/);
    });

    it('cannot be brought back by an administrator', async () => {
      expect((await orgAdmin.post(`/api/users/${lone.id}/reactivate`, {})).status).toBe(404);
    });

    it('empties the dev inbox of mails to the account', async () => {
      expect(await count(`SELECT count(*)::int AS n FROM dev_mail WHERE to_address = $1`, [lone.email])).toBe(0);
    });

    it('sends no password reset mail, whatever address is asked for', async () => {
      for (const email of [lone.email, `slettet-${lone.id}@slettet.invalid`]) {
        expect((await anonymous.post('/api/auth/forgot-password', { email })).status).toBe(202);
        expect(await mailsTo(t.url, email)).toEqual([]);
      }
    });
  });

  it('lets an administrator delete their account when another active one remains', async () => {
    await t.createUser({ email: 'admin-a@kombit.dk', organizationCode: 'KOMBIT', role: 'admin', name: 'Admin A' });
    const session = await signIn(t.url, 'admin-a@kombit.dk', TEST_PASSWORD);
    expect((await session.delete('/api/me', { password: TEST_PASSWORD, confirm: 'SLET' })).status).toBe(204);
  });
});
