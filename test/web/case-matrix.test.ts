import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, newPage } from '../support/browser.js';
import { signIn, type ApiSession } from '../support/http.js';
import { TEST_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

// "Hvem har flyttet hvad": the matrix of IT systems × components with the municipalities that completed the move or
// are working on it, and "jeg er i gang med det samme" on a case page (without JavaScript), which puts one's
// municipality in the matrix too.

type Cells = Record<string, Record<string, { completed: string[]; working: string[] }>>;

/** The matrix as shown: system → component slug → the municipalities listed as completed and as in progress. */
function matrixOf(page: Page): Promise<Cells> {
  return page.evaluate(() => {
    const table = document.querySelector('table.matrix-table');
    const result: Record<string, Record<string, { completed: string[]; working: string[] }>> = {};
    if (!table) return result;
    const slugs = [...table.querySelectorAll('thead th')]
      .slice(1)
      .map((th) => th.querySelector('a')?.getAttribute('href')?.replace('/komponenter/', '') ?? '');
    for (const row of table.querySelectorAll('tbody tr')) {
      const system = row.querySelector('th .matrix-system')?.textContent?.trim() ?? '';
      const cells: Record<string, { completed: string[]; working: string[] }> = {};
      row.querySelectorAll('td').forEach((cell, index) => {
        const names = (group: string) =>
          [...cell.querySelectorAll(`.${group} .matrix-list > li`)].map((item) =>
            (item.querySelector('a, span')?.firstChild?.textContent ?? '').trim(),
          );
        const completed = names('matrix-completed');
        const working = names('matrix-working');
        if (completed.length > 0 || working.length > 0) cells[slugs[index] ?? ''] = { completed, working };
      });
      result[system] = cells;
    }
    return result;
  });
}

// One app per file: SvelteKit's handler reads its environment (the API's address) once, when loaded.
describe('who moved what, and "jeg er i gang med det samme"', () => {
  let t: TestApp;
  let browser: Browser;
  let anna: Page;
  let gladsaxeNexus = '';
  let esbjergNexus = '';
  let esbjergFasit = '';

  beforeAll(async () => {
    t = await startTestApp({ web: true, withoutSearch: true });
    await t.createUser({ email: 'sofie@gladsaxe.dk', organizationCode: '0159', name: 'Sofie Lund' });
    await t.createUser({ email: 'peter@esbjerg.dk', organizationCode: '0561', name: 'Peter Krogh' });
    await t.createUser({ email: 'anna@aarhus.dk', organizationCode: '0751', name: 'Anna Aarhus', title: 'It-arkitekt' });
    const [sofie, peter] = await Promise.all([
      signIn(t.url, 'sofie@gladsaxe.dk', TEST_PASSWORD),
      signIn(t.url, 'peter@esbjerg.dk', TEST_PASSWORD),
    ]);
    const write = async (session: ApiSession, title: string, attributes: Record<string, unknown>, visibility = 'public') => {
      const response = await session.post('/api/content', {
        kind: 'case',
        title,
        body: 'Sådan gjorde vi.',
        visibility,
        attributes: {
          from: { type: 'old_service' },
          steps: [{ title: 'Afdæk integrationerne', text: 'Vi gennemgik Kitos.' }],
          ...attributes,
        },
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return t.url + (response.body.path as string);
    };
    gladsaxeNexus = await write(sofie, 'Gladsaxe flyttede KMD Nexus til SF1601', {
      system: 'KMD Nexus',
      supplier: 'KMD',
      to: 'SF1601',
      status: 'completed',
    });
    esbjergNexus = await write(peter, 'Esbjerg er i gang med KMD Nexus på SF1601', {
      system: 'KMD Nexus',
      supplier: 'KMD',
      to: 'SF1601',
      status: 'in_progress',
    });
    esbjergFasit = await write(
      peter,
      'Esbjerg flyttede Fasit til Adgangsstyring',
      { system: 'Fasit', supplier: 'Netcompany', to: { component: 'faelleskommunal-adgangsstyring' }, status: 'completed' },
      'members',
    );
    // A stopped move counts for nobody.
    await write(sofie, 'Gladsaxe stoppede SAPA på Beskedfordeleren', {
      system: 'SAPA',
      supplier: 'Netcompany',
      to: { component: 'faelleskommunal-beskedfordeler' },
      status: 'stopped',
    });
    browser = await launchBrowser();
    anna = await newPage(browser, { javaScriptEnabled: false });
    await logIn(anna, t.url, 'anna@aarhus.dk', TEST_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows each municipality in the cell of its system and target, completed apart from in progress', async () => {
    await anna.goto(t.url + '/cases/matrix');
    await anna.getByRole('heading', { level: 1, name: 'Hvem har flyttet hvad' }).waitFor();
    await anna.getByText('Find en kommune der har gjort det før.').waitFor();
    expect(await matrixOf(anna)).toEqual({
      Fasit: { 'faelleskommunal-adgangsstyring': { completed: ['Esbjerg'], working: [] } },
      'KMD Nexus': { 'sf1601-digital-post': { completed: ['Gladsaxe'], working: ['Esbjerg'] } },
    });
    const table = anna.getByRole('table', { name: /Kommuner, der har flyttet et it-system/ });
    const nexus = table.getByRole('row', { name: /KMD Nexus/ });
    expect(await nexus.getByRole('link', { name: /^Gladsaxe/ }).getAttribute('href')).toBe(new URL(gladsaxeNexus).pathname);
    expect(await nexus.getByRole('link', { name: /^Esbjerg/ }).getAttribute('href')).toBe(new URL(esbjergNexus).pathname);
    await nexus.getByText('Gennemført', { exact: true }).waitFor();
    await nexus.getByText('I gang', { exact: true }).waitFor();
    expect(await table.getByRole('rowheader').allInnerTexts()).toEqual([
      expect.stringMatching(/^Fasit\s+Leverandør: Netcompany$/),
      expect.stringMatching(/^KMD Nexus\s+Leverandør: KMD$/),
    ]);
    await expectAccessible(anna);
  });

  it('narrows the matrix to a supplier or a component', async () => {
    await anna.goto(t.url + '/cases/matrix');
    await anna.getByLabel('Leverandør', { exact: true }).selectOption('Netcompany');
    await anna.getByRole('button', { name: 'Filtrér' }).click();
    await anna.waitForURL(/leverandoer=Netcompany/);
    expect(Object.keys(await matrixOf(anna))).toEqual(['Fasit']);

    await anna.goto(t.url + '/cases/matrix?komponent=sf1601-digital-post');
    expect(Object.keys(await matrixOf(anna))).toEqual(['KMD Nexus']);
    expect(await anna.getByRole('columnheader').count()).toBe(2);
    await anna.getByRole('link', { name: 'Nulstil filtre' }).click();
    expect(Object.keys(await matrixOf(anna))).toEqual(['Fasit', 'KMD Nexus']);
  });

  it('marks "jeg er i gang med det samme" without JavaScript, the municipality shown on the case with its contact', async () => {
    await anna.goto(gladsaxeNexus);
    const box = anna.getByRole('region', { name: 'Jeg er i gang med det samme' });
    await box.getByText('Ingen andre kommuner har markeret').waitFor();
    await box.getByLabel('Vis mine kontaktoplysninger').check();
    await box.getByLabel('Bemærkning').fill('Vi går i gang i marts.');
    await box.getByRole('button', { name: 'Jeg er i gang med det samme' }).click();
    await anna.waitForURL(/#i-gang$/);

    await box.getByText('1 kommune er i gang med det samme').waitFor();
    const aarhus = box.getByRole('listitem').filter({ has: anna.getByRole('link', { name: 'Aarhus' }) });
    expect(await aarhus.getByRole('link', { name: 'anna@aarhus.dk' }).getAttribute('href')).toBe('mailto:anna@aarhus.dk');
    await aarhus.getByText('“Vi går i gang i marts.”').waitFor();
    await box.getByRole('button', { name: 'Fjern min markering' }).waitFor();
    expect(await box.getByRole('button', { name: 'Jeg er i gang med det samme' }).count()).toBe(0);
    await expectAccessible(anna);
  });

  it('puts the marking municipality in the matrix as "I gang", and counts it on the case in the list', async () => {
    await anna.goto(t.url + '/cases/matrix');
    expect((await matrixOf(anna))['KMD Nexus']).toEqual({
      'sf1601-digital-post': { completed: ['Gladsaxe'], working: ['Aarhus', 'Esbjerg'] },
    });
    await anna.goto(t.url + '/cases');
    const card = anna.getByRole('article', { name: 'Gladsaxe flyttede KMD Nexus til SF1601' });
    await card.getByText('1 kommune er i gang med det samme').waitFor();
  });

  it('shows visitors without login only the public cases, and the marking municipality without its contact', async () => {
    const page = await newPage(browser);
    await page.goto(t.url + '/cases/matrix');
    expect(await matrixOf(page)).toEqual({
      'KMD Nexus': { 'sf1601-digital-post': { completed: ['Gladsaxe'], working: ['Aarhus', 'Esbjerg'] } },
    });
    await expectAccessible(page);
    await page.goto(gladsaxeNexus);
    const box = page.getByRole('region', { name: 'Jeg er i gang med det samme' });
    await box.getByRole('link', { name: 'Aarhus' }).waitFor();
    expect(await page.content()).not.toContain('anna@aarhus.dk');
    await box.getByRole('link', { name: /Log ind for at markere/ }).waitFor();
    expect((await page.goto(esbjergFasit))?.status()).toBe(404);
    await page.context().close();
  });

  it('removes the mark without JavaScript, from the case and from the matrix', async () => {
    await anna.goto(gladsaxeNexus);
    const box = anna.getByRole('region', { name: 'Jeg er i gang med det samme' });
    await box.getByRole('button', { name: 'Fjern min markering' }).click();
    await anna.waitForURL(/#i-gang$/);
    await box.getByText('Ingen andre kommuner har markeret').waitFor();
    await box.getByRole('button', { name: 'Jeg er i gang med det samme' }).waitFor();
    await anna.goto(t.url + '/cases/matrix');
    expect((await matrixOf(anna))['KMD Nexus']).toEqual({ 'sf1601-digital-post': { completed: ['Gladsaxe'], working: ['Esbjerg'] } });
  });

  it('keeps a note that is too long, and says so at the field', async () => {
    await anna.goto(gladsaxeNexus);
    const box = anna.getByRole('region', { name: 'Jeg er i gang med det samme' });
    await box.getByLabel('Bemærkning').fill('x'.repeat(301));
    await box.getByRole('button', { name: 'Jeg er i gang med det samme' }).click();
    expect(await anna.locator('#note-error').innerText()).toContain('Bemærkningen må højst være på 300 tegn');
    expect(await box.getByLabel('Bemærkning').inputValue()).toHaveLength(301);
    await expectAccessible(anna);
  });

  it('offers no mark on a case of one’s own municipality', async () => {
    const sofie = await newPage(browser);
    await logIn(sofie, t.url, 'sofie@gladsaxe.dk', TEST_PASSWORD);
    await sofie.goto(gladsaxeNexus);
    const box = sofie.getByRole('region', { name: 'Jeg er i gang med det samme' });
    await box.getByText('Casen er fra din egen kommune.').waitFor();
    expect(await box.getByRole('button').count()).toBe(0);
    await sofie.context().close();
  });
});
