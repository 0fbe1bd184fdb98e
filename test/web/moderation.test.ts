import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, newPage } from '../support/browser.js';
import { signIn, type ApiSession } from '../support/http.js';
import { TEST_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

// Flags and the moderators' queue in the browser: a member flags without JavaScript, three municipalities hide an
// item pending review, and a moderator decides in the queue (also without JavaScript).

const FLAGGED_TITLE = 'Beskedfordeleren afviser beskeder fra vores ESDH';
const QUIET_TITLE = 'Hvem har erfaring med Context Handler i test?';
const REPLY_THREAD_TITLE = 'Hvordan opretter man en ny jobfunktionsrolle?';
const REPLY_TEXT = 'Ring til Jens på 12345678, han ved det hele (cpr 010101-1234).';

describe('flags and the moderators’ queue in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  /** Peter, Esbjerg: flags without JavaScript. */
  let flagger: Page;
  /** Frida, Gladsaxe: writes what gets flagged. */
  let author: Page;
  /** Mette, KOMBIT: decides without JavaScript. */
  let moderator: Page;
  let authorApi: ApiSession;
  let anna: ApiSession;
  let lone: ApiSession;
  let flaggedQuestion: { id: number; path: string };
  let quietQuestion: { id: number; path: string };
  let replyThread: { id: number; path: string };
  let replyId = 0;

  async function ask(title: string, body: string): Promise<{ id: number; path: string }> {
    const response = await authorApi.post('/api/content', { kind: 'question', title, body, visibility: 'public' });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return { id: response.body.id as number, path: response.body.path as string };
  }

  /** The card of one flagged item in the queue, found by its title link. */
  const card = (page: Page, title: string) =>
    page.getByRole('article').filter({ has: page.getByRole('heading', { level: 2, name: title }) });

  beforeAll(async () => {
    t = await startTestApp({ web: true, withoutSearch: true, env: { FLAG_HIDE_THRESHOLD: '3' } });
    await t.createUser({ email: 'frida@gladsaxe.dk', organizationCode: '0159', name: 'Frida Forfatter' });
    await t.createUser({ email: 'peter@esbjerg.dk', organizationCode: '0561', name: 'Peter Krogh' });
    await t.createUser({ email: 'anna@aarhus.dk', organizationCode: '0751', name: 'Anna Aarhus' });
    await t.createUser({ email: 'ole@odense.dk', organizationCode: '0461', name: 'Ole Odense' });
    await t.createUser({ email: 'lone@kk.dk', organizationCode: '0101', name: 'Lone København' });
    await t.createUser({ email: 'mette@kombit.dk', organizationCode: 'KOMBIT', name: 'Mette Moderator', role: 'moderator' });
    authorApi = await signIn(t.url, 'frida@gladsaxe.dk', TEST_PASSWORD);
    anna = await signIn(t.url, 'anna@aarhus.dk', TEST_PASSWORD);
    lone = await signIn(t.url, 'lone@kk.dk', TEST_PASSWORD);

    // Flagged once, before the other: the queue still puts the hidden one first.
    quietQuestion = await ask(QUIET_TITLE, 'Vi vil gerne teste mod Context Handler, før vi går i drift.');
    flaggedQuestion = await ask(FLAGGED_TITLE, 'Siden fredag afviser Beskedfordeleren alle beskeder fra vores ESDH-system.');
    replyThread = await ask(REPLY_THREAD_TITLE, 'Vi skal oprette en ny jobfunktionsrolle til hjemmeplejen.');
    const reply = await anna.post(`/api/content/${replyThread.id}/replies`, { body: REPLY_TEXT });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    replyId = reply.body.id as number;
    expect((await lone.post(`/api/content/${quietQuestion.id}/flags`, { reason: 'off_topic' })).status).toBe(201);

    browser = await launchBrowser();
    flagger = await newPage(browser, { javaScriptEnabled: false });
    author = await newPage(browser);
    moderator = await newPage(browser, { javaScriptEnabled: false });
    await logIn(flagger, t.url, 'peter@esbjerg.dk', TEST_PASSWORD);
    await logIn(author, t.url, 'frida@gladsaxe.dk', TEST_PASSWORD);
    await logIn(moderator, t.url, 'mette@kombit.dk', TEST_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('offers no flag link on one’s own question', async () => {
    await author.goto(t.url + flaggedQuestion.path);
    await author.getByRole('heading', { level: 1, name: FLAGGED_TITLE }).waitFor();
    expect(await author.getByRole('link', { name: /^Anmeld/ }).count()).toBe(0);
  });

  it('asks a member without JavaScript what is wrong when the flag is sent without a reason', async () => {
    await flagger.goto(t.url + flaggedQuestion.path);
    await flagger.getByRole('link', { name: 'Anmeld spørgsmålet' }).click();
    await flagger.waitForURL(new RegExp(`/anmeld\\?indhold=${flaggedQuestion.id}$`));
    await flagger.getByRole('heading', { level: 1, name: 'Anmeld spørgsmål' }).waitFor();
    expect(await flagger.getByRole('link', { name: FLAGGED_TITLE }).count()).toBe(1);
    await expectAccessible(flagger);

    await flagger.getByRole('button', { name: 'Send anmeldelse' }).click();
    await flagger
      .getByRole('alert')
      .getByRole('link', { name: /Vælg en grund/ })
      .waitFor();
    expect(await flagger.locator('#reason-error').innerText()).toContain('Vælg en grund');
    await expectAccessible(flagger);
  });

  it('needs a description when the member chooses “Andet”', async () => {
    await flagger.goto(`${t.url}/anmeld?indhold=${flaggedQuestion.id}`);
    await flagger.getByRole('group', { name: 'Hvad er der galt?' }).getByLabel('Andet').check();
    await flagger.getByRole('button', { name: 'Send anmeldelse' }).click();
    await flagger.locator('#text-error').getByText('Beskriv hvad der er galt').waitFor();
    expect(await flagger.getByLabel('Beskriv problemet').getAttribute('aria-invalid')).toBe('true');
    expect(await flagger.getByLabel('Andet').isChecked()).toBe(true);
    await expectAccessible(flagger);
  });

  it('thanks the member on the question once the flag is sent, and marks it as flagged', async () => {
    await flagger.goto(`${t.url}/anmeld?indhold=${flaggedQuestion.id}`);
    await flagger.getByLabel('Forkert eller forældet').check();
    await flagger.getByRole('button', { name: 'Send anmeldelse' }).click();
    await flagger.waitForURL((url) => url.pathname === flaggedQuestion.path && url.searchParams.get('anmeldt') === '1');
    await flagger.getByRole('status').getByText('Tak. KOMBITs moderatorer ser på din anmeldelse.').waitFor();
    await flagger.getByText('Du har anmeldt dette').waitFor();
    expect(await flagger.getByRole('link', { name: 'Anmeld spørgsmålet' }).count()).toBe(0);
    await expectAccessible(flagger);
    const stored = await t.db.query('SELECT reason FROM flag WHERE content_id = $1', [flaggedQuestion.id]);
    expect(stored.rows).toEqual([{ reason: 'outdated' }]);
  });

  it('tells the member whose flag hid the question, on a page of its own, that it is hidden pending review', async () => {
    expect((await anna.post(`/api/content/${flaggedQuestion.id}/flags`, { reason: 'abusive' })).status).toBe(201);
    const ole = await newPage(browser);
    await logIn(ole, t.url, 'ole@odense.dk', TEST_PASSWORD);
    await ole.goto(`${t.url}/anmeld?indhold=${flaggedQuestion.id}`);
    await ole.getByLabel('Krænkende eller stødende').check();
    await ole.getByRole('button', { name: 'Send anmeldelse' }).click();
    await ole.waitForURL(/\/anmeld\/modtaget\?type=question$/);
    await ole.getByText('det er skjult, mens KOMBIT ser på anmeldelserne').waitFor();
    expect(await ole.getByRole('link', { name: 'Tilbage til Spørgsmål' }).getAttribute('href')).toBe('/spoergsmaal');
    await expectAccessible(ole);
    await ole.context().close();
  });

  it('shows the author a warning that the question is hidden while KOMBIT looks at the flags', async () => {
    await author.goto(t.url + flaggedQuestion.path);
    const warning = author.getByRole('alert').filter({ hasText: 'Skjult, mens KOMBIT ser på anmeldelser' });
    await warning.waitFor();
    expect(await warning.innerText()).toContain('Flere kommuner har anmeldt spørgsmålet');
    await expectAccessible(author);
  });

  it('answers others who open the hidden question that it does not exist', async () => {
    const other = await newPage(browser);
    await logIn(other, t.url, 'lone@kk.dk', TEST_PASSWORD);
    const response = await other.goto(t.url + flaggedQuestion.path);
    expect(response?.status()).toBe(404);
    await other.context().close();
  });

  it('puts the hidden question first in the moderator’s queue, with its flags and municipalities', async () => {
    await moderator.goto(t.url + '/admin/moderation');
    await moderator.getByRole('heading', { level: 1, name: 'Moderation' }).waitFor();
    expect(await moderator.getByRole('link', { name: 'Åbne anmeldelser' }).getAttribute('aria-current')).toBe('page');
    const titles = await moderator.getByRole('article').getByRole('heading', { level: 2 }).allInnerTexts();
    expect(titles.slice(0, 2)).toEqual([FLAGGED_TITLE, QUIET_TITLE]);
    const flagged = card(moderator, FLAGGED_TITLE);
    await flagged.getByText('Skjult pga. anmeldelser', { exact: true }).waitFor();
    await flagged.getByText('3 kommuner har anmeldt').waitFor();
    expect(await flagged.innerText()).toContain('(grænse: 3)');
    expect(await flagged.innerText()).toMatch(/Anmeldt af Peter Krogh, Esbjerg/);
    expect(await flagged.getByRole('link', { name: FLAGGED_TITLE }).getAttribute('href')).toBe(flaggedQuestion.path);
    await expectAccessible(moderator);
  });

  it('lets the moderator dismiss the flags without JavaScript, and the question is visible again', async () => {
    await moderator.goto(t.url + '/admin/moderation');
    const flagged = card(moderator, FLAGGED_TITLE);
    await flagged.getByLabel('Afvis – intet galt').check();
    await flagged.getByRole('button', { name: `Gem afgørelse om ${FLAGGED_TITLE}` }).click();
    await moderator.waitForURL(/\/admin\/moderation\?behandlet=dismiss$/);
    await moderator.getByRole('status').getByText('Anmeldelsen er behandlet').waitFor();
    expect(await card(moderator, FLAGGED_TITLE).count()).toBe(0);
    await expectAccessible(moderator);

    expect((await lone.get(`/api/content/${flaggedQuestion.id}`)).status).toBe(200);
  });

  it('lists the dismissal under “Behandlede”', async () => {
    await moderator.goto(t.url + '/admin/moderation');
    await moderator.getByRole('link', { name: 'Behandlede' }).click();
    await moderator.waitForURL(/status=resolved/);
    const decided = card(moderator, FLAGGED_TITLE);
    await decided.getByText('Afvist – intet galt').waitFor();
    expect(await decided.innerText()).toMatch(/3 anmeldelser · af Mette Moderator, KOMBIT/);
    expect(await decided.getByRole('button').count()).toBe(0);
    await expectAccessible(moderator);
  });

  it('asks the moderator for a reason before hiding, next to that item’s form', async () => {
    await moderator.goto(t.url + '/admin/moderation');
    const quiet = card(moderator, QUIET_TITLE);
    await quiet.getByLabel('Skjul', { exact: true }).check();
    await quiet.getByRole('button', { name: `Gem afgørelse om ${QUIET_TITLE}` }).click();
    await moderator
      .getByRole('alert')
      .getByRole('link', { name: /Skriv en begrundelse/ })
      .waitFor();
    const reason = card(moderator, QUIET_TITLE).getByLabel('Begrundelse – forfatteren ser den ved Skjul');
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await card(moderator, QUIET_TITLE).getByLabel('Skjul', { exact: true }).isChecked()).toBe(true);
    await expectAccessible(moderator);
  });

  it('hides the question with a reason that its author then sees', async () => {
    await moderator.goto(t.url + '/admin/moderation');
    const quiet = card(moderator, QUIET_TITLE);
    await quiet.getByLabel('Skjul', { exact: true }).check();
    await quiet.getByLabel('Begrundelse – forfatteren ser den ved Skjul').fill('Spørgsmålet hører til i jeres leverandørforum.');
    await quiet.getByRole('button', { name: `Gem afgørelse om ${QUIET_TITLE}` }).click();
    await moderator.waitForURL(/behandlet=hide$/);

    await author.goto(t.url + quietQuestion.path);
    const warning = author.getByRole('alert').filter({ hasText: 'Skjult af en moderator' });
    await warning.waitFor();
    expect(await warning.innerText()).toContain('Begrundelse: Spørgsmålet hører til i jeres leverandørforum.');
    await expectAccessible(author);
  });

  it('lets a member flag a reply, showing the reply’s text on the flag page', async () => {
    await flagger.goto(t.url + replyThread.path);
    await flagger.getByRole('link', { name: 'Anmeld svaret fra Anna Aarhus' }).click();
    await flagger.waitForURL(new RegExp(`/anmeld\\?svar=${replyId}&indhold=${replyThread.id}$`));
    await flagger.getByRole('heading', { level: 1, name: 'Anmeld et svar' }).waitFor();
    await flagger.getByText('Ring til Jens på 12345678').waitFor();
    await expectAccessible(flagger);

    await flagger.getByLabel('Indeholder personoplysninger').check();
    await flagger.getByLabel('Beskriv problemet').fill('Et cpr-nummer i svaret.');
    await flagger.getByRole('button', { name: 'Send anmeldelse' }).click();
    await flagger.waitForURL((url) => url.pathname === replyThread.path && url.searchParams.get('anmeldt') === '1');
    await flagger.getByRole('status').getByText('Tak. KOMBITs moderatorer ser på din anmeldelse.').waitFor();
    await flagger.getByRole('article', { name: 'Svar fra Anna Aarhus' }).getByText('Du har anmeldt dette').waitFor();
    const stored = await t.db.query('SELECT reason, text FROM flag WHERE reply_id = $1', [replyId]);
    expect(stored.rows).toEqual([{ reason: 'personal_data', text: 'Et cpr-nummer i svaret.' }]);
  });

  it('shows the reply’s author why the moderator hid the reply', async () => {
    await moderator.goto(t.url + '/admin/moderation');
    const flagged = card(moderator, REPLY_THREAD_TITLE);
    await flagged.getByText('Svar i spørgsmål', { exact: true }).waitFor();
    await flagged.getByLabel('Skjul', { exact: true }).check();
    await flagged.getByLabel('Begrundelse – forfatteren ser den ved Skjul').fill('Svaret indeholder et cpr-nummer.');
    await flagged.getByRole('button', { name: `Gem afgørelse om svaret i ${REPLY_THREAD_TITLE}` }).click();
    await moderator.waitForURL(/behandlet=hide$/);

    const replyAuthor = await newPage(browser);
    await logIn(replyAuthor, t.url, 'anna@aarhus.dk', TEST_PASSWORD);
    await replyAuthor.goto(t.url + replyThread.path);
    await replyAuthor
      .getByRole('article', { name: 'Svar fra Anna Aarhus' })
      .getByText('Svaret er skjult for andre. Begrundelse: Svaret indeholder et cpr-nummer.')
      .waitFor();
    await expectAccessible(replyAuthor);
    await replyAuthor.context().close();
  });

  it('refuses the queue to a member', async () => {
    const response = await flagger.goto(t.url + '/admin/moderation');
    expect(response?.status()).toBe(403);
    await flagger.getByRole('heading', { level: 1, name: 'Du har ikke adgang' }).waitFor();
    await expectAccessible(flagger);
  });

  it('sends a visitor who is not logged in to the login page from the queue', async () => {
    const visitor = await newPage(browser);
    await visitor.goto(t.url + '/admin/moderation');
    await visitor.waitForURL(/\/log-ind\?redirectTo=%2Fadmin%2Fmoderation$/);
    await visitor.context().close();
  });
});
