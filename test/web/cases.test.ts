import type { Browser, Page } from 'playwright-core';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, newPage } from '../support/browser.js';
import { signIn, type ApiSession } from '../support/http.js';
import { TEST_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

// Migration cases in the browser: written with and without JavaScript (steps editor, requirement texts), the case
// page (steps, quotable requirement texts, the author's contact), errors per field, editing, deleting and the list.

const NEXUS_TITLE = 'Sådan flyttede vi KMD Nexus fra SF1600 til SF1601';
const FASIT_TITLE = 'Fasit over på Fælleskommunal Adgangsstyring';
const FIRST_REQUIREMENT = 'Leverandøren skal anvende SF1601 til afsendelse af digital post.';
const SECOND_REQUIREMENT = 'Løsningen skal understøtte fysisk post som fallback.';

const idOf = (url: string) => Number(/\/cases\/(\d+)-/.exec(url)?.[1]);

/** A one-page PDF with a line of text, as a municipality's requirement specification would be. */
async function pdfWith(text: string): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  document.addPage().drawText(text, { x: 50, y: 700, size: 14, font });
  return Buffer.from(await document.save({ useObjectStreams: false }));
}

/** Whitespace collapsed, screen-reader-only prefixes included. */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The titles of the steps on a case page, in order. */
const stepTitles = async (page: Page) => (await page.locator('.case-step-title').allInnerTexts()).map(flat);

// One app per file: SvelteKit's handler reads its environment (the API's address) once, when loaded.
describe('migration cases in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let sofie: Page;
  let sofieApi: ApiSession;
  let nexusUrl = '';
  let fasitUrl = '';

  beforeAll(async () => {
    t = await startTestApp({ web: true, withoutSearch: true });
    await t.createUser({ email: 'sofie@gladsaxe.dk', organizationCode: '0159', name: 'Sofie Lund', title: 'Infrastrukturansvarlig' });
    await t.createUser({ email: 'peter@esbjerg.dk', organizationCode: '0561', name: 'Peter Krogh' });
    await t.createUser({ email: 'anna@aarhus.dk', organizationCode: '0751', name: 'Anna Aarhus' });
    await t.createUser({ email: 'mette@kombit.dk', organizationCode: 'KOMBIT', name: 'Mette Moderator', role: 'moderator' });
    browser = await launchBrowser();
    sofie = await newPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    await logIn(sofie, t.url, 'sofie@gladsaxe.dk', TEST_PASSWORD);
    sofieApi = await signIn(t.url, 'sofie@gladsaxe.dk', TEST_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A case written through the API, as `session`. */
  async function caseViaApi(session: ApiSession, title: string, attributes: Record<string, unknown>, visibility = 'public') {
    const response = await session.post('/api/content', {
      kind: 'case',
      title,
      body: 'Sådan gjorde vi.',
      visibility,
      attributes: {
        from: { type: 'legacy_integration' },
        steps: [{ title: 'Afdæk integrationerne', text: 'Vi gennemgik Kitos.' }],
        ...attributes,
      },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as { id: number; path: string };
  }

  it('writes a case without JavaScript: more step rows, a step moved up, two requirement texts', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await logIn(page, t.url, 'sofie@gladsaxe.dk', TEST_PASSWORD);
    await page.goto(t.url + '/cases');
    await page.getByRole('link', { name: 'Ny case' }).click();
    await page.waitForURL(/\/cases\/ny$/);
    await expectAccessible(page);

    await page.getByLabel('Titel', { exact: true }).fill(NEXUS_TITLE);
    await page.getByLabel('It-system', { exact: true }).fill('kmd nexus');
    await page.getByLabel('Leverandør', { exact: true }).fill('KMD');
    await page.getByRole('group', { name: 'Hvad blev der flyttet fra?' }).getByLabel('Gammel serviceversion').check();
    await page.getByLabel('Hvad hed det gamle?').fill('SF1600 Digital Post');
    await page.getByLabel('Hvad blev der flyttet til?').selectOption('sf1601-digital-post');
    await page.locator('#toVersion').fill('3.0');
    await page.getByRole('group', { name: 'Hvor langt er I?' }).getByLabel('Gennemført').check();
    await page.getByLabel('Startdato').fill('2023-01-15');
    await page.getByLabel('Slutdato').fill('2023-06-30');
    await page.getByLabel('Indsats i persondage').fill('12,5');
    await page.getByLabel('Beskrivelse', { exact: true }).fill('Vi flyttede afsendelse af **digital post** på et halvt år.');
    await page.locator('#steps-0-title').fill('Krav til leverandøren');
    await page.locator('#steps-0-text').fill('Kravet om SF1601 kom ind i tillægsaftalen.');
    await page.locator('#steps-0-who').selectOption('supplier');
    await page.locator('#steps-1-title').fill('Afdæk integrationerne');
    await page.locator('#steps-1-text').fill('Vi gennemgik Kitos og fandt tre integrationer.');
    await page.locator('#steps-1-who').selectOption('municipality');
    await page.locator('#steps-2-title').fill('Test i testmiljøet');
    await page.locator('#steps-2-text').fill('To uger i KOMBITs testmiljø.');

    await page.getByRole('button', { name: 'Tilføj flere rækker' }).click();
    expect(await page.locator('.step-row').count()).toBe(6);
    expect(await page.locator('#steps-2-title').inputValue()).toBe('Test i testmiljøet');
    await page.locator('#steps-3-title').fill('Drift');
    await page.locator('#steps-3-text').fill('Første måned med SF1601 i drift.');
    // Typed out of order: the survey came first.
    await page.getByRole('button', { name: 'Flyt op trin 2' }).click();
    expect(await page.locator('#steps-0-title').inputValue()).toBe('Afdæk integrationerne');
    expect(await page.locator('#steps-1-title').inputValue()).toBe('Krav til leverandøren');

    await page.locator('#requirements-0').fill(FIRST_REQUIREMENT);
    await page.getByRole('button', { name: 'Tilføj en kravtekst' }).click();
    await page.locator('#requirements-1').fill(SECOND_REQUIREMENT);
    await page.getByLabel('Forhindringer').fill('Testmiljøet var ikke klar i tide.');
    await page.getByLabel('Erfaringer').fill('Få leverandøren til at bekræfte datoen skriftligt.');
    await page.getByRole('group', { name: 'Hvem må se casen?' }).getByLabel('Alle, også uden login').check();
    await page.getByLabel('Vis mine kontaktoplysninger fra min profil').check();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Offentliggør' }).click();
    await page.waitForURL(/\/cases\/\d+-saadan-flyttede-vi-kmd-nexus-fra-sf1600-til-sf1601$/);
    nexusUrl = page.url();

    await page.getByRole('heading', { level: 1, name: NEXUS_TITLE }).waitFor();
    expect(await stepTitles(page)).toEqual([
      'Trin 1: Afdæk integrationerne',
      'Trin 2: Krav til leverandøren',
      'Trin 3: Test i testmiljøet',
      'Trin 4: Drift',
    ]);
    const facts = flat(await page.locator('.case-facts').innerText());
    expect(facts).toContain('It-system KMD Nexus');
    expect(facts).toContain('Flyttet fra Gammel serviceversion: SF1600 Digital Post');
    expect(facts).toContain('Flyttet til SF1601 Kombit Digital Post (version 3.0)');
    expect(facts).toContain('Periode 15. januar 2023 – 30. juni 2023');
    expect(facts).toContain('Indsats 12,5 persondage');
    await page.getByText('Status: Gennemført').waitFor();
    await page.context().close();
  });

  it('shows the steps as an ordered list, each with who did it', async () => {
    const page = await newPage(browser);
    await page.goto(nexusUrl);
    const steps = page.getByRole('region', { name: 'Trin for trin' }).getByRole('listitem');
    expect(await steps.count()).toBe(4);
    expect(flat(await steps.nth(0).innerText())).toContain('Udført af: Kommunen');
    expect(flat(await steps.nth(1).innerText())).toContain('Udført af: Leverandøren');
    expect(flat(await steps.nth(2).innerText())).not.toContain('Udført af');
    await expectAccessible(page);
    await page.context().close();
  });

  it('gives each requirement text its own anchor, selectable without JavaScript', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${nexusUrl}#krav-2`);
    expect(await page.locator('#krav-1 blockquote').innerText()).toBe(FIRST_REQUIREMENT);
    expect(await page.locator('#krav-2 blockquote').innerText()).toBe(SECOND_REQUIREMENT);
    expect(await page.getByRole('link', { name: 'Link til kravtekst 2' }).getAttribute('href')).toBe('#krav-2');
    expect(await page.getByRole('button', { name: /Kopiér/ }).count()).toBe(0);
    await expectAccessible(page);
    await page.context().close();
  });

  it('copies a requirement text with the "Kopiér" button, with JavaScript', async () => {
    await sofie.goto(nexusUrl);
    await sofie.getByRole('button', { name: 'Kopiér kravtekst 2' }).click();
    await sofie.locator('#krav-2').getByRole('status').getByText('Kopieret').waitFor();
    expect(await sofie.evaluate(() => navigator.clipboard.readText())).toBe(SECOND_REQUIREMENT);
  });

  it('writes a case with JavaScript, adding, moving and removing steps in place', async () => {
    await sofie.goto(t.url + '/cases/ny');
    await sofie.getByLabel('Titel', { exact: true }).fill(FASIT_TITLE);
    await sofie.getByLabel('It-system', { exact: true }).fill('Fasit');
    await sofie.getByLabel('Leverandør', { exact: true }).fill('Netcompany');
    await sofie.getByRole('group', { name: 'Hvad blev der flyttet fra?' }).getByLabel('Direkte databaseadgang').check();
    await sofie.getByLabel('Hvad blev der flyttet til?').selectOption('faelleskommunal-adgangsstyring');
    await sofie.getByRole('group', { name: 'Hvor langt er I?' }).getByLabel('I gang').check();
    await sofie.getByLabel('Beskrivelse', { exact: true }).fill('Fasit skal bruge den fælles login.');
    await sofie.locator('#steps-0-title').fill('Aftale med Netcompany');
    await sofie.locator('#steps-0-text').fill('Vi aftalte en plan.');
    await sofie.locator('#steps-1-title').fill('Skal fjernes');
    await sofie.locator('#steps-1-text').fill('Denne række fjernes igen.');
    await sofie.locator('#steps-2-title').fill('Opsætning i Adgangsstyring');
    await sofie.locator('#steps-2-text').fill('Brugersystemroller oprettet.');
    const before = sofie.url();

    await sofie.getByRole('button', { name: 'Tilføj et trin' }).click();
    expect(await sofie.locator('.step-row').count()).toBe(4);
    await expect.poll(() => sofie.evaluate(() => document.activeElement?.id)).toBe('steps-3-title');
    await sofie.locator('#steps-3-title').fill('Forberedelse');
    await sofie.locator('#steps-3-text').fill('Overblik over brugerne.');
    await sofie.getByRole('button', { name: 'Flyt op trin 4' }).click();
    await sofie.getByRole('button', { name: 'Flyt op trin 3' }).click();
    await sofie.getByRole('button', { name: 'Flyt op trin 2' }).click();
    await sofie.getByRole('button', { name: 'Fjern trin 3' }).click();
    await sofie.getByRole('status').getByText('Trin 3 er fjernet.').waitFor();
    expect(sofie.url()).toBe(before);
    expect(await sofie.locator('.step-row').count()).toBe(3);

    await sofie.getByRole('button', { name: 'Offentliggør' }).click();
    await sofie.waitForURL(/\/cases\/\d+-fasit-over-paa-faelleskommunal-adgangsstyring$/);
    fasitUrl = sofie.url();
    expect(await stepTitles(sofie)).toEqual([
      'Trin 1: Forberedelse',
      'Trin 2: Aftale med Netcompany',
      'Trin 3: Opsætning i Adgangsstyring',
    ]);
  });

  it('shows each problem at its field and in a summary, keeping what was typed', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await logIn(page, t.url, 'sofie@gladsaxe.dk', TEST_PASSWORD);
    await page.goto(t.url + '/cases/ny');
    await page.getByLabel('Titel', { exact: true }).fill('En case uden det hele');
    await page.getByRole('group', { name: 'Hvor langt er I?' }).getByLabel('Gennemført').check();
    await page.getByLabel('Indsats i persondage').fill('mange');
    await page.locator('#steps-1-title').fill('Et trin uden tekst');
    await page.locator('#requirements-0').fill('Kort');
    await page.getByRole('button', { name: 'Offentliggør' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'Nogle felter er ikke udfyldt korrekt.' });
    await summary.waitFor();
    for (const [id, message] of [
      ['system', 'Skriv it-systemet'],
      ['supplier', 'Skriv leverandøren'],
      ['toComponent', 'Vælg den komponent eller service, der blev flyttet til'],
      ['effortDays', 'Angiv antal persondage som et tal, fx 12 eller 12,5'],
      ['steps-0-text', 'Skriv hvad der blev gjort'],
      ['requirements-0', 'Skriv kravteksten (mindst 5 tegn)'],
      ['body', 'Skriv en tekst'],
    ] as const) {
      expect(await page.locator(`#${id}-error`).innerText(), id).toContain(message);
      expect(await page.locator(`#${id}`).getAttribute('aria-invalid'), id).toBe('true');
      expect(await summary.getByRole('link', { name: message }).first().getAttribute('href'), id).toBe(`#${id}`);
    }
    expect(await page.locator('#fromType-error').innerText()).toContain('Vælg hvad der blev flyttet fra');
    // The blank first step row is left out; the step that was typed is now the first.
    expect(await page.locator('#steps-0-title').inputValue()).toBe('Et trin uden tekst');
    expect(await page.getByLabel('Titel', { exact: true }).inputValue()).toBe('En case uden det hele');
    expect(await page.getByLabel('Indsats i persondage').inputValue()).toBe('mange');
    expect(await page.getByRole('group', { name: 'Hvor langt er I?' }).getByLabel('Gennemført').isChecked()).toBe(true);
    await expectAccessible(page);
    await page.context().close();
  });

  it('shows the author’s contact to signed-in readers when the author opted in', async () => {
    const peter = await newPage(browser);
    await logIn(peter, t.url, 'peter@esbjerg.dk', TEST_PASSWORD);
    await peter.goto(nexusUrl);
    const contact = peter.getByRole('region', { name: 'Kontaktperson' });
    expect(await contact.getByRole('link', { name: 'sofie@gladsaxe.dk' }).getAttribute('href')).toBe('mailto:sofie@gladsaxe.dk');
    expect(flat(await contact.innerText())).toContain('Titel Infrastrukturansvarlig');
    await expectAccessible(peter);
    await peter.context().close();
  });

  it('shows no contact when the author did not opt in', async () => {
    const peter = await newPage(browser);
    await logIn(peter, t.url, 'peter@esbjerg.dk', TEST_PASSWORD);
    await peter.goto(fasitUrl);
    await peter.getByRole('heading', { level: 1, name: FASIT_TITLE }).waitFor();
    expect(await peter.getByRole('region', { name: 'Kontaktperson' }).count()).toBe(0);
    expect(await peter.content()).not.toContain('sofie@gladsaxe.dk');
    await peter.context().close();
  });

  it('never shows the contact to visitors without login, and asks them to log in', async () => {
    const page = await newPage(browser);
    await page.goto(nexusUrl);
    await page.getByRole('heading', { level: 1, name: NEXUS_TITLE }).waitFor();
    expect(await page.content()).not.toContain('sofie@gladsaxe.dk');
    const login = page.getByRole('link', { name: 'Log ind for at se, hvem du kan kontakte' });
    expect(await login.getAttribute('href')).toBe(`/log-ind?redirectTo=${encodeURIComponent(new URL(nexusUrl).pathname)}`);
    await expectAccessible(page);
    await page.context().close();
  });

  it('shows KOMBIT’s mark when the case is in Værktøjskassen, linking to the section', async () => {
    const moderator = await signIn(t.url, 'mette@kombit.dk', TEST_PASSWORD);
    const section = await moderator.post('/api/toolbox/sections', { title: 'Flyt til Digital Post' });
    expect(section.status, JSON.stringify(section.body)).toBe(201);
    const added = await moderator.post(`/api/toolbox/sections/${section.body.slug}/items`, { contentId: idOf(nexusUrl) });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const page = await newPage(browser);
    await page.goto(nexusUrl);
    const badge = page.getByRole('link', { name: /^Anbefalet af KOMBIT/ });
    expect(await badge.getAttribute('href')).toBe(`/vaerktoejskassen/${section.body.slug}`);
    await expectAccessible(page);
    await page.context().close();
  });

  it('puts up a document on the case and removes it again, without JavaScript', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await logIn(page, t.url, 'sofie@gladsaxe.dk', TEST_PASSWORD);
    await page.goto(nexusUrl);
    const documents = page.getByRole('region', { name: 'Dokumenter' });
    await documents.getByText('Der er ikke lagt dokumenter op.').waitFor();
    await documents.getByLabel('Fil').setInputFiles({
      name: 'kravspecifikation.pdf',
      mimeType: 'application/pdf',
      buffer: await pdfWith('Kravspecifikation til SF1601'),
    });
    await documents.getByRole('button', { name: 'Læg dokumentet op' }).click();
    await page.waitForURL(/#dokumenter$/);
    const link = documents.getByRole('link', { name: 'kravspecifikation.pdf' });
    expect(await link.getAttribute('href')).toMatch(/^\/api\/attachments\/[\w-]+\/kravspecifikation\.pdf$/);
    await documents.getByText('(PDF,', { exact: false }).waitFor();
    await expectAccessible(page);

    await documents.getByRole('button', { name: 'Slet kravspecifikation.pdf' }).click();
    await page.waitForURL(/#dokumenter$/);
    await documents.getByText('Der er ikke lagt dokumenter op.').waitFor();
    await page.context().close();
  });

  it('offers no upload to readers who may not edit the case', async () => {
    const peter = await newPage(browser);
    await logIn(peter, t.url, 'peter@esbjerg.dk', TEST_PASSWORD);
    await peter.goto(nexusUrl);
    await peter.getByRole('region', { name: 'Dokumenter' }).waitFor();
    expect(await peter.getByRole('button', { name: 'Læg dokumentet op' }).count()).toBe(0);
    expect(await peter.getByRole('link', { name: 'Redigér casen' }).count()).toBe(0);
    await peter.context().close();
  });

  it('edits a case, the form filled with what is stored', async () => {
    await sofie.goto(nexusUrl);
    await sofie.getByRole('link', { name: 'Redigér casen' }).click();
    await sofie.waitForURL(/\/rediger$/);
    expect(await sofie.getByLabel('It-system', { exact: true }).inputValue()).toBe('KMD Nexus');
    expect(await sofie.getByLabel('Hvad blev der flyttet til?').inputValue()).toBe('sf1601-digital-post');
    expect(await sofie.getByLabel('Indsats i persondage').inputValue()).toBe('12,5');
    expect(await sofie.locator('#steps-3-title').inputValue()).toBe('Drift');
    expect(await sofie.locator('#requirements-1').inputValue()).toBe(SECOND_REQUIREMENT);
    expect(await sofie.getByLabel('Vis mine kontaktoplysninger fra min profil').isChecked()).toBe(true);
    await expectAccessible(sofie);

    await sofie.getByLabel('Indsats i persondage').fill('14');
    await sofie.getByRole('button', { name: 'Fjern trin 4' }).click();
    await sofie.getByRole('button', { name: 'Gem ændringer' }).click();
    await sofie.waitForURL(nexusUrl);
    expect(flat(await sofie.locator('.case-facts').innerText())).toContain('Indsats 14 persondage');
    expect(await stepTitles(sofie)).toHaveLength(3);

    await sofie.getByRole('link', { name: 'Redigeret – se historik' }).click();
    await sofie.waitForURL(/\/historik$/);
    await sofie.getByText('Indsats i persondage', { exact: true }).first().waitFor();
    await expectAccessible(sofie);
  });

  it('keeps the edit and warns when someone saved a newer version meanwhile', async () => {
    await sofie.goto(`${nexusUrl}/rediger`);
    await sofie.locator('#toVersion').fill('3.1');
    const patched = await sofieApi.patch(`/api/content/${idOf(nexusUrl)}`, { title: `${NEXUS_TITLE} (opdateret)` });
    expect(patched.status).toBe(200);
    await sofie.getByRole('button', { name: 'Gem ændringer' }).click();
    await sofie.getByRole('alert').getByRole('heading', { name: 'Nogen har gemt en nyere version' }).waitFor();
    expect(await sofie.locator('#toVersion').inputValue()).toBe('3.1');
  });

  it('filters the list by IT system, supplier and status, in the address', async () => {
    const peterApi = await signIn(t.url, 'peter@esbjerg.dk', TEST_PASSWORD);
    await caseViaApi(peterApi, 'Esbjerg planlægger KMD Nexus på SF1601', {
      system: 'KMD Nexus',
      supplier: 'KMD',
      to: 'SF1601',
      status: 'planned',
    });
    await caseViaApi(peterApi, 'SAPA hos Esbjerg over på Beskedfordeleren', {
      system: 'SAPA',
      supplier: 'Netcompany',
      to: { component: 'faelleskommunal-beskedfordeler' },
      status: 'completed',
    });
    const page = await newPage(browser, { javaScriptEnabled: false });
    await logIn(page, t.url, 'anna@aarhus.dk', TEST_PASSWORD);
    await page.goto(t.url + '/cases');
    const titles = () => page.locator('.case-card-title').allInnerTexts();
    expect((await titles()).length).toBe(4);
    await expectAccessible(page);

    await page.getByLabel('It-system', { exact: true }).fill('kmd nexus');
    await page.getByRole('button', { name: 'Filtrér' }).click();
    await page.waitForURL(/\/cases\?system=kmd\+nexus&/);
    expect((await titles()).sort()).toEqual(['Esbjerg planlægger KMD Nexus på SF1601', `${NEXUS_TITLE} (opdateret)`].sort());

    await page.getByLabel('Status', { exact: true }).selectOption('planned');
    await page.getByRole('button', { name: 'Filtrér' }).click();
    expect(await titles()).toEqual(['Esbjerg planlægger KMD Nexus på SF1601']);

    await page.goto(t.url + '/cases?leverandoer=netcompany');
    expect((await titles()).sort()).toEqual([FASIT_TITLE, 'SAPA hos Esbjerg over på Beskedfordeleren'].sort());
    await page.getByLabel('Kommune', { exact: true }).selectOption('0561');
    await page.getByRole('button', { name: 'Filtrér' }).click();
    expect(await titles()).toEqual(['SAPA hos Esbjerg over på Beskedfordeleren']);
    await page.getByRole('link', { name: 'Nulstil filtre' }).click();
    expect((await titles()).length).toBe(4);
    await page.context().close();
  });

  it('shows each case in the list with its move, supplier, status and municipality', async () => {
    await sofie.goto(t.url + '/cases');
    const card = sofie.getByRole('article', { name: FASIT_TITLE });
    const text = flat(await card.innerText());
    expect(text).toContain('Fasit → flyttet til Fælleskommunal Adgangsstyring');
    expect(text).toContain('Leverandør Netcompany');
    expect(text).toContain('Kommune Gladsaxe');
    expect(text).toContain('Status: I gang');
    expect(await sofie.getByRole('link', { name: 'Find en kommune der har gjort det før' }).getAttribute('href')).toBe('/cases/matrix');
    await expectAccessible(sofie);
  });

  it('asks visitors without login to log in before writing a case, and shows them only public cases', async () => {
    const page = await newPage(browser);
    await page.goto(t.url + '/cases');
    expect(await page.getByRole('link', { name: 'Log ind og skriv en case' }).getAttribute('href')).toBe(
      '/log-ind?redirectTo=%2Fcases%2Fny',
    );
    expect(await page.getByRole('article', { name: FASIT_TITLE }).count()).toBe(0);
    await page.getByRole('article', { name: `${NEXUS_TITLE} (opdateret)` }).waitFor();
    await page.context().close();
  });

  it('deletes a case after asking, and says so on the list', async () => {
    await sofie.goto(fasitUrl);
    await sofie.getByRole('link', { name: 'Slet casen' }).click();
    await sofie.waitForURL(/\/slet$/);
    await expectAccessible(sofie);
    await sofie.getByRole('button', { name: 'Slet casen' }).click();
    await sofie.waitForURL(/\/cases\?slettet=1$/);
    await sofie.getByRole('heading', { name: 'Casen er slettet' }).waitFor();
    expect(await sofie.getByRole('article', { name: FASIT_TITLE }).count()).toBe(0);
    const gone = await sofie.goto(fasitUrl);
    expect(gone?.status()).toBe(404);
  });
});
