import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, newPage } from '../support/browser.js';
import { signIn, type ApiSession } from '../support/http.js';
import { TEST_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

const SOFIE = 'sofie.soeg@gladsaxe.dk';
const PETER = 'peter.soeg@esbjerg.dk';
const LENE = 'lene.soeg@aarhus.dk';

const GUIDE_TITLE = 'Context Handler er nede – sådan gør hotline';
const CERTIFICATE_GUIDE = 'Certifikatet til Serviceplatformen udløber – sådan gør hotline';
const RENEW_QUESTION = 'Hvordan fornyer vi certifikatet til Serviceplatformen?';
const REJECTED_QUESTION = 'Certifikatet afvises af Serviceplatformen efter fornyelse';
const INTERNAL_QUESTION = 'Internt i Gladsaxe: vores certifikat til Serviceplatformen fornyes fredag';
const PRINT_QUESTIONS = 22;

async function create(session: ApiSession, body: Record<string, unknown>): Promise<{ id: number; path: string }> {
  const response = await session.post('/api/content', body);
  if (response.status !== 201) throw new Error(`POST /api/content answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

function guide(title: string, component: string, body: string, tags: string[]) {
  return {
    kind: 'guide',
    title,
    body,
    tags,
    components: [component],
    visibility: 'public',
    attributes: {
      component,
      severity: 'kritisk',
      affectedSystems: ['BBR'],
      action: 'Tjek driftsstatus hos KOMBIT, og sæt teksten på intranettet.',
      intranetNotice: { outage: '', maintenance: '' },
    },
  };
}

/** The titles of the results, in order. */
async function resultTitles(page: Page): Promise<string[]> {
  return page.locator('.search-results .search-result-title').allInnerTexts();
}

/** The links' text as read (screen-reader-only words included), whitespace collapsed. */
async function linkTexts(list: ReturnType<typeof facet>): Promise<string[]> {
  return (await list.getByRole('link').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
}

/** The facet list of one filter ("Type", "Kommune" …) in the sidebar. */
function facet(page: Page, title: string) {
  return page.getByRole('region', { name: 'Afgræns søgningen' }).getByRole('list', { name: title, exact: true });
}

// One app per file: SvelteKit's handler reads its environment (the API's address) once, when loaded.
describe('search in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let sofie: Page;
  let anonymous: Page;
  let guidePath = '';

  beforeAll(async () => {
    t = await startTestApp({ web: true });
    await t.createUser({ email: SOFIE, organizationCode: '0159', name: 'Sofie Lund' });
    await t.createUser({ email: PETER, organizationCode: '0561', name: 'Peter Krogh' });
    await t.createUser({ email: LENE, organizationCode: '0751', name: 'Lene Holm' });
    const [asSofie, asPeter, asLene] = await Promise.all([SOFIE, PETER, LENE].map((email) => signIn(t.url, email, TEST_PASSWORD)));

    guidePath = (
      await create(
        asSofie!,
        guide(GUIDE_TITLE, 'context-handler', 'Brugerne kan ikke logge på KMD Nexus og BBR. Tjek driftsstatus hos KOMBIT.', ['login']),
      )
    ).path;
    await create(
      asPeter!,
      guide(CERTIFICATE_GUIDE, 'serviceplatformen', 'Når certifikatet udløber, afviser Serviceplatformen kaldene.', ['certifikat']),
    );
    const renew = await create(asPeter!, {
      kind: 'question',
      title: RENEW_QUESTION,
      body: 'Vores FOCES-certifikat udløber om en måned. Hvordan fornyer vi certifikatet uden nedetid?',
      tags: ['certifikat'],
      components: ['serviceplatformen'],
    });
    const rejected = await create(asLene!, {
      kind: 'question',
      title: REJECTED_QUESTION,
      body: 'Efter fornyelsen af certifikatet får vi fejl fra Serviceplatformen på alle kald.',
      tags: ['certifikat'],
      components: ['serviceplatformen'],
    });
    await create(asSofie!, {
      kind: 'question',
      title: INTERNAL_QUESTION,
      body: 'Kun for Gladsaxe: certifikatet skiftes fredag kl. 16, og hotline skal vide det.',
      tags: ['certifikat', 'gladsaxe-intern'],
      components: ['serviceplatformen'],
      visibility: 'organization',
    });
    await create(asSofie!, {
      kind: 'question',
      title: 'Beskedfordeler afviser kvitteringer fra vores fagsystem',
      body: 'Siden opdateringen afviser Beskedfordeleren vores kvitteringer med fejl 400.',
      tags: ['beskedfordeler'],
      components: ['faelleskommunal-beskedfordeler'],
    });
    for (let n = 1; n <= PRINT_QUESTIONS; n++) {
      await create(asLene!, {
        kind: 'question',
        title: `Fjernprint fejler på printer nummer ${n}`,
        body: `Fjernprint-løsningen fejler ved udskrift på printer ${n} i borgerservice.`,
        tags: ['fjernprint'],
      });
    }
    // Votes: the rejected certificate question gets two, the renewal question one, the guide none.
    for (const voter of [asSofie!, asPeter!]) expect((await voter.post(`/api/content/${rejected.id}/vote`, { value: 1 })).status).toBe(200);
    expect((await asLene!.post(`/api/content/${renew.id}/vote`, { value: 1 })).status).toBe(200);
    // The renewal question is solved: Sofie answers, Peter accepts.
    const answer = await asSofie!.post(`/api/content/${renew.id}/replies`, {
      body: 'Bestil det nye certifikat i god tid, og læg begge ind.',
    });
    expect((await asPeter!.post(`/api/replies/${answer.body.id}/accept`)).status).toBe(200);
    await t.searchSettled();

    browser = await launchBrowser();
    sofie = await newPage(browser);
    await logIn(sofie, t.url, SOFIE, TEST_PASSWORD);
    anonymous = await newPage(browser);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('finds the hotline guide despite typos, with the matched words marked in the title', async () => {
    await anonymous.goto(t.url + '/soeg?q=' + encodeURIComponent('Contxt Handlr'));
    const title = anonymous.locator('.search-result-title').filter({ hasText: GUIDE_TITLE });
    await title.waitFor();
    expect(await title.locator('mark').allInnerTexts()).toContain('Context');
    expect(await title.getByRole('link').getAttribute('href')).toBe(guidePath);
    expect(await anonymous.title()).toBe('Søgning efter »Contxt Handlr« – Infraforum');
    await expectAccessible(anonymous);
  });

  it('shows each result’s kind, municipality, date, votes and answers', async () => {
    await sofie.goto(t.url + '/soeg?q=certifikat');
    const result = sofie.getByRole('article').filter({ has: sofie.getByRole('link', { name: RENEW_QUESTION }) });
    await result.getByText('Spørgsmål', { exact: true }).waitFor();
    await result.getByText('Løst', { exact: true }).waitFor();
    const meta = await result.locator('.search-result-meta').innerText();
    expect(meta).toMatch(/^Esbjerg · Opdateret \d{1,2}\. \p{L}+ \d{4} · 1 stemme · 1 svar$/u);
    expect(await result.locator('.search-result-snippet mark').count()).toBeGreaterThan(0);
  });

  it('counts the results per kind and narrows to guides from the facet link, with a chip that removes the filter', async () => {
    await sofie.goto(t.url + '/soeg?q=certifikat');
    await sofie.getByRole('heading', { level: 2, name: '4 resultater for »certifikat«' }).waitFor();
    const kinds = facet(sofie, 'Type');
    expect(await linkTexts(kinds)).toEqual(['Spørgsmål 3 resultater', 'Vejledning 1 resultat']);
    await expectAccessible(sofie);

    await kinds.getByRole('link', { name: /^Vejledning/ }).click();
    await sofie.waitForURL(/kind=guide/);
    await sofie.getByRole('heading', { level: 2, name: '1 resultat for »certifikat«' }).waitFor();
    expect(await resultTitles(sofie)).toEqual([CERTIFICATE_GUIDE]);
    expect(
      await facet(sofie, 'Type')
        .getByRole('link', { name: /^Vejledning/ })
        .getAttribute('aria-current'),
    ).toBe('true');

    await sofie.getByRole('link', { name: 'Fjern filter Type: Vejledning' }).click();
    await sofie.getByRole('heading', { level: 2, name: '4 resultater for »certifikat«' }).waitFor();
    expect(new URL(sofie.url()).searchParams.has('kind')).toBe(false);
  });

  it('names components and municipalities in the facets and filters by them without JavaScript', async () => {
    const plain = await newPage(browser, { javaScriptEnabled: false });
    await logIn(plain, t.url, SOFIE, TEST_PASSWORD);
    await plain.goto(t.url + '/soeg?q=certifikat');
    await facet(plain, 'Komponent')
      .getByRole('link', { name: /^Serviceplatformen 4 resultater/ })
      .waitFor();
    await facet(plain, 'Kommune')
      .getByRole('link', { name: /^Aarhus 1 resultat/ })
      .click();
    await plain.waitForURL(/organization=0751/);
    expect(await resultTitles(plain)).toEqual([REJECTED_QUESTION]);
    await plain.getByRole('link', { name: 'Fjern filter Kommune: Aarhus' }).waitFor();
    await plain.context().close();
  });

  // Questions only, without words: the order is the sort's alone (with words, relevance ranks first, and guides
  // rank before threads).
  it('sorts by votes when “Flest stemmer” is chosen and applied, not while the choice is being made', async () => {
    await sofie.goto(t.url + '/soeg?kind=question&tag=certifikat');
    await sofie.getByLabel('Sortér efter').selectOption({ label: 'Flest stemmer' });
    // Choosing alone does not reload the page (WCAG 3.2.2): arrow keys through the options must be safe.
    await sofie.waitForTimeout(300);
    expect(new URL(sofie.url()).searchParams.get('sort')).toBeNull();
    await sofie.getByRole('button', { name: 'Sortér' }).click();
    await sofie.waitForURL(/sort=votes/);
    expect(new URL(sofie.url()).searchParams.get('tag')).toBe('certifikat');
    await expect.poll(() => resultTitles(sofie)).toEqual([REJECTED_QUESTION, RENEW_QUESTION, INTERNAL_QUESTION]);
  });

  it('sorts with the “Sortér” button without JavaScript, keeping the filters', async () => {
    const plain = await newPage(browser, { javaScriptEnabled: false });
    await logIn(plain, t.url, SOFIE, TEST_PASSWORD);
    await plain.goto(t.url + '/soeg?q=certifikat&kind=question');
    await plain.getByLabel('Sortér efter').selectOption({ label: 'Flest stemmer' });
    await plain.getByRole('button', { name: 'Sortér' }).click();
    await plain.waitForURL(/sort=votes/);
    expect(new URL(plain.url()).searchParams.get('kind')).toBe('question');
    expect(new URL(plain.url()).searchParams.get('q')).toBe('certifikat');
    await plain.getByLabel('Sortér efter').locator('option:checked', { hasText: 'Flest stemmer' }).waitFor({ state: 'attached' });
    await plain.context().close();
  });

  it('pages through 22 results, 20 at a time', async () => {
    await sofie.goto(t.url + '/soeg?q=fjernprint');
    await sofie.getByRole('heading', { level: 2, name: '22 resultater for »fjernprint«' }).waitFor();
    expect(await resultTitles(sofie)).toHaveLength(20);
    await sofie.getByRole('navigation', { name: 'Sider' }).getByRole('link', { name: 'Næste side' }).click();
    await sofie.waitForURL(/side=2/);
    await expect.poll(() => resultTitles(sofie)).toHaveLength(2);
    await sofie.getByText('Viser 21–22').waitFor();
    expect(await sofie.title()).toBe('Søgning efter »fjernprint« – side 2 – Infraforum');
    expect(await sofie.getByRole('link', { name: 'Side 2' }).getAttribute('aria-current')).toBe('page');
  });

  it('suggests the respelt words and tips when nothing is found', async () => {
    // The Beskedfordeler question is for members: an anonymous reader finds nothing, and the component's name is the hint.
    await anonymous.goto(t.url + '/soeg?q=beskedfordelr');
    await anonymous.getByRole('heading', { level: 2, name: 'Ingen resultater for »beskedfordelr«' }).waitFor();
    const didYouMean = anonymous.locator('.did-you-mean').getByRole('link');
    expect(await didYouMean.innerText()).toBe('beskedfordeler');
    expect(await didYouMean.getAttribute('href')).toBe('/soeg?q=beskedfordeler');
    await anonymous.getByText('Tjek stavningen.').waitFor();
    await expectAccessible(anonymous);
  });

  it('browses with filters and no words', async () => {
    await anonymous.goto(t.url + '/soeg?kind=guide');
    await anonymous.getByRole('heading', { level: 2, name: '2 resultater' }).waitFor();
    expect((await resultTitles(anonymous)).sort()).toEqual([CERTIFICATE_GUIDE, GUIDE_TITLE].sort());
  });

  it('shows the API’s message for a query longer than 200 characters instead of failing', async () => {
    const response = await anonymous.goto(t.url + '/soeg?q=' + 'a'.repeat(201));
    expect(response?.status()).toBe(200);
    await anonymous.getByRole('alert').getByText('Søgningen må højst være 200 tegn').waitFor();
    expect(await anonymous.getByLabel('Søg efter').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(anonymous);
  });

  it('never shows a municipality-only question, its tag or its municipality to another municipality', async () => {
    const peter = await newPage(browser);
    await logIn(peter, t.url, PETER, TEST_PASSWORD);
    await peter.goto(t.url + '/soeg?q=certifikat');
    await peter.getByRole('heading', { level: 2, name: '3 resultater for »certifikat«' }).waitFor();
    expect(await resultTitles(peter)).not.toContain(INTERNAL_QUESTION);
    expect(await linkTexts(facet(peter, 'Emneord'))).not.toContainEqual(expect.stringMatching(/gladsaxe-intern/));
    expect(
      await facet(peter, 'Kommune')
        .getByRole('link', { name: /^Gladsaxe/ })
        .count(),
    ).toBe(0);
    expect(await linkTexts(facet(peter, 'Type'))).toEqual(['Spørgsmål 2 resultater', 'Vejledning 1 resultat']);
    await peter.context().close();

    // Sofie, in Gladsaxe, does see it: the check above could have failed.
    await sofie.goto(t.url + '/soeg?q=certifikat');
    expect(await resultTitles(sofie)).toContain(INTERNAL_QUESTION);
    await facet(sofie, 'Kommune')
      .getByRole('link', { name: /^Gladsaxe 1 resultat/ })
      .waitFor();
  });

  it('without JavaScript the header search is a plain form that opens the search page', async () => {
    const plain = await newPage(browser, { javaScriptEnabled: false });
    await plain.goto(t.url + '/');
    const field = plain.getByRole('searchbox', { name: 'Søg på Infraforum' });
    expect(await field.getAttribute('role')).toBeNull();
    await field.fill('certifikat');
    await field.press('Enter');
    await plain.waitForURL(/\/soeg\?q=certifikat$/);
    expect(await resultTitles(plain)).toEqual([CERTIFICATE_GUIDE]);
    await plain.context().close();
  });

  it('suggests titles as you type in the header and opens the one chosen with the keyboard', async () => {
    await anonymous.goto(t.url + '/');
    const combobox = anonymous.getByRole('combobox', { name: 'Søg på Infraforum' });
    expect(await combobox.getAttribute('aria-expanded')).toBe('false');
    await combobox.pressSequentially('context hand', { delay: 20 });
    const listbox = anonymous.getByRole('listbox', { name: 'Forslag' });
    await listbox.getByRole('option', { name: new RegExp(GUIDE_TITLE) }).waitFor();
    expect(await combobox.getAttribute('aria-expanded')).toBe('true');
    expect(await combobox.getAttribute('aria-controls')).toBe(await listbox.getAttribute('id'));
    await expectAccessible(anonymous);

    await combobox.press('ArrowDown');
    const first = listbox.getByRole('option').first();
    expect(await first.getAttribute('aria-selected')).toBe('true');
    expect(await combobox.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
    await combobox.press('Enter');
    await anonymous.waitForURL(t.url + guidePath);
  });

  it('closes the suggestions with Escape and searches for the typed words with Enter', async () => {
    await anonymous.goto(t.url + '/');
    const combobox = anonymous.getByRole('combobox', { name: 'Søg på Infraforum' });
    await combobox.pressSequentially('certifikat', { delay: 20 });
    await anonymous.getByRole('option', { name: new RegExp(CERTIFICATE_GUIDE) }).waitFor();
    await combobox.press('Escape');
    expect(await combobox.getAttribute('aria-expanded')).toBe('false');
    expect(await combobox.getAttribute('aria-activedescendant')).toBeNull();
    await combobox.press('Enter');
    await anonymous.waitForURL(/\/soeg\?q=certifikat$/);
    await anonymous.getByRole('heading', { level: 2, name: '1 resultat for »certifikat«' }).waitFor();
  });

  it('opens a suggestion clicked with the mouse', async () => {
    await anonymous.goto(t.url + '/');
    await anonymous.getByRole('combobox', { name: 'Søg på Infraforum' }).pressSequentially('contxt', { delay: 20 });
    await anonymous.getByRole('option', { name: new RegExp(GUIDE_TITLE) }).click();
    await anonymous.waitForURL(t.url + guidePath);
  });
});
