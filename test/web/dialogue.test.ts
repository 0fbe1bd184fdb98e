import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, newPage } from '../support/browser.js';
import { signIn, type ApiSession } from '../support/http.js';
import { TEST_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

const OPEN_PROMPT = 'Hvad fylder mest i jeres drift af infrastrukturen lige nu?';
const LIKERT_PROMPT = 'Webinaret var relevant for mit arbejde';
const CLOSING_PROMPT = 'Hvilke emner skal næste webinar tage op?';

/** A question's section on the dialogue page, named by its prompt. */
const questionIn = (page: Page, prompt: string): Locator => page.getByRole('region', { name: prompt });

/** The text of each answer on a results page, with its byline, newest first. */
async function answersOn(page: Page): Promise<string[]> {
  const items = await page.getByRole('list', { name: 'Svar, nyeste først' }).getByRole('listitem').allInnerTexts();
  return items.map((text) => text.replace(/\s+/g, ' ').trim());
}

// One app per file: SvelteKit's handler reads its environment (the API's address) once, when loaded.
describe('webinar dialogue and evaluation in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let moderatorApi: ApiSession;
  let metteApi: ApiSession;
  let webinar: { id: number; path: string };
  let dialogueUrl = '';
  /** Moderator, Mette (Gladsaxe) and Peter (Esbjerg), each without and with JavaScript. */
  let moderator: Page;
  let moderatorScripted: Page;
  let mette: Page;
  let metteScripted: Page;
  let peter: Page;
  let peterScripted: Page;
  const questionIds: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp({ web: true, withoutSearch: true });
    await t.createUser({ email: 'mona@kombit.dk', organizationCode: 'KOMBIT', role: 'moderator', name: 'Mona Moderator' });
    await t.createUser({ email: 'mette@gladsaxe.dk', organizationCode: '0159', name: 'Mette Hansen' });
    await t.createUser({ email: 'peter@esbjerg.dk', organizationCode: '0561', name: 'Peter Krogh' });
    moderatorApi = await signIn(t.url, 'mona@kombit.dk', TEST_PASSWORD);
    metteApi = await signIn(t.url, 'mette@gladsaxe.dk', TEST_PASSWORD);
    const created = await moderatorApi.post('/api/content', {
      kind: 'webinar',
      title: 'Infrastruktur i praksis',
      body: 'Kommuner fortæller om drift af den fælleskommunale infrastruktur.',
      visibility: 'public',
      status: 'published',
      attributes: {
        startsAt: '2023-11-02T10:00:00+01:00',
        endsAt: '2023-11-02T12:00:00+01:00',
        hosts: [],
        programme: [],
        status: 'planned',
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    webinar = { id: created.body.id, path: created.body.path };
    dialogueUrl = `${t.url}${webinar.path}/dialog`;

    browser = await launchBrowser();
    const withoutScript = () => newPage(browser, { javaScriptEnabled: false });
    [moderator, mette, peter] = [await withoutScript(), await withoutScript(), await withoutScript()];
    [moderatorScripted, metteScripted, peterScripted] = [await newPage(browser), await newPage(browser), await newPage(browser)];
    await Promise.all([
      logIn(moderator, t.url, 'mona@kombit.dk', TEST_PASSWORD),
      logIn(moderatorScripted, t.url, 'mona@kombit.dk', TEST_PASSWORD),
      logIn(mette, t.url, 'mette@gladsaxe.dk', TEST_PASSWORD),
      logIn(metteScripted, t.url, 'mette@gladsaxe.dk', TEST_PASSWORD),
      logIn(peter, t.url, 'peter@esbjerg.dk', TEST_PASSWORD),
      logIn(peterScripted, t.url, 'peter@esbjerg.dk', TEST_PASSWORD),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const resultsUrl = (prompt: string) => `${dialogueUrl}/${questionIds[prompt]}`;

  it('sends the webinar’s id alone to the canonical dialogue address', async () => {
    await peter.goto(`${t.url}/webinarer/${webinar.id}/dialog`);
    expect(peter.url()).toBe(dialogueUrl);
    await peter.getByRole('heading', { level: 1, name: 'Dialog og evaluering' }).waitFor();
    expect(await peter.getByRole('link', { name: 'Infrastruktur i praksis' }).first().getAttribute('href')).toBe(webinar.path);
  });

  it('lets a moderator add an open question and an evaluation statement without JavaScript', async () => {
    await moderator.goto(dialogueUrl);
    await moderator.getByLabel('Spørgsmål eller udsagn').fill(OPEN_PROMPT);
    await moderator.getByRole('button', { name: 'Tilføj spørgsmål' }).click();
    await questionIn(moderator, OPEN_PROMPT).waitFor();

    await moderator.getByLabel('Evalueringsudsagn (1–5)').check();
    await moderator.getByLabel('Spørgsmål eller udsagn').fill(LIKERT_PROMPT);
    await moderator.getByRole('button', { name: 'Tilføj spørgsmål' }).click();
    await questionIn(moderator, LIKERT_PROMPT).waitFor();

    const { body } = await moderatorApi.get(`/api/webinars/${webinar.id}/dialogue`);
    for (const item of body.items as { id: number; prompt: string }[]) questionIds[item.prompt] = item.id;
    expect(body.items.map((item: { kind: string }) => item.kind)).toEqual(['open', 'likert']);

    const headings = await moderator.getByRole('heading', { level: 2 }).allInnerTexts();
    expect(headings.slice(0, 2)).toEqual([OPEN_PROMPT, LIKERT_PROMPT]);
    expect(await questionIn(moderator, LIKERT_PROMPT).textContent()).toContain('Evalueringsudsagn');
    expect(await questionIn(moderator, OPEN_PROMPT).getByText('Lukket', { exact: true }).count()).toBe(1);
  });

  it('tells the moderator what is missing when a question is added without a text', async () => {
    await moderator.goto(dialogueUrl);
    await moderator.getByRole('button', { name: 'Tilføj spørgsmål' }).click();
    await moderator.getByRole('alert').getByText('Skriv spørgsmålet eller udsagnet').waitFor();
    expect(await moderator.getByLabel('Spørgsmål eller udsagn').getAttribute('aria-invalid')).toBe('true');
  });

  it('opens both for answers with the moderator’s buttons without JavaScript', async () => {
    await moderator.goto(dialogueUrl);
    for (const prompt of [OPEN_PROMPT, LIKERT_PROMPT]) {
      await questionIn(moderator, prompt).getByRole('button', { name: 'Åbn for svar' }).click();
      await questionIn(moderator, prompt).getByText('Åben for svar').waitFor();
    }
    expect(await questionIn(moderator, OPEN_PROMPT).getByRole('button', { name: 'Luk for svar' }).count()).toBe(1);
  });

  it('asks an anonymous visitor to log in before answering', async () => {
    const visitor = await newPage(browser, { javaScriptEnabled: false });
    await visitor.goto(dialogueUrl);
    const login = questionIn(visitor, OPEN_PROMPT).getByRole('link', { name: 'Log ind for at svare' });
    expect(await login.getAttribute('href')).toBe(
      `/log-ind?redirectTo=${encodeURIComponent(`${webinar.path}/dialog#spoergsmaal-${questionIds[OPEN_PROMPT]}`)}`,
    );
    expect(await visitor.getByLabel('Dit svar').count()).toBe(0);
    await visitor.context().close();
  });

  it('tells a member to write something when an empty answer is sent', async () => {
    await mette.goto(dialogueUrl);
    await questionIn(mette, OPEN_PROMPT).getByRole('button', { name: 'Send svar' }).click();
    await mette.getByRole('alert').getByText('Skriv et svar').waitFor();
    expect(await questionIn(mette, OPEN_PROMPT).getByLabel('Dit svar').getAttribute('aria-invalid')).toBe('true');
  });

  it('lets a member answer anonymously without JavaScript (the default)', async () => {
    await mette.goto(dialogueUrl);
    const question = questionIn(mette, OPEN_PROMPT);
    expect(await question.getByLabel('Svar anonymt').isChecked()).toBe(true);
    await question.getByLabel('Dit svar').fill('Overgangen til de nye snitflader i Serviceplatformen');
    await question.getByRole('button', { name: 'Send svar' }).click();
    await questionIn(mette, OPEN_PROMPT).getByText('Tak for dit svar').waitFor();
    const mine = await questionIn(mette, OPEN_PROMPT).getByRole('list', { name: 'Dine svar' }).innerText();
    expect(mine).toContain('Overgangen til de nye snitflader i Serviceplatformen (anonymt)');
  });

  it('lets a member answer with their name without JavaScript', async () => {
    await peter.goto(dialogueUrl);
    const question = questionIn(peter, OPEN_PROMPT);
    await question.getByLabel('Svar anonymt').uncheck();
    await question.getByLabel('Dit svar').fill('Beskedfordeleren og vores fagsystemer');
    await question.getByRole('button', { name: 'Send svar' }).click();
    await questionIn(peter, OPEN_PROMPT).getByText('Tak for dit svar').waitFor();
    const mine = await questionIn(peter, OPEN_PROMPT).getByRole('list', { name: 'Dine svar' }).innerText();
    expect(mine).toContain('Beskedfordeleren og vores fagsystemer (med dit navn)');
  });

  it('lets a member answer with JavaScript and empties the field for the next answer', async () => {
    await metteScripted.goto(dialogueUrl);
    const question = questionIn(metteScripted, OPEN_PROMPT);
    await question.getByLabel('Dit svar').fill('Adgangsstyring for brugere');
    await question.getByRole('button', { name: 'Send svar' }).click();
    const mine = questionIn(metteScripted, OPEN_PROMPT).getByRole('list', { name: 'Dine svar' });
    await mine.getByText('Adgangsstyring for brugere').waitFor();
    expect(await mine.getByRole('listitem').count()).toBe(2);
    expect(await questionIn(metteScripted, OPEN_PROMPT).getByLabel('Dit svar').inputValue()).toBe('');
  });

  it('lets a member evaluate a statement and change the evaluation without JavaScript', async () => {
    await peter.goto(dialogueUrl);
    await questionIn(peter, LIKERT_PROMPT).getByLabel('4 – Enig').check();
    await questionIn(peter, LIKERT_PROMPT).getByRole('button', { name: 'Gem vurdering' }).click();
    await questionIn(peter, LIKERT_PROMPT).getByText('Din vurdering er gemt').waitFor();
    expect(await questionIn(peter, LIKERT_PROMPT).getByLabel('4 – Enig').isChecked()).toBe(true);

    await questionIn(peter, LIKERT_PROMPT).getByLabel('5 – Helt enig').check();
    await questionIn(peter, LIKERT_PROMPT).getByRole('button', { name: 'Skift vurdering' }).click();
    await questionIn(peter, LIKERT_PROMPT).getByText('Din vurdering er ændret').waitFor();
    expect(await questionIn(peter, LIKERT_PROMPT).getByLabel('5 – Helt enig').isChecked()).toBe(true);
    const mine = await questionIn(peter, LIKERT_PROMPT).getByRole('list', { name: 'Din vurdering' }).innerText();
    expect(mine.trim()).toBe('5 – Helt enig (anonymt)');
  });

  it('lets a member evaluate a statement with JavaScript', async () => {
    await metteScripted.goto(dialogueUrl);
    await questionIn(metteScripted, LIKERT_PROMPT).getByLabel('2 – Uenig').check();
    await questionIn(metteScripted, LIKERT_PROMPT).getByRole('button', { name: 'Gem vurdering' }).click();
    await questionIn(metteScripted, LIKERT_PROMPT).getByRole('button', { name: 'Skift vurdering' }).waitFor();
    expect(await questionIn(metteScripted, LIKERT_PROMPT).getByLabel('2 – Uenig').isChecked()).toBe(true);
  });

  it('shows members a named answer with name and municipality, and an anonymous one as “Anonym”', async () => {
    await peter.goto(dialogueUrl);
    await questionIn(peter, OPEN_PROMPT).getByRole('link', { name: 'Se alle svar' }).click();
    await peter.waitForURL(resultsUrl(OPEN_PROMPT));
    await peter.getByRole('heading', { level: 1, name: OPEN_PROMPT }).waitFor();
    const answers = await answersOn(peter);
    expect(answers).toHaveLength(3);
    expect(answers.find((text) => text.startsWith('Beskedfordeleren'))).toMatch(/Peter Krogh, Esbjerg \(dit svar\)/);
    const anonymous = answers.find((text) => text.startsWith('Overgangen'));
    expect(anonymous).toMatch(/ Anonym · /);
    expect(anonymous).not.toContain('Gladsaxe');
  });

  it('shows moderators the municipality behind an anonymous answer', async () => {
    await moderator.goto(resultsUrl(OPEN_PROMPT));
    const answers = await answersOn(moderator);
    expect(answers.find((text) => text.startsWith('Overgangen'))).toMatch(/ Anonym \(Gladsaxe\) · /);
    expect(await moderator.getByRole('link', { name: 'Hent som CSV' }).getAttribute('href')).toBe(
      `/api/dialogue/${questionIds[OPEN_PROMPT]}/results?format=csv`,
    );
  });

  it('offers members no CSV export and no moderation', async () => {
    await peter.goto(resultsUrl(OPEN_PROMPT));
    expect(await peter.getByRole('link', { name: 'Hent som CSV' }).count()).toBe(0);
    expect(await peter.getByText('Moderér svaret').count()).toBe(0);
  });

  it('shows a new answer live, within seconds and without a reload, and says so politely', async () => {
    await peterScripted.goto(resultsUrl(OPEN_PROMPT));
    await peterScripted.getByText('Svarene opdateres automatisk.').waitFor();
    await peterScripted.evaluate(() => Reflect.set(window, 'sameDocument', true));
    const posted = await metteApi.post(`/api/dialogue/${questionIds[OPEN_PROMPT]}/answers`, {
      text: 'Et svar, der kom undervejs',
      anonymous: true,
    });
    expect(posted.status).toBe(201);

    await peterScripted.getByText('Et svar, der kom undervejs').waitFor({ timeout: 10_000 });
    expect((await answersOn(peterScripted))[0]).toMatch(/^Et svar, der kom undervejs Anonym · /);
    await expect.poll(() => peterScripted.getByRole('status').filter({ hasText: 'nyt svar' }).innerText()).toBe('1 nyt svar');
    expect(await peterScripted.evaluate(() => Reflect.get(window, 'sameDocument'))).toBe(true);
    expect(await peterScripted.getByText('4 svar', { exact: true }).count()).toBe(1);
  });

  it('counts the evaluations in the chart’s table and gives the mean with a Danish decimal comma', async () => {
    await peter.goto(resultsUrl(LIKERT_PROMPT));
    const table = peter.getByRole('table', { name: /Fordeling af vurderinger/ });
    const rows = (await table.locator('tbody tr').allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim());
    expect(rows).toEqual([
      '1 – Helt uenig 0 0 %',
      '2 – Uenig 1 50 %',
      '3 – Hverken enig eller uenig 0 0 %',
      '4 – Enig 0 0 %',
      '5 – Helt enig 1 50 %',
    ]);
    expect((await table.locator('tfoot').innerText()).replace(/\s+/g, ' ').trim()).toBe('I alt 2 100 %');
    await peter.getByText('Gennemsnit 3,5').waitFor();
    expect(await peter.locator('svg.likert-chart rect.bar').count()).toBe(5);
  });

  it('lets a moderator hide an answer without JavaScript, which members then no longer see', async () => {
    await moderator.goto(resultsUrl(OPEN_PROMPT));
    const item = moderator.getByRole('listitem').filter({ hasText: 'Adgangsstyring for brugere' });
    await item.getByText('Moderér svaret').click();
    await item.getByLabel('Begrundelse').fill('Svaret er lagt ind to gange');
    await item.getByRole('button', { name: 'Skjul svaret' }).click();
    await moderator.getByRole('listitem').filter({ hasText: 'Adgangsstyring for brugere' }).getByText('Skjult for deltagerne').waitFor();

    await peter.goto(resultsUrl(OPEN_PROMPT));
    const answers = await answersOn(peter);
    expect(answers.some((text) => text.includes('Adgangsstyring for brugere'))).toBe(false);
    expect(answers).toHaveLength(3);
  });

  it('refuses an answer once the question is closed, and says so', async () => {
    const created = await moderatorApi.post(`/api/webinars/${webinar.id}/dialogue`, { kind: 'open', prompt: CLOSING_PROMPT });
    questionIds[CLOSING_PROMPT] = created.body.id;
    await moderatorApi.patch(`/api/dialogue/${created.body.id}`, { open: true });
    await mette.goto(dialogueUrl);
    await questionIn(mette, CLOSING_PROMPT).getByLabel('Dit svar').fill('Klassifikation og KLE');
    await moderatorApi.patch(`/api/dialogue/${created.body.id}`, { open: false });

    await questionIn(mette, CLOSING_PROMPT).getByRole('button', { name: 'Send svar' }).click();
    await questionIn(mette, CLOSING_PROMPT).getByText('Spørgsmålet er lukket for svar').waitFor();
    expect(await questionIn(mette, CLOSING_PROMPT).getByLabel('Dit svar').count()).toBe(0);
    expect(await questionIn(mette, CLOSING_PROMPT).getByRole('link', { name: 'Se resultaterne' }).getAttribute('href')).toBe(
      `${webinar.path}/dialog/${created.body.id}`,
    );
    const results = await metteApi.get(`/api/dialogue/${created.body.id}/results`);
    expect(results.body.total).toBe(0);
  });

  it('lets a moderator move a question up without JavaScript', async () => {
    await moderator.goto(dialogueUrl);
    await questionIn(moderator, LIKERT_PROMPT).getByRole('button', { name: 'Flyt op' }).click();
    await moderator.waitForURL(/#spoergsmaal-\d+$/);
    const headings = await moderator.getByRole('heading', { level: 2 }).allInnerTexts();
    expect(headings.slice(0, 3)).toEqual([LIKERT_PROMPT, OPEN_PROMPT, CLOSING_PROMPT]);
  });

  it('deletes a question only after the moderator confirms it', async () => {
    await moderator.goto(dialogueUrl);
    await questionIn(moderator, CLOSING_PROMPT).getByRole('link', { name: 'Slet spørgsmålet' }).click();
    await moderator.getByRole('heading', { level: 1, name: 'Slet spørgsmålet' }).waitFor();
    expect((await moderatorApi.get(`/api/webinars/${webinar.id}/dialogue`)).body.items).toHaveLength(3);
    await moderator.getByRole('button', { name: 'Slet spørgsmålet' }).click();
    await moderator.getByText('Spørgsmålet er slettet').waitFor();
    expect(await questionIn(moderator, CLOSING_PROMPT).count()).toBe(0);
  });

  it('is accessible to a member on the dialogue page and both results pages', async () => {
    for (const url of [dialogueUrl, resultsUrl(OPEN_PROMPT), resultsUrl(LIKERT_PROMPT)]) {
      await metteScripted.goto(url);
      await expectAccessible(metteScripted);
    }
  });

  it('is accessible to a moderator on the dialogue page and both results pages', async () => {
    for (const url of [dialogueUrl, resultsUrl(OPEN_PROMPT), resultsUrl(LIKERT_PROMPT)]) {
      await moderatorScripted.goto(url);
      await expectAccessible(moderatorScripted);
    }
  });
});
