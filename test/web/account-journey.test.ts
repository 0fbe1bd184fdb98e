import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, newPage } from '../support/browser.js';
import { linkFromMail } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('a new colleague in Gladsaxe, in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  const email = `ny-${randomBytes(4).toString('hex')}@gladsaxe.dk`;
  const password = 'Hotline-guiden-er-klar-nu';

  beforeAll(async () => {
    t = await startTestApp({ web: true });
    browser = await launchBrowser();
    page = await newPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('sees the front page in Danish, with a skip link and the main sections', async () => {
    const response = await page.goto(t.url + '/');
    // Pages for anonymous visitors start no session.
    expect(await response?.headerValue('set-cookie')).toBeNull();
    expect(await response?.headerValue('x-content-type-options')).toBe('nosniff');
    expect(await response?.headerValue('referrer-policy')).toBe('same-origin');
    expect(await response?.headerValue('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    await expect.poll(() => page.getByRole('link', { name: 'Gå til indhold' }).count()).toBe(1);
    const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
    for (const section of ['Spørgsmål', 'Vejledninger', 'Cases', 'Webinarer', 'Værktøjskassen', 'Emneforslag']) {
      expect(await nav.getByRole('link', { name: section }).count(), section).toBe(1);
    }
    await expectAccessible(page);
  });

  it('is told what is wrong when the sign-up form is sent empty', async () => {
    await page.goto(t.url + '/opret-konto');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Opret konto' }).click();
    await page.getByText('Skriv dit navn').first().waitFor();
    expect(await page.locator('#name').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
  });

  it('signs up with a municipal address and gets a verification mail', async () => {
    await page.goto(t.url + '/opret-konto');
    await page.getByLabel('Navn', { exact: true }).fill('Karen Hotline');
    await page.getByLabel('E-mail', { exact: true }).fill(email);
    await page.getByLabel('Adgangskode', { exact: true }).fill(password);
    // The typed address picks its municipality; the filter narrows the long list.
    expect(await page.locator('select#organizationCode').inputValue()).toBe('0159');
    await page.getByLabel('Søg efter kommune').fill('glads');
    expect(await page.locator('select#organizationCode option:not([value=""])').count()).toBe(1);
    await page.getByRole('button', { name: 'Opret konto' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bekræft din e-mailadresse' }).waitFor();
    expect(await page.getByText(`Vi har sendt en mail til ${email}`).count()).toBe(1);
    await expectAccessible(page);
  });

  it('opens the link from the dev inbox and confirms the address', async () => {
    const link = await linkFromMail(t.url, email, /Bekræft/);
    await page.goto(link);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Bekræft e-mailadresse' }).click();
    await page.getByText('din konto er klar').waitFor();
    await expectAccessible(page);
  });

  it('logs in and sees their own municipality', async () => {
    await page.goto(t.url + '/log-ind');
    await expectAccessible(page);
    await page.getByLabel('E-mail', { exact: true }).fill(email);
    await page.getByLabel('Adgangskode', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Log ind' }).last().click();
    await page.waitForURL(/\/min-profil/);
    expect(await page.getByText('Gladsaxe').count()).toBeGreaterThan(0);
    await expectAccessible(page);

    await page
      .getByRole('main')
      .getByRole('link', { name: /Gladsaxe/ })
      .first()
      .click();
    await page.waitForURL(/\/kommuner\/0159/);
    await page.getByRole('heading', { level: 1, name: /Gladsaxe/ }).waitFor();
    // A colleague in the same municipality sees their own entry among the contacts.
    expect(await page.getByText('Karen Hotline').count()).toBeGreaterThan(0);
    await expectAccessible(page);
  });

  it('logs out, and the profile page then asks to log in', async () => {
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.waitForURL(t.url + '/');
    await page.goto(t.url + '/min-profil');
    await page.waitForURL(/\/log-ind/);
    await page.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
    await expectAccessible(page);
  });
});
