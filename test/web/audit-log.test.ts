import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copenhagenDateAndTime } from '@infraforum/shared';
import { expectAccessible, launchBrowser, logIn, newPage } from '../support/browser.js';
import { signIn } from '../support/http.js';
import { TEST_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

// The audit log for admins: a moderator's decision on flags shows up with who, what and why, can be searched by
// text and date, and downloaded as CSV for Excel; nobody else may read it.

const TITLE = 'Serviceplatformen svarer langsomt om morgenen';
const REASON = 'Personangreb på en navngiven medarbejder';
const DAY = 24 * 60 * 60 * 1000;

describe('the audit log in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: Page;
  let questionPath = '';

  /** The rows of the log's table, without its header. */
  const rows = (page: Page) => page.getByRole('table', { name: 'Hændelser i revisionsloggen, nyeste først' }).locator('tbody tr');

  beforeAll(async () => {
    t = await startTestApp({ web: true, withoutSearch: true });
    await t.createUser({ email: 'frida@gladsaxe.dk', organizationCode: '0159', name: 'Frida Forfatter' });
    await t.createUser({ email: 'peter@esbjerg.dk', organizationCode: '0561', name: 'Peter Krogh' });
    await t.createUser({ email: 'mette@kombit.dk', organizationCode: 'KOMBIT', name: 'Mette Moderator', role: 'moderator' });
    await t.createUser({ email: 'anders@kombit.dk', organizationCode: 'KOMBIT', name: 'Anders Admin', role: 'admin' });
    const author = await signIn(t.url, 'frida@gladsaxe.dk', TEST_PASSWORD);
    const member = await signIn(t.url, 'peter@esbjerg.dk', TEST_PASSWORD);
    const moderator = await signIn(t.url, 'mette@kombit.dk', TEST_PASSWORD);

    const question = await author.post('/api/content', {
      kind: 'question',
      title: TITLE,
      body: 'Mellem kl. 8 og 9 tager opslag i CPR via Serviceplatformen over 30 sekunder.',
      visibility: 'public',
    });
    expect(question.status, JSON.stringify(question.body)).toBe(201);
    questionPath = question.body.path;
    // Another moderator action, so the searches below have something to leave out.
    const synonyms = await moderator.post('/api/search/synonyms', { terms: ['Testkø', 'Prøvekø'] });
    expect(synonyms.status, JSON.stringify(synonyms.body)).toBe(201);
    const flag = await member.post(`/api/content/${question.body.id}/flags`, { reason: 'abusive' });
    expect(flag.status).toBe(201);
    const decision = await moderator.post(`/api/moderation/flags/${flag.body.id}/resolve`, { action: 'hide', reason: REASON });
    expect(decision.status, JSON.stringify(decision.body)).toBe(200);

    browser = await launchBrowser();
    admin = await newPage(browser);
    await logIn(admin, t.url, 'anders@kombit.dk', TEST_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows the admin the moderator’s decision: when, what, who, on what, why, and before and after', async () => {
    await admin.goto(t.url + '/');
    await admin.getByRole('link', { name: 'Revisionslog' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Revisionslog' }).waitFor();
    const row = rows(admin).filter({ hasText: 'Skjult efter anmeldelse' });
    expect(await row.count()).toBe(1);
    const text = await row.innerText();
    expect(text).toContain('Mette Moderator');
    expect(text).toContain('KOMBIT');
    expect(text).toContain(REASON);
    expect(text).toMatch(/\d{1,2}\. \p{L}+ \d{4} kl\. \d{2}\.\d{2}/u);
    expect(await row.getByRole('link', { name: TITLE }).getAttribute('href')).toBe(questionPath);
    await row.getByText('Vis').click();
    await row.getByText('"status": "hidden"').waitFor();
    await expectAccessible(admin);
  });

  it('finds the decision by free text and leaves out the other actions', async () => {
    await admin.goto(t.url + '/admin/log');
    expect(await rows(admin).filter({ hasText: 'Synonymgruppe tilføjet' }).count()).toBe(1);
    await admin.getByLabel('Fritekst').fill('personangreb');
    await admin.getByRole('button', { name: 'Filtrér' }).click();
    await admin.waitForURL(/[?&]q=personangreb/);
    await expect.poll(() => rows(admin).count()).toBe(1);
    expect(await rows(admin).first().innerText()).toContain(REASON);
    await expectAccessible(admin);
  });

  it('filters by Copenhagen day: nothing from tomorrow on, the decision from today', async () => {
    const today = copenhagenDateAndTime(new Date()).date;
    const tomorrow = copenhagenDateAndTime(new Date(Date.now() + DAY)).date;
    await admin.goto(t.url + '/admin/log');
    await admin.getByLabel('Fra dato').fill(tomorrow);
    await admin.getByRole('button', { name: 'Filtrér' }).click();
    await admin.waitForURL(new RegExp(`from=${tomorrow}`));
    await admin.getByText('Ingen hændelser passer til søgningen.').waitFor();

    await admin.getByLabel('Fra dato').fill(today);
    await admin.getByLabel('Til dato').fill(today);
    await admin.getByRole('button', { name: 'Filtrér' }).click();
    await admin.waitForURL(new RegExp(`from=${today}&to=${today}`));
    expect(await rows(admin).filter({ hasText: REASON }).count()).toBe(1);
  });

  it('shows a date the API refuses in an error summary linked to the field', async () => {
    await admin.goto(t.url + '/admin/log?from=2025-13-01');
    const summary = admin.getByRole('alert');
    await summary.getByRole('link', { name: /Fra-datoen skal være en gyldig dato/ }).waitFor();
    expect(await admin.getByLabel('Fra dato').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(admin);
  });

  it('downloads the filtered log as CSV for Excel: byte-order mark, header, and only the matching rows', async () => {
    await admin.goto(t.url + '/admin/log?q=personangreb');
    const link = admin.getByRole('link', { name: 'Hent som CSV' });
    expect(await link.getAttribute('href')).toBe('/admin/log/revisionslog.csv?q=personangreb');
    const [download] = await Promise.all([admin.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('revisionslog.csv');
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^Tidspunkt;Handling;Udført af;E-mail;/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('moderation.hide');
    expect(lines[1]).toContain(REASON);
  });

  it('refuses the log and its CSV to a moderator', async () => {
    const moderator = await newPage(browser);
    await logIn(moderator, t.url, 'mette@kombit.dk', TEST_PASSWORD);
    expect(await moderator.getByRole('link', { name: 'Revisionslog' }).count()).toBe(0);
    const page = await moderator.goto(t.url + '/admin/log');
    expect(page?.status()).toBe(403);
    await moderator.getByRole('heading', { level: 1, name: 'Du har ikke adgang' }).waitFor();
    await expectAccessible(moderator);
    const csv = await moderator.request.get(t.url + '/admin/log/revisionslog.csv');
    expect(csv.status()).toBe(403);
    expect(await csv.text()).not.toContain('Tidspunkt;Handling');
    await moderator.context().close();
  });
});
