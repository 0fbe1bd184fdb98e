import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, newPage } from '../support/browser.js';
import { mailsTo, signIn, type ApiSession } from '../support/http.js';
import { TEST_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

// Following in the browser: the "Følg" button on questions, components, toolbox sections and a tag search (without
// JavaScript too); the notification settings and the list of what one follows; and the unsubscribe page a mail's
// link opens without login.

const ASKER = 'sofie@gladsaxe.dk';
const FOLLOWER = 'peter@esbjerg.dk';
const SETTER = 'lene@gladsaxe.dk';
const LISTER = 'jens@esbjerg.dk';
const MAILED = 'anne@gladsaxe.dk';

const SECTION = 'kommunens-hverdag-med-infrastrukturen';
const SETTINGS = '/min-profil/notifikationer';

interface Followed {
  type: string;
  key: string;
  title: string;
  path: string;
}

describe('following and notification e-mails in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  const api = new Map<string, ApiSession>();

  beforeAll(async () => {
    t = await startTestApp({ web: true, withoutSearch: true });
    await t.createUser({ email: ASKER, organizationCode: '0159', name: 'Sofie Lund' });
    await t.createUser({ email: FOLLOWER, organizationCode: '0561', name: 'Peter Krogh' });
    await t.createUser({ email: SETTER, organizationCode: '0159', name: 'Lene Nielsen' });
    await t.createUser({ email: LISTER, organizationCode: '0561', name: 'Jens Holm' });
    await t.createUser({ email: MAILED, organizationCode: '0159', name: 'Anne Andersen' });
    for (const email of [ASKER, FOLLOWER, SETTER, LISTER, MAILED]) api.set(email, await signIn(t.url, email, TEST_PASSWORD));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const session = (email: string): ApiSession => {
    const found = api.get(email);
    if (!found) throw new Error(`No API session for ${email}`);
    return found;
  };

  /** One logged-in page per person and JavaScript setting, kept for the file. */
  const pages = new Map<string, Page>();
  async function loggedIn(email: string, javaScriptEnabled = true): Promise<Page> {
    const key = `${email} ${javaScriptEnabled}`;
    const existing = pages.get(key);
    if (existing) return existing;
    const page = await newPage(browser, { javaScriptEnabled });
    await logIn(page, t.url, email, TEST_PASSWORD);
    pages.set(key, page);
    return page;
  }

  let counter = 0;
  /** A published public question by `email`. */
  async function question(email = ASKER): Promise<{ id: number; path: string; title: string }> {
    counter += 1;
    const title = `Hvordan fornyer I certifikatet til Serviceplatformen, runde ${counter}?`;
    const response = await session(email).post('/api/content', {
      kind: 'question',
      title,
      body: 'Vores certifikat udløber snart, og vi er i tvivl om rækkefølgen.',
      visibility: 'public',
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return { id: response.body.id as number, path: response.body.path as string, title };
  }

  async function followed(email: string): Promise<Followed[]> {
    const response = await session(email).get('/api/me/subscriptions');
    expect(response.status).toBe(200);
    return response.body.items as Followed[];
  }

  const hasTarget = (items: Followed[], type: string, key: string) => items.some((item) => item.type === type && item.key === key);

  it('asks a visitor without login to log in to follow a question', async () => {
    const item = await question();
    const page = await newPage(browser);
    await page.goto(t.url + item.path);
    const login = page.getByRole('link', { name: 'Log ind for at følge spørgsmålet' });
    expect(await login.getAttribute('href')).toBe(`/log-ind?redirectTo=${encodeURIComponent(item.path)}`);
    expect(await page.getByRole('button', { name: /Følg/ }).count()).toBe(0);
    await expectAccessible(page);
    await page.context().close();
  });

  it('follows a question from its page without JavaScript', async () => {
    const item = await question();
    const page = await loggedIn(FOLLOWER, false);
    await page.goto(t.url + item.path);
    await page.getByRole('button', { name: 'Følg spørgsmålet', exact: true }).click();
    await page.waitForURL((url) => url.pathname === item.path && url.searchParams.get('fulgt') === '1');
    await page.getByRole('button', { name: 'Følger spørgsmålet – stop med at følge' }).waitFor();
    await page.getByText('Du følger nu spørgsmålet.').waitFor();
    expect(hasTarget(await followed(FOLLOWER), 'content', String(item.id))).toBe(true);
    await expectAccessible(page);
  });

  it('stops following a question from its page without JavaScript', async () => {
    const item = await question();
    expect((await session(FOLLOWER).post('/api/me/subscriptions', { type: 'content', key: item.id })).status).toBe(200);
    const page = await loggedIn(FOLLOWER, false);
    await page.goto(t.url + item.path);
    await page.getByRole('button', { name: 'Følger spørgsmålet – stop med at følge' }).click();
    await page.waitForURL((url) => url.pathname === item.path && url.searchParams.get('ikke-fulgt') === '1');
    await page.getByRole('button', { name: 'Følg spørgsmålet', exact: true }).waitFor();
    await page.getByText('Du følger ikke længere spørgsmålet.').waitFor();
    expect(hasTarget(await followed(FOLLOWER), 'content', String(item.id))).toBe(false);
  });

  it('follows a component in place with JavaScript, keeping focus on the button', async () => {
    const page = await loggedIn(FOLLOWER);
    await page.goto(t.url + '/komponenter/context-handler');
    await page.getByRole('button', { name: 'Følg komponenten', exact: true }).click();
    const following = page.getByRole('button', { name: 'Følger komponenten – stop med at følge' });
    await following.waitFor();
    expect(new URL(page.url()).searchParams.get('fulgt')).toBe('1');
    await expect.poll(() => following.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(hasTarget(await followed(FOLLOWER), 'component', 'context-handler')).toBe(true);
    await expectAccessible(page);
  });

  it('says so on the page when the API refuses to follow', async () => {
    const page = await loggedIn(FOLLOWER);
    await page.goto(t.url + '/komponenter/sf1462');
    // A component that has since been removed from the catalog, as far as the API knows.
    await page.locator('form[action="/foelg"] input[name="key"]').evaluate((input: HTMLInputElement) => {
      input.value = 'findes-ikke';
    });
    await page.getByRole('button', { name: 'Følg komponenten', exact: true }).click();
    await page.getByRole('alert').getByText('Det lykkedes ikke at ændre, om du følger komponenten').waitFor();
    expect(new URL(page.url()).searchParams.get('foelg-fejl')).toBe('1');
    expect(hasTarget(await followed(FOLLOWER), 'component', 'findes-ikke')).toBe(false);
    await page.getByRole('button', { name: 'Følg komponenten', exact: true }).waitFor();
  });

  it('follows a toolbox section from its page without JavaScript', async () => {
    const page = await loggedIn(FOLLOWER, false);
    await page.goto(`${t.url}/vaerktoejskassen/${SECTION}`);
    await page.getByRole('button', { name: 'Følg afsnittet', exact: true }).click();
    await page.getByRole('button', { name: 'Følger afsnittet – stop med at følge' }).waitFor();
    expect(hasTarget(await followed(FOLLOWER), 'toolbox_section', SECTION)).toBe(true);
    await expectAccessible(page);
  });

  it('follows a tag from the search page filtered by it, keeping the search', async () => {
    const page = await loggedIn(FOLLOWER, false);
    await page.goto(t.url + '/soeg?tag=sf1601');
    await page.getByRole('button', { name: 'Følg emneordet #sf1601', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/soeg' && url.searchParams.get('tag') === 'sf1601' && url.searchParams.has('fulgt'));
    await page.getByRole('button', { name: 'Følger emneordet #sf1601 – stop med at følge' }).waitFor();
    expect(hasTarget(await followed(FOLLOWER), 'tag', 'sf1601')).toBe(true);
    await expectAccessible(page);
  });

  it('sends a visit to /foelg on to the notification settings', async () => {
    const page = await loggedIn(FOLLOWER, false);
    await page.goto(t.url + '/foelg');
    expect(new URL(page.url()).pathname).toBe(SETTINGS);
  });

  it('saves the e-mail settings without JavaScript and shows them after a reload', async () => {
    const page = await loggedIn(SETTER, false);
    await page.goto(t.url + SETTINGS);
    const immediate = page.getByRole('checkbox', {
      name: 'Send mig en e-mail med det samme, når nogen svarer på mit indhold eller min status ændrer sig',
    });
    const digest = page.getByRole('group', { name: 'Oversigt over det, jeg følger' });
    expect(await immediate.isChecked()).toBe(true);
    expect(await digest.getByRole('radio', { name: 'Ugentligt (mandag)' }).isChecked()).toBe(true);
    await expectAccessible(page);

    await immediate.uncheck();
    await digest.getByRole('radio', { name: 'Dagligt' }).check();
    await page.getByRole('button', { name: 'Gem indstillinger' }).click();
    await page.getByRole('status').getByText('Dine indstillinger er gemt').waitFor();

    await page.goto(t.url + SETTINGS);
    expect(await immediate.isChecked()).toBe(false);
    expect(await digest.getByRole('radio', { name: 'Dagligt' }).isChecked()).toBe(true);
    expect((await session(SETTER).get('/api/me/notification-settings')).body).toEqual({ emailImmediate: false, digest: 'daily' });
  });

  it('tells someone who follows nothing so', async () => {
    const page = await loggedIn(SETTER, false);
    await page.goto(t.url + SETTINGS);
    await page.getByRole('region', { name: 'Det følger du' }).getByText('Du følger ikke noget endnu.').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
  });

  it('lists what one follows by type, with links, and "Stop med at følge" removes one', async () => {
    const item = await question();
    const component = (await session(LISTER).get('/api/catalog/components/context-handler')).body as { name: string };
    const put = await session(LISTER).put('/api/me/subscriptions', {
      items: [
        { type: 'content', key: item.id },
        { type: 'component', key: 'context-handler' },
        { type: 'tag', key: 'beskedfordeler' },
        { type: 'toolbox_section', key: SECTION },
      ],
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);

    const page = await loggedIn(LISTER, false);
    await page.goto(t.url + SETTINGS);
    const list = page.getByRole('region', { name: 'Det følger du' });
    /** The groups' headings (not an alert's). */
    const groupHeadings = () => list.locator('h3:not(.alert-heading)').allInnerTexts();
    expect(await groupHeadings()).toEqual([
      'Spørgsmål, vejledninger og andet indhold (1)',
      'Komponenter (1)',
      'Emneord (1)',
      'Afsnit i Værktøjskassen (1)',
    ]);
    expect(await list.getByRole('link', { name: item.title }).getAttribute('href')).toBe(item.path);
    expect(await list.getByRole('link', { name: component.name }).getAttribute('href')).toBe('/komponenter/context-handler');
    expect(await list.getByRole('link', { name: '#beskedfordeler' }).getAttribute('href')).toBe('/soeg?tag=beskedfordeler');
    await expectAccessible(page);

    await list.getByRole('button', { name: `Stop med at følge ${component.name}` }).click();
    await page.waitForURL((url) => url.searchParams.has('fjernet'));
    await list.getByRole('status').getByText('Du følger det ikke længere').waitFor();
    expect(await list.getByRole('link', { name: component.name }).count()).toBe(0);
    expect(await groupHeadings()).toEqual(['Spørgsmål, vejledninger og andet indhold (1)', 'Emneord (1)', 'Afsnit i Værktøjskassen (1)']);
    const remaining = await followed(LISTER);
    expect(hasTarget(remaining, 'component', 'context-handler')).toBe(false);
    expect(remaining).toHaveLength(3);
  });

  it('links to the settings from the profile and the notifications page', async () => {
    const page = await loggedIn(SETTER, false);
    await page.goto(t.url + '/min-profil');
    expect(await page.getByRole('link', { name: 'Notifikationer og e-mail' }).getAttribute('href')).toBe(SETTINGS);
    await page.goto(t.url + '/notifikationer');
    expect(await page.getByRole('link', { name: 'Vælg, hvilke e-mails du får, og se det, du følger' }).getAttribute('href')).toBe(SETTINGS);
  });

  it('turns off mails at once from the link in a notification mail, without login or JavaScript', async () => {
    const item = await question(MAILED);
    const reply = await session(ASKER).post(`/api/content/${item.id}/replies`, { body: 'Vi fornyede i den rækkefølge, KOMBIT anbefaler.' });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    const link = await linkInMail(MAILED);
    expect(new URL(link).pathname).toBe('/afmeld');

    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Vil du afmelde e-mails med det samme?' }).waitFor();
    await expectAccessible(page);
    // Opening the link changes nothing yet (a mail scanner that follows links must not unsubscribe anyone).
    expect((await session(MAILED).get('/api/me/notification-settings')).body.emailImmediate).toBe(true);

    await page.getByRole('button', { name: 'Afmeld e-mails med det samme' }).click();
    await page.getByRole('heading', { level: 1, name: 'Du er afmeldt e-mails med det samme' }).waitFor();
    expect(await page.getByRole('link', { name: 'Notifikationer og e-mail' }).getAttribute('href')).toBe(SETTINGS);
    expect((await session(MAILED).get('/api/me/notification-settings')).body).toEqual({ emailImmediate: false, digest: 'weekly' });
    await expectAccessible(page);
    await page.context().close();
  });

  it('says an altered unsubscribe link does not work, and where to change the settings instead', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    for (const path of ['/afmeld?token=ikke-et-rigtigt-token.abcdefghijkl', '/afmeld']) {
      await page.goto(t.url + path);
      await page.getByRole('heading', { level: 1, name: 'Linket virker ikke' }).waitFor();
      await page.getByRole('alert').getByText('Linket til at afmelde er ugyldigt').waitFor();
      expect(await page.getByRole('link', { name: 'Notifikationer og e-mail' }).getAttribute('href')).toBe(SETTINGS);
      expect(await page.getByRole('button', { name: /Afmeld/ }).count()).toBe(0);
    }
    await expectAccessible(page);
    await page.context().close();
  });

  /** The "Afmeld" link in the newest notification mail to `to` (the mail queue sends within a few seconds). */
  async function linkInMail(to: string): Promise<string> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      for (const mail of await mailsTo(t.url, to)) {
        const link = /https?:\/\/\S+\/afmeld\?token=\S+/.exec(mail.text)?.[0];
        if (link) return link;
      }
      if (Date.now() > deadline) throw new Error(`No unsubscribe link mailed to ${to}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
});
