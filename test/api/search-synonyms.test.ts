import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession, signIn } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

/** /api/search/synonyms: who may read and change the synonym groups, what is accepted, and what is recorded. */

let t: TestApp;
const as = {} as Record<'anonymous' | 'member' | 'orgAdmin' | 'moderator' | 'admin', ApiSession>;

beforeAll(async () => {
  t = await startTestApp({ withoutSearch: true });
  const users = [
    ['member', 'medlem@gladsaxe.dk', '0159', 'member'],
    ['orgAdmin', 'orgadmin@gladsaxe.dk', '0159', 'org_admin'],
    ['moderator', 'moderator@kombit.dk', 'KOMBIT', 'moderator'],
    ['admin', 'admin@kombit.dk', 'KOMBIT', 'admin'],
  ] as const;
  for (const [key, email, organizationCode, role] of users) {
    await t.createUser({ email, organizationCode, role, name: key === 'moderator' ? 'Mona Moderator' : undefined });
    as[key] = await signIn(t.url, email, TEST_PASSWORD);
  }
  as.anonymous = new ApiSession(t.url);
});
afterAll(async () => {
  await t?.close();
});

describe('who may do what', () => {
  const roles = [
    ['anonymous', 401],
    ['member', 403],
    ['orgAdmin', 403],
    ['moderator', 200],
    ['admin', 200],
  ] as const;

  it.each(roles)('%s listing the groups: %i', async (role, status) => {
    expect((await as[role].get('/api/search/synonyms')).status).toBe(status);
  });

  it.each(roles)('%s adding, changing and deleting a group: %i', async (role, status) => {
    const created = await as[role].post('/api/search/synonyms', { terms: [`rolle-${role}`, `prøve-${role}`] });
    expect(created.status).toBe(status === 200 ? 201 : status);
    const target =
      status === 200 ? created.body.id : (await as.moderator.post('/api/search/synonyms', { terms: [`mål-${role}`, `x-${role}`] })).body.id;
    expect((await as[role].put(`/api/search/synonyms/${target}`, { terms: [`ny-${role}`, `anden-${role}`] })).status).toBe(status);
    expect((await as[role].delete(`/api/search/synonyms/${target}`)).status).toBe(status === 200 ? 204 : status);
  });
});

describe('the seeded groups', () => {
  it('are there from the start', async () => {
    const response = await as.moderator.get('/api/search/synonyms');
    const groups: string[][] = response.body.groups.map((group: { terms: string[] }) => group.terms);
    expect(groups).toContainEqual(['BF', 'Beskedfordeler', 'Fælleskommunal Beskedfordeler', 'message broker']);
    expect(groups).toContainEqual(['Digital Post', 'SF1601']);
  });
});

describe('bad input', () => {
  it.each([
    [{ terms: ['alene'] }, 'Skriv mindst to forskellige ord, der betyder det samme'],
    [{ terms: ['BBR', 'bbr'] }, 'Skriv mindst to forskellige ord, der betyder det samme'],
    [{ terms: 'BBR, DAR' }, 'Skriv mindst to ord, der betyder det samme'],
    [{ terms: ['a'.repeat(61), 'b'] }, 'Et ord eller udtryk må højst være 60 tegn'],
    [{ terms: ['ok', '   '] }, 'Et ord kan ikke være tomt'],
  ])('%j answers 400 with the reason for terms', async (body, message) => {
    const response = await as.moderator.post('/api/search/synonyms', body);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.fields)).toContain(message);
  });

  it('refuses a term that is already in another group, naming the group, and stores nothing', async () => {
    const before = (await as.moderator.get('/api/search/synonyms')).body.groups.length;
    const response = await as.moderator.post('/api/search/synonyms', { terms: ['bf', 'beskedformidler'] });
    expect(response.status).toBe(409);
    expect(response.body.fields.terms[0]).toBe(
      '"BF" står allerede i gruppen "BF, Beskedfordeler, Fælleskommunal Beskedfordeler, message broker". Ret den gruppe i stedet.',
    );
    expect((await as.moderator.get('/api/search/synonyms')).body.groups.length).toBe(before);
  });

  it('answers 404 for a group that does not exist, or an id that is not one', async () => {
    expect((await as.moderator.put('/api/search/synonyms/00000000-0000-4000-8000-000000000000', { terms: ['a1', 'b1'] })).status).toBe(404);
    expect((await as.moderator.delete('/api/search/synonyms/ikke-et-id')).status).toBe(404);
  });
});

describe('a change', () => {
  it('is kept with who made it, goes to the audit log, and queues the synonyms for Meilisearch', async () => {
    await t.db.query('DELETE FROM search_outbox');
    const created = await as.moderator.post('/api/search/synonyms', { terms: ['KY', 'KOMBIT Ydelsesindeks', ' KY '] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ terms: ['KY', 'KOMBIT Ydelsesindeks'], updatedBy: 'Mona Moderator' });
    const updated = await as.moderator.put(`/api/search/synonyms/${created.body.id}`, { terms: ['KY', 'Kommunernes Ydelsessystem'] });
    expect(updated.status).toBe(200);
    const { rows: audit } = await t.db.query(
      `SELECT action, before, after FROM audit_log WHERE target_type = 'search_synonym' AND target_id = $1 ORDER BY id`,
      [created.body.id],
    );
    expect(audit).toEqual([
      { action: 'search.synonyms.create', before: null, after: { terms: ['KY', 'KOMBIT Ydelsesindeks'] } },
      {
        action: 'search.synonyms.update',
        before: { terms: ['KY', 'KOMBIT Ydelsesindeks'] },
        after: { terms: ['KY', 'Kommunernes Ydelsessystem'] },
      },
    ]);
    const { rows: outbox } = await t.db.query(`SELECT entity FROM search_outbox`);
    expect(outbox).toEqual([{ entity: 'synonyms' }, { entity: 'synonyms' }]);
  });
});
