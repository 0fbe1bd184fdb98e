import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession, signIn } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

// Migration cases: how a municipality found and moved a supplier to a new interface, the matrix of who moved
// what, and "jeg er i gang med det samme" so municipalities on the same road find each other.

let t: TestApp;
let gladsaxe: ApiSession;
let gladsaxeColleague: ApiSession;
let esbjerg: ApiSession;
let esbjergColleague: ApiSession;
let aarhus: ApiSession;
let moderator: ApiSession;
let anonymous: ApiSession;

const MARKERS = 20;
const MARKER_CODES = ['0101', '0147', '0151', '0153', '0155', '0157', '0161', '0163', '0165', '0167'];
let markers: ApiSession[] = [];

beforeAll(async () => {
  t = await startTestApp({ withoutSearch: true });
  await t.createUser({ email: 'sofie@gladsaxe.dk', organizationCode: '0159', name: 'Sofie Lund', title: 'Infrastrukturansvarlig' });
  await t.createUser({ email: 'kim@gladsaxe.dk', organizationCode: '0159', name: 'Kim Kollega' });
  await t.createUser({ email: 'peter@esbjerg.dk', organizationCode: '0561', name: 'Peter Krogh', title: 'It-arkitekt' });
  await t.createUser({ email: 'lone@esbjerg.dk', organizationCode: '0561', name: 'Lone Esbjerg' });
  await t.createUser({ email: 'anna@aarhus.dk', organizationCode: '0751', name: 'Anna Aarhus' });
  await t.createUser({ email: 'mod@kombit.dk', organizationCode: 'KOMBIT', role: 'moderator', name: 'Mette Moderator' });
  for (let i = 0; i < MARKERS; i += 1) {
    await t.createUser({
      email: `marker${i}@kommune${i}.dk`,
      organizationCode: MARKER_CODES[i % MARKER_CODES.length]!,
      name: `Markør ${i}`,
    });
  }
  [gladsaxe, gladsaxeColleague, esbjerg, esbjergColleague, aarhus, moderator] = (await Promise.all(
    ['sofie@gladsaxe.dk', 'kim@gladsaxe.dk', 'peter@esbjerg.dk', 'lone@esbjerg.dk', 'anna@aarhus.dk', 'mod@kombit.dk'].map((email) =>
      signIn(t.url, email, TEST_PASSWORD),
    ),
  )) as [ApiSession, ApiSession, ApiSession, ApiSession, ApiSession, ApiSession];
  markers = await Promise.all(Array.from({ length: MARKERS }, (_, i) => signIn(t.url, `marker${i}@kommune${i}.dk`, TEST_PASSWORD)));
  anonymous = new ApiSession(t.url);
});
afterAll(async () => {
  await t.close();
});

const STEPS = [
  { title: 'Afdæk integrationerne', text: 'Vi gennemgik Kitos og fandt tre integrationer på SF1600.', who: 'municipality' },
  { title: 'Krav til leverandøren', text: 'Leverandøren fik kravet om SF1601 ind i tillægsaftalen.', who: 'supplier' },
];

function caseBody(overrides: Record<string, unknown> = {}, attributes: Record<string, unknown> = {}) {
  return {
    kind: 'case',
    title: 'Sådan flyttede vi KMD Nexus fra SF1600 til SF1601',
    body: 'Vi flyttede afsendelse af digital post fra den gamle service til SF1601 på et halvt år.',
    visibility: 'public',
    ...overrides,
    attributes: {
      system: 'kmd nexus',
      supplier: 'KMD',
      from: { type: 'old_service', description: 'SF1600 Digital Post' },
      to: 'SF1601',
      status: 'completed',
      startDate: '2023-01-15',
      endDate: '2023-06-30',
      effortDays: 12.5,
      steps: STEPS,
      obstacles: 'Testmiljøet var ikke klar i tide.',
      lessons: 'Start med at få leverandøren til at bekræfte datoen skriftligt.',
      requirements: [
        'Leverandøren skal anvende SF1601 til afsendelse af digital post.',
        'Løsningen skal understøtte fysisk post som fallback.',
      ],
      ...attributes,
    },
  };
}

async function writeCase(as: ApiSession, overrides: Record<string, unknown> = {}, attributes: Record<string, unknown> = {}) {
  const response = await as.post('/api/content', caseBody(overrides, attributes));
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

describe('writing a case', () => {
  it('stores the target as the catalog slug, names the system as the catalog does, and lists the target among the components', async () => {
    const item = await writeCase(gladsaxe);
    expect(item.kind).toBe('case');
    expect(item.path).toMatch(/^\/cases\/\d+-saadan-flyttede-vi-kmd-nexus/);
    expect(item.attributes.to).toEqual({ component: 'sf1601-digital-post' });
    expect(item.attributes.system).toBe('KMD Nexus');
    expect(item.attributes.steps).toEqual(STEPS);
    expect(item.components.map((component: { slug: string }) => component.slug)).toEqual(['sf1601-digital-post']);
    expect(item.case.target).toEqual({ slug: 'sf1601-digital-post', name: 'SF1601 Kombit Digital Post', shortName: 'SF1601' });
    expect(item.case.workingOn).toEqual({ count: 0, organizations: [], mine: false, canMark: false });
    expect(item.permissions.attach).toBe(true);
  });

  it('reads "from" given as text, and a single requirement text as a list of one', async () => {
    const item = await writeCase(gladsaxe, {}, { from: 'SF1600', requirements: 'Leverandøren skal bruge SF1601.' });
    expect(item.attributes.from).toEqual({ type: 'old_service', description: 'SF1600' });
    expect(item.attributes.requirements).toEqual(['Leverandøren skal bruge SF1601.']);
  });

  it('refuses bad attributes with a message per field and stores nothing', async () => {
    const before = await t.db.query(`SELECT count(*)::int AS n FROM content WHERE kind = 'case'`);
    const response = await gladsaxe.post(
      '/api/content',
      caseBody(
        {},
        {
          status: 'done',
          startDate: '2023-02-30',
          effortDays: -2,
          steps: [{ title: 'x', text: '' }],
          from: { type: 'carrier-pigeon' },
        },
      ),
    );
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields).sort()).toEqual(
      [
        'attributes.effortDays',
        'attributes.from.type',
        'attributes.startDate',
        'attributes.status',
        'attributes.steps.0.text',
        'attributes.steps.0.title',
      ].sort(),
    );
    expect(response.body.fields['attributes.status'][0]).toMatch(/Vælg en status/);
    const after = await t.db.query(`SELECT count(*)::int AS n FROM content WHERE kind = 'case'`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('refuses an unknown target component, an end before the start and a completed case without steps', async () => {
    const unknown = await gladsaxe.post('/api/content', caseBody({}, { to: { component: 'sf9999' } }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields['attributes.to.component'][0]).toMatch(/Ukendt komponent eller service: sf9999/);

    const backwards = await gladsaxe.post('/api/content', caseBody({}, { startDate: '2024-05-01', endDate: '2024-04-01' }));
    expect(backwards.status).toBe(400);
    expect(backwards.body.fields['attributes.endDate'][0]).toMatch(/efter startdatoen/);

    const noSteps = await gladsaxe.post('/api/content', caseBody({}, { steps: [] }));
    expect(noSteps.status).toBe(400);
    expect(noSteps.body.fields['attributes.steps'][0]).toMatch(/mindst ét trin/);
  });

  it('lets the author move the status on by editing, keeping a revision', async () => {
    const item = await writeCase(gladsaxe, {}, { status: 'in_progress', steps: [] });
    const edited = await gladsaxe.patch(`/api/content/${item.id}`, {
      attributes: { ...item.attributes, status: 'completed', steps: STEPS, to: 'sf1601-digital-post' },
      expectedVersion: item.version,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.attributes.status).toBe('completed');
    expect(edited.body.version).toBe(item.version + 1);
    const other = await esbjerg.patch(`/api/content/${item.id}`, { attributes: { ...item.attributes, status: 'stopped' } });
    expect(other.status).toBe(403);
  });
});

describe('the author’s contact details', () => {
  it('are shown to signed-in readers when the author opted in, never to visitors without login', async () => {
    const item = await writeCase(gladsaxe, {}, { contactOptIn: true });
    const signedIn = await esbjerg.get(`/api/content/${item.id}`);
    expect(signedIn.body.case.contact).toEqual({
      name: 'Sofie Lund',
      title: 'Infrastrukturansvarlig',
      email: 'sofie@gladsaxe.dk',
      phone: null,
    });
    const visitor = await anonymous.get(`/api/content/${item.id}`);
    expect(visitor.status).toBe(200);
    expect(visitor.body.case.contact).toBeNull();
  });

  it('are not shown when the author did not opt in', async () => {
    const item = await writeCase(gladsaxe, {}, { contactOptIn: false });
    const signedIn = await esbjerg.get(`/api/content/${item.id}`);
    expect(signedIn.body.case.contact).toBeNull();
  });
});

describe('"jeg er i gang med det samme"', () => {
  it('counts a municipality once however many of its members mark it, and tells the author once', async () => {
    const item = await writeCase(gladsaxe);
    const first = await esbjerg.post(`/api/content/${item.id}/working-on`, { showContact: true, note: 'Vi starter i marts' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ count: 1, mine: true, canMark: true });
    const second = await esbjergColleague.post(`/api/content/${item.id}/working-on`, {});
    expect(second.body.count).toBe(1);
    expect(second.body.organizations).toEqual([
      expect.objectContaining({
        code: '0561',
        name: 'Esbjerg',
        memberCount: 2,
        // Only the member who chose to be contacted is listed.
        contacts: [{ name: 'Peter Krogh', title: 'It-arkitekt', email: 'peter@esbjerg.dk', phone: null, note: 'Vi starter i marts' }],
      }),
    ]);
    const notifications = await gladsaxe.get('/api/notifications');
    const about = notifications.body.items.filter(
      (n: { type: string; content: { id: number } | null }) => n.type === 'case.working_on' && n.content?.id === item.id,
    );
    expect(about).toHaveLength(1);
    expect(about[0].text).toBe(`Esbjerg er i gang med det samme som i casen «${item.title}»`);
  });

  it('never shows the contacts to visitors without login, but does show the municipalities', async () => {
    const item = await writeCase(gladsaxe);
    await esbjerg.post(`/api/content/${item.id}/working-on`, { showContact: true });
    const visitor = await anonymous.get(`/api/content/${item.id}`);
    expect(visitor.body.case.workingOn.count).toBe(1);
    expect(visitor.body.case.workingOn.organizations[0]).toMatchObject({ code: '0561', contacts: [] });
    expect(visitor.body.case.workingOn.canMark).toBe(false);
  });

  it('updates the caller’s mark on a repeat and removes it on DELETE', async () => {
    const item = await writeCase(gladsaxe);
    await aarhus.post(`/api/content/${item.id}/working-on`, { showContact: false });
    const updated = await aarhus.post(`/api/content/${item.id}/working-on`, { showContact: true, note: 'Nu med kontakt' });
    expect(updated.body.organizations[0].contacts).toHaveLength(1);
    const rows = await t.db.query(`SELECT count(*)::int AS n FROM case_working_on WHERE content_id = $1`, [item.id]);
    expect(rows.rows[0].n).toBe(1);
    const removed = await aarhus.delete(`/api/content/${item.id}/working-on`);
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ count: 0, mine: false, canMark: true });
  });

  it('is exact under parallel marks and repeats: one row per member, one count per municipality', async () => {
    const item = await writeCase(gladsaxe);
    const responses = await Promise.all([
      ...markers.map((session) => session.post(`/api/content/${item.id}/working-on`, { showContact: false })),
      ...markers.slice(0, 5).map((session) => session.post(`/api/content/${item.id}/working-on`, { showContact: true })),
    ]);
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 200));
    const detail = await gladsaxe.get(`/api/content/${item.id}`);
    expect(detail.body.case.workingOn.count).toBe(MARKER_CODES.length);
    const rows = await t.db.query(`SELECT count(*)::int AS n FROM case_working_on WHERE content_id = $1`, [item.id]);
    expect(rows.rows[0].n).toBe(MARKERS);
    const list = await gladsaxe.get(`/api/content?kind=case&mine=true&pageSize=100`);
    expect(list.body.items.find((summary: { id: number }) => summary.id === item.id).workingOnCount).toBe(MARKER_CODES.length);
    const notified = await t.db.query(`SELECT count(*)::int AS n FROM notification WHERE type = 'case.working_on' AND content_id = $1`, [
      item.id,
    ]);
    expect(notified.rows[0].n).toBe(MARKER_CODES.length);
  });

  it('is refused on one’s own municipality’s case, on a draft, on other kinds, and without login', async () => {
    const item = await writeCase(gladsaxe);
    const own = await gladsaxeColleague.post(`/api/content/${item.id}/working-on`, {});
    expect(own.status).toBe(400);
    expect(own.body.fields._[0]).toMatch(/egen kommune/);

    const draft = await writeCase(gladsaxe, { status: 'draft' });
    // A draft is not even visible to another municipality.
    expect((await esbjerg.post(`/api/content/${draft.id}/working-on`, {})).status).toBe(404);
    const draftByColleague = await gladsaxeColleague.post(`/api/content/${draft.id}/working-on`, {});
    expect(draftByColleague.status).toBe(404);

    const question = await gladsaxe.post('/api/content', { kind: 'question', title: 'Hvordan flytter man til SF1601?', body: 'Hvordan?' });
    const notACase = await esbjerg.post(`/api/content/${question.body.id}/working-on`, {});
    expect(notACase.status).toBe(400);

    expect((await anonymous.post(`/api/content/${item.id}/working-on`, {})).status).toBe(401);
    expect((await esbjerg.post(`/api/content/999999999/working-on`, {})).status).toBe(404);
    expect((await esbjerg.post(`/api/content/abc/working-on`, {})).status).toBe(404);
    const badBody = await esbjerg.post(`/api/content/${item.id}/working-on`, { showContact: 'ja', note: 'x'.repeat(301) });
    expect(badBody.status).toBe(400);
    expect(Object.keys(badBody.body.fields).sort()).toEqual(['note', 'showContact']);
  });

  it('is hidden with an organization-only case from other municipalities', async () => {
    const item = await writeCase(gladsaxe, { visibility: 'organization' });
    expect((await esbjerg.post(`/api/content/${item.id}/working-on`, {})).status).toBe(404);
    expect((await esbjerg.delete(`/api/content/${item.id}/working-on`)).status).toBe(404);
  });
});

describe('the case list and the matrix', () => {
  // A fresh supplier per run of this block, so the filters return exactly these cases.
  const supplier = 'Leverandør Matrix A/S';
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    ids.gladsaxeDone = (
      await writeCase(
        gladsaxe,
        { title: 'Gladsaxe flyttede Fasit til Beskedfordeleren' },
        {
          system: 'Fasit',
          supplier,
          to: { component: 'faelleskommunal-beskedfordeler' },
        },
      )
    ).id;
    ids.esbjergDone = (
      await writeCase(
        esbjerg,
        { title: 'Esbjerg flyttede Fasit til Beskedfordeleren' },
        {
          system: 'fasit',
          supplier,
          to: 'BF',
        },
      )
    ).id;
    ids.aarhusGoing = (
      await writeCase(
        aarhus,
        { title: 'Aarhus er i gang med Fasit på SF1601' },
        {
          system: 'Fasit',
          supplier,
          to: 'SF1601',
          status: 'in_progress',
          steps: [],
        },
      )
    ).id;
    ids.esbjergStopped = (
      await writeCase(
        esbjerg,
        { title: 'Esbjerg stoppede Fasit på SF1601' },
        {
          system: 'Fasit',
          supplier,
          to: 'SF1601',
          status: 'stopped',
          steps: [],
        },
      )
    ).id;
    ids.esbjergOwn = (
      await writeCase(
        esbjerg,
        { title: 'Esbjergs interne case om Kitos', visibility: 'organization' },
        {
          system: 'Kitos',
          supplier,
          to: 'SF1601',
        },
      )
    ).id;
    ids.gladsaxeMembers = (
      await writeCase(
        gladsaxe,
        { title: 'Gladsaxe flyttede Kitos til SF1601', visibility: 'members' },
        {
          system: 'Kitos',
          supplier,
          to: 'SF1601',
        },
      )
    ).id;
    // Gladsaxe is working on the same as Aarhus.
    await gladsaxeColleague.post(`/api/content/${ids.aarhusGoing}/working-on`, {});
  });

  function listIds(body: { items: { id: number }[] }): number[] {
    return body.items.map((item) => item.id).sort((a, b) => a - b);
  }
  const sorted = (...values: (number | undefined)[]) => (values as number[]).sort((a, b) => a - b);

  it('filters the list by system (any case), supplier, status, component and municipality', async () => {
    const q = `/api/content?kind=case&supplier=${encodeURIComponent(supplier.toUpperCase())}&pageSize=100`;
    expect(listIds((await gladsaxe.get(q)).body)).toEqual(
      sorted(ids.gladsaxeDone, ids.esbjergDone, ids.aarhusGoing, ids.esbjergStopped, ids.gladsaxeMembers),
    );
    expect(listIds((await gladsaxe.get(`${q}&system=FASIT`)).body)).toEqual(
      sorted(ids.gladsaxeDone, ids.esbjergDone, ids.aarhusGoing, ids.esbjergStopped),
    );
    expect(listIds((await gladsaxe.get(`${q}&state=completed`)).body)).toEqual(
      sorted(ids.gladsaxeDone, ids.esbjergDone, ids.gladsaxeMembers),
    );
    expect(listIds((await gladsaxe.get(`${q}&component=sf1601-digital-post`)).body)).toEqual(
      sorted(ids.aarhusGoing, ids.esbjergStopped, ids.gladsaxeMembers),
    );
    expect(listIds((await gladsaxe.get(`${q}&organization=561`)).body)).toEqual(sorted(ids.esbjergDone, ids.esbjergStopped));
    expect(listIds((await esbjerg.get(`${q}&organization=561`)).body)).toEqual(sorted(ids.esbjergDone, ids.esbjergStopped, ids.esbjergOwn));
  });

  it('shows who completed and who is working on what, from exactly the cases the caller may read', async () => {
    const matrix = (await gladsaxe.get(`/api/cases/matrix?supplier=${encodeURIComponent(supplier)}`)).body;
    expect(matrix.systems).toEqual([
      { name: 'Fasit', suppliers: [supplier] },
      { name: 'Kitos', suppliers: [supplier] },
    ]);
    expect(matrix.components.map((component: { slug: string }) => component.slug).sort()).toEqual(
      ['faelleskommunal-beskedfordeler', 'sf1601-digital-post'].sort(),
    );
    const cell = (system: string, component: string) =>
      matrix.cells.find((c: { system: string; component: string }) => c.system === system && c.component === component);
    const codes = (entries: { code: string }[]) => entries.map((entry) => entry.code).sort();

    const fasitBf = cell('Fasit', 'faelleskommunal-beskedfordeler');
    expect(codes(fasitBf.completed)).toEqual(['0159', '0561']);
    expect(fasitBf.working).toEqual([]);
    expect(fasitBf.completed.find((entry: { code: string }) => entry.code === '0561').cases).toEqual([
      {
        id: ids.esbjergDone,
        title: 'Esbjerg flyttede Fasit til Beskedfordeleren',
        path: expect.stringMatching(/^\/cases\//),
        status: 'completed',
      },
    ]);

    // Aarhus by its ongoing case, Gladsaxe by its mark; the stopped Esbjerg case counts for nobody.
    const fasitSf1601 = cell('Fasit', 'sf1601-digital-post');
    expect(fasitSf1601.completed).toEqual([]);
    expect(codes(fasitSf1601.working)).toEqual(['0159', '0751']);

    // Esbjerg's organization-only case is not Gladsaxe's to see.
    const kitos = cell('Kitos', 'sf1601-digital-post');
    expect(codes(kitos.completed)).toEqual(['0159']);
    expect(matrix.cells).toHaveLength(3);
  });

  it('gives Esbjerg its own organization-only case, and visitors without login only the public ones', async () => {
    const esbjergMatrix = (await esbjerg.get(`/api/cases/matrix?supplier=${encodeURIComponent(supplier)}`)).body;
    const kitos = esbjergMatrix.cells.find((c: { system: string }) => c.system === 'Kitos');
    expect(kitos.completed.map((entry: { code: string }) => entry.code).sort()).toEqual(['0159', '0561']);

    const visitorMatrix = (await anonymous.get(`/api/cases/matrix?supplier=${encodeURIComponent(supplier)}`)).body;
    expect(visitorMatrix.systems.map((system: { name: string }) => system.name)).toEqual(['Fasit']);
    expect(visitorMatrix.cells).toHaveLength(2);
  });

  it('narrows to one component and refuses a malformed one', async () => {
    const matrix = (
      await gladsaxe.get(`/api/cases/matrix?supplier=${encodeURIComponent(supplier)}&component=faelleskommunal-beskedfordeler`)
    ).body;
    expect(matrix.cells.map((c: { component: string }) => c.component)).toEqual(['faelleskommunal-beskedfordeler']);
    const bad = await gladsaxe.get('/api/cases/matrix?component=NOT%20A%20SLUG');
    expect(bad.status).toBe(400);
    expect(bad.body.fields.component).toBeDefined();
  });
});

describe('who may do what with a Gladsaxe member’s public case', () => {
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

  type Call = (session: ApiSession, caseId: number) => Promise<{ status: number }>;
  const ROWS: [name: string, call: Call, expected: Record<Actor, number>][] = [
    [
      'write a case',
      (s) => s.post('/api/content', caseBody()),
      { anonymous: 401, 'member of Gladsaxe': 201, 'member of Esbjerg': 201, 'org admin of Gladsaxe': 201, moderator: 201, admin: 201 },
    ],
    [
      'edit it (with a reason)',
      (s, id) => s.patch(`/api/content/${id}`, { title: 'Sådan flyttede vi KMD Nexus – rettet', reason: 'Rettet titel' }),
      { anonymous: 401, 'member of Gladsaxe': 403, 'member of Esbjerg': 403, 'org admin of Gladsaxe': 200, moderator: 200, admin: 200 },
    ],
    [
      'delete it (with a reason)',
      (s, id) => s.delete(`/api/content/${id}`, { reason: 'Dublet af en anden case' }),
      { anonymous: 401, 'member of Gladsaxe': 403, 'member of Esbjerg': 403, 'org admin of Gladsaxe': 204, moderator: 204, admin: 204 },
    ],
    [
      'mark "jeg er i gang"',
      (s, id) => s.post(`/api/content/${id}/working-on`, { showContact: true }),
      { anonymous: 401, 'member of Gladsaxe': 400, 'member of Esbjerg': 200, 'org admin of Gladsaxe': 400, moderator: 200, admin: 200 },
    ],
    [
      'remove one’s mark',
      (s, id) => s.delete(`/api/content/${id}/working-on`),
      { anonymous: 401, 'member of Gladsaxe': 200, 'member of Esbjerg': 200, 'org admin of Gladsaxe': 200, moderator: 200, admin: 200 },
    ],
    [
      'read the matrix',
      (s) => s.get('/api/cases/matrix'),
      { anonymous: 200, 'member of Gladsaxe': 200, 'member of Esbjerg': 200, 'org admin of Gladsaxe': 200, moderator: 200, admin: 200 },
    ],
  ];

  const cells = ROWS.flatMap(([name, call, expected]) => ACTORS.map((actor) => [name, actor, call, expected[actor]] as const));
  it.each(cells)('%s as %s', async (_name, actor, call, status) => {
    const item = await writeCase(gladsaxe);
    const response = await call(as[actor], item.id);
    expect(response.status, JSON.stringify(response)).toBe(status);
  });
});
