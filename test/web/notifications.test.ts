import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, newPage } from '../support/browser.js';
import { signIn, type ApiSession } from '../support/http.js';
import { TEST_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

const TITLE = 'Kursus i at flytte en leverandør til en ny snitflade';

/** The header's link to the notifications, named with the unread count when there is one. */
const bell = (page: Page) => page.getByRole('banner').getByRole('link', { name: /^Notifikationer/ });

// One app per file: SvelteKit's handler reads its environment (the API's address) once, when loaded.
describe('notifications in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let moderatorApi: ApiSession;
  let suggestion: { id: number; path: string };
  /** Sofie suggested the topic and Peter voted for it; each has a page with and without JavaScript. */
  let sofie: Page;
  let sofieScripted: Page;
  let peter: Page;

  beforeAll(async () => {
    t = await startTestApp({ web: true, withoutSearch: true });
    await t.createUser({ email: 'sofie@gladsaxe.dk', organizationCode: '0159', name: 'Sofie Lund' });
    await t.createUser({ email: 'peter@esbjerg.dk', organizationCode: '0561', name: 'Peter Krogh' });
    await t.createUser({ email: 'mona@kombit.dk', organizationCode: 'KOMBIT', role: 'moderator', name: 'Mona Moderator' });
    const sofieApi = await signIn(t.url, 'sofie@gladsaxe.dk', TEST_PASSWORD);
    const peterApi = await signIn(t.url, 'peter@esbjerg.dk', TEST_PASSWORD);
    moderatorApi = await signIn(t.url, 'mona@kombit.dk', TEST_PASSWORD);

    const created = await sofieApi.post('/api/content', {
      kind: 'suggestion',
      title: TITLE,
      body: 'Hvordan andre kommuner har flyttet en leverandør over på en ny snitflade.',
      visibility: 'public',
      attributes: { contact: { name: 'Sofie Lund', email: 'sofie@gladsaxe.dk' } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    suggestion = { id: created.body.id, path: created.body.path };
    expect((await peterApi.post(`/api/content/${suggestion.id}/vote`, { value: 1 })).status).toBe(200);
    const moved = await moderatorApi.post(`/api/content/${suggestion.id}/status`, { status: 'considering' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);

    browser = await launchBrowser();
    sofie = await newPage(browser, { javaScriptEnabled: false });
    peter = await newPage(browser, { javaScriptEnabled: false });
    sofieScripted = await newPage(browser);
    await Promise.all([
      logIn(sofie, t.url, 'sofie@gladsaxe.dk', TEST_PASSWORD),
      logIn(sofieScripted, t.url, 'sofie@gladsaxe.dk', TEST_PASSWORD),
      logIn(peter, t.url, 'peter@esbjerg.dk', TEST_PASSWORD),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('sends an anonymous visitor to log in', async () => {
    const visitor = await newPage(browser, { javaScriptEnabled: false });
    await visitor.goto(t.url + '/notifikationer');
    expect(new URL(visitor.url()).pathname + new URL(visitor.url()).search).toBe('/log-ind?redirectTo=%2Fnotifikationer');
    expect(await bell(visitor).count()).toBe(0);
    await visitor.context().close();
  });

  it('shows the suggester and the voter one unread notification on the bell', async () => {
    for (const page of [sofie, peter]) {
      await page.goto(t.url + '/');
      expect((await bell(page).textContent())?.replace(/\s+/g, ' ').trim()).toBe('Notifikationer 1');
      expect(await page.getByRole('link', { name: 'Notifikationer, 1 ulæst', exact: true }).count()).toBe(1);
    }
  });

  it('lists the notification as a Danish sentence, marked unread in words, linking to the suggestion', async () => {
    await sofie.goto(t.url + '/');
    await bell(sofie).click();
    await sofie.waitForURL(`${t.url}/notifikationer`);
    await sofie.getByRole('heading', { level: 1, name: 'Notifikationer' }).waitFor();
    const item = sofie.getByRole('listitem').filter({ hasText: TITLE });
    expect((await item.innerText()).replace(/\s+/g, ' ')).toMatch(
      /^Ulæst Emneforslaget «Kursus i at flytte en leverandør til en ny snitflade» er nu /,
    );
    expect(await item.getByRole('link').getAttribute('href')).toBe(suggestion.path);
    await sofie.getByText('Du har 1 ulæst notifikation.').waitFor();
    await expectAccessible(sofie);
  });

  it('marks one notification read without JavaScript, and the bell loses its count', async () => {
    await sofie.goto(t.url + '/notifikationer');
    await sofie.getByRole('listitem').filter({ hasText: TITLE }).getByRole('button', { name: 'Markér som læst' }).click();
    await sofie.getByText('Du har ingen ulæste notifikationer.').waitFor();
    const item = sofie.getByRole('listitem').filter({ hasText: TITLE });
    expect(await item.getByText('Ulæst', { exact: true }).count()).toBe(0);
    expect(await item.getByRole('button', { name: 'Markér som læst' }).count()).toBe(0);
    expect((await bell(sofie).textContent())?.trim()).toBe('Notifikationer');
  });

  it('marks all read without JavaScript', async () => {
    await peter.goto(t.url + '/notifikationer');
    await peter.getByRole('button', { name: 'Markér alle som læst' }).click();
    await peter.getByText('Du har ingen ulæste notifikationer.').waitFor();
    expect(await peter.getByRole('button', { name: 'Markér alle som læst' }).count()).toBe(0);
    expect((await bell(peter).textContent())?.trim()).toBe('Notifikationer');
  });

  it('marks a notification read when it is followed with JavaScript', async () => {
    const declined = await moderatorApi.post(`/api/content/${suggestion.id}/status`, {
      status: 'declined',
      reason: 'Emnet er dækket af webinaret om snitflader',
    });
    expect(declined.status, JSON.stringify(declined.body)).toBe(200);
    await sofieScripted.goto(t.url + '/notifikationer');
    await sofieScripted.getByText('Du har 1 ulæst notifikation.').waitFor();
    await sofieScripted.getByRole('link', { name: /Begrundelse: Emnet er dækket af webinaret om snitflader/ }).click();
    await sofieScripted.waitForURL(t.url + suggestion.path);
    await expect.poll(async () => (await bell(sofieScripted).textContent())?.trim()).toBe('Notifikationer');
    await sofieScripted.goto(t.url + '/notifikationer');
    await sofieScripted.getByText('Du har ingen ulæste notifikationer.').waitFor();
    await expectAccessible(sofieScripted);
  });
});
