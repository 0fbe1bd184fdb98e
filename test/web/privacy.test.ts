import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, newPage } from '../support/browser.js';
import { TEST_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

// A member's own data from the profile page: the download, and deleting the account (a plain form post).

describe('Dine data on the profile page', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp({ web: true, withoutSearch: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedIn(email: string, name: string, javaScriptEnabled = true): Promise<Page> {
    await t.createUser({ email, organizationCode: '0159', name });
    const page = await newPage(browser, { javaScriptEnabled });
    await logIn(page, t.url, email, TEST_PASSWORD);
    return page;
  }

  const userRow = async (id: string) =>
    (await t.db.query<{ name: string; deleted_at: Date | null }>(`SELECT name, deleted_at FROM "user" WHERE id = $1`, [id])).rows[0];

  it('offers the download and the deletion, and the profile page stays accessible', async () => {
    const page = await signedIn('vis@gladsaxe.dk', 'Vibeke Vis');
    await expect(page.getByRole('heading', { name: 'Dine data' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Hent mine data (JSON)' }).getAttribute('href')).resolves.toBe(
      '/min-profil/mine-data.json',
    );
    await expect(page.getByRole('link', { name: 'Slet min konto' }).getAttribute('href')).resolves.toBe('/min-profil/slet-konto');
    await expectAccessible(page);
    await page.context().close();
  });

  it('downloads the member’s data as infraforum-mine-data.json', async () => {
    const page = await signedIn('hent@gladsaxe.dk', 'Henrik Hent');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Hent mine data (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('infraforum-mine-data.json');
    const data = JSON.parse(await readFile(await download.path(), 'utf8'));
    expect(data.profile).toMatchObject({ name: 'Henrik Hent', email: 'hent@gladsaxe.dk', organization: { code: '0159' } });
    await page.context().close();
  });

  it('serves the download as a JSON attachment that no cache keeps', async () => {
    const page = await signedIn('header@gladsaxe.dk', 'Hanne Header');
    const response = await page.context().request.get(t.url + '/min-profil/mine-data.json');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/json/);
    expect(response.headers()['content-disposition']).toBe('attachment; filename="infraforum-mine-data.json"');
    expect(response.headers()['cache-control']).toBe('private, no-store');
    await page.context().close();
  });

  it('sends a visitor without login from the download to the login page', async () => {
    const page = await newPage(browser);
    const response = await page.goto(t.url + '/min-profil/mine-data.json');
    expect(new URL(page.url()).pathname).toBe('/log-ind');
    expect(response?.status()).toBe(200);
    await page.context().close();
  });

  it('explains what is deleted and what stays, as "Tidligere bruger" from the municipality, accessibly', async () => {
    const page = await signedIn('forklar@gladsaxe.dk', 'Frida Forklar');
    await page.goto(t.url + '/min-profil/slet-konto');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Slet min konto');
    await expect(page.getByText('Tidligere bruger, Gladsaxe').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Slet min konto permanent' }).getAttribute('class')).resolves.toContain('button-warning');
    await expectAccessible(page);
    await page.context().close();
  });

  it('without JavaScript: shows the errors per field, then deletes the account and lands on the front page signed out', async () => {
    const page = await signedIn('slet@gladsaxe.dk', 'Søren Slet', false);
    const { rows } = await t.db.query<{ id: string }>(`SELECT id FROM "user" WHERE email = 'slet@gladsaxe.dk'`);
    const id = rows[0]!.id;
    await page.goto(t.url + '/min-profil/slet-konto');
    const submit = page.getByRole('button', { name: 'Slet min konto permanent' });

    await submit.click();
    const summary = page.getByRole('alert').filter({ hasText: 'Nogle felter er ikke udfyldt korrekt' });
    await expect(summary.getByRole('link').allTextContents()).resolves.toEqual(['Skriv din adgangskode', 'Skriv SLET for at bekræfte']);
    await expectAccessible(page);

    await page.getByLabel('Din adgangskode').fill('Forkert-Adgangskode-123');
    await page.getByLabel('Skriv SLET for at bekræfte').fill('SLET');
    await submit.click();
    await expect(page.locator('#password-error').textContent()).resolves.toContain('Adgangskoden er forkert');
    await expect(page.getByLabel('Skriv SLET for at bekræfte').inputValue()).resolves.toBe('SLET');
    await expect(page.getByLabel('Din adgangskode').inputValue()).resolves.toBe('');
    expect(await userRow(id)).toEqual({ name: 'Søren Slet', deleted_at: null });

    await page.getByLabel('Din adgangskode').fill(TEST_PASSWORD);
    await submit.click();
    await page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('konto-slettet') === '1');
    await expect(page.getByRole('status').filter({ hasText: 'Din konto er slettet' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Log ind' }).first().isVisible()).resolves.toBe(true);
    expect(await userRow(id)).toEqual({ name: 'Tidligere bruger', deleted_at: expect.any(Date) });
    await expectAccessible(page);

    await page.goto(t.url + '/min-profil');
    expect(new URL(page.url()).pathname).toBe('/log-ind');
    await page.context().close();
  });

  it('with JavaScript: deletes the account and lands on the front page signed out', async () => {
    const page = await signedIn('slet-js@gladsaxe.dk', 'Sune Script');
    await page.goto(t.url + '/min-profil/slet-konto');
    await page.getByLabel('Din adgangskode').fill(TEST_PASSWORD);
    await page.getByLabel('Skriv SLET for at bekræfte').fill('SLET');
    await page.getByRole('button', { name: 'Slet min konto permanent' }).click();
    await page.waitForURL((url) => url.pathname === '/' && url.searchParams.get('konto-slettet') === '1');
    await page.getByRole('status').filter({ hasText: 'Din konto er slettet' }).waitFor();
    await expect(page.getByRole('button', { name: 'Log ud' }).count()).resolves.toBe(0);
    await page.context().close();
  });
});
