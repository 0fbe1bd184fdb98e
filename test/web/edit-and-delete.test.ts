import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, newPage } from '../support/browser.js';
import { signIn, type ApiSession } from '../support/http.js';
import { TEST_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

const ASKER = 'asker@gladsaxe.dk';
const ANSWERER = 'answerer@esbjerg.dk';
const MODERATOR = 'moderator@kombit.dk';

// One app per file: SvelteKit's handler reads its environment (the API's address) once, when loaded.
describe('the edit and delete pages of questions, answers and guides, in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let asker: ApiSession;
  let answerer: ApiSession;

  /** A published question by the asker; its address. */
  async function askQuestion(title: string): Promise<{ id: number; path: string }> {
    const response = await asker.post('/api/content', { kind: 'question', title, body: 'Hvad gør vi?', visibility: 'members' });
    expect(response.status).toBe(201);
    return response.body;
  }

  /** An answer by the answerer in the thread; its id. */
  async function answer(questionId: number, body: string): Promise<number> {
    const response = await answerer.post(`/api/content/${questionId}/replies`, { body });
    expect(response.status).toBe(201);
    return response.body.id;
  }

  async function loggedInPage(email: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    const page = await newPage(browser, options);
    await logIn(page, t.url, email, TEST_PASSWORD);
    return page;
  }

  beforeAll(async () => {
    t = await startTestApp({ web: true, withoutSearch: true });
    await t.createUser({ email: ASKER, organizationCode: '0159', name: 'Sofie Lund' });
    await t.createUser({ email: ANSWERER, organizationCode: '0561', name: 'Peter Krogh' });
    await t.createUser({ email: MODERATOR, organizationCode: 'KOMBIT', name: 'Mette Moderator', role: 'moderator' });
    asker = await signIn(t.url, ASKER, TEST_PASSWORD);
    answerer = await signIn(t.url, ANSWERER, TEST_PASSWORD);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('lets the asker delete their own question without a reason, after which the list says it is deleted', async () => {
    const question = await askQuestion('Et spørgsmål der skal slettes');
    const page = await loggedInPage(ASKER);
    await page.goto(t.url + question.path);
    await page.getByRole('link', { name: 'Slet spørgsmålet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Slet spørgsmålet' }).waitFor();
    expect(await page.getByLabel('Begrundelse').count()).toBe(0);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Slet spørgsmålet' }).click();
    await page.waitForURL(/\/spoergsmaal\?slettet=1$/);
    await page.getByRole('heading', { name: 'Indholdet er slettet' }).waitFor();
    expect((await asker.get(`/api/content/${question.id}`)).status).toBe(404);
    await page.context().close();
  });

  it('asks a moderator for a reason before they delete someone else’s guide', async () => {
    const guide = await asker.post('/api/content', {
      kind: 'guide',
      title: 'Context Handler er nede',
      body: 'Se driftsstatus.',
      components: ['context-handler'],
      visibility: 'members',
      attributes: {
        component: 'context-handler',
        severity: 'kritisk',
        affectedSystems: ['BBR'],
        action: 'Tjek driftsstatus.',
        intranetNotice: { outage: '', maintenance: '' },
      },
    });
    expect(guide.status).toBe(201);
    const page = await loggedInPage(MODERATOR);
    await page.goto(t.url + guide.body.path + '/slet');
    await page.getByLabel('Begrundelse').fill('Dublet af en anden vejledning');
    await page.getByRole('button', { name: 'Slet vejledningen' }).click();
    await page.waitForURL(/\/vejledninger\?slettet=1$/);
    expect((await asker.get(`/api/content/${guide.body.id}`)).status).toBe(404);
    await page.context().close();
  });

  it('shows a moderator editing someone else’s question the reason field', async () => {
    const question = await askQuestion('Et spørgsmål en moderator retter');
    const page = await loggedInPage(MODERATOR);
    await page.goto(t.url + question.path + '/rediger');
    await page.getByLabel('Begrundelse').waitFor();
    expect(await page.getByRole('link', { name: 'Annullér' }).getAttribute('href')).toBe(question.path);
    await page.context().close();
  });

  it('refuses the edit and delete pages of someone else’s question with 403', async () => {
    const question = await askQuestion('Et spørgsmål andre ikke må rette');
    const page = await loggedInPage(ANSWERER);
    for (const subPage of ['/rediger', '/slet']) {
      const response = await page.goto(t.url + question.path + subPage);
      expect(response?.status(), subPage).toBe(403);
    }
    await page.context().close();
  });

  it('sends a visitor who is not logged in from a delete page to log in', async () => {
    const question = await askQuestion('Et spørgsmål en gæst vil slette');
    const page = await newPage(browser);
    await page.goto(t.url + question.path + '/slet');
    expect(new URL(page.url()).pathname).toBe('/log-ind');
    await page.context().close();
  });

  it('lets the answerer edit their answer, and the thread shows the new text', async () => {
    const question = await askQuestion('Et spørgsmål med et svar der rettes');
    const replyId = await answer(question.id, 'Genstart servicen.');
    const page = await loggedInPage(ANSWERER);
    await page.goto(t.url + question.path);
    await page.getByRole('link', { name: 'Redigér svaret fra Peter Krogh' }).click();
    await page.getByRole('heading', { level: 1, name: 'Redigér svar' }).waitFor();
    await expectAccessible(page);

    await page.getByLabel('Svar', { exact: true }).fill('Genstart servicen, og tjek certifikatet.');
    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    await page.waitForURL(new RegExp(`${question.path}#svar-${replyId}$`));
    await page.getByText('Genstart servicen, og tjek certifikatet.').waitFor();
    await page.context().close();
  });

  it('keeps the answerer’s text and says so when the answer was saved elsewhere meanwhile', async () => {
    const question = await askQuestion('Et spørgsmål med et svar der rettes to steder');
    const replyId = await answer(question.id, 'Første udgave.');
    const page = await loggedInPage(ANSWERER);
    await page.goto(`${t.url}${question.path}/svar/${replyId}/rediger`);
    expect((await answerer.patch(`/api/replies/${replyId}`, { body: 'Rettet i en anden fane.' })).status).toBe(200);

    await page.getByLabel('Svar', { exact: true }).fill('Min egen rettelse.');
    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    await page.getByRole('heading', { name: 'Nogen har gemt en nyere version' }).waitFor();
    expect(await page.getByLabel('Svar', { exact: true }).inputValue()).toBe('Min egen rettelse.');
    await expectAccessible(page);
    await page.context().close();
  });

  it('lets the answerer delete their answer without JavaScript', async () => {
    const question = await askQuestion('Et spørgsmål med et svar der slettes');
    const replyId = await answer(question.id, 'Et svar der fortrydes.');
    const page = await loggedInPage(ANSWERER, { javaScriptEnabled: false });
    await page.goto(t.url + question.path);
    await page.getByRole('link', { name: 'Slet svaret fra Peter Krogh' }).click();
    await page.getByRole('heading', { level: 1, name: 'Slet svaret' }).waitFor();
    await page.getByRole('button', { name: 'Slet svaret' }).click();
    await page.waitForURL(new RegExp(`${question.path}#svar$`));
    expect(await page.getByText('Et svar der fortrydes.').count()).toBe(0);
    expect((await answerer.get(`/api/replies/${replyId}`)).status).toBe(404);
    await page.context().close();
  });

  it('refuses the edit page of someone else’s answer with 403', async () => {
    const question = await askQuestion('Et spørgsmål med et svar andre ikke må rette');
    const replyId = await answer(question.id, 'Peters svar.');
    const page = await loggedInPage(ASKER);
    const response = await page.goto(`${t.url}${question.path}/svar/${replyId}/rediger`);
    expect(response?.status()).toBe(403);
    await page.context().close();
  });

  it('lets a moderator move an answer to the question it belongs in, with a reason, without JavaScript', async () => {
    const source = await askQuestion('Spørgsmål hvor et svar er havnet forkert');
    const target = await askQuestion('Spørgsmålet svaret egentlig hører til');
    const replyId = await answer(source.id, 'Et svar der hører til det andet spørgsmål.');
    const page = await loggedInPage(MODERATOR, { javaScriptEnabled: false });
    await page.goto(t.url + source.path);
    await page.getByRole('link', { name: 'Flyt svaret fra Peter Krogh' }).click();
    await page.getByRole('heading', { level: 1, name: 'Flyt svar til et andet spørgsmål' }).waitFor();
    await expectAccessible(page);

    await page.getByLabel('Flyt til spørgsmål').fill(target.path);
    await page.getByRole('button', { name: 'Flyt svaret' }).click();
    await page.getByText('Skriv en begrundelse').first().waitFor();
    await expectAccessible(page);

    await page.getByLabel('Begrundelse').fill('Svaret besvarer det andet spørgsmål');
    await page.getByRole('button', { name: 'Flyt svaret' }).click();
    await page.waitForURL((url) => url.pathname === target.path);
    await page.getByText('Et svar der hører til det andet spørgsmål.').waitFor();
    const moved = await answerer.get(`/api/replies/${replyId}`);
    expect(moved.body.contentId).toBe(target.id);
    const audit = await t.db.query('SELECT action, reason FROM audit_log WHERE target_id = $1', [String(replyId)]);
    expect(audit.rows).toEqual([{ action: 'reply.move', reason: 'Svaret besvarer det andet spørgsmål' }]);
    await page.context().close();
  });

  it('shows the move link and page to moderators only', async () => {
    const question = await askQuestion('Et spørgsmål hvis svar kun moderatorer kan flytte');
    const replyId = await answer(question.id, 'Et svar.');
    const page = await loggedInPage(ASKER);
    await page.goto(t.url + question.path);
    expect(await page.getByRole('link', { name: /^Flyt/ }).count()).toBe(0);
    const response = await page.goto(`${t.url}${question.path}/svar/${replyId}/flyt`);
    expect(response?.status()).toBe(403);
    await page.context().close();
  });
});
