import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession, signIn } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

// Webinars: KOMBIT's moderators plan them; members sign up, get a calendar file, and ask follow-up questions.

let t: TestApp;
let member: ApiSession;
let esbjerg: ApiSession;
let moderator: ApiSession;
let anonymous: ApiSession;
const PARTICIPANTS = 30;
let participants: ApiSession[] = [];

beforeAll(async () => {
  t = await startTestApp({ withoutSearch: true });
  await t.createUser({ email: 'sofie@gladsaxe.dk', organizationCode: '0159', name: 'Sofie Lund', title: 'Hotline' });
  await t.createUser({ email: 'peter@esbjerg.dk', organizationCode: '0561', name: 'Peter Krogh' });
  await t.createUser({ email: 'mod@kombit.dk', organizationCode: 'KOMBIT', role: 'moderator', name: 'Mette Moderator' });
  for (let i = 0; i < PARTICIPANTS; i += 1) {
    await t.createUser({ email: `deltager${i}@aarhus.dk`, organizationCode: i % 2 ? '0751' : '0851', name: `Deltager ${i}` });
  }
  [member, esbjerg, moderator] = (await Promise.all(
    ['sofie@gladsaxe.dk', 'peter@esbjerg.dk', 'mod@kombit.dk'].map((email) => signIn(t.url, email, TEST_PASSWORD)),
  )) as [ApiSession, ApiSession, ApiSession];
  participants = await Promise.all(Array.from({ length: PARTICIPANTS }, (_, i) => signIn(t.url, `deltager${i}@aarhus.dk`, TEST_PASSWORD)));
  anonymous = new ApiSession(t.url);
});
afterAll(async () => {
  await t.close();
});

const programme = [
  {
    start: '10:15',
    end: '10:30',
    title: 'Sådan understøtter Gladsaxe deres hotline',
    speaker: 'Andreas Behrens',
    speakerOrganization: 'Gladsaxe Kommune',
  },
  { start: '10:00', end: '10:15', title: 'Velkomst og rammesætning' },
];

async function createWebinar(attributes: Record<string, unknown> = {}, overrides: Record<string, unknown> = {}) {
  const response = await moderator.post('/api/content', {
    kind: 'webinar',
    title: 'Kommunens hverdag med den fælleskommunale infrastruktur',
    body: 'Gladsaxe og Esbjerg Kommune holder inspirationsoplæg.',
    ...overrides,
    attributes: {
      series: 'Infrastruktur i praksis',
      startsAt: '2027-11-04T10:00:00+01:00',
      endsAt: '2027-11-04T12:00:00+01:00',
      onlineUrl: 'https://teams.example.dk/webinar',
      hosts: ['159', '0561'],
      programme,
      ...attributes,
    },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

describe('creating a webinar', () => {
  it('is for KOMBIT’s moderators: a member gets 403 and nothing is stored', async () => {
    const response = await member.post('/api/content', {
      kind: 'webinar',
      title: 'Et webinar fra en kommune',
      body: 'Tekst',
      attributes: { startsAt: '2027-01-01T10:00:00+01:00', endsAt: '2027-01-01T11:00:00+01:00' },
    });
    expect(response.status).toBe(403);
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM content WHERE title = 'Et webinar fra en kommune'`);
    expect(rows[0].n).toBe(0);
  });

  it('stores it public by default, planned, with the programme in time order, hosts by name, and a timeline', async () => {
    const webinar = await createWebinar();
    expect(webinar).toMatchObject({ kind: 'webinar', visibility: 'public', organization: { code: 'KOMBIT' } });
    expect(webinar.attributes.status).toBe('planned');
    expect(webinar.attributes.programme.map((item: { start: string }) => item.start)).toEqual(['10:00', '10:15']);
    expect(webinar.webinar.hosts).toEqual([
      { code: '0159', name: 'Gladsaxe' },
      { code: '0561', name: 'Esbjerg' },
    ]);
    expect(webinar.webinar).toMatchObject({ registrationCount: 0, registered: false, registrationOpen: true, dialogueCount: 0 });
    expect(webinar.timeline).toEqual([expect.objectContaining({ from: null, to: 'planned' })]);
  });

  it('stores a time given in UTC with the Copenhagen offset of that day', async () => {
    const summer = await createWebinar({ startsAt: '2027-06-03T08:00:00Z', endsAt: '2027-06-03T10:00:00Z' });
    expect(summer.attributes.startsAt).toBe('2027-06-03T10:00:00+02:00');
    const winter = await createWebinar({ startsAt: '2027-11-04T09:00:00Z', endsAt: '2027-11-04T11:00:00Z' });
    expect(winter.attributes.startsAt).toBe('2027-11-04T10:00:00+01:00');
  });

  it('gives a message per field for bad times, unknown hosts, a bad link and an unknown linked item', async () => {
    const response = await moderator.post('/api/content', {
      kind: 'webinar',
      title: 'Et webinar med fejl i',
      body: 'Tekst',
      attributes: {
        startsAt: '2027-11-04T12:00:00+01:00',
        endsAt: '2027-11-04T10:00:00+01:00',
        onlineUrl: 'javascript:alert(1)',
        hosts: ['0159'],
        programme: [{ start: '10:30', end: '10:00', title: 'Baglæns' }],
      },
    });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields).sort()).toEqual(
      ['attributes.endsAt', 'attributes.onlineUrl', 'attributes.programme.0.end'].sort(),
    );

    const noOffset = await moderator.post('/api/content', {
      kind: 'webinar',
      title: 'Et webinar uden tidszone',
      body: 'Tekst',
      attributes: { startsAt: '2027-11-04T10:00:00', endsAt: '2027-11-04T12:00:00+01:00' },
    });
    expect(noOffset.status).toBe(400);
    expect(noOffset.body.fields['attributes.startsAt']).toBeDefined();

    const unknown = await moderator.post('/api/content', {
      kind: 'webinar',
      title: 'Et webinar med ukendte værter',
      body: 'Tekst',
      attributes: {
        startsAt: '2027-11-04T10:00:00+01:00',
        endsAt: '2027-11-04T12:00:00+01:00',
        hosts: ['0159', '9999'],
        programme: [{ start: '10:00', end: '10:30', title: 'Et punkt', contentId: 987654 }],
      },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields['attributes.hosts.1']).toEqual(['Ukendt kommunekode: 9999']);
    expect(unknown.body.fields['attributes.programme.0.contentId']).toEqual(['Det linkede indhold findes ikke']);
  });

  it('keeps the status on an edit; status changes go through /status', async () => {
    const webinar = await createWebinar();
    const edited = await moderator.patch(`/api/content/${webinar.id}`, {
      attributes: { ...webinar.attributes, status: 'held', recap: 'Tak for i dag' },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.attributes).toMatchObject({ status: 'planned', recap: 'Tak for i dag' });
  });
});

describe('lists', () => {
  it('orders upcoming webinars by when they start, whatever the offset written', async () => {
    const later = await createWebinar(
      { startsAt: '2028-02-01T10:00:00+01:00', endsAt: '2028-02-01T11:00:00+01:00' },
      { title: 'Senere webinar' },
    );
    // 07:30 UTC on the same day is earlier than 10:00 +01:00 (09:00 UTC), though "07:30" > "…" as text of another offset.
    const earlier = await createWebinar(
      { startsAt: '2028-02-01T08:30:00+01:00', endsAt: '2028-02-01T09:30:00+01:00' },
      { title: 'Tidligere webinar' },
    );
    const list = await anonymous.get('/api/content?kind=webinar&state=planned&sort=upcoming&pageSize=100');
    const ids = list.body.items.map((item: { id: number }) => item.id);
    expect(ids.indexOf(earlier.id)).toBeLessThan(ids.indexOf(later.id));
    const recent = await anonymous.get('/api/content?kind=webinar&sort=recent&pageSize=100');
    const recentIds = recent.body.items.map((item: { id: number }) => item.id);
    expect(recentIds.indexOf(later.id)).toBeLessThan(recentIds.indexOf(earlier.id));
  });
});

describe('signing up', () => {
  it('counts many parallel sign-ups exactly, repeats included', async () => {
    const webinar = await createWebinar();
    const sessions = [...participants, ...participants.slice(0, 10)];
    const results = await Promise.all(sessions.map((session) => session.post(`/api/webinars/${webinar.id}/registrations`)));
    expect(results.every((result) => result.status === 200 && result.body.registered === true)).toBe(true);
    const detail = await anonymous.get(`/api/content/${webinar.id}`);
    expect(detail.body.webinar.registrationCount).toBe(PARTICIPANTS);
    const off = await Promise.all(participants.slice(0, 7).map((session) => session.delete(`/api/webinars/${webinar.id}/registrations`)));
    expect(off.every((result) => result.status === 200 && result.body.registered === false)).toBe(true);
    expect((await anonymous.get(`/api/content/${webinar.id}`)).body.webinar.registrationCount).toBe(PARTICIPANTS - 7);
  });

  it('shows the member that they are signed up, and closes when the webinar is held or cancelled', async () => {
    const webinar = await createWebinar();
    const signedUp = await member.post(`/api/webinars/${webinar.id}/registrations`);
    expect(signedUp.body).toEqual({ registered: true, count: 1 });
    const mine = await member.get(`/api/content/${webinar.id}`);
    expect(mine.body.webinar.registered).toBe(true);
    expect(mine.body.permissions.register).toBe(true);
    await moderator.post(`/api/content/${webinar.id}/status`, { status: 'held' });
    const late = await esbjerg.post(`/api/webinars/${webinar.id}/registrations`);
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('afholdt');
    expect((await esbjerg.get(`/api/content/${webinar.id}`)).body.permissions.register).toBe(false);
  });

  it('needs a login, and is not offered for a webinar already over', async () => {
    const webinar = await createWebinar({ startsAt: '2020-01-09T10:00:00+01:00', endsAt: '2020-01-09T12:00:00+01:00' });
    expect((await anonymous.post(`/api/webinars/${webinar.id}/registrations`)).status).toBe(401);
    expect((await member.post(`/api/webinars/${webinar.id}/registrations`)).status).toBe(409);
    expect((await member.post(`/api/webinars/987654/registrations`)).status).toBe(404);
  });

  it('lists the participants with their municipality for moderators, as JSON and as CSV for Excel', async () => {
    const webinar = await createWebinar();
    await member.post(`/api/webinars/${webinar.id}/registrations`);
    await esbjerg.post(`/api/webinars/${webinar.id}/registrations`);
    const list = await moderator.get(`/api/webinars/${webinar.id}/registrations`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'Sofie Lund',
          email: 'sofie@gladsaxe.dk',
          title: 'Hotline',
          organization: { code: '0159', name: 'Gladsaxe' },
        }),
        expect.objectContaining({ name: 'Peter Krogh', organization: { code: '0561', name: 'Esbjerg' } }),
      ]),
    );
    const csv = await moderator.get(`/api/webinars/${webinar.id}/registrations?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain(`tilmeldte-webinar-${webinar.id}.csv`);
    const lines = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Navn;E-mail;Titel;Kommune;Kommunekode;Tilmeldt');
    expect(lines).toContainEqual(expect.stringMatching(/^Sofie Lund;sofie@gladsaxe\.dk;Hotline;Gladsaxe;0159;/));
    expect((await moderator.get(`/api/webinars/${webinar.id}/registrations?format=xml`)).status).toBe(400);
  });

  it('guards the CSV against spreadsheet formulas in names', async () => {
    await t.createUser({ email: 'formel@gladsaxe.dk', organizationCode: '0159', name: '=HYPERLINK("x")' });
    const formula = await signIn(t.url, 'formel@gladsaxe.dk', TEST_PASSWORD);
    const webinar = await createWebinar();
    await formula.post(`/api/webinars/${webinar.id}/registrations`);
    const csv = await moderator.get(`/api/webinars/${webinar.id}/registrations?format=csv`);
    expect(String(csv.body)).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('calendar files', () => {
  const eventOf = (ics: string) => {
    const unfolded = ics.replace(/\r\n[ \t]/g, '');
    return {
      start: /DTSTART[^:]*:(\S+)/.exec(unfolded)?.[1],
      end: /DTEND[^:]*:(\S+)/.exec(unfolded)?.[1],
      summary: /SUMMARY[^:]*:(.*)/.exec(unfolded)?.[1]?.trim(),
      status: /STATUS:(\S+)/.exec(unfolded)?.[1],
    };
  };

  it('write 10:00 Copenhagen time as the right UTC time on both sides of the DST change', async () => {
    const winter = await createWebinar({ startsAt: '2027-03-25T10:00:00+01:00', endsAt: '2027-03-25T12:00:00+01:00' });
    const summer = await createWebinar({ startsAt: '2027-04-01T10:00:00+02:00', endsAt: '2027-04-01T12:00:00+02:00' });
    const winterIcs = await anonymous.get(`/api/webinars/${winter.id}/calendar.ics`);
    expect(winterIcs.status).toBe(200);
    expect(winterIcs.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(eventOf(winterIcs.body)).toMatchObject({ start: '20270325T090000Z', end: '20270325T110000Z', status: 'CONFIRMED' });
    const summerIcs = await anonymous.get(`/api/webinars/${summer.id}/calendar.ics`);
    expect(eventOf(summerIcs.body)).toMatchObject({ start: '20270401T080000Z', end: '20270401T100000Z' });
    expect(summerIcs.body).toContain(`UID:webinar-${summer.id}@`);
  });

  it('give the meeting link to signed-in callers only, as the page does', async () => {
    const webinar = await createWebinar();
    expect((await anonymous.get(`/api/content/${webinar.id}`)).body.attributes.onlineUrl).toBeUndefined();
    expect((await member.get(`/api/content/${webinar.id}`)).body.attributes.onlineUrl).toBe('https://teams.example.dk/webinar');
    expect((await anonymous.get(`/api/webinars/${webinar.id}/calendar.ics`)).body).not.toContain('teams.example.dk');
    expect((await member.get(`/api/webinars/${webinar.id}/calendar.ics`)).body).toContain('teams.example.dk');
  });

  it('keep a signed-in caller’s feed out of shared caches', async () => {
    expect((await anonymous.get('/api/webinars/calendar.ics')).headers.get('cache-control')).toBe('public, max-age=300');
    expect((await member.get('/api/webinars/calendar.ics')).headers.get('cache-control')).toBe('private, no-store');
  });

  it('mark a cancelled webinar as cancelled', async () => {
    const webinar = await createWebinar();
    await moderator.post(`/api/content/${webinar.id}/status`, { status: 'cancelled', reason: 'Flyttet til foråret' });
    const ics = await anonymous.get(`/api/webinars/${webinar.id}/calendar.ics`);
    expect(eventOf(ics.body)).toMatchObject({ status: 'CANCELLED' });
    expect(eventOf(ics.body).summary).toMatch(/^AFLYST: /);
  });

  it('feed upcoming webinars the caller may see: a members-only one is left out for a calendar app without a session', async () => {
    const open = await createWebinar({}, { title: 'Et åbent webinar i kalenderen' });
    const closed = await createWebinar({}, { title: 'Et webinar kun for medlemmer', visibility: 'members' });
    const old = await createWebinar(
      { startsAt: '2019-01-09T10:00:00+01:00', endsAt: '2019-01-09T12:00:00+01:00' },
      { title: 'Et gammelt webinar' },
    );
    const feed = await anonymous.get('/api/webinars/calendar.ics');
    expect(feed.status).toBe(200);
    expect(feed.body).toContain(`UID:webinar-${open.id}@`);
    expect(feed.body).not.toContain(`UID:webinar-${closed.id}@`);
    expect(feed.body).not.toContain(`UID:webinar-${old.id}@`);
    expect((await member.get('/api/webinars/calendar.ics')).body).toContain(`UID:webinar-${closed.id}@`);
    expect((await anonymous.get(`/api/webinars/${closed.id}/calendar.ics`)).status).toBe(404);
  });
});

describe('follow-up questions', () => {
  it('link a question to the webinar and list it there', async () => {
    const webinar = await createWebinar();
    const question = await member.post('/api/content', {
      kind: 'question',
      title: 'Opfølgning: hvordan videresender I statusmails?',
      body: 'Gladsaxe nævnte helpdesksystemet. Hvordan sætter man det op?',
      visibility: 'members',
      attributes: { webinarId: webinar.id },
    });
    expect(question.status, JSON.stringify(question.body)).toBe(201);
    expect(question.body.linkedWebinar).toMatchObject({ id: webinar.id, kind: 'webinar', path: webinar.path });
    const asMember = await esbjerg.get(`/api/content/${webinar.id}`);
    expect(asMember.body.webinar.followUps).toEqual([expect.objectContaining({ id: question.body.id, replyCount: 0, solved: false })]);
    // A members-only question is not listed for anonymous visitors.
    expect((await anonymous.get(`/api/content/${webinar.id}`)).body.webinar.followUps).toEqual([]);
    const filtered = await esbjerg.get(`/api/content?kind=question&webinar=${webinar.id}`);
    expect(filtered.body.items.map((item: { id: number }) => item.id)).toEqual([question.body.id]);
  });

  it('refuses a link to something that is not a webinar', async () => {
    const response = await member.post('/api/content', {
      kind: 'question',
      title: 'Et spørgsmål med et forkert link',
      body: 'Tekst',
      attributes: { webinarId: 987654 },
    });
    expect(response.status).toBe(400);
    expect(response.body.fields['attributes.webinarId']).toEqual(['Webinaret findes ikke']);
  });
});

describe('authorization of the webinar endpoints', () => {
  // Who may do what, one row per endpoint: anonymous, two members of different municipalities, an org admin, a moderator, an admin.
  it('is exactly as the matrix says', async () => {
    await t.createUser({ email: 'orgadmin@gladsaxe.dk', organizationCode: '0159', role: 'org_admin' });
    await t.createUser({ email: 'admin@kombit.dk', organizationCode: 'KOMBIT', role: 'admin' });
    const orgAdmin = await signIn(t.url, 'orgadmin@gladsaxe.dk', TEST_PASSWORD);
    const admin = await signIn(t.url, 'admin@kombit.dk', TEST_PASSWORD);
    const roles = { anonymous, member, esbjerg, orgAdmin, moderator, admin } as const;
    const webinar = await createWebinar();
    const suggestion = await member.post('/api/content', {
      kind: 'suggestion',
      title: 'Et forslag til matricen',
      body: 'Tekst',
      attributes: { contact: { name: 'Sofie', email: 'sofie@gladsaxe.dk' } },
    });
    type Role = keyof typeof roles;
    const cases: { name: string; run: (session: ApiSession) => Promise<{ status: number }>; allowed: Role[]; denied: number[] }[] = [
      {
        name: 'create a webinar',
        run: (s) =>
          s.post('/api/content', {
            kind: 'webinar',
            title: 'Matrix-webinar',
            body: 'Tekst',
            attributes: { startsAt: '2027-11-04T10:00:00+01:00', endsAt: '2027-11-04T12:00:00+01:00' },
          }),
        allowed: ['moderator', 'admin'],
        denied: [401, 403],
      },
      {
        name: 'see the registrations',
        run: (s) => s.get(`/api/webinars/${webinar.id}/registrations`),
        allowed: ['moderator', 'admin'],
        denied: [401, 403],
      },
      {
        name: 'change a suggestion’s status',
        run: (s) => s.post(`/api/content/${suggestion.body.id}/status`, { status: 'considering', reason: 'matrix' }),
        allowed: ['moderator', 'admin'],
        denied: [401, 403],
      },
      {
        name: 'sign up',
        run: (s) => s.post(`/api/webinars/${webinar.id}/registrations`),
        allowed: ['member', 'esbjerg', 'orgAdmin', 'moderator', 'admin'],
        denied: [401],
      },
      {
        name: 'read the calendar file',
        run: (s) => s.get(`/api/webinars/${webinar.id}/calendar.ics`),
        allowed: Object.keys(roles) as Role[],
        denied: [],
      },
      {
        name: 'read the calendar feed',
        run: (s) => s.get('/api/webinars/calendar.ics'),
        allowed: Object.keys(roles) as Role[],
        denied: [],
      },
      {
        name: 'sign off',
        run: (s) => s.delete(`/api/webinars/${webinar.id}/registrations`),
        allowed: ['member', 'esbjerg', 'orgAdmin', 'moderator', 'admin'],
        denied: [401],
      },
      {
        name: 'merge two suggestions',
        run: async (s) => {
          const pair = await Promise.all(
            ['Et forslag der bliver beholdt', 'Et forslag der er en dublet'].map((title) =>
              member.post('/api/content', {
                kind: 'suggestion',
                title,
                body: 'Tekst',
                attributes: { contact: { name: 'Sofie', email: 'sofie@gladsaxe.dk' } },
              }),
            ),
          );
          return s.post(`/api/content/${pair[1]!.body.id}/merge`, { intoId: pair[0]!.body.id });
        },
        allowed: ['moderator', 'admin'],
        denied: [401, 403],
      },
      {
        name: 'read one’s notifications',
        run: (s) => s.get('/api/notifications'),
        allowed: ['member', 'esbjerg', 'orgAdmin', 'moderator', 'admin'],
        denied: [401],
      },
    ];
    const outcome: Record<string, Record<string, boolean>> = {};
    const expected: Record<string, Record<string, boolean>> = {};
    for (const testCase of cases) {
      outcome[testCase.name] = {};
      expected[testCase.name] = {};
      for (const [role, session] of Object.entries(roles)) {
        const response = await testCase.run(session);
        const allowed = response.status >= 200 && response.status < 300;
        if (!allowed) expect(testCase.denied, `${testCase.name} as ${role}: ${response.status}`).toContain(response.status);
        outcome[testCase.name]![role] = allowed;
        expected[testCase.name]![role] = testCase.allowed.includes(role as Role);
        // Each status change needs a different next status.
        if (testCase.name === 'change a suggestion’s status' && allowed) {
          await t.db.query(`UPDATE content SET attributes = jsonb_set(attributes, '{status}', '"new"') WHERE id = $1`, [
            suggestion.body.id,
          ]);
        }
      }
    }
    expect(outcome).toEqual(expected);
  });
});
