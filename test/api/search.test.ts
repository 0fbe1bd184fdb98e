import type { SearchResponse } from '@infraforum/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession, signIn } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

/**
 * GET /api/search and /api/search/suggest over a small forum, answered by Meilisearch and by the
 * PostgreSQL fallback (a second app on the same database whose Meilisearch cannot be reached).
 */

const ENGINES = ['meilisearch', 'postgres'] as const;
type Engine = (typeof ENGINES)[number];

let t: TestApp;
let fallback: TestApp;
const anonymous = {} as Record<Engine, ApiSession>;
const ids: Record<string, number> = {};

const guide = (component: string, systems: string[]) => ({
  component,
  severity: 'kritisk',
  affectedSystems: systems,
  action: 'Hotline lægger en driftsmeddelelse på intranettet og henviser til KOMBITs driftsstatus.',
  intranetNotice: { outage: '', maintenance: '' },
});

beforeAll(async () => {
  t = await startTestApp();
  await t.createUser({ email: 'skriver@gladsaxe.dk', organizationCode: '0159' });
  await t.createUser({ email: 'skriver@aarhus.dk', organizationCode: '0751' });
  await t.createUser({ email: 'laeser@horsens.dk', organizationCode: '0615' });
  const gladsaxe = await signIn(t.url, 'skriver@gladsaxe.dk', TEST_PASSWORD);
  const aarhus = await signIn(t.url, 'skriver@aarhus.dk', TEST_PASSWORD);
  const reader = await signIn(t.url, 'laeser@horsens.dk', TEST_PASSWORD);

  const create = async (session: ApiSession, key: string, input: Record<string, unknown>) => {
    const response = await session.post('/api/content', { visibility: 'public', status: 'published', ...input });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    ids[key] = response.body.id;
  };
  await create(gladsaxe, 'contextGuide', {
    kind: 'guide',
    title: 'Hotline-vejledning: Context Handler',
    body: 'Når Context Handler er nede, kan brugerne ikke logge på fagsystemerne via Fælleskommunal Adgangsstyring.',
    tags: ['adgangsstyring', 'hotline'],
    components: ['context-handler'],
    attributes: guide('context-handler', ['KMD Nexus', 'Sygehusadviser']),
  });
  await create(gladsaxe, 'brokerGuide', {
    kind: 'guide',
    title: 'Hotline-vejledning: Beskedfordeleren',
    body: 'Beskedfordeleren flytter beskeder mellem systemerne. Står den stille, kommer adviser ikke frem.',
    tags: ['beskeder', 'hotline'],
    components: ['faelleskommunal-beskedfordeler'],
    attributes: guide('faelleskommunal-beskedfordeler', ['KMD Nexus']),
  });
  await create(aarhus, 'postQuestion', {
    kind: 'question',
    title: 'Hvordan ser vi, om breve via SF1601 er kommet frem?',
    body: 'Vi sender breve fra vores fagsystem, men kan ikke se kvitteringer. <script>alert("x")</script> Hvor kigger I?',
    tags: ['digital-post'],
    components: ['sf1601-digital-post'],
  });
  await create(aarhus, 'certificateQuestion', {
    kind: 'question',
    title: 'Certifikatet til Serviceplatformen udløber snart',
    body: 'Hvad skal vi huske, når FOCES-certifikatet skal fornys?',
    tags: ['certifikater'],
    components: ['serviceplatformen'],
  });
  const answer = await reader.post(`/api/content/${ids.certificateQuestion}/replies`, {
    body: 'Husk at uploade det nye certifikat i Administrationsmodulet.',
  });
  expect(answer.status).toBe(201);
  expect((await aarhus.post(`/api/replies/${answer.body.id}/accept`, {})).status).toBe(200);
  expect((await reader.post(`/api/content/${ids.postQuestion}/vote`, { value: 1 })).status).toBe(200);
  for (let n = 1; n <= 23; n++) {
    await create(aarhus, `bulk${n}`, {
      kind: 'question',
      title: `Spørgsmål nummer ${n} om jobfunktionsroller`,
      body: 'Hvem tildeler jobfunktionsroller hos jer?',
      tags: ['roller'],
    });
  }

  fallback = await startTestApp({
    databaseUrl: t.databaseUrl,
    meili: { url: 'http://127.0.0.1:9', masterKey: 'unreachable-master-key' },
    env: { SEARCH_WORKER: 'false' },
  });
  anonymous.meilisearch = new ApiSession(t.url);
  anonymous.postgres = new ApiSession(fallback.url);
  await t.searchSettled();
});
afterAll(async () => {
  await fallback?.close();
  await t?.close();
});

async function search(engine: Engine, query: string): Promise<SearchResponse> {
  const response = await anonymous[engine].get(`/api/search?${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  expect(response.body.engine).toBe(engine);
  return response.body;
}
const firstId = async (engine: Engine, q: string) => (await search(engine, `q=${encodeURIComponent(q)}`)).hits[0]?.id;

describe.each(ENGINES)('%s', (engine) => {
  it('forgives a typo: "contex handler nede" finds the Context Handler guide first', async () => {
    expect(await firstId(engine, 'contex handler nede')).toBe(ids.contextGuide);
  });

  it('finds by the words of the body and says where it matched, with <mark>', async () => {
    const body = await search(engine, 'q=kvitteringer');
    expect(body.hits.map((hit) => hit.id)).toEqual([ids.postQuestion]);
    expect(body.hits[0]!.snippet).toMatch(/<mark>kvitteringer<\/mark>/i);
  });

  it('escapes everything in snippets but the <mark> it adds', async () => {
    const body = await search(engine, 'q=kvitteringer%20alert');
    const snippet = body.hits.find((hit) => hit.id === ids.postQuestion)!.snippet;
    expect(snippet).not.toContain('<script');
    expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('filters by kind, and counts kinds in the facets', async () => {
    const body = await search(engine, 'q=hotline&kind=guide');
    expect(new Set(body.hits.map((hit) => hit.kind))).toEqual(new Set(['guide']));
    expect(body.facets.kind.guide).toBe(2);
  });

  it('filters by a parent component and finds content about its parts', async () => {
    const body = await search(engine, 'component=faelleskommunal-adgangsstyring');
    expect(body.hits.map((hit) => hit.id)).toEqual([ids.contextGuide]);
    expect(body.labels.component['faelleskommunal-adgangsstyring']).toBe('Fælleskommunal Adgangsstyring');
  });

  it('filters by tag, municipality and solved', async () => {
    expect((await search(engine, 'tag=certifikater')).hits.map((hit) => hit.id)).toEqual([ids.certificateQuestion]);
    expect((await search(engine, 'organization=751&kind=question&solved=true')).hits.map((hit) => hit.id)).toEqual([
      ids.certificateQuestion,
    ]);
    const unsolved = await search(engine, 'organization=0751&solved=false&pageSize=50');
    expect(unsolved.hits.map((hit) => hit.id)).not.toContain(ids.certificateQuestion);
    expect(unsolved.total).toBe(24);
    expect(unsolved.labels.organization['0751']).toBe('Aarhus');
  });

  it('pages through results with a total', async () => {
    const first = await search(engine, 'q=jobfunktionsroller&pageSize=10');
    const third = await search(engine, 'q=jobfunktionsroller&pageSize=10&page=3');
    expect([first.total, first.hits.length, third.hits.length, third.page]).toEqual([23, 10, 3, 3]);
    expect(first.hits.map((hit) => hit.id).filter((id) => third.hits.some((hit) => hit.id === id))).toEqual([]);
  });

  it('sorts by votes and by newest', async () => {
    expect((await search(engine, 'kind=question&sort=votes')).hits[0]!.id).toBe(ids.postQuestion);
    expect((await search(engine, 'q=jobfunktionsroller&sort=newest')).hits[0]!.id).toBe(ids.bulk23);
  });

  it('browses everything one may see when the query is empty, newest activity first', async () => {
    const body = await search(engine, 'pageSize=50');
    expect(body.total).toBe(27);
    expect(body.hits.map((hit) => hit.url)).toContain(`/vejledninger/${ids.contextGuide}-hotline-vejledning-context-handler`);
  });

  it('offers a respelling and related tags when nothing is found', async () => {
    const body = await search(engine, 'q=xqzxqcertifikater');
    expect(body.total).toBe(0);
    expect(body.hints?.relatedTags).toContain('certifikater');
  });

  it('suggests titles as one types, at most 8', async () => {
    const response = await anonymous[engine].get('/api/search/suggest?q=sp%C3%B8rgsm%C3%A5l%20nummer');
    expect(response.status).toBe(200);
    expect(response.body.engine).toBe(engine);
    expect(response.body.suggestions).toHaveLength(8);
    expect(response.body.suggestions[0].url).toMatch(/^\/spoergsmaal\/\d+-/);
  });

  it.each([
    [`q=${'a'.repeat(201)}`, 'q', 'Søgningen må højst være 200 tegn'],
    ['kind=blog', 'kind', 'Vælg en gyldig indholdstype'],
    ['sort=popular', 'sort', 'Sortér efter relevans, nyeste eller stemmer'],
    ['page=0', 'page', 'Siden skal være mindst 1'],
    ['pageSize=51', 'pageSize', 'Sidestørrelsen må højst være 50'],
    ['organization=Gladsaxe', 'organization', 'Ukendt kommunekode'],
    ['solved=maybe', 'solved', 'solved er true eller false'],
    ['component=Context%20Handler', 'component', undefined],
  ])('answers 400 with a message for the field: %s', async (query, field, message) => {
    const response = await anonymous[engine].get(`/api/search?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.fields[field]).toHaveLength(1);
    if (message) expect(response.body.fields[field][0]).toBe(message);
  });

  it('refuses parameters it does not know', async () => {
    const response = await anonymous[engine].get('/api/search?q=x&status=draft');
    expect(response.status).toBe(400);
  });
});

describe('meilisearch', () => {
  it('finds a compound by its last part: "fordeler" finds the Beskedfordeler guide', async () => {
    expect(await firstId('meilisearch', 'fordeler')).toBe(ids.brokerGuide);
  });

  it('finds a compound written apart: "besked fordeler"', async () => {
    expect(await firstId('meilisearch', 'besked fordeler')).toBe(ids.brokerGuide);
  });

  it('forgives a typo inside a compound: "beskedfordler nexus"', async () => {
    expect(await firstId('meilisearch', 'beskedfordler nexus')).toBe(ids.brokerGuide);
  });

  it('knows the seeded synonyms both ways: "BF" and "Digital Post"', async () => {
    expect(await firstId('meilisearch', 'BF')).toBe(ids.brokerGuide);
    expect(await firstId('meilisearch', 'digital post kvittering')).toBe(ids.postQuestion);
  });

  it('matches SF ids exactly: "SF1602" is not "SF1601"', async () => {
    expect(await firstId('meilisearch', 'SF1601')).toBe(ids.postQuestion);
    expect((await search('meilisearch', 'q=SF1602')).hits.map((hit) => hit.id)).not.toContain(ids.postQuestion);
  });

  it('searches the accepted answer too', async () => {
    expect(await firstId('meilisearch', 'administrationsmodulet')).toBe(ids.certificateQuestion);
  });
});
