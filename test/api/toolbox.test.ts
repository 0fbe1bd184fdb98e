import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession, signIn } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp, type TestUser } from '../support/test-app.js';

// Værktøjskassen: KOMBIT's curated sections. Everyone reads them (each sees only the items they may read), KOMBIT's
// moderators arrange sections and items in a dense order, and members propose their own material for a section.

let t: TestApp;
let member: ApiSession;
let esbjerg: ApiSession;
let orgAdmin: ApiSession;
let moderator: ApiSession;
let admin: ApiSession;
let anonymous: ApiSession;
let memberUser: TestUser;
let moderatorUser: TestUser;

const DEFAULT_TITLES = [
  'Strategisk og ledelsesmæssig forankring',
  'Krav, it-indkøb og leverandørstyring',
  'Få overblik og indblik i infrastrukturen',
  'Kommunens hverdag med infrastrukturen',
  'Sådan formidler du infrastrukturen til andre',
  'Få merværdi af infrastrukturen',
  'Webinarrækken Infrastruktur i praksis',
  'Infrastrukturrelaterede roller',
];

beforeAll(async () => {
  t = await startTestApp({ withoutSearch: true });
  memberUser = await t.createUser({ email: 'sofie@gladsaxe.dk', organizationCode: '0159', name: 'Sofie Lund' });
  await t.createUser({ email: 'peter@esbjerg.dk', organizationCode: '0561', name: 'Peter Krogh' });
  await t.createUser({ email: 'admin@gladsaxe.dk', organizationCode: '0159', role: 'org_admin', name: 'Anne Admin' });
  moderatorUser = await t.createUser({ email: 'mod@kombit.dk', organizationCode: 'KOMBIT', role: 'moderator', name: 'Mette Moderator' });
  await t.createUser({ email: 'admin@kombit.dk', organizationCode: 'KOMBIT', role: 'admin', name: 'Allan Admin' });
  [member, esbjerg, orgAdmin, moderator, admin] = (await Promise.all(
    ['sofie@gladsaxe.dk', 'peter@esbjerg.dk', 'admin@gladsaxe.dk', 'mod@kombit.dk', 'admin@kombit.dk'].map((email) =>
      signIn(t.url, email, TEST_PASSWORD),
    ),
  )) as [ApiSession, ApiSession, ApiSession, ApiSession, ApiSession];
  anonymous = new ApiSession(t.url);
});
afterAll(async () => {
  await t.close();
});

let counter = 0;
const unique = (): number => (counter += 1);

async function question(as: ApiSession, overrides: Record<string, unknown> = {}) {
  const response = await as.post('/api/content', {
    kind: 'question',
    title: `Hvordan bruger vi Context Handler i praksis nr. ${unique()}?`,
    body: 'Vi vil gerne høre, hvordan andre kommuner har gjort.',
    visibility: 'public',
    ...overrides,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: number; path: string; title: string };
}

async function membersOnlyGuide(as: ApiSession) {
  const response = await as.post('/api/content', {
    kind: 'guide',
    title: `Når Context Handler er nede, vejledning ${unique()}`,
    body: 'Sådan gør hotline.',
    visibility: 'members',
    attributes: {
      component: 'context-handler',
      severity: 'kritisk',
      affectedSystems: ['bbr'],
      action: 'Skriv på intranettet.',
      intranetNotice: { outage: '', maintenance: '' },
    },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: number; path: string; title: string };
}

/** A fresh section of the moderator's, last in the order. */
async function section(title = `Afsnit til test nummer ${unique()}`) {
  const response = await moderator.post('/api/toolbox/sections', { title, intro: 'En *kort* introduktion.' });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { slug: string; title: string; position: number; items: { id: number; position: number }[] };
}

async function addLink(slug: string, overrides: Record<string, unknown> = {}) {
  const response = await moderator.post(`/api/toolbox/sections/${slug}/items`, {
    url: `https://www.kombit.dk/materiale/${unique()}`,
    title: `Materiale fra KOMBIT ${unique()}`,
    ...overrides,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

async function sectionPositions(): Promise<{ slug: string; position: number }[]> {
  const response = await anonymous.get('/api/toolbox/sections');
  expect(response.status).toBe(200);
  return response.body.map((s: { slug: string; position: number }) => ({ slug: s.slug, position: s.position }));
}

async function itemPositions(slug: string): Promise<number[]> {
  const { rows } = await t.db.query(
    `SELECT i.position FROM toolbox_item i JOIN toolbox_section s ON s.id = i.section_id WHERE s.slug = $1 ORDER BY i.position`,
    [slug],
  );
  return rows.map((row) => row.position as number);
}

const oneToN = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

async function propose(as: ApiSession, slug: string, contentId: number, note?: string) {
  return as.post(`/api/toolbox/sections/${slug}/proposals`, { contentId, ...(note ? { note } : {}) });
}

async function notificationsOf(as: ApiSession): Promise<{ type: string; text: string }[]> {
  const response = await as.get('/api/notifications');
  expect(response.status).toBe(200);
  return response.body.items;
}

describe('the default sections', () => {
  it('are the eight sections in order, for a visitor without login', async () => {
    const response = await anonymous.get('/api/toolbox/sections');
    expect(response.status).toBe(200);
    expect(response.body.map((s: { title: string }) => s.title)).toEqual(DEFAULT_TITLES);
    expect(response.body.map((s: { position: number }) => s.position)).toEqual(oneToN(8));
    expect(response.body[1].slug).toBe('krav-it-indkoeb-og-leverandoerstyring');
  });

  it('have their intros as Markdown and as sanitised HTML', async () => {
    const response = await anonymous.get('/api/toolbox/sections/kommunens-hverdag-med-infrastrukturen');
    expect(response.status).toBe(200);
    expect(response.body.intro).toBe(
      'På denne side finder du information, materiale og værktøjer, der understøtter din kommunes hverdag med infrastrukturen.',
    );
    expect(response.body.introHtml).toBe(`<p>${response.body.intro}</p>\n`);
    const webinars = await anonymous.get('/api/toolbox/sections/webinarraekken-infrastruktur-i-praksis');
    expect(webinars.body.intro).toContain('KOMBIT har en mindre rolle som medarrangør.');
  });

  it('answer 404 with a Danish message for a section that does not exist', async () => {
    const response = await anonymous.get('/api/toolbox/sections/findes-ikke');
    expect(response.status).toBe(404);
    expect(response.body.message).toBe('Afsnittet findes ikke i Værktøjskassen.');
    expect((await anonymous.get('/api/toolbox/sections/Ikke%20en%20adresse')).status).toBe(404);
  });

  it('are seeded once when two instances start at once on an empty toolbox', async () => {
    await t.db.query('DELETE FROM toolbox_section');
    const apps = await Promise.all([
      startTestApp({ databaseUrl: t.databaseUrl, withoutSearch: true }),
      startTestApp({ databaseUrl: t.databaseUrl, withoutSearch: true }),
    ]);
    await Promise.all(apps.map((app) => app.close()));
    const { rows } = await t.db.query('SELECT title, position FROM toolbox_section ORDER BY position');
    expect(rows.map((row) => row.title)).toEqual(DEFAULT_TITLES);
    expect(rows.map((row) => row.position)).toEqual(oneToN(8));
  });
});

describe('items and who sees them', () => {
  it('leaves a members-only guide out for a visitor and shows it to a member', async () => {
    const { slug } = await section();
    const guide = await membersOnlyGuide(member);
    const open = await question(member);
    expect((await moderator.post(`/api/toolbox/sections/${slug}/items`, { contentId: guide.id })).status).toBe(201);
    expect((await moderator.post(`/api/toolbox/sections/${slug}/items`, { contentId: open.id })).status).toBe(201);
    const asVisitor = await anonymous.get(`/api/toolbox/sections/${slug}`);
    expect(asVisitor.body.items.map((item: { contentId: number }) => item.contentId)).toEqual([open.id]);
    const asMember = await esbjerg.get(`/api/toolbox/sections/${slug}`);
    expect(asMember.body.items.map((item: { contentId: number }) => item.contentId)).toEqual([guide.id, open.id]);
    const list = await anonymous.get('/api/toolbox/sections');
    const listed = list.body.find((s: { slug: string }) => s.slug === slug);
    expect(listed.items.map((item: { contentId: number }) => item.contentId)).toEqual([open.id]);
  });

  it('refuses content visible to one municipality only, with a message on contentId', async () => {
    const { slug } = await section();
    const own = await question(member, { visibility: 'organization' });
    const response = await moderator.post(`/api/toolbox/sections/${slug}/items`, { contentId: own.id });
    expect(response.status).toBe(400);
    expect(response.body.fields.contentId).toEqual([
      'Værktøjskassen er for alle: indhold, der kun er synligt for én kommune, kan ikke komme med',
    ]);
    expect(await itemPositions(slug)).toEqual([]);
  });

  it('refuses a draft and content that does not exist, with a message on contentId', async () => {
    const { slug } = await section();
    const draft = await question(member, { status: 'draft' });
    const draftResponse = await moderator.post(`/api/toolbox/sections/${slug}/items`, { contentId: draft.id });
    expect(draftResponse.status).toBe(400);
    expect(draftResponse.body.fields.contentId).toBeDefined();
    const missing = await moderator.post(`/api/toolbox/sections/${slug}/items`, { contentId: 999_999 });
    expect(missing.status).toBe(400);
    expect(missing.body.fields.contentId).toEqual(['Indholdet findes ikke, eller du har ikke adgang til det']);
  });

  it('marks KOMBIT’s own material as published and a municipality’s as recommended', async () => {
    const { slug } = await section();
    // Written by KOMBIT's admin: a moderator places their own material only through a second moderator.
    const kombit = await question(admin);
    const gladsaxe = await question(member);
    await moderator.post(`/api/toolbox/sections/${slug}/items`, { contentId: kombit.id });
    await moderator.post(`/api/toolbox/sections/${slug}/items`, { contentId: gladsaxe.id, description: 'Et godt eksempel.' });
    const { body } = await anonymous.get(`/api/toolbox/sections/${slug}`);
    expect(body.items[0]).toMatchObject({
      contentId: kombit.id,
      url: kombit.path,
      kind: 'question',
      badge: 'published_by_kombit',
      organization: { code: 'KOMBIT' },
      external: false,
    });
    expect(body.items[1]).toMatchObject({
      contentId: gladsaxe.id,
      title: gladsaxe.title,
      badge: 'recommended_by_kombit',
      description: 'Et godt eksempel.',
      organization: { code: '0159' },
      summary: expect.any(String),
    });
  });

  it('shows an external link with its own address and title, as KOMBIT’s', async () => {
    const { slug } = await section();
    const response = await moderator.post(`/api/toolbox/sections/${slug}/items`, {
      url: 'https://www.kombit.dk/infrastruktur',
      title: 'Infrastrukturen på kombit.dk',
    });
    expect(response.status).toBe(201);
    expect(response.body.items[0]).toMatchObject({
      contentId: null,
      url: 'https://www.kombit.dk/infrastruktur',
      title: 'Infrastrukturen på kombit.dk',
      kind: 'link',
      summary: null,
      organization: null,
      badge: 'published_by_kombit',
      external: true,
    });
  });

  it('shows on the content’s own page which sections it is in', async () => {
    const { slug, title } = await section();
    const item = await question(member);
    await moderator.post(`/api/toolbox/sections/${slug}/items`, { contentId: item.id });
    const detail = await anonymous.get(`/api/content/${item.id}`);
    expect(detail.body.toolbox).toEqual([{ slug, title, badge: 'recommended_by_kombit' }]);
  });
});

describe('moderating sections', () => {
  it('makes the slug from the title and puts a new section last', async () => {
    const before = await sectionPositions();
    const response = await moderator.post('/api/toolbox/sections', { title: 'Økonomi og gevinster i praksis' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ slug: 'oekonomi-og-gevinster-i-praksis', position: before.length + 1, items: [], intro: '' });
  });

  it('inserts a section at position 1 and moves the others one down', async () => {
    const before = await sectionPositions();
    const response = await moderator.post('/api/toolbox/sections', { title: `Først i rækken ${unique()}`, position: 1 });
    expect(response.status).toBe(201);
    const after = await sectionPositions();
    expect(after.map((s) => s.slug)).toEqual([response.body.slug, ...before.map((s) => s.slug)]);
    expect(after.map((s) => s.position)).toEqual(oneToN(before.length + 1));
  });

  it('moves a section and renumbers the others densely', async () => {
    const moved = await section();
    const before = (await sectionPositions()).map((s) => s.slug);
    const response = await moderator.patch(`/api/toolbox/sections/${moved.slug}`, { position: 2 });
    expect(response.status).toBe(200);
    expect(response.body.position).toBe(2);
    const after = await sectionPositions();
    const expected = before.filter((slug) => slug !== moved.slug);
    expected.splice(1, 0, moved.slug);
    expect(after.map((s) => s.slug)).toEqual(expected);
    expect(after.map((s) => s.position)).toEqual(oneToN(before.length));
  });

  it('changes the title and renders the new intro', async () => {
    const { slug } = await section();
    const response = await moderator.patch(`/api/toolbox/sections/${slug}`, { title: 'Et nyt navn', intro: 'Læs **først** dette.' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ slug, title: 'Et nyt navn', intro: 'Læs **først** dette.' });
    expect(response.body.introHtml).toBe('<p>Læs <strong>først</strong> dette.</p>\n');
  });

  it('deletes a section with its items and closes the gap', async () => {
    const doomed = await section();
    await addLink(doomed.slug);
    await moderator.patch(`/api/toolbox/sections/${doomed.slug}`, { position: 3 });
    const before = await sectionPositions();
    const response = await moderator.delete(`/api/toolbox/sections/${doomed.slug}`);
    expect(response.status).toBe(204);
    const after = await sectionPositions();
    expect(after.map((s) => s.slug)).toEqual(before.map((s) => s.slug).filter((slug) => slug !== doomed.slug));
    expect(after.map((s) => s.position)).toEqual(oneToN(before.length - 1));
    expect(await itemPositions(doomed.slug)).toEqual([]);
    expect((await anonymous.get(`/api/toolbox/sections/${doomed.slug}`)).status).toBe(404);
  });

  it('takes a position beyond the end as last', async () => {
    const count = (await sectionPositions()).length;
    const created = await moderator.post('/api/toolbox/sections', { title: `Langt nede ${unique()}`, position: 500 });
    expect(created.body.position).toBe(count + 1);
    const moved = await moderator.patch(`/api/toolbox/sections/${created.body.slug}`, { position: 1 });
    expect(moved.body.position).toBe(1);
    const back = await moderator.patch(`/api/toolbox/sections/${created.body.slug}`, { position: 9999 });
    expect(back.body.position).toBe(count + 1);
    expect((await sectionPositions()).map((s) => s.position)).toEqual(oneToN(count + 1));
  });

  it('refuses a slug that is in use, with a message on slug', async () => {
    const response = await moderator.post('/api/toolbox/sections', { title: 'Et andet afsnit', slug: 'infrastrukturrelaterede-roller' });
    expect(response.status).toBe(400);
    expect(response.body.fields.slug).toEqual([
      'Et andet afsnit bruger allerede den korte adresse «infrastrukturrelaterede-roller»: angiv en anden',
    ]);
  });

  it('answers 404 for changing or deleting a section that does not exist', async () => {
    expect((await moderator.patch('/api/toolbox/sections/findes-ikke', { title: 'Nyt navn' })).status).toBe(404);
    expect((await moderator.delete('/api/toolbox/sections/findes-ikke')).status).toBe(404);
  });
});

describe('moderating items', () => {
  it('takes a deleted item out of its sections and closes up the positions behind it', async () => {
    const { slug } = await section();
    const other = await section();
    const [first, doomed, last] = [await question(member), await question(member), await question(member)];
    for (const item of [first, doomed, last])
      expect((await moderator.post(`/api/toolbox/sections/${slug}/items`, { contentId: item.id })).status).toBe(201);
    await moderator.post(`/api/toolbox/sections/${other.slug}/items`, { contentId: doomed.id });
    expect((await member.delete(`/api/content/${doomed.id}`)).status).toBe(204);
    // A background job (section by section, under each section's lock) does it shortly after the delete.
    await expect.poll(() => itemPositions(slug), { timeout: 10_000 }).toEqual([1, 2]);
    await expect.poll(() => itemPositions(other.slug), { timeout: 10_000 }).toEqual([]);
    const { body } = await moderator.get(`/api/toolbox/sections/${slug}`);
    expect(body.items.map((item: { contentId: number }) => item.contentId)).toEqual([first.id, last.id]);
    const { rows } = await t.db.query(
      `SELECT actor_id, reason FROM audit_log WHERE action = 'toolbox.item.remove' AND before->>'contentId' = $1`,
      [String(doomed.id)],
    );
    expect(rows).toEqual([
      { actor_id: null, reason: 'Indholdet er slettet' },
      { actor_id: null, reason: 'Indholdet er slettet' },
    ]);
  });

  it('inserts an item at position 1 and moves the others one down', async () => {
    const { slug } = await section();
    const first = await addLink(slug);
    const second = await addLink(slug);
    const inserted = await addLink(slug, { position: 1 });
    const ids = (body: { items: { id: number }[] }) => body.items.map((item) => item.id);
    const firstId = first.items[0].id;
    const secondId = second.items[1].id;
    const newId = inserted.items[0].id;
    expect(ids(inserted)).toEqual([newId, firstId, secondId]);
    expect(inserted.items.map((item: { position: number }) => item.position)).toEqual([1, 2, 3]);
  });

  it('moves an item and renumbers the others densely', async () => {
    const { slug } = await section();
    for (let i = 0; i < 4; i += 1) await addLink(slug);
    const before = (await anonymous.get(`/api/toolbox/sections/${slug}`)).body.items.map((item: { id: number }) => item.id);
    const response = await moderator.patch(`/api/toolbox/sections/${slug}/items/${before[3]}`, { position: 2 });
    expect(response.status).toBe(200);
    expect(response.body.items.map((item: { id: number }) => item.id)).toEqual([before[0], before[3], before[1], before[2]]);
    expect(await itemPositions(slug)).toEqual([1, 2, 3, 4]);
  });

  it('deletes an item and closes the gap', async () => {
    const { slug } = await section();
    for (let i = 0; i < 3; i += 1) await addLink(slug);
    const before = (await anonymous.get(`/api/toolbox/sections/${slug}`)).body.items.map((item: { id: number }) => item.id);
    expect((await moderator.delete(`/api/toolbox/sections/${slug}/items/${before[0]}`)).status).toBe(204);
    const after = (await anonymous.get(`/api/toolbox/sections/${slug}`)).body.items;
    expect(after.map((item: { id: number }) => item.id)).toEqual([before[1], before[2]]);
    expect(after.map((item: { position: number }) => item.position)).toEqual([1, 2]);
  });

  it('gives 20 parallel additions the positions 1 to 20 exactly', async () => {
    const { slug } = await section();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        moderator.post(`/api/toolbox/sections/${slug}/items`, { url: `https://example.dk/${i}`, title: `Link nummer ${i}` }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(201));
    expect(await itemPositions(slug)).toEqual(oneToN(20));
  });

  it('refuses the same content twice in a section, with a message on contentId', async () => {
    const { slug } = await section();
    const item = await question(member);
    expect((await moderator.post(`/api/toolbox/sections/${slug}/items`, { contentId: item.id })).status).toBe(201);
    const again = await moderator.post(`/api/toolbox/sections/${slug}/items`, { contentId: item.id });
    expect(again.status).toBe(400);
    expect(again.body.fields.contentId).toEqual(['Indholdet er allerede i dette afsnit']);
  });

  it('edits an external link’s title, address and description', async () => {
    const { slug } = await section();
    const added = await addLink(slug, { description: 'Gammel beskrivelse' });
    const id = added.items[0].id;
    const response = await moderator.patch(`/api/toolbox/sections/${slug}/items/${id}`, {
      title: 'Ny titel på linket',
      url: 'https://www.kombit.dk/ny',
      description: '',
    });
    expect(response.status).toBe(200);
    expect(response.body.items[0]).toMatchObject({ id, title: 'Ny titel på linket', url: 'https://www.kombit.dk/ny', description: null });
  });

  it('refuses a title or an address for an item of the forum, with a message per field', async () => {
    const { slug } = await section();
    const item = await question(member);
    const added = await moderator.post(`/api/toolbox/sections/${slug}/items`, { contentId: item.id });
    const id = added.body.items[0].id;
    const response = await moderator.patch(`/api/toolbox/sections/${slug}/items/${id}`, { title: 'Et nyt navn', url: 'https://x.dk' });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields).sort()).toEqual(['title', 'url']);
    const described = await moderator.patch(`/api/toolbox/sections/${slug}/items/${id}`, { description: 'Godt at kende.' });
    expect(described.status).toBe(200);
    expect(described.body.items[0].description).toBe('Godt at kende.');
  });

  it('answers 404 for an item of another section or one that does not exist', async () => {
    const a = await section();
    const b = await section();
    const added = await addLink(a.slug);
    const id = added.items[0].id;
    expect((await moderator.patch(`/api/toolbox/sections/${b.slug}/items/${id}`, { description: 'x' })).status).toBe(404);
    expect((await moderator.delete(`/api/toolbox/sections/${b.slug}/items/${id}`)).status).toBe(404);
    expect((await moderator.delete(`/api/toolbox/sections/${a.slug}/items/abc`)).status).toBe(404);
    expect((await moderator.post('/api/toolbox/sections/findes-ikke/items', { url: 'https://x.dk', title: 'Et link' })).status).toBe(404);
  });
});

describe('proposals', () => {
  it('lets a member propose their own material for a section', async () => {
    const { slug, title } = await section();
    const guide = await membersOnlyGuide(member);
    const response = await propose(member, slug, guide.id, 'Den har hjulpet os meget.');
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      section: { slug, title },
      content: { id: guide.id, kind: 'guide', title: guide.title, path: guide.path },
      note: 'Den har hjulpet os meget.',
      proposer: { name: 'Sofie Lund', organization: { code: '0159' } },
      status: 'pending',
      reason: null,
      decidedAt: null,
    });
    const { rows } = await t.db.query('SELECT proposer_id, status FROM toolbox_proposal WHERE id = $1', [response.body.id]);
    expect(rows[0]).toEqual({ proposer_id: memberUser.id, status: 'pending' });
  });

  it('returns the pending proposal with 200 when the same item is proposed again', async () => {
    const { slug } = await section();
    const item = await question(member);
    const first = await propose(member, slug, item.id);
    const again = await propose(member, slug, item.id);
    const colleague = await propose(esbjerg, slug, item.id);
    expect([first.status, again.status, colleague.status]).toEqual([201, 200, 200]);
    expect(again.body.id).toBe(first.body.id);
    expect(colleague.body.id).toBe(first.body.id);
  });

  it('keeps one pending proposal when the same item is proposed many times at once', async () => {
    const { slug } = await section();
    const item = await question(member);
    const responses = await Promise.all(Array.from({ length: 12 }, (_, i) => propose(i % 2 ? member : esbjerg, slug, item.id)));
    expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
    expect(responses.filter((response) => response.status === 200)).toHaveLength(11);
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
    const { rows } = await t.db.query('SELECT count(*)::int AS n FROM toolbox_proposal WHERE content_id = $1', [item.id]);
    expect(rows[0].n).toBe(1);
  });

  it('refuses an item that is already in the section, with a message on contentId', async () => {
    const { slug } = await section();
    const item = await question(member);
    await moderator.post(`/api/toolbox/sections/${slug}/items`, { contentId: item.id });
    const response = await propose(member, slug, item.id);
    expect(response.status).toBe(400);
    expect(response.body.fields.contentId).toEqual(['Indholdet er allerede i dette afsnit af Værktøjskassen']);
  });

  it('refuses content visible only to the proposer’s municipality, and content the proposer cannot read', async () => {
    const { slug } = await section();
    const own = await question(member, { visibility: 'organization' });
    const ownResponse = await propose(member, slug, own.id);
    expect(ownResponse.status).toBe(400);
    expect(ownResponse.body.fields.contentId).toBeDefined();
    const othersDraft = await question(member, { status: 'draft' });
    const draftResponse = await propose(esbjerg, slug, othersDraft.id);
    expect(draftResponse.status).toBe(400);
    expect(draftResponse.body.fields.contentId).toEqual(['Indholdet findes ikke, eller du har ikke adgang til det']);
  });

  it('shows members only their own proposals, and moderators the pending ones by default', async () => {
    const { slug } = await section();
    const mine = await propose(member, slug, (await question(member)).id);
    const theirs = await propose(esbjerg, slug, (await question(esbjerg)).id);
    const declined = await propose(esbjerg, slug, (await question(esbjerg)).id);
    await moderator.post(`/api/toolbox/proposals/${declined.body.id}/decline`, { reason: 'Passer bedre et andet sted' });

    const memberList = await member.get('/api/toolbox/proposals');
    expect(memberList.status).toBe(200);
    const memberIds = memberList.body.items.map((p: { id: number }) => p.id);
    expect(memberIds).toContain(mine.body.id);
    expect(memberIds).not.toContain(theirs.body.id);
    expect(memberList.body.items.every((p: { proposer: { name: string } }) => p.proposer.name === 'Sofie Lund')).toBe(true);

    const moderatorList = await moderator.get('/api/toolbox/proposals');
    const moderatorIds = moderatorList.body.items.map((p: { id: number }) => p.id);
    expect(moderatorIds).toEqual(expect.arrayContaining([mine.body.id, theirs.body.id]));
    expect(moderatorIds).not.toContain(declined.body.id);
    expect(moderatorList.body.items.every((p: { status: string }) => p.status === 'pending')).toBe(true);
    expect(moderatorList.body.total).toBe(moderatorList.body.items.length);

    const declinedList = await moderator.get('/api/toolbox/proposals?status=declined');
    expect(declinedList.body.items.map((p: { id: number }) => p.id)).toContain(declined.body.id);
  });

  it('answers 401 to a visitor who asks for proposals', async () => {
    expect((await anonymous.get('/api/toolbox/proposals')).status).toBe(401);
  });

  it('accepting puts the item into the section at the position and notifies the proposer', async () => {
    const { slug, title } = await section();
    await addLink(slug);
    await addLink(slug);
    const guide = await membersOnlyGuide(member);
    const proposal = await propose(member, slug, guide.id);
    const response = await moderator.post(`/api/toolbox/proposals/${proposal.body.id}/accept`, {
      position: 1,
      description: 'Anbefalet af KOMBIT til hotline.',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: proposal.body.id, status: 'accepted', decidedAt: expect.any(String) });
    const { body } = await member.get(`/api/toolbox/sections/${slug}`);
    expect(body.items[0]).toMatchObject({ contentId: guide.id, position: 1, description: 'Anbefalet af KOMBIT til hotline.' });
    expect(body.items.map((item: { position: number }) => item.position)).toEqual([1, 2, 3]);
    const { rows } = await t.db.query('SELECT decided_by FROM toolbox_proposal WHERE id = $1', [proposal.body.id]);
    expect(rows[0].decided_by).toBe(moderatorUser.id);
    const notifications = await notificationsOf(member);
    expect(notifications).toContainEqual(
      expect.objectContaining({ type: 'toolbox.accepted', text: `«${guide.title}» er optaget i Værktøjskassen under «${title}»` }),
    );
  });

  it('accepting an item that is already in the section only marks the proposal accepted', async () => {
    const { slug } = await section();
    const item = await question(member);
    const proposal = await propose(member, slug, item.id);
    await moderator.post(`/api/toolbox/sections/${slug}/items`, { contentId: item.id });
    const response = await moderator.post(`/api/toolbox/proposals/${proposal.body.id}/accept`, {});
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('accepted');
    expect(await itemPositions(slug)).toEqual([1]);
  });

  it('declining needs a reason, and tells the proposer the reason', async () => {
    const { slug, title } = await section();
    const item = await question(member);
    const proposal = await propose(member, slug, item.id);
    const missing = await moderator.post(`/api/toolbox/proposals/${proposal.body.id}/decline`, {});
    expect(missing.status).toBe(400);
    expect(missing.body.fields.reason).toEqual(['Skriv en begrundelse']);
    const response = await moderator.post(`/api/toolbox/proposals/${proposal.body.id}/decline`, {
      reason: 'Findes allerede i et andet afsnit',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'declined', reason: 'Findes allerede i et andet afsnit', decidedAt: expect.any(String) });
    expect(await itemPositions(slug)).toEqual([]);
    expect(await notificationsOf(member)).toContainEqual(
      expect.objectContaining({
        type: 'toolbox.declined',
        text: `Dit forslag om «${item.title}» til «${title}» i Værktøjskassen blev ikke optaget. Begrundelse: Findes allerede i et andet afsnit`,
      }),
    );
  });

  it('decides a proposal only once', async () => {
    const { slug } = await section();
    const proposal = await propose(member, slug, (await question(member)).id);
    expect((await moderator.post(`/api/toolbox/proposals/${proposal.body.id}/accept`, {})).status).toBe(200);
    const acceptAgain = await moderator.post(`/api/toolbox/proposals/${proposal.body.id}/accept`, {});
    expect(acceptAgain.status).toBe(400);
    expect(acceptAgain.body.fields._).toEqual(['Forslaget er allerede behandlet']);
    expect((await moderator.post(`/api/toolbox/proposals/${proposal.body.id}/decline`, { reason: 'For sent' })).status).toBe(400);
  });

  it('lets the same item be proposed again after a decline', async () => {
    const { slug } = await section();
    const item = await question(member);
    const first = await propose(member, slug, item.id);
    await moderator.post(`/api/toolbox/proposals/${first.body.id}/decline`, { reason: 'Ikke endnu' });
    const second = await propose(member, slug, item.id);
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
  });

  it('answers 404 for a proposal that does not exist', async () => {
    expect((await moderator.post('/api/toolbox/proposals/999999/accept', {})).status).toBe(404);
    expect((await moderator.post('/api/toolbox/proposals/abc/decline', { reason: 'Ingen grund' })).status).toBe(404);
    expect((await member.post('/api/toolbox/sections/findes-ikke/proposals', { contentId: 1 })).status).toBe(404);
  });
});

describe('who may do what', () => {
  type Role = 'anonymous' | 'member' | 'org_admin' | 'moderator' | 'admin';
  const ROLES: Role[] = ['anonymous', 'member', 'org_admin', 'moderator', 'admin'];
  const session = (role: Role): ApiSession => ({ anonymous, member: esbjerg, org_admin: orgAdmin, moderator, admin })[role];

  /** Each call gets fresh targets, made by the moderator (and the member for proposals). */
  const ENDPOINTS: Record<string, { moderatorsOnly: boolean; ok: number; call: (as: ApiSession) => Promise<{ status: number }> }> = {
    'POST /toolbox/sections': {
      moderatorsOnly: true,
      ok: 201,
      call: (as) => as.post('/api/toolbox/sections', { title: `Matrixafsnit ${unique()}` }),
    },
    'PATCH /toolbox/sections/:slug': {
      moderatorsOnly: true,
      ok: 200,
      call: async (as) => as.patch(`/api/toolbox/sections/${(await section()).slug}`, { title: 'Omdøbt afsnit' }),
    },
    'DELETE /toolbox/sections/:slug': {
      moderatorsOnly: true,
      ok: 204,
      call: async (as) => as.delete(`/api/toolbox/sections/${(await section()).slug}`),
    },
    'POST /toolbox/sections/:slug/items': {
      moderatorsOnly: true,
      ok: 201,
      call: async (as) =>
        as.post(`/api/toolbox/sections/${(await section()).slug}/items`, { url: 'https://www.kombit.dk', title: 'KOMBIT' }),
    },
    'PATCH /toolbox/sections/:slug/items/:itemId': {
      moderatorsOnly: true,
      ok: 200,
      call: async (as) => {
        const { slug } = await section();
        const added = await addLink(slug);
        return as.patch(`/api/toolbox/sections/${slug}/items/${added.items[0].id}`, { description: 'Ny beskrivelse' });
      },
    },
    'DELETE /toolbox/sections/:slug/items/:itemId': {
      moderatorsOnly: true,
      ok: 204,
      call: async (as) => {
        const { slug } = await section();
        const added = await addLink(slug);
        return as.delete(`/api/toolbox/sections/${slug}/items/${added.items[0].id}`);
      },
    },
    'POST /toolbox/sections/:slug/proposals': {
      moderatorsOnly: false,
      ok: 201,
      call: async (as) => as.post(`/api/toolbox/sections/${(await section()).slug}/proposals`, { contentId: (await question(member)).id }),
    },
    'GET /toolbox/proposals': { moderatorsOnly: false, ok: 200, call: (as) => as.get('/api/toolbox/proposals') },
    'POST /toolbox/proposals/:id/accept': {
      moderatorsOnly: true,
      ok: 200,
      call: async (as) => {
        const proposal = await propose(member, (await section()).slug, (await question(member)).id);
        return as.post(`/api/toolbox/proposals/${proposal.body.id}/accept`, {});
      },
    },
    'POST /toolbox/proposals/:id/decline': {
      moderatorsOnly: true,
      ok: 200,
      call: async (as) => {
        const proposal = await propose(member, (await section()).slug, (await question(member)).id);
        return as.post(`/api/toolbox/proposals/${proposal.body.id}/decline`, { reason: 'Ikke lige nu' });
      },
    },
  };

  const expected = (role: Role, endpoint: { moderatorsOnly: boolean; ok: number }): number => {
    if (role === 'anonymous') return 401;
    if (endpoint.moderatorsOnly && (role === 'member' || role === 'org_admin')) return 403;
    return endpoint.ok;
  };

  const cases = Object.keys(ENDPOINTS).flatMap((name) => ROLES.map((role) => [name, role] as const));
  it.each(cases)('%s as %s', async (name, role) => {
    const endpoint = ENDPOINTS[name]!;
    const response = await endpoint.call(session(role));
    expect(response.status).toBe(expected(role, endpoint));
  });
});

describe('the audit log', () => {
  async function auditOf(targetType: string, targetId: number | string) {
    const { rows } = await t.db.query(
      `SELECT action, actor_id, reason, before, after FROM audit_log WHERE target_type = $1 AND target_id = $2 ORDER BY id`,
      [targetType, String(targetId)],
    );
    return rows;
  }
  const sectionId = async (slug: string): Promise<string> =>
    (await t.db.query('SELECT id FROM toolbox_section WHERE slug = $1', [slug])).rows[0].id;

  it('records creating, changing and deleting a section', async () => {
    const created = await section();
    const id = await sectionId(created.slug);
    await moderator.patch(`/api/toolbox/sections/${created.slug}`, { title: 'Ændret titel' });
    await moderator.delete(`/api/toolbox/sections/${created.slug}`);
    const rows = await auditOf('toolbox_section', id);
    expect(rows.map((row) => row.action)).toEqual(['toolbox.section.create', 'toolbox.section.update', 'toolbox.section.delete']);
    expect(rows.every((row) => row.actor_id === moderatorUser.id)).toBe(true);
    expect(rows[1].before.title).toBe(created.title);
    expect(rows[1].after.title).toBe('Ændret titel');
    expect(rows[2].before).toMatchObject({ slug: created.slug, title: 'Ændret titel' });
  });

  it('records adding, changing and removing an item', async () => {
    const { slug } = await section();
    const added = await addLink(slug, { title: 'Første titel' });
    const id = added.items[0].id;
    await moderator.patch(`/api/toolbox/sections/${slug}/items/${id}`, { title: 'Anden titel' });
    await moderator.delete(`/api/toolbox/sections/${slug}/items/${id}`);
    const rows = await auditOf('toolbox_item', id);
    expect(rows.map((row) => row.action)).toEqual(['toolbox.item.add', 'toolbox.item.update', 'toolbox.item.remove']);
    expect(rows[0].after).toMatchObject({ section: slug, title: 'Første titel', position: 1 });
    expect(rows[1].before.title).toBe('Første titel');
    expect(rows[1].after.title).toBe('Anden titel');
    expect(rows[2].before.title).toBe('Anden titel');
  });

  it('records accepting and declining a proposal, the decline with its reason', async () => {
    const { slug } = await section();
    const accepted = await propose(member, slug, (await question(member)).id);
    const declined = await propose(member, slug, (await question(member)).id);
    await moderator.post(`/api/toolbox/proposals/${accepted.body.id}/accept`, {});
    await moderator.post(`/api/toolbox/proposals/${declined.body.id}/decline`, { reason: 'Ikke relevant her' });
    const acceptRows = await auditOf('toolbox_proposal', accepted.body.id);
    expect(acceptRows).toEqual([
      expect.objectContaining({
        action: 'toolbox.proposal.accept',
        actor_id: moderatorUser.id,
        after: expect.objectContaining({ section: slug }),
      }),
    ]);
    const declineRows = await auditOf('toolbox_proposal', declined.body.id);
    expect(declineRows).toEqual([expect.objectContaining({ action: 'toolbox.proposal.decline', reason: 'Ikke relevant her' })]);
  });

  it('records nothing for a refused action', async () => {
    const { slug } = await section();
    const item = await question(member);
    await moderator.post(`/api/toolbox/sections/${slug}/items`, { contentId: item.id });
    const before = (await t.db.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
    expect((await moderator.post(`/api/toolbox/sections/${slug}/items`, { contentId: item.id })).status).toBe(400);
    expect((await member.post('/api/toolbox/sections', { title: 'Et afsnit' })).status).toBe(403);
    expect((await t.db.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n).toBe(before);
  });

  it('records no actions of a member’s proposal (only the moderator’s decision)', async () => {
    const { slug } = await section();
    const proposal = await propose(member, slug, (await question(member)).id);
    expect(await auditOf('toolbox_proposal', proposal.body.id)).toEqual([]);
  });
});

describe('bad input', () => {
  let slug: string;
  let linkId: number;
  let proposalId: number;
  beforeAll(async () => {
    slug = (await section()).slug;
    linkId = (await addLink(slug)).items[0].id;
    proposalId = (await propose(member, slug, (await question(member)).id)).body.id;
  });

  const CASES: [name: string, call: () => Promise<{ status: number; body: { fields?: Record<string, string[]> } }>, field: string][] = [
    ['a section without a title', () => moderator.post('/api/toolbox/sections', { intro: 'Tekst' }), 'title'],
    ['a section title of two letters', () => moderator.post('/api/toolbox/sections', { title: 'Ab' }), 'title'],
    ['a slug with spaces', () => moderator.post('/api/toolbox/sections', { title: 'Gyldig titel', slug: 'ikke gyldig' }), 'slug'],
    ['a title that makes no slug', () => moderator.post('/api/toolbox/sections', { title: '???' }), 'slug'],
    ['a section position of 0', () => moderator.post('/api/toolbox/sections', { title: 'Gyldig titel', position: 0 }), 'position'],
    ['an unknown field', () => moderator.post('/api/toolbox/sections', { title: 'Gyldig titel', colour: 'rød' }), 'colour'],
    ['a position as text', () => moderator.patch(`/api/toolbox/sections/${slug}`, { position: 'først' }), 'position'],
    ['an ftp link', () => moderator.post(`/api/toolbox/sections/${slug}/items`, { url: 'ftp://x.dk', title: 'Et link' }), 'url'],
    ['an item with neither content nor link', () => moderator.post(`/api/toolbox/sections/${slug}/items`, {}), '_'],
    ['an item position of -1', () => moderator.post(`/api/toolbox/sections/${slug}/items`, { contentId: 1, position: -1 }), 'position'],
    [
      'a description over 1000 characters',
      () => moderator.patch(`/api/toolbox/sections/${slug}/items/${linkId}`, { description: 'x'.repeat(1001) }),
      'description',
    ],
    ['a proposal without content', () => member.post(`/api/toolbox/sections/${slug}/proposals`, {}), 'contentId'],
    ['a proposal with a text id', () => member.post(`/api/toolbox/sections/${slug}/proposals`, { contentId: 'abc' }), 'contentId'],
    ['an unknown proposal status', () => moderator.get('/api/toolbox/proposals?status=maybe'), 'status'],
    ['an accept position of 0', () => moderator.post(`/api/toolbox/proposals/${proposalId}/accept`, { position: 0 }), 'position'],
    ['a decline reason of two letters', () => moderator.post(`/api/toolbox/proposals/${proposalId}/decline`, { reason: 'Nö' }), 'reason'],
  ];

  it.each(CASES)('refuses %s with 400 and a message on the field', async (_name, call, field) => {
    const response = await call();
    expect(response.status).toBe(400);
    expect(response.body.fields?.[field]?.length).toBeGreaterThan(0);
  });

  it('refuses a body that is not JSON with 400, not 500', async () => {
    const response = await moderator.post('/api/toolbox/sections', '{"title": ');
    expect(response.status).toBe(400);
  });
});
