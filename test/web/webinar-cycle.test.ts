import type { Browser, Page } from 'playwright-core';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, newPage } from '../support/browser.js';
import { TEST_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

// The whole cycle in one flow, in the browser, axe-checked on every page: a Gladsaxe member suggests a topic →
// an Esbjerg member votes → a KOMBIT moderator plans it as a webinar → members sign up → the moderator marks it
// held and puts up the slides → the slides' text is found by search → a follow-up question links back.

const TOPIC = 'Sådan flytter man en leverandør til en ny snitflade';
const WEBINAR = 'Infrastruktur i praksis: leverandørskift i kommunerne';
const SLIDE_PHRASE = 'Leverandørstyringsmodellen';

async function slides(): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const page = document.addPage();
  page.drawText('Gladsaxe: fra direkte databaseadgang til SF1601', { x: 50, y: 700, size: 16, font });
  page.drawText(`${SLIDE_PHRASE} og kravene i udbuddet`, { x: 50, y: 660, size: 14, font });
  return Buffer.from(await document.save());
}

describe('from a suggestion to a held webinar and its follow-up questions', () => {
  let t: TestApp;
  let browser: Browser;
  let sofie: Page;
  let peter: Page;
  let moderator: Page;
  let suggestionUrl = '';
  let webinarUrl = '';

  beforeAll(async () => {
    t = await startTestApp({ web: true });
    await t.createUser({ email: 'sofie@gladsaxe.dk', organizationCode: '0159', name: 'Sofie Lund', title: 'Infrastrukturansvarlig' });
    await t.createUser({ email: 'peter@esbjerg.dk', organizationCode: '0561', name: 'Peter Krogh' });
    await t.createUser({ email: 'mette@kombit.dk', organizationCode: 'KOMBIT', name: 'Mette Moderator', role: 'moderator' });
    browser = await launchBrowser();
    [sofie, peter, moderator] = await Promise.all([newPage(browser), newPage(browser), newPage(browser)]);
    await logIn(sofie, t.url, 'sofie@gladsaxe.dk', TEST_PASSWORD);
    await logIn(peter, t.url, 'peter@esbjerg.dk', TEST_PASSWORD);
    await logIn(moderator, t.url, 'mette@kombit.dk', TEST_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('1. a Gladsaxe member suggests a topic', async () => {
    await sofie.goto(t.url + '/emneforslag');
    await expectAccessible(sofie);
    await sofie.getByRole('link', { name: 'Foreslå et emne' }).click();
    await sofie.waitForURL(/\/emneforslag\/ny$/);
    await expectAccessible(sofie);
    await sofie.getByLabel('Titel').fill(TOPIC);
    await sofie
      .getByLabel('Beskrivelse', { exact: true })
      .fill('Eksempler på hvordan man finder og flytter en leverandør over på en ny snitflade.');
    await sofie.getByRole('group', { name: 'Hvem må se forslaget?' }).getByLabel('Alle, også uden login').check();
    await sofie.getByRole('button', { name: 'Offentliggør' }).click();
    await sofie.waitForURL(/\/emneforslag\/\d+-/);
    suggestionUrl = sofie.url();
    await sofie.getByRole('heading', { level: 1, name: TOPIC }).waitFor();
    await expectAccessible(sofie);
  });

  it('2. a member of another municipality votes for it', async () => {
    await peter.goto(suggestionUrl);
    await peter.getByRole('button', { name: 'Stem på forslaget' }).click();
    await peter.getByRole('button', { name: 'Fjern stemme fra forslaget' }).waitFor();
    await peter.getByText('1 stemme', { exact: true }).first().waitFor();
    await expectAccessible(peter);
  });

  it('3. a moderator plans a webinar and plans the suggestion for it; the suggester is told', async () => {
    await moderator.goto(t.url + '/webinarer/ny');
    await expectAccessible(moderator);
    await moderator.getByLabel('Titel').fill(WEBINAR);
    await moderator.getByLabel('Dato').fill('2027-03-04');
    await moderator.getByLabel('Start', { exact: true }).first().fill('10:00');
    await moderator.getByLabel('Slut', { exact: true }).first().fill('12:00');
    await moderator.getByLabel('Gladsaxe', { exact: true }).check();
    await moderator.getByLabel('Beskrivelse').fill('Gladsaxe fortæller, hvordan de flyttede en leverandør til en ny snitflade.');
    await moderator.locator('#programme-0-start').fill('10:00');
    await moderator.locator('#programme-0-end').fill('10:30');
    await moderator.locator('#programme-0-title').fill('Leverandørskift i Gladsaxe');
    await moderator.locator('#programme-0-speaker').fill('Sofie Lund');
    await moderator.getByRole('button', { name: 'Offentliggør' }).click();
    await moderator.waitForURL(/\/webinarer\/\d+-/);
    webinarUrl = moderator.url();
    await expectAccessible(moderator);

    await moderator.goto(suggestionUrl);
    // The form shows the webinar select for "Planlagt" once its script runs: let it load first.
    await moderator.waitForLoadState('networkidle');
    const form = moderator.getByRole('region', { name: 'Skift status' });
    await form.getByLabel('Ny status').selectOption({ label: 'Planlagt' });
    await form.getByLabel('Webinar').selectOption(/\/webinarer\/(\d+)-/.exec(webinarUrl)![1]!);
    await form.getByRole('button', { name: 'Skift status' }).click();
    await moderator.getByText('Planlagt til webinaret').waitFor();
    await expectAccessible(moderator);

    await sofie.goto(t.url + '/notifikationer');
    await sofie.getByText(new RegExp(`Emneforslaget «${TOPIC}» er nu planlagt`)).waitFor();
    await expectAccessible(sofie);
  });

  it('4. members sign up; the moderator sees them', async () => {
    for (const member of [sofie, peter]) {
      await member.goto(webinarUrl);
      const signup = member.getByRole('region', { name: 'Tilmelding' });
      await signup.getByRole('button', { name: 'Tilmeld' }).click();
      await signup.getByText('Du er tilmeldt.').waitFor();
    }
    await expectAccessible(peter);
    await moderator.goto(webinarUrl);
    await moderator.getByRole('link', { name: 'Se tilmeldte (2 tilmeldte)' }).click();
    await moderator.waitForURL(/\/deltagere$/);
    await moderator.getByRole('cell', { name: 'Esbjerg' }).first().waitFor();
    await expectAccessible(moderator);
  });

  it('5. the moderator marks it held and puts up the slides; the suggestion follows', async () => {
    await moderator.goto(webinarUrl);
    const status = moderator.locator('#status');
    await status.getByLabel('Afholdt').check();
    await status.getByRole('button', { name: 'Skift status' }).click();
    await moderator.locator('.webinar-status').getByText('Afholdt', { exact: true }).first().waitFor();
    const material = moderator.getByRole('region', { name: 'Materiale' });
    await material
      .getByLabel('Fil')
      .setInputFiles({ name: 'slides-leverandoerskift.pdf', mimeType: 'application/pdf', buffer: await slides() });
    await material.getByRole('button', { name: 'Læg filen op' }).click();
    await material.getByRole('link', { name: 'slides-leverandoerskift.pdf' }).waitFor();
    await expectAccessible(moderator);

    await sofie.goto(suggestionUrl);
    await sofie.locator('.suggestion-status').getByText('Afholdt', { exact: true }).waitFor();
  });

  it('6. the slides’ text is found by search', async () => {
    await t.searchSettled();
    await peter.goto(t.url + '/soeg?q=' + encodeURIComponent(SLIDE_PHRASE.toLowerCase()));
    const result = peter.locator('.search-result-title').filter({ hasText: WEBINAR });
    await result.waitFor();
    await expectAccessible(peter);
    await result.getByRole('link').click();
    await peter.waitForURL(webinarUrl);
  });

  it('7. a follow-up question links back to the webinar, and the webinar lists it', async () => {
    await peter.getByRole('link', { name: 'Stil et opfølgende spørgsmål' }).click();
    await peter.waitForURL(/\/spoergsmaal\/ny\?webinar=\d+$/);
    await expectAccessible(peter);
    await peter.getByLabel('Spørgsmål', { exact: true }).fill('Hvilke krav stillede Gladsaxe til leverandøren i udbuddet?');
    await peter.getByRole('button', { name: 'Offentliggør' }).click();
    await peter.waitForURL(/\/spoergsmaal\/\d+-opfoelgning/);
    const back = peter.locator('.follow-up-of').getByRole('link', { name: WEBINAR });
    await expectAccessible(peter);
    await back.click();
    await peter.waitForURL(webinarUrl);
    await peter
      .getByRole('region', { name: 'Spørgsmål efter webinaret' })
      .getByRole('link', { name: `Opfølgning: ${WEBINAR}` })
      .waitFor();
    await peter.getByRole('region', { name: 'Emneforslag, som webinaret besvarer' }).getByRole('link', { name: TOPIC }).waitFor();
    await expectAccessible(peter);
  });
});
