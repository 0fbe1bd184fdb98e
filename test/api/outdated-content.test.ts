import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession, signIn } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

// Possibly outdated content: guides and cases not checked for 12 months are listed for their authors and
// moderators and flagged to readers; phased-out components (SF1600 → SF1601) mark the content that mentions them.

let t: TestApp;
let author: ApiSession;
let colleague: ApiSession;
let esbjerg: ApiSession;
let moderator: ApiSession;
let anonymous: ApiSession;

const GUIDE_ATTRIBUTES = {
  component: 'context-handler',
  severity: 'kritisk',
  affectedSystems: ['BBR'],
  action: 'Hotline lægger en besked på intranettet.',
  intranetNotice: { outage: '', maintenance: '' },
};

beforeAll(async () => {
  t = await startTestApp({ withoutSearch: true });
  await t.createUser({ email: 'forfatter@gladsaxe.dk', organizationCode: '0159', name: 'Frida Forfatter' });
  await t.createUser({ email: 'kollega@gladsaxe.dk', organizationCode: '0159', name: 'Kim Kollega' });
  await t.createUser({ email: 'peter@esbjerg.dk', organizationCode: '0561', name: 'Peter Krogh' });
  await t.createUser({ email: 'mod@kombit.dk', organizationCode: 'KOMBIT', role: 'moderator', name: 'Mette Moderator' });
  [author, colleague, esbjerg, moderator] = (await Promise.all(
    ['forfatter@gladsaxe.dk', 'kollega@gladsaxe.dk', 'peter@esbjerg.dk', 'mod@kombit.dk'].map((email) =>
      signIn(t.url, email, TEST_PASSWORD),
    ),
  )) as [ApiSession, ApiSession, ApiSession, ApiSession];
  anonymous = new ApiSession(t.url);
});
afterAll(async () => {
  await t.close();
});

async function guide(overrides: Record<string, unknown> = {}) {
  const response = await author.post('/api/content', {
    kind: 'guide',
    title: 'Hvis Context Handler er nede – hvad gør hotline?',
    body: 'Sådan håndterer hotline et nedbrud.',
    visibility: 'public',
    attributes: GUIDE_ATTRIBUTES,
    ...overrides,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: number; review: { checkedAt: string; due: boolean; phasedOut: unknown[] } };
}

const backdate = (id: number, months: number) =>
  t.db.query(`UPDATE content SET checked_at = now() - make_interval(months => $2) WHERE id = $1`, [id, months]);
const ids = (body: { items: { item: { id: number } }[] }) => body.items.map((entry) => entry.item.id);

describe('the "last checked" date', () => {
  it('starts at publication and is not due', async () => {
    const item = await guide();
    expect(item.review.due).toBe(false);
    expect(Date.now() - Date.parse(item.review.checkedAt)).toBeLessThan(60_000);
  });

  it('falls due after 12 months: readers see it, the author and moderators have it on their list, others not', async () => {
    const item = await guide();
    await backdate(item.id, 13);
    expect((await anonymous.get(`/api/content/${item.id}`)).body.review.due).toBe(true);
    expect(ids((await author.get('/api/review/outdated')).body)).toContain(item.id);
    expect(ids((await esbjerg.get('/api/review/outdated')).body)).not.toContain(item.id);
    expect(ids((await moderator.get('/api/review/outdated?scope=all')).body)).toContain(item.id);
    expect((await esbjerg.get('/api/review/outdated?scope=all')).status).toBe(403);
    expect((await anonymous.get('/api/review/outdated')).status).toBe(401);
  });

  it('is not due at 11 months', async () => {
    const item = await guide();
    await backdate(item.id, 11);
    expect((await author.get(`/api/content/${item.id}`)).body.review.due).toBe(false);
    expect(ids((await author.get('/api/review/outdated')).body)).not.toContain(item.id);
  });

  it('is reset by "Markér som gennemgået" by whoever may edit it; a moderator doing it is audited', async () => {
    const item = await guide();
    await backdate(item.id, 14);
    expect((await colleague.post(`/api/content/${item.id}/checked`, {})).status).toBe(403);
    const byAuthor = await author.post(`/api/content/${item.id}/checked`, {});
    expect(byAuthor.status).toBe(200);
    expect(byAuthor.body.review.due).toBe(false);
    expect(ids((await author.get('/api/review/outdated')).body)).not.toContain(item.id);

    await backdate(item.id, 14);
    expect((await moderator.post(`/api/content/${item.id}/checked`, {})).body.review.due).toBe(false);
    const audit = await t.db.query(`SELECT action FROM audit_log WHERE target_id = $1`, [String(item.id)]);
    expect(audit.rows).toEqual([{ action: 'content.checked' }]);
  });

  it('belongs to guides and cases only', async () => {
    const question = await author.post('/api/content', {
      kind: 'question',
      title: 'Hvornår skal vi gennemgå vores vejledninger?',
      body: 'Spørgsmål.',
    });
    expect(question.body.permissions.markChecked).toBe(false);
    const response = await author.post(`/api/content/${question.body.id}/checked`, {});
    expect(response.status).toBe(400);
    expect(response.body.fields._[0]).toMatch(/vejledninger og cases/);
  });
});

describe('phased-out components', () => {
  it('mark content that mentions them by short name, with what replaces them', async () => {
    const question = await author.post('/api/content', {
      kind: 'question',
      title: 'Kan vi stadig sende via SF1600?',
      body: 'Vores fagsystem bruger SF1600 til breve.',
      visibility: 'public',
    });
    expect(question.body.review.phasedOut).toEqual([
      {
        slug: 'sf1600-print',
        name: 'SF1600 Print',
        shortName: 'SF1600',
        since: '2022-03-31',
        replacedBy: { slug: 'sf1601-digital-post', name: 'SF1601 Kombit Digital Post' },
      },
    ]);
    expect(ids((await author.get('/api/review/outdated')).body)).toContain(question.body.id);
  });

  it('do not mark a word that only contains the short name, nor a case that moved away from them', async () => {
    const question = await author.post('/api/content', {
      kind: 'question',
      title: 'Hvad betyder fejlkode SF16001?',
      body: 'Vi ser fejlkoden SF16001 i loggen.',
    });
    expect(question.body.review.phasedOut).toEqual([]);
    const movedAway = await author.post('/api/content', {
      kind: 'case',
      title: 'Sådan flyttede vi fra SF1600 til SF1601',
      body: 'Vi flyttede fra SF1600 til SF1601 på tre måneder.',
      attributes: {
        system: 'KMD Nexus',
        supplier: 'KMD',
        from: 'SF1600',
        to: 'SF1601',
        status: 'completed',
        steps: [{ title: 'Test', text: 'Vi testede afsendelsen.' }],
      },
    });
    expect(movedAway.status, JSON.stringify(movedAway.body)).toBe(201);
    expect(movedAway.body.review.phasedOut).toEqual([]);
  });

  it('can be set by a moderator on any component, which then marks the content linked to it', async () => {
    const item = await guide();
    expect(item.review.phasedOut).toEqual([]);
    const bad = await moderator.patch('/api/catalog/components/context-handler', {
      phasedOut: { since: '2026-01-01', replacedBy: 'findes-ikke' },
      reason: 'Udfases',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields['phasedOut.replacedBy'][0]).toMatch(/Ukendt komponent/);
    const self = await moderator.patch('/api/catalog/components/context-handler', {
      phasedOut: { since: '2026-01-01', replacedBy: 'context-handler' },
      reason: 'Udfases',
    });
    expect(self.status).toBe(400);

    const phased = await moderator.patch('/api/catalog/components/context-handler', {
      phasedOut: { since: '2026-01-01', replacedBy: 'faelleskommunal-adgangsstyring' },
      reason: 'Context Handler udfases i dette eksempel',
    });
    expect(phased.status, JSON.stringify(phased.body)).toBe(200);
    expect(phased.body.phasedOut).toEqual({
      since: '2026-01-01',
      replacedBy: { slug: 'faelleskommunal-adgangsstyring', name: expect.any(String) },
    });
    expect((await esbjerg.get(`/api/content/${item.id}`)).body.review.phasedOut.map((entry: { slug: string }) => entry.slug)).toEqual([
      'context-handler',
    ]);

    // Brought back: the mark goes with it.
    await moderator.patch('/api/catalog/components/context-handler', { phasedOut: null, reason: 'Alligevel ikke udfaset' });
    expect((await esbjerg.get(`/api/content/${item.id}`)).body.review.phasedOut).toEqual([]);
    expect((await author.patch('/api/catalog/components/context-handler', { phasedOut: null, reason: 'Forsøg' })).status).toBe(403);
  });
});
