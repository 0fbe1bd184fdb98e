import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, newPage } from '../support/browser.js';
import { linkFromMail } from '../support/http.js';
import { TEST_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

// One app per file: SvelteKit's handler reads its environment (the API's address) once, when loaded.
describe('without JavaScript', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp({ web: true });
    browser = await launchBrowser();
    page = await newPage(browser, { javaScriptEnabled: false });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('an org admin approves a colleague who signed up with an outside address', async () => {
    const admin = await t.createUser({ email: 'admin-nojs@gladsaxe.dk', organizationCode: '0159', role: 'org_admin', name: 'Lene Admin' });
    const outsider = `vikar-${randomBytes(4).toString('hex')}@example.org`;

    // Sign-up with a plain form post: the <select> works without the filter script.
    await page.goto(t.url + '/opret-konto');
    await page.getByLabel('Navn', { exact: true }).fill('Vikar Vestergaard');
    await page.getByLabel('E-mail', { exact: true }).fill(outsider);
    await page.getByLabel('Adgangskode', { exact: true }).fill('En-lang-og-god-adgangskode');
    await page.locator('select#organizationCode').selectOption('0159');
    await page.getByRole('button', { name: 'Opret konto' }).click();
    await page.getByText('skal en administrator i kommunen også godkende').waitFor();

    await page.goto(await linkFromMail(t.url, outsider, /Bekræft/));
    await page.getByRole('button', { name: 'Bekræft e-mailadresse' }).click();
    await page.getByText('venter på godkendelse').first().waitFor();
    await expectAccessible(page);

    await logIn(page, t.url, admin.email, TEST_PASSWORD);

    await page.goto(t.url + '/admin/brugere');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Godkend Vikar Vestergaard' }).click();
    await page.waitForLoadState();
    const status = await t.db.query<{ status: string }>('SELECT status FROM "user" WHERE email = $1', [outsider]);
    expect(status.rows[0]?.status).toBe('active');
    await expectAccessible(page);
  });
});
