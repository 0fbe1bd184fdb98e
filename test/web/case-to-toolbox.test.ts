import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, newPage } from '../support/browser.js';
import { TEST_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

// The whole flow in one browser run, axe-checked on every page: a Gladsaxe member writes a migration case →
// an Esbjerg member finds it in the matrix and marks "jeg er i gang" → a KOMBIT moderator adds it to the toolbox
// section "Krav, it-indkøb og leverandørstyring" → the section page shows it to a visitor without login.

const TITLE = 'Sådan flyttede Gladsaxe KMD Nexus fra SF1600 til SF1601';
const SECTION = 'Krav, it-indkøb og leverandørstyring';

describe('from a case to the toolbox', () => {
  let t: TestApp;
  let browser: Browser;
  let sofie: Page;
  let peter: Page;
  let moderator: Page;
  let visitor: Page;
  let caseUrl = '';

  beforeAll(async () => {
    t = await startTestApp({ web: true });
    await t.createUser({ email: 'sofie@gladsaxe.dk', organizationCode: '0159', name: 'Sofie Lund', title: 'Infrastrukturansvarlig' });
    await t.createUser({ email: 'peter@esbjerg.dk', organizationCode: '0561', name: 'Peter Krogh', title: 'It-arkitekt' });
    await t.createUser({ email: 'mette@kombit.dk', organizationCode: 'KOMBIT', name: 'Mette Moderator', role: 'moderator' });
    browser = await launchBrowser();
    [sofie, peter, moderator, visitor] = await Promise.all([newPage(browser), newPage(browser), newPage(browser), newPage(browser)]);
    await logIn(sofie, t.url, 'sofie@gladsaxe.dk', TEST_PASSWORD);
    await logIn(peter, t.url, 'peter@esbjerg.dk', TEST_PASSWORD);
    await logIn(moderator, t.url, 'mette@kombit.dk', TEST_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('1. a Gladsaxe member writes a case', async () => {
    await sofie.goto(t.url + '/cases');
    await expectAccessible(sofie);
    await sofie.getByRole('link', { name: 'Ny case' }).click();
    await sofie.waitForURL(/\/cases\/ny$/);
    await sofie.waitForLoadState('networkidle');
    await expectAccessible(sofie);
    await sofie.getByLabel('Titel', { exact: true }).fill(TITLE);
    await sofie.getByLabel('It-system', { exact: true }).fill('KMD Nexus');
    await sofie.getByLabel('Leverandør', { exact: true }).fill('KMD');
    await sofie.getByRole('group', { name: 'Hvad blev der flyttet fra?' }).getByLabel('Gammel serviceversion').check();
    await sofie.getByLabel('Hvad hed det gamle?').fill('SF1600 Print');
    await sofie.getByLabel('Hvad blev der flyttet til?').selectOption('sf1601-digital-post');
    await sofie.getByRole('group', { name: 'Hvor langt er I?' }).getByLabel('Gennemført').check();
    await sofie.getByLabel('Beskrivelse', { exact: true }).fill('Vi flyttede afsendelsen af digital post fra KMD Nexus på fire måneder.');
    await sofie.locator('#steps-0-title').fill('Krav til leverandøren');
    await sofie.locator('#steps-0-text').fill('Kravet om SF1601 kom ind i tillægsaftalen med KMD.');
    await sofie.locator('#steps-0-who').selectOption('municipality');
    await sofie.locator('#steps-1-title').fill('Test og idriftsættelse');
    await sofie.locator('#steps-1-text').fill('To ugers test i KOMBITs testmiljø, derefter drift.');
    await sofie.locator('#steps-1-who').selectOption('supplier');
    await sofie.locator('#requirements-0').fill('Leverandøren skal anvende SF1601 til afsendelse af digital post.');
    await sofie.getByRole('group', { name: 'Hvem må se casen?' }).getByLabel('Alle, også uden login').check();
    await sofie.getByLabel('Vis mine kontaktoplysninger fra min profil').check();
    await sofie.getByRole('button', { name: 'Offentliggør' }).click();
    await sofie.waitForURL(/\/cases\/\d+-/);
    caseUrl = sofie.url();
    await sofie.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await expectAccessible(sofie);
  });

  it('2. an Esbjerg member finds it in the matrix and marks "jeg er i gang"', async () => {
    await peter.goto(t.url + '/cases/matrix');
    await expectAccessible(peter);
    const table = peter.getByRole('table');
    const row = table.getByRole('row', { name: /KMD Nexus/ });
    await row.getByRole('link', { name: /^Gladsaxe/ }).click();
    await peter.waitForURL(caseUrl);
    await expectAccessible(peter);
    const box = peter.getByRole('region', { name: 'Jeg er i gang med det samme' });
    await box.getByLabel('Vis mine kontaktoplysninger').check();
    await box.getByLabel('Bemærkning').fill('Vi starter med Nexus i marts.');
    await box.getByRole('button', { name: 'Jeg er i gang med det samme' }).click();
    await box.getByRole('button', { name: 'Fjern min markering' }).waitFor();
    await box.getByRole('link', { name: 'peter@esbjerg.dk' }).waitFor();
    await expectAccessible(peter);

    // The matrix now names Esbjerg as under way in the same cell.
    await peter.goto(t.url + '/cases/matrix');
    const cell = peter.getByRole('table').getByRole('row', { name: /KMD Nexus/ });
    await cell
      .getByText(/Esbjerg/)
      .first()
      .waitFor();
    expect(await cell.getByText('I gang').count()).toBeGreaterThan(0);
  });

  it('3. a KOMBIT moderator adds it to the section "Krav, it-indkøb og leverandørstyring"', async () => {
    await moderator.goto(caseUrl);
    await moderator.getByRole('link', { name: 'Tilføj til Værktøjskassen' }).click();
    await moderator.getByRole('heading', { level: 1, name: 'Tilføj til Værktøjskassen' }).waitFor();
    await expectAccessible(moderator);
    await moderator.getByLabel(SECTION).check();
    await moderator.getByLabel('Beskrivelse').fill('Gladsaxes kravtekst og forløb ved skiftet til SF1601.');
    await moderator.getByRole('button', { name: 'Tilføj til afsnittet' }).click();
    await moderator.waitForURL(/\/vaerktoejskassen\/krav-it-indkoeb-og-leverandoerstyring/);
    await moderator.getByRole('article', { name: TITLE }).waitFor();
    await expectAccessible(moderator);
  });

  it('4. the section page shows it to a visitor without login, marked as recommended by KOMBIT', async () => {
    await visitor.goto(t.url + '/vaerktoejskassen');
    await expectAccessible(visitor);
    await visitor.getByRole('link', { name: SECTION }).first().click();
    await visitor.waitForURL(/\/vaerktoejskassen\/krav-it-indkoeb-og-leverandoerstyring/);
    const item = visitor.getByRole('article', { name: TITLE });
    await item.waitFor();
    await item.getByText('Gladsaxes kravtekst og forløb ved skiftet til SF1601.').waitFor();
    expect(await item.getByText('Anbefalet af KOMBIT').count()).toBeGreaterThan(0);
    await expectAccessible(visitor);

    // And the case itself, opened from there, carries the mark.
    await item.getByRole('link', { name: TITLE }).click();
    await visitor.waitForURL(caseUrl);
    await visitor.getByRole('link', { name: /Anbefalet af KOMBIT/ }).waitFor();
    await expectAccessible(visitor);
  });
});
