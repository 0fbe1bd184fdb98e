import type { AffectedSystemRef, CatalogSystem } from '@infraforum/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogService } from '../../server/dist/catalog/catalog.service.js';
import { ApiSession, signIn } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

/** The infrastructure catalog: its components and IT systems, what is hit when something is down, and moderators' edits. */

let t: TestApp;
let anonymous: ApiSession;
let member: ApiSession;
let orgAdmin: ApiSession;
let moderator: ApiSession;
let moderatorId: string;

beforeAll(async () => {
  t = await startTestApp({ withoutSearch: true });
  await t.createUser({ email: 'katalog.medlem@gladsaxe.dk', organizationCode: '0159' });
  await t.createUser({ email: 'katalog.orgadmin@gladsaxe.dk', organizationCode: '0159', role: 'org_admin' });
  moderatorId = (await t.createUser({ email: 'katalog.moderator@kombit.dk', organizationCode: 'KOMBIT', role: 'moderator' })).id;
  anonymous = new ApiSession(t.url);
  member = await signIn(t.url, 'katalog.medlem@gladsaxe.dk', TEST_PASSWORD);
  orgAdmin = await signIn(t.url, 'katalog.orgadmin@gladsaxe.dk', TEST_PASSWORD);
  moderator = await signIn(t.url, 'katalog.moderator@kombit.dk', TEST_PASSWORD);
});
afterAll(async () => {
  await t.close();
});

type SystemHit = AffectedSystemRef;
const bySlug = <T extends { slug: string }>(items: T[], slug: string): T | undefined => items.find((item) => item.slug === slug);

const CONTEXT_HANDLER_SYSTEMS = [
  'bbr',
  'dar',
  'ejerfortegnelsen',
  'fasit',
  'flis',
  'kitos',
  'ksd',
  'ky',
  'sapa',
  'schultz-booking',
  'kmd-nexus',
];

describe('GET /api/catalog/components', () => {
  it('lists Context Handler as a module of Fælleskommunal Adgangsstyring, for anyone', async () => {
    const response = await anonymous.get('/api/catalog/components');
    expect(response.status).toBe(200);
    expect(bySlug(response.body.items, 'context-handler')).toMatchObject({
      name: 'Context Handler',
      shortName: 'CH',
      type: 'module',
      parentSlug: 'faelleskommunal-adgangsstyring',
      severity: 'kritisk',
    });
  });

  it('lists Fælleskommunal Adgangsstyring as a top-level component', async () => {
    const response = await anonymous.get('/api/catalog/components');
    expect(bySlug(response.body.items, 'faelleskommunal-adgangsstyring')).toMatchObject({ type: 'component', parentSlug: null });
  });
});

describe('GET /api/catalog/systems', () => {
  it('lists BBR as depending on Context Handler', async () => {
    const response = await anonymous.get('/api/catalog/systems');
    expect(response.status).toBe(200);
    expect(bySlug(response.body.items, 'bbr')).toMatchObject({ name: 'BBR', components: ['context-handler'] });
  });

  it('lists KMD Nexus as depending on Context Handler and the Beskedfordeler', async () => {
    const response = await anonymous.get('/api/catalog/systems');
    expect(bySlug<CatalogSystem>(response.body.items, 'kmd-nexus')?.components.sort()).toEqual([
      'context-handler',
      'faelleskommunal-beskedfordeler',
    ]);
  });
});

describe('GET /api/catalog/components/:slug', () => {
  it('shows Context Handler with its parent and the systems it hits', async () => {
    const response = await anonymous.get('/api/catalog/components/context-handler');
    expect(response.status).toBe(200);
    expect(response.body.parent).toEqual({ slug: 'faelleskommunal-adgangsstyring', name: 'Fælleskommunal Adgangsstyring' });
    expect(response.body.affectedSystems.map((hit: SystemHit) => hit.slug).sort()).toEqual([...CONTEXT_HANDLER_SYSTEMS].sort());
  });

  it('shows Fælleskommunal Adgangsstyring with Context Handler among its parts', async () => {
    const response = await anonymous.get('/api/catalog/components/faelleskommunal-adgangsstyring');
    expect(response.body.children.map((child: { slug: string }) => child.slug)).toContain('context-handler');
  });

  it('shows what a service depends on: SF1601 needs the Postkomponent', async () => {
    const response = await anonymous.get('/api/catalog/components/sf1601-digital-post');
    expect(response.body.dependsOn).toEqual([{ slug: 'postkomponent', name: 'Fælleskommunal Postkomponent' }]);
  });

  it('answers 404 for a component that does not exist', async () => {
    expect((await anonymous.get('/api/catalog/components/findes-ikke')).status).toBe(404);
  });
});

describe('GET /api/catalog/impact', () => {
  it('for Context Handler lists BBR, DAR and the other login systems as hit directly', async () => {
    const response = await anonymous.get('/api/catalog/impact?components=context-handler');
    expect(response.status).toBe(200);
    expect(response.body.systems.map((hit: SystemHit) => hit.slug).sort()).toEqual([...CONTEXT_HANDLER_SYSTEMS].sort());
    for (const slug of ['bbr', 'dar']) {
      expect(bySlug(response.body.systems, slug)).toMatchObject({ direct: true, via: ['context-handler'] });
    }
  });

  it('for Context Handler is kritisk', async () => {
    const response = await anonymous.get('/api/catalog/impact?components=context-handler');
    expect(response.body.severity).toBe('kritisk');
    expect(response.body.components.map((component: { slug: string }) => component.slug)).toEqual(['context-handler']);
  });

  it('for Context Handler writes a notice naming the component and BBR', async () => {
    const response = await anonymous.get('/api/catalog/impact?components=context-handler');
    for (const text of [response.body.notice.outage, response.body.notice.maintenance]) {
      expect(text).toContain('Context Handler');
      expect(text).toContain('BBR');
      expect(text).toContain('DAR');
    }
  });

  it('for Fælleskommunal Adgangsstyring includes every system of Context Handler: parts go down with their parent', async () => {
    const response = await anonymous.get('/api/catalog/impact?components=faelleskommunal-adgangsstyring');
    expect(response.status).toBe(200);
    const hits = response.body.systems as SystemHit[];
    for (const slug of CONTEXT_HANDLER_SYSTEMS) {
      expect(bySlug(hits, slug), slug).toMatchObject({ direct: true, via: expect.arrayContaining(['context-handler']) });
    }
  });

  it('for two components lists the systems of both, each once, at the worst severity', async () => {
    const response = await anonymous.get('/api/catalog/impact?components=faelleskommunal-beskedfordeler,context-handler');
    const slugs = (response.body.systems as SystemHit[]).map((hit) => hit.slug);
    expect(slugs).toEqual([...new Set(slugs)]);
    expect(slugs).toEqual(expect.arrayContaining(['bbr', 'kmd-nexus', 'sygehusadviser']));
    expect(bySlug<SystemHit>(response.body.systems, 'kmd-nexus')?.via.sort()).toEqual([
      'context-handler',
      'faelleskommunal-beskedfordeler',
    ]);
    expect(response.body.severity).toBe('kritisk');
  });

  it('answers 400 with a message on components for a component that does not exist', async () => {
    const response = await anonymous.get('/api/catalog/impact?components=context-handler,findes-ikke');
    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual({ components: ['Ukendt komponent: findes-ikke'] });
  });

  it('lists a published guide about Context Handler for Fælleskommunal Adgangsstyring too', async () => {
    const created = await member.post('/api/content', {
      kind: 'guide',
      title: 'Når Context Handler er nede',
      body: 'Sådan gør hotline.',
      visibility: 'public',
      attributes: {
        component: 'context-handler',
        severity: 'kritisk',
        affectedSystems: ['bbr'],
        action: 'Skriv på intranettet.',
        intranetNotice: { outage: '', maintenance: '' },
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const response = await anonymous.get('/api/catalog/impact?components=faelleskommunal-adgangsstyring');
    expect(response.body.guides.map((guide: { id: number }) => guide.id)).toContain(created.body.id);
  });
});

describe('PATCH /api/catalog/components/:slug', () => {
  const catalogRows = async () =>
    (await t.db.query(`SELECT md5(string_agg(row_to_json(c)::text, '|' ORDER BY slug)) AS rows FROM catalog_component c`)).rows[0];

  it('lets a moderator edit a component’s description, severity and aliases', async () => {
    const response = await moderator.patch('/api/catalog/components/sags-og-dokumentindeks', {
      description: 'Indeks over sager og dokumenter på tværs af fagsystemerne.',
      severity: 'ingen',
      aliases: ['SDI', 'Sagsindeks'],
      reason: 'Præcisering fra KOMBIT',
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({ slug: 'sags-og-dokumentindeks', severity: 'ingen', aliases: ['SDI', 'Sagsindeks'] });
    const read = await anonymous.get('/api/catalog/components/sags-og-dokumentindeks');
    expect(read.body.description).toBe('Indeks over sager og dokumenter på tværs af fagsystemerne.');
  });

  it('writes an audit row with the moderator, the reason and the change', async () => {
    await moderator.patch('/api/catalog/components/ydelsesindeks', { shortName: 'YI', reason: 'Kortnavn tilføjet' });
    const { rows } = await t.db.query(
      `SELECT a.actor_id, a.action, a.target_type, a.reason, a.before->>'shortName' AS before, a.after->>'shortName' AS after
       FROM audit_log a JOIN catalog_component c ON c.id::text = a.target_id WHERE c.slug = 'ydelsesindeks'`,
    );
    expect(rows).toEqual([
      {
        actor_id: moderatorId,
        action: 'catalog.component.edit',
        target_type: 'catalog_component',
        reason: 'Kortnavn tilføjet',
        before: null,
        after: 'YI',
      },
    ]);
  });

  it('removes the short name when it is sent blank', async () => {
    const response = await moderator.patch('/api/catalog/components/fordelingskomponent', { shortName: 'FK', reason: 'Kortnavn' });
    expect(response.body.shortName).toBe('FK');
    const cleared = await moderator.patch('/api/catalog/components/fordelingskomponent', { shortName: '', reason: 'Fjernet igen' });
    expect(cleared.body.shortName).toBeNull();
  });

  it.each([
    ['a member', () => member, 403],
    ['an org admin', () => orgAdmin, 403],
    ['someone not logged in', () => anonymous, 401],
  ])('refuses %s with %i and changes nothing', async (_, session, status) => {
    const before = await catalogRows();
    const audit = (await t.db.query('SELECT count(*)::int AS n FROM audit_log')).rows[0];
    const response = await session().patch('/api/catalog/components/context-handler', { name: 'Noget andet', reason: 'Forsøg' });
    expect(response.status).toBe(status);
    expect(await catalogRows()).toEqual(before);
    expect((await t.db.query('SELECT count(*)::int AS n FROM audit_log')).rows[0]).toEqual(audit);
  });

  it('answers 404 for a component that does not exist', async () => {
    expect((await moderator.patch('/api/catalog/components/findes-ikke', { name: 'Noget', reason: 'Forsøg' })).status).toBe(404);
  });

  it('answers 400 naming the field for a severity that does not exist', async () => {
    const response = await moderator.patch('/api/catalog/components/context-handler', { severity: 'høj', reason: 'Forsøg' });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields)).toEqual(['severity']);
  });

  it('answers 400 on the reason when a moderator gives none: every edit of the catalog is explained in the audit log', async () => {
    const response = await moderator.patch('/api/catalog/components/context-handler', { description: 'Ny tekst' });
    expect(response.status).toBe(400);
    expect(response.body.fields.reason).toEqual(['Skriv en begrundelse']);
  });
});

describe('seeding the reference data again', () => {
  const counts = async () =>
    (
      await t.db.query(`
        SELECT (SELECT count(*) FROM catalog_component)::int AS components, (SELECT count(*) FROM catalog_system)::int AS systems,
               (SELECT count(*) FROM catalog_component_dependency)::int AS dependencies,
               (SELECT count(*) FROM catalog_system_component)::int AS links,
               (SELECT md5(string_agg(row_to_json(c)::text, '|' ORDER BY slug)) FROM catalog_component c) AS component_rows,
               (SELECT md5(string_agg(row_to_json(s)::text, '|' ORDER BY slug)) FROM catalog_system s) AS system_rows`)
    ).rows[0];

  it('changes no row, as at every start', async () => {
    const before = await counts();
    await t.app.get(CatalogService).onApplicationBootstrap();
    expect(await counts()).toEqual(before);
  });

  it('keeps a moderator’s edit', async () => {
    const edit = { name: 'Context Handler (login)', impact: 'Ingen kan logge på.', reason: 'Tydeligere navn' };
    expect((await moderator.patch('/api/catalog/components/context-handler', edit)).status).toBe(200);
    await t.app.get(CatalogService).onApplicationBootstrap();
    const read = await anonymous.get('/api/catalog/components/context-handler');
    expect(read.body).toMatchObject({ name: 'Context Handler (login)', impact: 'Ingen kan logge på.', severity: 'kritisk' });
  });

  it('puts back a link between a system and a component that has gone missing', async () => {
    await t.db.query(`DELETE FROM catalog_system_component WHERE system_id = (SELECT id FROM catalog_system WHERE slug = 'dar')`);
    await t.app.get(CatalogService).onApplicationBootstrap();
    const systems = await anonymous.get('/api/catalog/systems');
    expect(bySlug<CatalogSystem>(systems.body.items, 'dar')?.components).toEqual(['context-handler']);
  });
});
