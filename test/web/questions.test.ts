import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, newPage } from '../support/browser.js';
import { signIn } from '../support/http.js';
import { TEST_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

const TITLE = 'Context Handler afviser login i KMD Nexus';

/** The score shown in a vote group, e.g. "1 stemme". */
async function scoreIn(page: Page, subject: string): Promise<string> {
  const text = await page
    .getByRole('group', { name: `Stemmer på ${subject}` })
    .locator('.vote-score')
    .textContent();
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

// One app per file: SvelteKit's handler reads its environment (the API's address) once, when loaded.
describe('questions and answers in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let asker: Page;
  let answerer: Page;
  let threadUrl = '';

  beforeAll(async () => {
    t = await startTestApp({ web: true, withoutSearch: true });
    await t.createUser({ email: 'sofie@gladsaxe.dk', organizationCode: '0159', name: 'Sofie Lund', title: 'Hotline' });
    await t.createUser({ email: 'peter@esbjerg.dk', organizationCode: '0561', name: 'Peter Krogh', title: 'Infrastrukturansvarlig' });
    await t.createUser({ email: 'lene@gladsaxe.dk', organizationCode: '0159', name: 'Lene Nielsen' });
    await t.createUser({ email: 'jens@esbjerg.dk', organizationCode: '0561', name: 'Jens Holm' });
    await t.createUser({ email: 'mette@kombit.dk', organizationCode: 'KOMBIT', name: 'Mette Moderator', role: 'moderator' });
    browser = await launchBrowser();
    asker = await newPage(browser);
    answerer = await newPage(browser);
    await logIn(asker, t.url, 'sofie@gladsaxe.dk', TEST_PASSWORD);
    await logIn(answerer, t.url, 'peter@esbjerg.dk', TEST_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows anonymous visitors the list and asks them to log in before asking', async () => {
    const page = await newPage(browser);
    await page.goto(t.url + '/spoergsmaal');
    await page.getByRole('heading', { level: 1, name: 'Spørgsmål' }).waitFor();
    const login = page.getByRole('link', { name: 'Log ind for at stille et spørgsmål' });
    expect(await login.getAttribute('href')).toBe('/log-ind?redirectTo=%2Fspoergsmaal%2Fny');
    expect(await page.getByRole('link', { name: 'Stil et spørgsmål' }).count()).toBe(0);
    await expectAccessible(page);
    await page.context().close();
  });

  it('tells the asker what is missing when the ask form is sent empty', async () => {
    await asker.goto(t.url + '/spoergsmaal');
    await asker.getByRole('link', { name: 'Stil et spørgsmål' }).click();
    await asker.waitForURL(/\/spoergsmaal\/ny$/);
    await asker.getByRole('button', { name: 'Offentliggør' }).click();
    await asker.getByRole('alert').getByText('Skriv en tekst').waitFor();
    expect(await asker.locator('#title').getAttribute('aria-invalid')).toBe('true');
    expect(await asker.locator('#body').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(asker);
  });

  it('previews the Markdown below the form and keeps what was typed', async () => {
    await asker.goto(t.url + '/spoergsmaal/ny');
    await asker.getByLabel('Titel').fill(TITLE);
    await asker.getByLabel('Spørgsmål', { exact: true }).fill('Brugerne får **fejl 500** ved login.');
    await asker.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
    const preview = asker.getByRole('region', { name: 'Forhåndsvisning' });
    await preview.locator('strong', { hasText: 'fejl 500' }).waitFor();
    expect(await asker.getByLabel('Titel').inputValue()).toBe(TITLE);
  });

  it('lets a Gladsaxe user ask a question with tags and a component and opens the thread', async () => {
    await asker.goto(t.url + '/spoergsmaal/ny');
    await asker.getByLabel('Titel').fill(TITLE);
    await asker
      .getByLabel('Spørgsmål', { exact: true })
      .fill('Siden i morges får brugerne **fejl 500**, når de logger på KMD Nexus. Ser I det samme?');
    await asker.getByLabel('Emneord').fill('login, hotline');
    await asker.getByLabel('Context Handler', { exact: true }).check();
    await asker.getByRole('button', { name: 'Offentliggør' }).click();
    await asker.waitForURL(/\/spoergsmaal\/\d+-context-handler-afviser-login-i-kmd-nexus$/);
    threadUrl = asker.url();
    await asker.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(await asker.locator('.rich-text strong').textContent()).toBe('fejl 500');
    expect(await asker.getByRole('link', { name: 'Context Handler' }).getAttribute('href')).toBe('/komponenter/context-handler');
    const byline = await asker.locator('.content-header .content-meta').innerText();
    expect(byline).toMatch(/^Sofie Lund, Hotline, Gladsaxe · Spurgt /);
    await expectAccessible(asker);
  });

  it('sends an old address of the thread to its canonical one', async () => {
    const id = /\/spoergsmaal\/(\d+)-/.exec(threadUrl)?.[1];
    await answerer.goto(`${t.url}/spoergsmaal/${id}-et-gammelt-navn`);
    expect(answerer.url()).toBe(threadUrl);
  });

  it('lets an Esbjerg colleague answer with Markdown', async () => {
    await answerer.goto(threadUrl);
    await answerer.getByLabel('Svar', { exact: true }).fill('Genstart **Context Handler**-forbindelsen i jeres IdP. Det hjalp hos os.');
    await answerer.getByRole('button', { name: 'Send svar' }).click();
    const answer = answerer.getByRole('article', { name: 'Svar fra Peter Krogh' });
    await answer.locator('strong', { hasText: 'Context Handler' }).waitFor();
    expect(await answer.locator('.content-meta').innerText()).toMatch(/^Peter Krogh, Infrastrukturansvarlig, Esbjerg · Svaret /);
    expect(await answerer.getByRole('heading', { level: 2, name: '1 svar' }).count()).toBe(1);
  });

  it('changes the question’s score when the Esbjerg colleague votes it up', async () => {
    await answerer.goto(threadUrl);
    expect(await scoreIn(answerer, 'spørgsmålet')).toBe('0 stemmer');
    const up = answerer.getByRole('group', { name: 'Stemmer på spørgsmålet' }).getByRole('button', { name: 'Stem op' });
    await up.click();
    await expect.poll(() => scoreIn(answerer, 'spørgsmålet')).toBe('1 stemme');
    expect(await up.getAttribute('aria-pressed')).toBe('true');
    await answerer.reload();
    expect(await scoreIn(answerer, 'spørgsmålet')).toBe('1 stemme');
  });

  it('offers no vote buttons on one’s own question', async () => {
    await asker.goto(threadUrl);
    expect(await asker.getByRole('group', { name: 'Stemmer på spørgsmålet' }).getByRole('button').count()).toBe(0);
    expect(await scoreIn(asker, 'spørgsmålet')).toBe('1 stemme');
  });

  it('lets the asker accept the answer, marked in the thread and as solved in the list', async () => {
    await asker.goto(threadUrl);
    await asker.getByRole('button', { name: 'Acceptér som svar fra Peter Krogh' }).click();
    const accepted = asker.getByRole('article', { name: 'Accepteret svar fra Peter Krogh' });
    await accepted.getByText('Accepteret svar', { exact: true }).waitFor();
    await expectAccessible(asker);

    await asker.goto(t.url + '/spoergsmaal');
    const item = asker.getByRole('listitem').filter({ has: asker.getByRole('link', { name: TITLE }) });
    await item.getByText('Løst', { exact: true }).waitFor();
    await expectAccessible(asker);
  });

  it('lists only solved questions under “Løste”, with the filters in the address', async () => {
    await asker.goto(t.url + '/spoergsmaal');
    await asker.getByRole('navigation', { name: 'Sortering' }).getByRole('link', { name: 'Ubesvarede' }).click();
    await asker.waitForURL(/sortering=unanswered/);
    expect(await asker.getByRole('link', { name: TITLE }).count()).toBe(0);
    await asker.getByRole('navigation', { name: 'Sortering' }).getByRole('link', { name: 'Løste' }).click();
    await asker.waitForURL(/sortering=solved/);
    await asker.getByRole('link', { name: TITLE }).waitFor();
    await asker.getByText('Viser 1–1 af 1 spørgsmål').waitFor();
  });

  it('keeps the asker’s text and says so when someone else saved the question meanwhile', async () => {
    await asker.goto(threadUrl + '/rediger');
    // Meanwhile the same question is edited elsewhere (another tab, say).
    const sofie = await signIn(t.url, 'sofie@gladsaxe.dk', TEST_PASSWORD);
    const id = /\/spoergsmaal\/(\d+)-/.exec(threadUrl)?.[1];
    expect((await sofie.patch(`/api/content/${id}`, { tags: ['login', 'hotline', 'nexus'] })).status).toBe(200);

    const body = asker.getByLabel('Spørgsmål', { exact: true });
    await body.fill('Brugerne får fejl 500 ved login i KMD Nexus. Det løste sig efter en genstart.');
    await asker.getByRole('button', { name: 'Gem ændringer' }).click();
    await asker.getByRole('heading', { name: 'Nogen har gemt en nyere version' }).waitFor();
    expect(await body.inputValue()).toBe('Brugerne får fejl 500 ved login i KMD Nexus. Det løste sig efter en genstart.');
    await expectAccessible(asker);

    await asker.getByRole('button', { name: 'Gem ændringer' }).click();
    await asker.waitForURL(threadUrl);
    await asker.getByText('Det løste sig efter en genstart.').waitFor();
  });

  it('lets a moderator lock the thread with a reason, after which members can no longer answer', async () => {
    const moderator = await newPage(browser);
    await logIn(moderator, t.url, 'mette@kombit.dk', TEST_PASSWORD);
    await moderator.goto(threadUrl);
    const moderation = moderator.getByRole('region', { name: 'Moderation' });
    await moderation.getByLabel('Handling').selectOption({ label: 'Lås' });
    await moderation.getByRole('button', { name: 'Udfør' }).click();
    await moderation.getByRole('alert').getByText('Skriv en begrundelse på mindst 3 tegn').waitFor();
    await expectAccessible(moderator);

    await moderation.getByLabel('Handling').selectOption({ label: 'Lås' });
    await moderation.getByLabel('Begrundelse').fill('Løst, og tråden skal ikke vokse mere');
    await moderation.getByRole('button', { name: 'Udfør' }).click();
    await moderator.getByRole('heading', { name: 'Spørgsmålet er låst' }).waitFor();
    await moderator.locator('.content-header').getByText('Låst', { exact: true }).waitFor();

    await answerer.goto(threadUrl);
    await answerer.getByRole('heading', { name: 'Spørgsmålet er låst' }).waitFor();
    expect(await answerer.getByRole('button', { name: 'Send svar' }).count()).toBe(0);
    expect(await answerer.getByRole('button', { name: 'Stem op' }).count()).toBe(0);
    await moderator.context().close();
  });

  it('works without JavaScript: a question asked and answered with plain form posts', async () => {
    const lene = await newPage(browser, { javaScriptEnabled: false });
    const jens = await newPage(browser, { javaScriptEnabled: false });
    await logIn(lene, t.url, 'lene@gladsaxe.dk', TEST_PASSWORD);
    await logIn(jens, t.url, 'jens@esbjerg.dk', TEST_PASSWORD);

    await lene.goto(t.url + '/spoergsmaal/ny');
    await lene.getByLabel('Titel').fill('Beskedfordeleren leverer ikke beskeder');
    await lene.getByLabel('Spørgsmål', { exact: true }).fill('Vi modtager ingen beskeder fra *Beskedfordeleren* siden i går.');
    await lene.getByLabel('Fælleskommunal Beskedfordeler', { exact: true }).check();
    await lene.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
    await lene.getByRole('region', { name: 'Forhåndsvisning' }).locator('em', { hasText: 'Beskedfordeleren' }).waitFor();
    expect(await lene.getByLabel('Fælleskommunal Beskedfordeler', { exact: true }).isChecked()).toBe(true);
    await lene.getByRole('button', { name: 'Offentliggør' }).click();
    await lene.waitForURL(/\/spoergsmaal\/\d+-beskedfordeleren-leverer-ikke-beskeder$/);
    const thread = lene.url();

    await jens.goto(thread);
    await jens.getByLabel('Svar', { exact: true }).fill('Tjek jeres abonnementer i administrationsmodulet.');
    await jens.getByRole('button', { name: 'Send svar' }).click();
    await jens.waitForURL(/#svar-\d+$/);
    await jens.getByRole('article', { name: 'Svar fra Jens Holm' }).getByText('Tjek jeres abonnementer').waitFor();
    await jens.getByRole('group', { name: 'Stemmer på spørgsmålet' }).getByRole('button', { name: 'Stem op' }).click();
    await jens.waitForURL(thread);
    expect(await scoreIn(jens, 'spørgsmålet')).toBe('1 stemme');

    await lene.goto(thread);
    await lene.getByRole('button', { name: 'Acceptér som svar fra Jens Holm' }).click();
    await lene.getByRole('article', { name: 'Accepteret svar fra Jens Holm' }).waitFor();
    await expectAccessible(lene);
    await lene.context().close();
    await jens.context().close();
  });
});
