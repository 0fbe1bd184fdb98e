import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, newPage } from '../support/browser.js';
import { ApiSession, signIn } from '../support/http.js';
import { TEST_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

const MODERATOR = 'mette.synonymer@kombit.dk';
const MEMBER = 'sofie.synonymer@gladsaxe.dk';
const QUESTION = 'Adgangskort virker ikke ved hoveddøren';
const TERMS_LABEL = 'Ord der betyder det samme, adskilt af komma';

/** The titles the search API gives an anonymous reader for `q`. */
async function searchTitles(session: ApiSession, q: string): Promise<string[]> {
  const response = await session.get(`/api/search?q=${encodeURIComponent(q)}`);
  expect(response.status).toBe(200);
  return response.body.hits.map((hit: { title: string }) => hit.title);
}

/** The row of the group whose terms include `term`. */
function groupRow(page: Page, term: string) {
  return page.getByRole('row').filter({ has: page.getByText(term, { exact: true }) });
}

// One app per file: SvelteKit's handler reads its environment (the API's address) once, when loaded.
describe('synonyms, edited by moderators in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let moderator: Page;
  let plain: Page;
  let anonymous: ApiSession;

  beforeAll(async () => {
    t = await startTestApp({ web: true });
    await t.createUser({ email: MODERATOR, organizationCode: 'KOMBIT', role: 'moderator', name: 'Mette Moderator' });
    await t.createUser({ email: MEMBER, organizationCode: '0159', name: 'Sofie Lund' });
    const member = await signIn(t.url, MEMBER, TEST_PASSWORD);
    const created = await member.post('/api/content', {
      kind: 'question',
      title: QUESTION,
      body: 'Medarbejdernes adgangskort bliver afvist ved døren efter skiftet til den nye leverandør.',
      visibility: 'public',
    });
    expect(created.status).toBe(201);
    await t.searchSettled();
    anonymous = new ApiSession(t.url);

    browser = await launchBrowser();
    moderator = await newPage(browser);
    await logIn(moderator, t.url, MODERATOR, TEST_PASSWORD);
    plain = await newPage(browser, { javaScriptEnabled: false });
    await logIn(plain, t.url, MODERATOR, TEST_PASSWORD);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lists the groups for a moderator, reached from the header, with an explanation', async () => {
    await moderator.goto(t.url + '/');
    await moderator.getByRole('link', { name: 'Synonymer' }).click();
    await moderator.waitForURL(/\/admin\/synonymer$/);
    await moderator.getByRole('heading', { level: 1, name: 'Synonymer i søgningen' }).waitFor();
    await moderator.getByText('Ændringer når ud til søgningen inden for få sekunder.').waitFor();
    // The groups the migration starts with.
    await groupRow(moderator, 'Context Handler').getByText('CH', { exact: true }).waitFor();
    await expectAccessible(moderator);
  });

  it('finds the question by the other word once a moderator has added the group', async () => {
    expect(await searchTitles(anonymous, 'badge')).toEqual([]);

    await moderator.goto(t.url + '/admin/synonymer');
    await moderator.getByLabel(TERMS_LABEL).fill('adgangskort, badge');
    await moderator.getByRole('button', { name: 'Tilføj gruppe' }).click();
    await moderator.getByRole('status').getByText('Synonymgruppen er tilføjet.').waitFor();
    const row = groupRow(moderator, 'badge');
    await row.getByText('adgangskort', { exact: true }).waitFor();
    await row.getByText('af Mette Moderator').waitFor();
    expect(await moderator.getByLabel(TERMS_LABEL).inputValue()).toBe('');

    await t.searchSettled();
    expect(await searchTitles(anonymous, 'badge')).toEqual([QUESTION]);
    await moderator.goto(t.url + '/soeg?q=badge');
    await moderator.locator('.search-result-title').getByRole('link', { name: QUESTION }).waitFor();
  });

  it('refuses members the page', async () => {
    const member = await newPage(browser);
    await logIn(member, t.url, MEMBER, TEST_PASSWORD);
    expect(await member.getByRole('link', { name: 'Synonymer' }).count()).toBe(0);
    const response = await member.goto(t.url + '/admin/synonymer');
    expect(response?.status()).toBe(403);
    await member.getByRole('heading', { level: 1, name: 'Du har ikke adgang' }).waitFor();
    expect(await member.getByLabel(TERMS_LABEL).count()).toBe(0);
    await member.context().close();
  });

  it('without JavaScript shows what is wrong with a group of one word, and keeps it in the field', async () => {
    await plain.goto(t.url + '/admin/synonymer');
    await plain.getByLabel(TERMS_LABEL).fill('netprint');
    await plain.getByRole('button', { name: 'Tilføj gruppe' }).click();
    const summary = plain.getByRole('alert');
    await summary.getByRole('link', { name: 'Skriv mindst to forskellige ord, der betyder det samme' }).waitFor();
    const field = plain.getByLabel(TERMS_LABEL);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.inputValue()).toBe('netprint');
    await expectAccessible(plain);
  });

  it('without JavaScript says which group already has a word', async () => {
    await plain.goto(t.url + '/admin/synonymer');
    await plain.getByLabel(TERMS_LABEL).fill('CH, kontekst');
    await plain.getByRole('button', { name: 'Tilføj gruppe' }).click();
    await plain
      .getByRole('alert')
      .getByRole('link', { name: /"CH" står allerede i gruppen/ })
      .waitFor();
    expect(await plain.getByLabel(TERMS_LABEL).getAttribute('aria-invalid')).toBe('true');
  });

  it('without JavaScript edits a group on its own page', async () => {
    await plain.goto(t.url + '/admin/synonymer');
    await groupRow(plain, 'badge')
      .getByRole('link', { name: /^Redigér/ })
      .click();
    await plain.getByRole('heading', { level: 1, name: 'Redigér synonymgruppe' }).waitFor();
    const field = plain.getByLabel(TERMS_LABEL);
    expect(await field.inputValue()).toBe('adgangskort, badge');
    await expectAccessible(plain);
    await field.fill('adgangskort, badge, nøglekort');
    await plain.getByRole('button', { name: 'Gem gruppe' }).click();
    await plain.waitForURL(/\/admin\/synonymer\?gemt=rettet$/);
    await plain.getByText('Synonymgruppen er rettet.').waitFor();
    await groupRow(plain, 'badge').getByText('nøglekort', { exact: true }).waitFor();
  });

  it('without JavaScript deletes a group after asking, and search stops using it', async () => {
    await plain.goto(t.url + '/admin/synonymer');
    await groupRow(plain, 'badge').getByRole('link', { name: /^Slet/ }).click();
    await plain.getByText('Vil du slette gruppen med ordene adgangskort, badge, nøglekort?').waitFor();
    await expectAccessible(plain);
    await plain.getByRole('button', { name: 'Slet gruppen' }).click();
    await plain.waitForURL(/\/admin\/synonymer\?gemt=slettet$/);
    await plain.getByText('Synonymgruppen er slettet.').waitFor();
    expect(await groupRow(plain, 'badge').count()).toBe(0);

    await t.searchSettled();
    expect(await searchTitles(anonymous, 'badge')).toEqual([]);
  });
});
