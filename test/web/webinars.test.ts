import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, newPage } from '../support/browser.js';
import { signIn, type ApiSession } from '../support/http.js';
import { TEST_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

// Webinars in the browser: KOMBIT's moderators plan them (with and without JavaScript), members sign up and off,
// moderators see who signed up, put up material and move a webinar on; questions follow up on a webinar.

const WINTER_TITLE = 'Infrastruktur i praksis: Fælleskommunal Adgangsstyring';
const SUMMER_TITLE = 'Infrastruktur i praksis: Beskedfordeleren om sommeren';

const idOf = (url: string) => Number(/\/webinarer\/(\d+)-/.exec(url)?.[1]);

/** The visible text of an element, whitespace collapsed. */
async function textOf(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().innerText()) ?? '').replace(/\s+/g, ' ').trim();
}

/** A PDF with a line of text on each of `pages` pages (pdf-lib, as a moderator's slides would be). */
async function pdfWith(text: string, pages = 1): Promise<Buffer> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let index = 0; index < pages; index++) document.addPage().drawText(`${text} (${index + 1})`, { x: 50, y: 700, size: 14, font });
  return Buffer.from(await document.save({ useObjectStreams: false }));
}

// One app per file: SvelteKit's handler reads its environment (the API's address) once, when loaded.
describe('webinars in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let moderator: Page;
  let moderatorApi: ApiSession;
  let winterUrl = '';
  let summerUrl = '';

  beforeAll(async () => {
    t = await startTestApp({ web: true, withoutSearch: true });
    await t.createUser({ email: 'sofie@gladsaxe.dk', organizationCode: '0159', name: 'Sofie Lund', title: 'Hotline' });
    await t.createUser({ email: 'peter@esbjerg.dk', organizationCode: '0561', name: 'Peter Krogh' });
    await t.createUser({ email: 'mette@kombit.dk', organizationCode: 'KOMBIT', name: 'Mette Moderator', role: 'moderator' });
    browser = await launchBrowser();
    moderator = await newPage(browser);
    await logIn(moderator, t.url, 'mette@kombit.dk', TEST_PASSWORD);
    moderatorApi = await signIn(t.url, 'mette@kombit.dk', TEST_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A webinar planned through the API, on a Copenhagen date 10:00–11:00. */
  async function webinarViaApi(title: string, startsAt: string, endsAt: string): Promise<{ id: number; path: string }> {
    const response = await moderatorApi.post('/api/content', {
      kind: 'webinar',
      title,
      body: 'Et webinar i rækken.',
      attributes: { startsAt, endsAt, hosts: ['0561'] },
    });
    expect(response.status).toBe(201);
    return { id: response.body.id, path: response.body.path };
  }

  it('lets a moderator plan a webinar without JavaScript, with hosts and a programme in time order', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await logIn(page, t.url, 'mette@kombit.dk', TEST_PASSWORD);
    await page.goto(t.url + '/webinarer');
    await page.getByRole('link', { name: 'Opret webinar' }).click();
    await page.waitForURL(/\/webinarer\/ny$/);
    await page.getByLabel('Titel').fill(WINTER_TITLE);
    await page.getByLabel('Dato').fill('2027-01-14');
    await page.getByLabel('Start', { exact: true }).first().fill('10:00');
    await page.getByLabel('Slut', { exact: true }).first().fill('12:00');
    await page.getByLabel('Gladsaxe', { exact: true }).check();
    await page.getByLabel('Esbjerg', { exact: true }).check();
    await page.getByLabel('Beskrivelse').fill('Hvordan kommunerne bruger **Context Handler** i hverdagen.');
    // Typed out of order: the later talk first.
    await page.locator('#programme-0-start').fill('10:15');
    await page.locator('#programme-0-end').fill('11:00');
    await page.locator('#programme-0-title').fill('Erfaringer fra Gladsaxe');
    await page.locator('#programme-0-speaker').fill('Sofie Lund');
    await page.locator('#programme-0-speakerOrganization').fill('Gladsaxe Kommune');
    await page.locator('#programme-1-start').fill('10:00');
    await page.locator('#programme-1-end').fill('10:15');
    await page.locator('#programme-1-title').fill('Velkomst ved KOMBIT');
    await page.getByRole('button', { name: 'Offentliggør' }).click();
    await page.waitForURL(/\/webinarer\/\d+-infrastruktur-i-praksis-faelleskommunal-adgangsstyring$/);
    winterUrl = page.url();

    await page.getByRole('heading', { level: 1, name: WINTER_TITLE }).waitFor();
    expect(await textOf(page, '.webinar-facts time')).toBe('torsdag den 14. januar 2027 kl. 10.00–12.00');
    const hosts = page.locator('.host-list a');
    expect(await hosts.allInnerTexts()).toEqual(['Gladsaxe', 'Esbjerg']);
    const programme = page.locator('.programme-item');
    expect(await programme.count()).toBe(2);
    expect(await programme.nth(0).innerText()).toMatch(/^10\.00–10\.15\s+Velkomst ved KOMBIT/);
    expect(await programme.nth(1).innerText()).toMatch(/Erfaringer fra Gladsaxe\s+Sofie Lund · Gladsaxe Kommune/);
    await expectAccessible(page);
    await page.context().close();
  });

  it('stores the form’s Danish time with the offset of the day, summer and winter alike', async () => {
    await moderator.goto(t.url + '/webinarer/ny');
    await expectAccessible(moderator);
    await moderator.getByLabel('Titel').fill(SUMMER_TITLE);
    await moderator.getByLabel('Dato').fill('2027-06-03');
    await moderator.getByLabel('Start', { exact: true }).first().fill('10:00');
    await moderator.getByLabel('Slut', { exact: true }).first().fill('11:30');
    await moderator.getByLabel('Beskrivelse').fill('Beskedfordeleren efter sommerferien.');
    await moderator.getByRole('button', { name: 'Offentliggør' }).click();
    await moderator.waitForURL(/\/webinarer\/\d+-/);
    summerUrl = moderator.url();
    expect(await textOf(moderator, '.webinar-facts time')).toBe('torsdag den 3. juni 2027 kl. 10.00–11.30');

    const summer = await moderatorApi.get(`/api/content/${idOf(moderator.url())}`);
    const winter = await moderatorApi.get(`/api/content/${idOf(winterUrl)}`);
    expect([summer.body.attributes.startsAt, winter.body.attributes.startsAt]).toEqual([
      '2027-06-03T10:00:00+02:00',
      '2027-01-14T10:00:00+01:00',
    ]);
  });

  it('lets a moderator edit a webinar, its stored times shown again on a Danish clock', async () => {
    await moderator.goto(summerUrl);
    await moderator.getByRole('link', { name: 'Redigér webinaret' }).click();
    await moderator.waitForURL(/\/rediger$/);
    expect(await moderator.getByLabel('Dato').inputValue()).toBe('2027-06-03');
    expect(await moderator.getByLabel('Start', { exact: true }).first().inputValue()).toBe('10:00');
    await moderator.getByLabel('Slut', { exact: true }).first().fill('12:00');
    await moderator.locator('#programme-0-start').fill('10:00');
    await moderator.locator('#programme-0-end').fill('10:30');
    await moderator.locator('#programme-0-title').fill('Nyt fra Beskedfordeleren');
    await moderator.getByRole('button', { name: 'Gem ændringer' }).click();
    await moderator.waitForURL(summerUrl);
    expect(await textOf(moderator, '.webinar-facts time')).toBe('torsdag den 3. juni 2027 kl. 10.00–12.00');
    expect(await moderator.locator('.programme-item').allInnerTexts()).toEqual([
      expect.stringMatching(/^10\.00–10\.30\s+Nyt fra Beskedfordeleren/),
    ]);
  });

  it('lists upcoming webinars with time, hosts and sign-ups, and links to the calendar feed and topic suggestions', async () => {
    const page = await newPage(browser);
    await page.goto(t.url + '/webinarer');
    const upcoming = page.getByRole('region', { name: 'Kommende webinarer' });
    const card = upcoming.getByRole('article', { name: WINTER_TITLE });
    expect((await card.innerText()).replace(/\s+/g, ' ')).toContain('torsdag den 14. januar 2027 kl. 10.00–12.00');
    expect((await card.innerText()).replace(/\s+/g, ' ')).toMatch(/Værter Gladsaxe, Esbjerg Tilmeldte 0/);
    await card.getByText('Planlagt', { exact: true }).waitFor();
    // Soonest first.
    const titles = await upcoming.getByRole('heading', { level: 3 }).allInnerTexts();
    expect(titles.indexOf(WINTER_TITLE)).toBeLessThan(titles.indexOf(SUMMER_TITLE));
    expect(await page.getByRole('link', { name: 'Abonnér på kalenderen' }).getAttribute('href')).toBe('/api/webinars/calendar.ics');
    expect(await page.getByRole('link', { name: 'Foreslå et emne' }).getAttribute('href')).toBe('/emneforslag');
    expect(await page.getByRole('link', { name: 'Opret webinar' }).count()).toBe(0);
    await expectAccessible(page);
    await page.context().close();
  });

  it('asks anonymous visitors to log in to sign up, and offers the webinar for their calendar', async () => {
    const page = await newPage(browser);
    await page.goto(winterUrl);
    const signup = page.getByRole('region', { name: 'Tilmelding' });
    const login = signup.getByRole('link', { name: 'Log ind for at tilmelde dig' });
    expect(await login.getAttribute('href')).toBe(`/log-ind?redirectTo=${encodeURIComponent(new URL(winterUrl).pathname)}`);
    expect(await signup.getByRole('button').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Føj til kalender' }).getAttribute('href')).toBe(
      `/api/webinars/${idOf(winterUrl)}/calendar.ics`,
    );
    await expectAccessible(page);
    await page.context().close();
  });

  it('lets a member sign up and off without JavaScript, the count following', async () => {
    const sofie = await newPage(browser, { javaScriptEnabled: false });
    await logIn(sofie, t.url, 'sofie@gladsaxe.dk', TEST_PASSWORD);
    await sofie.goto(winterUrl);
    const signup = sofie.getByRole('region', { name: 'Tilmelding' });
    expect(await signup.locator('.signup-count').innerText()).toBe('0 tilmeldte');
    await signup.getByRole('button', { name: 'Tilmeld' }).click();
    await sofie.waitForURL(/#tilmelding$/);
    expect(await signup.locator('.signup-count').innerText()).toBe('1 tilmeldt');
    await signup.getByText('Du er tilmeldt.').waitFor();
    await expectAccessible(sofie);

    await signup.getByRole('button', { name: 'Afmeld' }).click();
    await sofie.waitForURL(/#tilmelding$/);
    expect(await signup.locator('.signup-count').innerText()).toBe('0 tilmeldte');
    await signup.getByRole('button', { name: 'Tilmeld' }).click();
    await sofie.waitForURL(/#tilmelding$/);
    expect(await signup.locator('.signup-count').innerText()).toBe('1 tilmeldt');
    await sofie.context().close();
  });

  it('shows the moderator who signed up, per municipality, and hands out the list as CSV', async () => {
    await moderator.goto(winterUrl);
    await expectAccessible(moderator);
    await moderator.getByRole('link', { name: 'Se tilmeldte (1 tilmeldt)' }).click();
    await moderator.waitForURL(/\/deltagere$/);
    const row = moderator.getByRole('table', { name: 'Alle tilmeldte (1)' }).getByRole('row', { name: /Sofie Lund/ });
    expect((await row.innerText()).split('\t').map((cell) => cell.trim())).toEqual(
      expect.arrayContaining(['Sofie Lund', 'Gladsaxe', 'Hotline', 'sofie@gladsaxe.dk']),
    );
    const perMunicipality = moderator.getByRole('table', { name: 'Tilmeldte pr. kommune' });
    expect((await perMunicipality.getByRole('row', { name: /Gladsaxe/ }).innerText()).replace(/\s+/g, ' ').trim()).toBe('Gladsaxe 1');
    await expectAccessible(moderator);

    const [download] = await Promise.all([
      moderator.waitForEvent('download'),
      moderator.getByRole('link', { name: 'Hent som CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await readFile(await download.path());
    expect(csv.toString('utf8')).toMatch(/Sofie Lund.*Gladsaxe|Gladsaxe.*Sofie Lund/);
  });

  it('shows each field error next to its field: a webinar ending before it begins, then a programme point', async () => {
    await moderator.goto(t.url + '/webinarer/ny');
    await moderator.getByLabel('Titel').fill('Webinar der slutter før det begynder');
    await moderator.getByLabel('Dato').fill('2027-02-11');
    await moderator.getByLabel('Start', { exact: true }).first().fill('10:00');
    await moderator.getByLabel('Slut', { exact: true }).first().fill('09:00');
    await moderator.getByLabel('Beskrivelse').fill('Noget om tid.');
    await moderator.getByRole('button', { name: 'Offentliggør' }).click();
    await moderator.getByRole('alert').getByText('Webinaret skal slutte efter det begynder').waitFor();
    expect(await moderator.locator('#endTime').getAttribute('aria-invalid')).toBe('true');
    expect(await moderator.locator('#endTime-error').innerText()).toContain('Webinaret skal slutte efter det begynder');
    expect(await moderator.locator('#startTime').getAttribute('aria-invalid')).toBeNull();
    await expectAccessible(moderator);

    await moderator.getByLabel('Slut', { exact: true }).first().fill('12:00');
    await moderator.locator('#programme-0-start').fill('10:30');
    await moderator.locator('#programme-0-end').fill('10:15');
    await moderator.locator('#programme-0-title').fill('Et punkt baglæns');
    await moderator.getByRole('button', { name: 'Offentliggør' }).click();
    await moderator.locator('#programme-0-end-error').getByText('Punktet skal slutte efter det begynder').waitFor();
    expect(await moderator.locator('#programme-0-end').getAttribute('aria-invalid')).toBe('true');
    expect(await moderator.locator('#programme-0-title').inputValue()).toBe('Et punkt baglæns');
    expect(await moderator.locator('#endTime').getAttribute('aria-invalid')).toBeNull();
  });

  it('adds programme rows without JavaScript and keeps what was typed', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await logIn(page, t.url, 'mette@kombit.dk', TEST_PASSWORD);
    await page.goto(t.url + '/webinarer/ny');
    expect(await page.locator('.programme-row').count()).toBe(3);
    await page.getByLabel('Titel').fill('Et webinar med et langt program');
    await page.locator('#programme-0-title').fill('Første punkt');
    await page.getByRole('button', { name: 'Tilføj flere rækker' }).click();
    expect(await page.locator('.programme-row').count()).toBe(6);
    expect(await page.locator('#programme-0-title').inputValue()).toBe('Første punkt');
    expect(await page.getByLabel('Titel').inputValue()).toBe('Et webinar med et langt program');
    await page.context().close();
  });

  it('adds and removes programme rows in place with JavaScript', async () => {
    await moderator.goto(t.url + '/webinarer/ny');
    await moderator.locator('#programme-1-title').fill('Andet punkt');
    await moderator.getByRole('button', { name: 'Tilføj en række' }).click();
    expect(await moderator.locator('.programme-row').count()).toBe(4);
    await expect.poll(() => moderator.evaluate(() => document.activeElement?.id)).toBe('programme-3-start');
    await moderator.getByRole('button', { name: 'Fjern punkt 1' }).click();
    expect(await moderator.locator('.programme-row').count()).toBe(3);
    // The rows after it move up, with what was typed in them.
    expect(await moderator.locator('#programme-0-title').inputValue()).toBe('Andet punkt');
    expect(await moderator.locator('#programme-0-title').getAttribute('name')).toBe('programme.0.title');
    expect(moderator.url()).toMatch(/\/webinarer\/ny$/);
  });

  it('takes a follow-up question from the webinar to a prefilled form, and lists the question on the webinar', async () => {
    const sofie = await newPage(browser);
    await logIn(sofie, t.url, 'sofie@gladsaxe.dk', TEST_PASSWORD);
    await sofie.goto(winterUrl);
    await sofie.getByRole('link', { name: 'Stil et opfølgende spørgsmål' }).click();
    await sofie.waitForURL(/\/spoergsmaal\/ny\?webinar=\d+$/);
    await sofie.getByText(`Opfølgende spørgsmål til webinaret «${WINTER_TITLE}»`).waitFor();
    expect(await sofie.getByLabel('Titel').inputValue()).toBe(`Opfølgning: ${WINTER_TITLE}`);
    await sofie.getByLabel('Spørgsmål', { exact: true }).fill('Hvordan satte Gladsaxe Context Handler op til de lokale systemer?');
    // A preview loses the address's ?webinar=, but not the link.
    await sofie.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
    await sofie.getByRole('region', { name: 'Forhåndsvisning' }).waitFor();
    await sofie.getByText(`Opfølgende spørgsmål til webinaret «${WINTER_TITLE}»`).waitFor();
    await sofie.getByRole('button', { name: 'Offentliggør' }).click();
    await sofie.waitForURL(/\/spoergsmaal\/\d+-opfoelgning/);
    const backLink = sofie.locator('.follow-up-of').getByRole('link', { name: WINTER_TITLE });
    expect(await backLink.getAttribute('href')).toBe(new URL(winterUrl).pathname);
    const questionPath = new URL(sofie.url()).pathname;

    await backLink.click();
    await sofie.waitForURL(winterUrl);
    const followUps = sofie.getByRole('region', { name: 'Spørgsmål efter webinaret' });
    expect(await followUps.getByRole('link', { name: `Opfølgning: ${WINTER_TITLE}` }).getAttribute('href')).toBe(questionPath);
    await sofie.context().close();
  });

  it('refuses any form post over 1 MB that is not a signed-in person’s upload (the raised limit is for files only)', async () => {
    const post = (headers: Record<string, string>) =>
      fetch(t.url + '/log-ind', { method: 'POST', body: 'x'.repeat(2 * 1024 * 1024), headers: { origin: t.url, ...headers } });
    expect((await post({ 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(413);
    expect((await post({ 'content-type': 'multipart/form-data; boundary=x' })).status).toBe(413);
  });

  it('lets a moderator put up a PDF as material, shown with its type and size and downloadable', async () => {
    await moderator.goto(winterUrl);
    const material = moderator.getByRole('region', { name: 'Materiale' });
    await material.getByLabel('Fil').setInputFiles({
      name: 'slides-adgangsstyring.pdf',
      mimeType: 'application/pdf',
      buffer: await pdfWith('Fælleskommunal Adgangsstyring i praksis'),
    });
    await material.getByRole('button', { name: 'Læg filen op' }).click();
    const link = material.getByRole('link', { name: 'slides-adgangsstyring.pdf' });
    await link.waitFor();
    expect(await material.locator('.attachment-item').first().innerText()).toMatch(/\(PDF, [\d,]+ kB\)/);
    const response = await moderator.request.get(new URL((await link.getAttribute('href')) ?? '', t.url).href);
    expect([response.status(), response.headers()['content-type']]).toEqual([200, 'application/pdf']);
  });

  it('takes material larger than SvelteKit’s default 512 KB request limit through the form', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await logIn(page, t.url, 'mette@kombit.dk', TEST_PASSWORD);
    await page.goto(winterUrl);
    const big = await pdfWith('Et langt program med mange sider', 1500);
    expect(big.length).toBeGreaterThan(600 * 1024);
    await page.getByLabel('Fil').setInputFiles({ name: 'hele-programmet.pdf', mimeType: 'application/pdf', buffer: big });
    await page.getByRole('button', { name: 'Læg filen op' }).click();
    await page.waitForURL(/#materiale$/);
    await page.getByRole('region', { name: 'Materiale' }).getByRole('link', { name: 'hele-programmet.pdf' }).waitFor();
    await page.context().close();
  });

  it('lets a moderator delete a file from the material', async () => {
    await moderator.goto(winterUrl);
    const material = moderator.getByRole('region', { name: 'Materiale' });
    await material.getByRole('button', { name: 'Slet hele-programmet.pdf' }).click();
    await expect.poll(() => material.getByRole('link', { name: 'hele-programmet.pdf' }).count()).toBe(0);
    expect(await material.getByRole('link', { name: 'slides-adgangsstyring.pdf' }).count()).toBe(1);
  });

  it('refuses a file that is not allowed, with the message at the file field', async () => {
    await moderator.goto(winterUrl);
    const material = moderator.getByRole('region', { name: 'Materiale' });
    await material
      .getByLabel('Fil')
      .setInputFiles({ name: 'noter.pdf', mimeType: 'application/pdf', buffer: Buffer.from('bare tekst, ikke en pdf') });
    await material.getByRole('button', { name: 'Læg filen op' }).click();
    await moderator.locator('#material-file-error').waitFor();
    expect(await moderator.locator('#material-file').getAttribute('aria-invalid')).toBe('true');
    expect(await material.getByRole('link', { name: 'noter.pdf' }).count()).toBe(0);
  });

  it('cancels a webinar only with a reason, and then tells visitors why and closes sign-up', async () => {
    const webinar = await webinarViaApi('Webinar om Ydelsesindekset', '2027-03-04T10:00:00+01:00', '2027-03-04T11:00:00+01:00');
    await moderator.goto(t.url + webinar.path);
    await moderator.getByLabel('Aflyst').check();
    await moderator.getByRole('button', { name: 'Skift status' }).click();
    await moderator.locator('#status-reason-error').getByText('Skriv hvorfor webinaret aflyses').waitFor();
    await expectAccessible(moderator);
    await moderator.getByLabel('Aflyst').check();
    await moderator.getByLabel('Begrundelse').fill('Oplægsholderen er blevet syg');
    await moderator.getByRole('button', { name: 'Skift status' }).click();
    await moderator.getByRole('heading', { name: 'Webinaret er aflyst' }).waitFor();

    const peter = await newPage(browser);
    await logIn(peter, t.url, 'peter@esbjerg.dk', TEST_PASSWORD);
    await peter.goto(t.url + webinar.path);
    await peter.getByRole('alert').getByText('Oplægsholderen er blevet syg').waitFor();
    const signup = peter.getByRole('region', { name: 'Tilmelding' });
    await signup.getByText('Webinaret er aflyst. Tilmeldingen er lukket.').waitFor();
    expect(await signup.getByRole('button').count()).toBe(0);
    await expectAccessible(peter);
    await peter.context().close();
  });

  it('sorts held webinars under “Afholdte webinarer” and marks cancelled ones in the list', async () => {
    const held = await webinarViaApi('Webinar om Klassifikation', '2026-09-10T10:00:00+02:00', '2026-09-10T11:00:00+02:00');
    expect((await moderatorApi.post(`/api/content/${held.id}/status`, { status: 'held' })).status).toBe(200);
    const page = await newPage(browser);
    await page.goto(t.url + '/webinarer');
    await page
      .getByRole('region', { name: 'Afholdte webinarer' })
      .getByRole('article', { name: 'Webinar om Klassifikation' })
      .getByText('Afholdt')
      .waitFor();
    expect(
      await page.getByRole('region', { name: 'Kommende webinarer' }).getByRole('link', { name: 'Webinar om Klassifikation' }).count(),
    ).toBe(0);
    const cancelled = page.getByRole('region', { name: 'Kommende webinarer' }).getByRole('article', { name: 'Webinar om Ydelsesindekset' });
    await cancelled.getByText('Aflyst', { exact: true }).waitFor();
    await page.context().close();
  });
});
