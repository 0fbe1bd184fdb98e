import type { Organization } from '@infraforum/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrganizationsService } from '../../server/dist/organizations/organizations.service.js';
import { ApiSession, signIn } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const anonymous = () => new ApiSession(t.url);

describe('GET /api/organizations', () => {
  let list: Organization[];
  beforeAll(async () => {
    const response = await anonymous().get('/api/organizations');
    expect(response.status).toBe(200);
    list = response.body;
  });

  it('lists the 98 municipalities and KOMBIT', () => {
    expect(list).toHaveLength(99);
    expect(list.filter((o) => o.type === 'municipality')).toHaveLength(98);
  });

  it('includes KOMBIT with the code KOMBIT and no region', () => {
    expect(list.find((o) => o.code === 'KOMBIT')).toEqual({
      code: 'KOMBIT',
      name: 'KOMBIT',
      type: 'kombit',
      region: null,
      emailDomains: ['kombit.dk'],
    });
  });

  it('describes each municipality by code, name, type, region and mail domains', () => {
    expect(list.find((o) => o.code === '0159')).toEqual({
      code: '0159',
      name: 'Gladsaxe',
      type: 'municipality',
      region: 'Region Hovedstaden',
      emailDomains: ['gladsaxe.dk'],
    });
    expect(list.find((o) => o.code === '0151')?.emailDomains).toEqual(['ballerup.dk', 'balk.dk']);
  });

  it('sorts KOMBIT among the municipalities by its name', () => {
    const names = list.map((o) => o.name);
    expect(names.slice(names.indexOf('KOMBIT') - 1, names.indexOf('KOMBIT') + 2)).toEqual(['Kolding', 'KOMBIT', 'København']);
  });

  it('uses four-digit kommunekoder, each once', () => {
    const codes = list.filter((o) => o.type === 'municipality').map((o) => o.code);
    expect(codes.every((code) => /^\d{4}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(98);
  });

  it('sorts by the Danish alphabet: Æ, Ø and Å (also spelled Aa) come last', () => {
    const names = list.map((o) => o.name);
    expect(names.slice(0, 3)).toEqual(['Albertslund', 'Allerød', 'Assens']);
    expect(names.slice(-4)).toEqual(['Ærø', 'Aabenraa', 'Aalborg', 'Aarhus']);
  });
});

describe('GET /api/organizations/:code', () => {
  it('answers 404 NOT_FOUND in the API’s error shape for an unknown code', async () => {
    const response = await anonymous().get('/api/organizations/9999');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', message: expect.any(String) });
  });

  it('describes the municipality with its mail domains', async () => {
    const response = await anonymous().get('/api/organizations/0159');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ code: '0159', name: 'Gladsaxe', type: 'municipality', emailDomains: ['gladsaxe.dk'] });
  });
});

describe('the contacts of a municipality', () => {
  let esbjergViewer: ApiSession;
  let gladsaxeViewer: ApiSession;
  beforeAll(async () => {
    // Gladsaxe: two active members (one opted in to showing contact details), one pending and one suspended, both opted in.
    await t.createUser({
      email: 'anne@gladsaxe.dk',
      name: 'Anne Andersen',
      organizationCode: '0159',
      showContactDetails: true,
      title: 'IT-arkitekt',
    });
    await t.createUser({ email: 'bo@gladsaxe.dk', name: 'Bo Berg', organizationCode: '0159', showContactDetails: false });
    await t.createUser({
      email: 'pia@gmail.com',
      name: 'Pia Pending',
      organizationCode: '0159',
      showContactDetails: true,
      status: 'pending',
      emailDomainMatches: false,
    });
    await t.createUser({
      email: 'sune@gladsaxe.dk',
      name: 'Sune Suspenderet',
      organizationCode: '0159',
      showContactDetails: true,
      status: 'suspended',
    });
    const colleague = await t.createUser({ email: 'carl@gladsaxe.dk', name: 'Carl Christensen', organizationCode: '0159' });
    const outsider = await t.createUser({ email: 'erik@esbjerg.dk', name: 'Erik Esbjerg', organizationCode: '0561' });
    gladsaxeViewer = await signIn(t.url, colleague.email, TEST_PASSWORD);
    esbjergViewer = await signIn(t.url, outsider.email, TEST_PASSWORD);
  });

  const contactNames = async (viewer: ApiSession) =>
    ((await viewer.get('/api/organizations/0159')).body.contacts as Array<{ name: string }>).map((c) => c.name);

  it('are hidden from anonymous visitors', async () => {
    expect(await contactNames(anonymous())).toEqual([]);
  });

  it('still counts the active members for anonymous visitors', async () => {
    expect((await anonymous().get('/api/organizations/0159')).body.memberCount).toBe(3);
  });

  it('show a user from another municipality only the members who opted in', async () => {
    expect(await contactNames(esbjergViewer)).toEqual(['Anne Andersen']);
  });

  it('give name, title, e-mail and phone of a member who opted in', async () => {
    const { body } = await esbjergViewer.get('/api/organizations/0159');
    expect(body.contacts).toEqual([
      { id: expect.any(String), name: 'Anne Andersen', title: 'IT-arkitekt', email: 'anne@gladsaxe.dk', phone: null },
    ]);
  });

  it('show a colleague from the same municipality every active colleague, by name', async () => {
    expect(await contactNames(gladsaxeViewer)).toEqual(['Anne Andersen', 'Bo Berg', 'Carl Christensen']);
  });

  it('never list pending or suspended members', async () => {
    for (const viewer of [anonymous(), esbjergViewer, gladsaxeViewer]) {
      const names = await contactNames(viewer);
      expect(names).not.toContain('Pia Pending');
      expect(names).not.toContain('Sune Suspenderet');
    }
  });
});

describe('the reference data', () => {
  const count = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM organization')).rows[0]!.n;
  const lastUpdate = async () => (await t.db.query<{ at: Date }>('SELECT max(updated_at) AS at FROM organization')).rows[0]!.at;

  it('is loaded once: booting again on the same database keeps 99 organizations and touches none', async () => {
    const updatedBefore = await lastUpdate();
    await t.app.get(OrganizationsService).onApplicationBootstrap();
    expect(await count()).toBe(99);
    expect(await lastUpdate()).toEqual(updatedBefore);
  });

  it('puts back a changed reference row on the next boot, keeping its id', async () => {
    const { rows } = await t.db.query<{ id: string }>(
      `UPDATE organization SET name = 'Gladsaxe (ændret)' WHERE code = '0159' RETURNING id`,
    );
    await t.app.get(OrganizationsService).onApplicationBootstrap();
    const after = await t.db.query('SELECT id, name FROM organization WHERE code = $1', ['0159']);
    expect(after.rows).toEqual([{ id: rows[0]!.id, name: 'Gladsaxe' }]);
    expect(await count()).toBe(99);
  });
});
