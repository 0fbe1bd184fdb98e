import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, newPage } from '../support/browser.js';
import { signIn, type ApiSession } from '../support/http.js';
import { TEST_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

// Topic suggestions in the browser: suggest (with and without JavaScript), vote from the list and the page,
// contact details per the suggester's choice, and KOMBIT's moderators planning, declining and merging.

const SOFIE_TITLE = 'Leverandørskift på snitflader i praksis';
const LENE_TITLE = 'Kursus i at læse Beskedfordelerens logfiler';

/** The count shown in a suggestion's vote group, e.g. "1 stemme". */
async function countIn(page: Page, subject: string): Promise<string> {
  const text = await page
    .getByRole('group', { name: `Stemmer på ${subject}` })
    .locator('.vote-count')
    .textContent();
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

const idOf = (url: string) => Number(/\/emneforslag\/(\d+)-/.exec(url)?.[1]);

// One app per file: SvelteKit's handler reads its environment (the API's address) once, when loaded.
describe('topic suggestions in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let sofie: Page;
  let peter: Page;
  let moderator: Page;
  let moderatorApi: ApiSession;
  let sofieUrl = '';
  let leneUrl = '';

  beforeAll(async () => {
    t = await startTestApp({ web: true });
    await t.createUser({ email: 'sofie@gladsaxe.dk', organizationCode: '0159', name: 'Sofie Lund', title: 'Hotline' });
    await t.createUser({ email: 'lene@gladsaxe.dk', organizationCode: '0159', name: 'Lene Nielsen' });
    await t.createUser({ email: 'peter@esbjerg.dk', organizationCode: '0561', name: 'Peter Krogh' });
    await t.createUser({ email: 'jens@aarhus.dk', organizationCode: '0751', name: 'Jens Holm' });
    await t.createUser({ email: 'mette@kombit.dk', organizationCode: 'KOMBIT', name: 'Mette Moderator', role: 'moderator' });
    browser = await launchBrowser();
    sofie = await newPage(browser);
    peter = await newPage(browser, { javaScriptEnabled: false });
    moderator = await newPage(browser);
    await logIn(sofie, t.url, 'sofie@gladsaxe.dk', TEST_PASSWORD);
    await logIn(peter, t.url, 'peter@esbjerg.dk', TEST_PASSWORD);
    await logIn(moderator, t.url, 'mette@kombit.dk', TEST_PASSWORD);
    moderatorApi = await signIn(t.url, 'mette@kombit.dk', TEST_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A suggestion made through the API, as `email`. */
  async function suggestViaApi(email: string, title: string): Promise<{ id: number; path: string }> {
    const session = await signIn(t.url, email, TEST_PASSWORD);
    const response = await session.post('/api/content', {
      kind: 'suggestion',
      title,
      body: 'Et emne, som flere kommuner har spurgt til.',
      visibility: 'members',
      attributes: { contact: { name: 'Jens Holm', email, shownTo: 'members' } },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  }

  it('shows anonymous visitors the list with the cycle explained, and sends them to log in before suggesting', async () => {
    const page = await newPage(browser);
    await page.goto(t.url + '/emneforslag');
    await page.getByRole('heading', { level: 1, name: 'Emneforslag' }).waitFor();
    await page.getByRole('heading', { name: 'Sådan bliver et forslag til et webinar' }).waitFor();
    const login = page.getByRole('link', { name: 'Log ind og foreslå et emne' });
    expect(await login.getAttribute('href')).toBe('/log-ind?redirectTo=%2Femneforslag%2Fny');
    await expectAccessible(page);
    await page.context().close();
  });

  it('tells the suggester what is missing when the form is sent without a title and description', async () => {
    await sofie.goto(t.url + '/emneforslag/ny');
    await sofie.getByLabel('E-mail', { exact: true }).fill('');
    await sofie.getByRole('button', { name: 'Offentliggør' }).click();
    const summary = sofie.getByRole('alert');
    await summary.getByText('Skriv en tekst').waitFor();
    await summary.getByText('Skriv din e-mailadresse').waitFor();
    expect(await sofie.locator('#title').getAttribute('aria-invalid')).toBe('true');
    expect(await sofie.locator('#contactEmail').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(sofie);
  });

  it('creates a suggestion without JavaScript, the contact details filled in from the profile', async () => {
    const lene = await newPage(browser, { javaScriptEnabled: false });
    await logIn(lene, t.url, 'lene@gladsaxe.dk', TEST_PASSWORD);
    await lene.goto(t.url + '/emneforslag');
    await lene.getByRole('link', { name: 'Foreslå et emne' }).click();
    await lene.waitForURL(/\/emneforslag\/ny$/);
    expect(await lene.getByLabel('Navn', { exact: true }).inputValue()).toBe('Lene Nielsen');
    expect(await lene.getByLabel('E-mail', { exact: true }).inputValue()).toBe('lene@gladsaxe.dk');
    await expectAccessible(lene);

    await lene.getByLabel('Titel').fill(LENE_TITLE);
    await lene.getByLabel('Beskrivelse', { exact: true }).fill('Hvordan læser man *logfilerne*, når en besked ikke når frem?');
    await lene.getByLabel('Fælleskommunal Beskedfordeler', { exact: true }).check();
    await lene.getByLabel('Telefon').fill('+45 12 34 56 78');
    await lene.getByRole('group', { name: 'Hvem må se dine kontaktoplysninger?' }).getByLabel('Kun KOMBITs moderatorer').check();
    await lene.getByRole('group', { name: 'Hvem må se forslaget?' }).getByLabel('Alle, også uden login').check();
    await lene.getByRole('button', { name: 'Offentliggør' }).click();
    await lene.waitForURL(/\/emneforslag\/\d+-kursus-i-at-laese-beskedfordelerens-logfiler$/);
    leneUrl = lene.url();
    await lene.getByRole('heading', { level: 1, name: LENE_TITLE }).waitFor();
    await lene.locator('.suggestion-status').getByText('Ny', { exact: true }).waitFor();
    await lene.getByRole('heading', { name: 'Dine kontaktoplysninger' }).waitFor();
    await lene.getByText('Kun KOMBITs moderatorer kan se dine kontaktoplysninger.').waitFor();
    await lene.context().close();
  });

  it('creates a suggestion with JavaScript and lists it with its status, votes, comments and municipality', async () => {
    await sofie.goto(t.url + '/emneforslag/ny');
    await sofie.getByLabel('Titel').fill(SOFIE_TITLE);
    await sofie.getByLabel('Beskrivelse', { exact: true }).fill('Hvordan flytter man en leverandør over på en **ny snitflade**?');
    await sofie.getByLabel('Emneord').fill('leverandørskift');
    await sofie.getByRole('group', { name: 'Hvem må se forslaget?' }).getByLabel('Alle, også uden login').check();
    await sofie.getByRole('button', { name: 'Offentliggør' }).click();
    await sofie.waitForURL(/\/emneforslag\/\d+-leverandoerskift-paa-snitflader-i-praksis$/);
    sofieUrl = sofie.url();
    expect(await sofie.locator('.rich-text strong').textContent()).toBe('ny snitflade');

    await sofie.goto(t.url + '/emneforslag');
    const item = sofie.getByRole('article', { name: SOFIE_TITLE });
    await item.getByText('Status: Ny', { exact: true }).waitFor();
    expect(await countIn(sofie, `forslaget “${SOFIE_TITLE}”`)).toBe('0 stemmer');
    await item.getByText('0 kommentarer').waitFor();
    await item.getByRole('link', { name: 'Gladsaxe' }).waitFor();
    await expectAccessible(sofie);
  });

  it('sends an old address of a suggestion to its canonical one', async () => {
    await sofie.goto(`${t.url}/emneforslag/${idOf(sofieUrl)}-et-gammelt-navn`);
    expect(sofie.url()).toBe(sofieUrl);
  });

  it('shows similar suggestions while the title is typed, each linking to the suggestion', async () => {
    await t.searchSettled();
    await sofie.goto(t.url + '/emneforslag/ny');
    await sofie.getByLabel('Titel').fill('Leverandørskift snitflader');
    const similar = sofie.locator('#lignende-forslag');
    await similar.getByRole('heading', { name: 'Lignende forslag' }).waitFor();
    expect(await similar.getByRole('link', { name: SOFIE_TITLE }).getAttribute('href')).toBe(new URL(sofieUrl).pathname);
    await similar.getByRole('status').getByText('Stem hellere på et eksisterende forslag').waitFor();
    await expectAccessible(sofie);
  });

  it('lets a member of another municipality vote from the list and take the vote back, without JavaScript', async () => {
    const subject = `forslaget “${SOFIE_TITLE}”`;
    await peter.goto(t.url + '/emneforslag?sortering=newest');
    await peter.getByRole('button', { name: `Stem på ${subject}` }).click();
    await peter.waitForURL(/\/emneforslag\?sortering=newest#forslag-\d+$/);
    expect(await countIn(peter, subject)).toBe('1 stemme');

    await peter.getByRole('button', { name: `Fjern stemme fra ${subject}` }).click();
    await peter.waitForURL(/\/emneforslag\?sortering=newest#forslag-\d+$/);
    expect(await countIn(peter, subject)).toBe('0 stemmer');
    await peter.getByRole('button', { name: `Stem på ${subject}` }).waitFor();
  });

  it('counts a vote on the suggestion’s page in place, with JavaScript', async () => {
    const jens = await newPage(browser);
    await logIn(jens, t.url, 'jens@aarhus.dk', TEST_PASSWORD);
    await jens.goto(sofieUrl);
    await jens.getByRole('button', { name: 'Stem på forslaget' }).click();
    await expect.poll(() => countIn(jens, 'forslaget')).toBe('1 stemme');
    await jens.getByText('Du har stemt').waitFor();
    await jens.reload();
    expect(await countIn(jens, 'forslaget')).toBe('1 stemme');
    await jens.context().close();
  });

  it('offers no vote button on one’s own suggestion', async () => {
    await sofie.goto(sofieUrl);
    await sofie.getByText('Du kan ikke stemme på dit eget forslag.').waitFor();
    expect(await sofie.getByRole('group', { name: 'Stemmer på forslaget' }).getByRole('button').count()).toBe(0);
  });

  it('never shows the contact details to anonymous visitors', async () => {
    const page = await newPage(browser);
    await page.goto(sofieUrl);
    await page.getByRole('heading', { level: 1, name: SOFIE_TITLE }).waitFor();
    expect(await page.getByRole('heading', { name: 'Kontakt forslagsstilleren' }).count()).toBe(0);
    expect(await page.content()).not.toContain('sofie@gladsaxe.dk');
    await page.context().close();
  });

  it('shows the contact details to logged-in members when the suggester chose so', async () => {
    await peter.goto(sofieUrl);
    const contact = peter.getByRole('region', { name: 'Kontakt forslagsstilleren' });
    expect(await contact.getByRole('link', { name: 'sofie@gladsaxe.dk' }).getAttribute('href')).toBe('mailto:sofie@gladsaxe.dk');
    await expectAccessible(peter);
  });

  it('keeps the contact details from members, but not from moderators, when the suggester chose moderators only', async () => {
    await peter.goto(leneUrl);
    await peter.getByRole('heading', { level: 1, name: LENE_TITLE }).waitFor();
    expect(await peter.getByRole('heading', { name: 'Kontakt forslagsstilleren' }).count()).toBe(0);
    expect(await peter.content()).not.toContain('lene@gladsaxe.dk');

    await moderator.goto(leneUrl);
    const contact = moderator.getByRole('region', { name: 'Kontakt forslagsstilleren' });
    await contact.getByRole('link', { name: 'lene@gladsaxe.dk' }).waitFor();
    await contact.getByRole('link', { name: '+45 12 34 56 78' }).waitFor();
  });

  it('asks the moderator for a reason when declining without one', async () => {
    await moderator.goto(sofieUrl);
    const form = moderator.getByRole('region', { name: 'Skift status' });
    await form.getByLabel('Ny status').selectOption({ label: 'Afvist' });
    await form.getByRole('button', { name: 'Skift status' }).click();
    await form.getByRole('alert').getByText('Skriv en begrundelse, når et forslag afvises').waitFor();
    expect(await moderator.locator('#status-reason').getAttribute('aria-invalid')).toBe('true');
    await moderator.locator('.suggestion-status').getByText('Ny', { exact: true }).waitFor();
    await expectAccessible(moderator);
  });

  it('lets a moderator plan the suggestion for a webinar, shown on the page and in its timeline', async () => {
    const created = await moderatorApi.post('/api/content', {
      kind: 'webinar',
      title: 'Infrastruktur i praksis: leverandørskift',
      body: 'Kommuner fortæller om at flytte en leverandør til en ny snitflade.',
      visibility: 'public',
      attributes: {
        series: 'Infrastruktur i praksis',
        startsAt: '2026-12-10T10:00:00+01:00',
        endsAt: '2026-12-10T12:00:00+01:00',
        hosts: ['0159'],
        programme: [],
        status: 'planned',
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    await moderator.goto(sofieUrl);
    const form = moderator.getByRole('region', { name: 'Skift status' });
    await form.getByLabel('Ny status').selectOption({ label: 'Planlagt' });
    await form.getByLabel('Webinar').selectOption(String(created.body.id));
    await form.getByLabel('Begrundelse').fill('Mange kommuner har stemt på emnet.');
    await form.getByRole('button', { name: 'Skift status' }).click();

    const timeline = moderator.getByRole('region', { name: 'Forløb' });
    const step = timeline.getByRole('listitem').last();
    await step.getByText('Planlagt', { exact: true }).waitFor();
    await step.getByText(/^Af Mette Moderator, /).waitFor();
    await step.getByText('Begrundelse: Mange kommuner har stemt på emnet.').waitFor();
    expect(await step.getByRole('link', { name: created.body.title }).getAttribute('href')).toBe(created.body.path);
    await moderator.getByText('Planlagt til webinaret').waitFor();
    await moderator.locator('.suggestion-status').getByText('Planlagt', { exact: true }).waitFor();
    await expectAccessible(moderator);
  });

  it('lists only the planned suggestions under the status filter, with the filter in the address', async () => {
    await sofie.goto(t.url + '/emneforslag');
    await sofie.getByLabel('Status').selectOption({ label: 'Planlagt' });
    await sofie.getByRole('button', { name: 'Filtrér' }).click();
    await sofie.waitForURL(/\/emneforslag\?.*status=planned/);
    await sofie.getByRole('link', { name: SOFIE_TITLE }).waitFor();
    expect(await sofie.getByRole('link', { name: LENE_TITLE }).count()).toBe(0);
  });

  it('lets a moderator merge a duplicate into another suggestion, its votes moving along', async () => {
    const kept = await suggestViaApi('jens@aarhus.dk', 'Sådan tester man nye snitflader før drift');
    const duplicate = await suggestViaApi('lene@gladsaxe.dk', 'Test af nye snitflader inden de går i drift');
    const esbjerg = await signIn(t.url, 'peter@esbjerg.dk', TEST_PASSWORD);
    expect((await esbjerg.post(`/api/content/${duplicate.id}/vote`, { value: 1 })).status).toBe(200);

    await moderator.goto(t.url + duplicate.path);
    const form = moderator.getByRole('region', { name: 'Slå sammen med et andet forslag' });
    await form.getByLabel('Forslaget, der skal beholdes').selectOption(String(kept.id));
    await form.getByLabel('Begrundelse').fill('Samme emne');
    await form.getByRole('button', { name: 'Slå sammen' }).click();

    const notice = moderator.getByRole('status').filter({ hasText: 'Slået sammen med et andet forslag' });
    await notice.getByRole('link', { name: 'Sådan tester man nye snitflader før drift' }).click();
    await moderator.waitForURL(new RegExp(`/emneforslag/${kept.id}-`));
    expect(await countIn(moderator, 'forslaget')).toBe('1 stemme');
  });

  it('lets the suggester change the contact details afterwards', async () => {
    await sofie.goto(sofieUrl);
    await sofie.getByRole('link', { name: 'Redigér forslaget' }).click();
    await sofie.waitForURL(/\/rediger$/);
    await sofie.getByLabel('Telefon').fill('+45 87 65 43 21');
    await sofie.getByRole('button', { name: 'Gem ændringer' }).click();
    await sofie.waitForURL(sofieUrl);
    await sofie.getByRole('region', { name: 'Dine kontaktoplysninger' }).getByRole('link', { name: '+45 87 65 43 21' }).waitFor();
  });
});
