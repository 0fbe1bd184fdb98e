import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, newPage } from '../support/browser.js';
import { signIn } from '../support/http.js';
import { TEST_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

const AUTHOR = 'katalog.forfatter@gladsaxe.dk';
const MODERATOR = 'katalog.moderator@kombit.dk';

/** The names in one of the lists of affected systems ("Direkte berørt", "Berørt gennem afhængigheder"). */
async function systemsIn(page: Page, list: RegExp): Promise<string[]> {
  return page.getByRole('list', { name: list }).getByRole('listitem').allInnerTexts();
}

// One app per file: SvelteKit's handler reads its environment (the API's address) once, when loaded.
describe('the infrastructure catalog and "Hvad rammes?", in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let noScript: Page;

  async function loggedInPage(email: string): Promise<Page> {
    const loggedIn = await newPage(browser);
    await logIn(loggedIn, t.url, email, TEST_PASSWORD);
    return loggedIn;
  }

  beforeAll(async () => {
    t = await startTestApp({ web: true });
    await t.createUser({ email: AUTHOR, organizationCode: '0159', name: 'Karen Katalog' });
    await t.createUser({ email: MODERATOR, organizationCode: 'KOMBIT', role: 'moderator', name: 'Mads Moderator' });
    browser = await launchBrowser();
    page = await newPage(browser);
    noScript = await newPage(browser, { javaScriptEnabled: false });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the impact tool shows BBR, DAR and Ejerfortegnelsen hit when Context Handler is down, with a notice naming BBR', async () => {
    await page.goto(t.url + '/hvad-rammes');
    await expectAccessible(page);
    await page.getByRole('checkbox', { name: 'Context Handler (CH)' }).check();
    await page.getByRole('button', { name: 'Vis hvad der rammes' }).click();

    await page.getByRole('heading', { level: 1, name: 'Hvad rammes hvis Context Handler er nede?' }).waitFor();
    expect(new URL(page.url()).searchParams.getAll('komponent')).toEqual(['context-handler']);
    expect(await page.title()).toBe('Hvad rammes hvis Context Handler er nede? – Infraforum');
    expect(await systemsIn(page, /^Direkte berørt/)).toEqual(expect.arrayContaining(['BBR', 'DAR', 'Ejerfortegnelsen', 'KMD Nexus']));
    expect(await page.getByLabel('Ved nedbrud').inputValue()).toMatch(/Der er problemer med Context Handler\.[\s\S]*BBR, DAR/);
    expect(await page.getByLabel('Ved planlagt vedligehold').inputValue()).toContain('BBR');
    await expectAccessible(page);
  });

  it('the impact tool works without JavaScript, for two components at once', async () => {
    await noScript.goto(t.url + '/hvad-rammes');
    await noScript.getByRole('checkbox', { name: 'SF1601 Kombit Digital Post' }).check();
    await noScript.getByRole('checkbox', { name: 'Context Handler (CH)' }).check();
    await noScript.getByRole('button', { name: 'Vis hvad der rammes' }).click();

    await noScript
      .getByRole('heading', { level: 1, name: 'Hvad rammes hvis SF1601 Kombit Digital Post og Context Handler er nede?' })
      .waitFor();
    expect(new URL(noScript.url()).searchParams.getAll('komponent')).toEqual(['sf1601-digital-post', 'context-handler']);
    expect(await systemsIn(noScript, /^Direkte berørt/)).toEqual(expect.arrayContaining(['BBR', 'DAR', 'Ejerfortegnelsen']));
    expect(await noScript.getByLabel('Ved nedbrud').inputValue()).toContain('SF1601 Kombit Digital Post og Context Handler');
    expect(await noScript.getByLabel('Ved nedbrud').inputValue()).toContain('BBR');
    // The copy button needs a script; without one the text is there to select.
    expect(await noScript.getByRole('button', { name: /Kopiér tekst/ }).count()).toBe(0);
    expect(await noScript.getByRole('checkbox', { name: 'Context Handler (CH)' }).isChecked()).toBe(true);
    await expectAccessible(noScript);
  });

  it('"Kopiér tekst" copies the notice and says "Kopieret"', async () => {
    const copier = await newPage(browser);
    await copier.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.url });
    await copier.goto(t.url + '/hvad-rammes?komponent=context-handler');
    await copier.getByRole('button', { name: 'Kopiér tekst ved nedbrud' }).click();
    await copier.getByRole('status').filter({ hasText: 'Kopieret' }).waitFor();
    const copied = await copier.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await copier.getByLabel('Ved nedbrud').inputValue());
    await copier.context().close();
  });

  it('an unknown component in the address is named in an error summary', async () => {
    await page.goto(t.url + '/hvad-rammes?komponent=findes-ikke');
    await page.getByRole('alert').getByText('Ukendt komponent: findes-ikke').waitFor();
    expect(await page.getByRole('heading', { level: 1, name: 'Hvad rammes hvis en komponent er nede?' }).count()).toBe(1);
    await expectAccessible(page);
  });

  it('the catalog shows Context Handler under Fælleskommunal Adgangsstyring, and BBR depending on it', async () => {
    await noScript.goto(t.url + '/komponenter');
    const adgangsstyring = noScript.getByRole('listitem').filter({
      has: noScript.getByRole('heading', { name: 'Fælleskommunal Adgangsstyring', exact: true }),
    });
    expect(await adgangsstyring.getByRole('link', { name: 'Context Handler', exact: true }).count()).toBe(1);
    const bbr = noScript.getByRole('row').filter({ has: noScript.getByRole('rowheader', { name: 'BBR', exact: true }) });
    expect(await bbr.getByRole('link').allInnerTexts()).toEqual(['Context Handler']);
    await expectAccessible(noScript);
  });

  it('the page for Context Handler shows its dependency diagram, server-rendered, with a text version listing BBR', async () => {
    await noScript.goto(t.url + '/komponenter/context-handler');
    await noScript.getByRole('heading', { level: 1, name: 'Context Handler' }).waitFor();
    const diagram = noScript.getByRole('img', { name: 'Afhængigheder for Context Handler' });
    expect(await diagram.count()).toBe(1);
    expect(await diagram.evaluate((svg) => svg.tagName.toLowerCase())).toBe('svg');
    expect(await diagram.locator('text', { hasText: 'BBR' }).count()).toBe(1);
    await noScript.getByRole('heading', { name: 'Diagrammet i tekst' }).waitFor();
    const text = noScript.getByRole('table', { name: 'Linjerne i diagrammet' });
    expect(await text.getByRole('cell', { name: 'BBR', exact: true }).count()).toBe(1);
    expect(await systemsIn(noScript, /^Direkte berørt/)).toEqual(expect.arrayContaining(['BBR', 'DAR']));
    await expectAccessible(noScript);
  });

  it('an unknown component has no page', async () => {
    const response = await page.goto(t.url + '/komponenter/findes-ikke');
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: 'Siden findes ikke' }).waitFor();
  });

  it('a guide written about Context Handler appears on its page and in the impact result', async () => {
    const author = await signIn(t.url, AUTHOR, TEST_PASSWORD);
    const title = 'Hotline i Gladsaxe: når Context Handler er nede';
    const created = await author.post('/api/content', {
      kind: 'guide',
      title,
      body: 'Skriv på intranettet, og henvis brugerne til driftsstatus.',
      visibility: 'public',
      attributes: {
        component: 'context-handler',
        severity: 'kritisk',
        affectedSystems: ['BBR', 'DAR'],
        action: 'Skriv på intranettet.',
        intranetNotice: { outage: '', maintenance: '' },
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    await page.goto(t.url + '/komponenter/context-handler');
    const guides = page.getByRole('region', { name: 'Vejledninger' });
    expect(await guides.getByRole('link', { name: title }).count()).toBe(1);
    await expectAccessible(page);

    await page.goto(t.url + '/hvad-rammes?komponent=context-handler');
    expect(await page.getByRole('link', { name: title }).count()).toBe(1);
  });

  it('a moderator edits the description of a component, and its page shows it', async () => {
    const moderator = await loggedInPage(MODERATOR);
    await moderator.goto(t.url + '/komponenter/sf1462');
    await moderator.getByRole('link', { name: 'Redigér komponent' }).click();
    await moderator.getByRole('heading', { level: 1, name: 'Redigér SF1462' }).waitFor();
    await expectAccessible(moderator);

    const description = 'Serviceplatformens service SF1462, som Gladsaxes fagsystemer bruger til opslag.';
    await moderator.getByLabel('Beskrivelse').fill(description);
    await moderator.getByLabel('Begrundelse for ændringen').fill('Præciseret efter webinaret');
    await moderator.getByRole('button', { name: 'Gem komponent' }).click();

    await moderator.waitForURL(/\/komponenter\/sf1462\?gemt=1$/);
    await moderator.getByText('Komponenten er gemt').waitFor();
    expect(await moderator.getByText(description, { exact: true }).count()).toBe(1);
    await expectAccessible(moderator);
    await moderator.context().close();
  });

  it('a moderator who leaves the name blank is told so next to the field', async () => {
    const moderator = await loggedInPage(MODERATOR);
    await moderator.goto(t.url + '/komponenter/sf1470/rediger');
    await moderator.getByLabel('Navn', { exact: true }).fill('');
    await moderator.getByRole('button', { name: 'Gem komponent' }).click();

    await moderator.getByRole('alert').getByRole('link', { name: 'Skriv et navn' }).waitFor();
    expect(await moderator.locator('#name').getAttribute('aria-invalid')).toBe('true');
    expect(new URL(moderator.url()).pathname).toBe('/komponenter/sf1470/rediger');
    await expectAccessible(moderator);
    await moderator.context().close();
  });

  it('a member sees no edit link, and the edit page answers 403', async () => {
    const member = await loggedInPage(AUTHOR);
    await member.goto(t.url + '/komponenter/context-handler');
    await member.getByRole('heading', { level: 1, name: 'Context Handler' }).waitFor();
    expect(await member.getByRole('link', { name: 'Redigér komponent' }).count()).toBe(0);

    const response = await member.goto(t.url + '/komponenter/context-handler/rediger');
    expect(response?.status()).toBe(403);
    await member.getByRole('heading', { level: 1, name: 'Du har ikke adgang' }).waitFor();
    await expectAccessible(member);
    await member.context().close();
  });

  it('a visitor who is not logged in is sent from the edit page to log in', async () => {
    await page.goto(t.url + '/komponenter/context-handler/rediger');
    expect(new URL(page.url()).pathname).toBe('/log-ind');
    expect(new URL(page.url()).searchParams.get('redirectTo')).toBe('/komponenter/context-handler/rediger');
  });
});
