import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, newPage } from '../support/browser.js';
import { TEST_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

// One app per file: SvelteKit's handler reads its environment (the API's address) once, when loaded.
describe('hotline guides in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let guideUrl = '';

  beforeAll(async () => {
    t = await startTestApp({ web: true, withoutSearch: true });
    await t.createUser({ email: 'karen@gladsaxe.dk', organizationCode: '0159', name: 'Karen Hotline', title: 'Hotline' });
    browser = await launchBrowser();
    page = await newPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    await logIn(page, t.url, 'karen@gladsaxe.dk', TEST_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('tells the writer which fields are missing when the guide form is sent empty', async () => {
    await page.goto(t.url + '/vejledninger/ny');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Offentliggør' }).click();
    const summary = page.getByRole('alert');
    await summary.getByText('Vælg den komponent, vejledningen handler om').waitFor();
    await summary.getByText('Vælg hvor kritisk det er, hvis komponenten er nede').waitFor();
    expect(await page.locator('#component').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
  });

  it('writes a guide for Context Handler whose card shows the severity, the systems and a generated intranet text', async () => {
    await page.goto(t.url + '/vejledninger/ny');
    await page.getByLabel('Titel').fill('Context Handler er nede – sådan gør hotline');
    await page.getByLabel('Komponent').selectOption('context-handler');
    await page.getByLabel('Hvad er det?').fill('Styrer login til de fælleskommunale it-systemer');
    await page.getByLabel('Kritisk', { exact: true }).check();
    await page.getByLabel('BBR', { exact: true }).check();
    await page.getByLabel('DAR', { exact: true }).check();
    await page.getByLabel('Andre systemer (kommasepareret)').fill('Lokalt ESDH');
    await page.getByLabel('Det gør hotline').fill('Tjek driftsstatus hos KOMBIT.\nSæt teksten på intranettet.');
    await page.getByLabel('Uddybende vejledning').fill('Brugerne ser **fejl ved login**. Se også KOMBITs driftsstatus.');
    await page.getByRole('button', { name: 'Offentliggør' }).click();
    await page.waitForURL(/\/vejledninger\/\d+-context-handler-er-nede-saadan-goer-hotline$/);
    guideUrl = page.url();

    const card = page.getByRole('region', { name: 'Overblik for hotline' });
    expect(await card.getByRole('link', { name: 'Context Handler' }).getAttribute('href')).toBe('/komponenter/context-handler');
    await card.getByText('Kritisk', { exact: true }).waitFor();
    for (const system of ['BBR', 'DAR', 'Lokalt ESDH']) await card.getByRole('listitem').getByText(system, { exact: true }).waitFor();
    const outage = await card.getByLabel('Ved nedbrud').inputValue();
    expect(outage).toContain('Context Handler');
    expect(outage).toContain('BBR');
    expect(await card.getByLabel('Ved planlagt vedligehold').inputValue()).toContain('Planlagt vedligehold på Context Handler');
    await expectAccessible(page);
  });

  it('lists the guide with its severity', async () => {
    await page.goto(t.url + '/vejledninger?komponent=context-handler');
    const item = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'Context Handler er nede – sådan gør hotline' }) });
    await item.getByText('Kritisk').waitFor();
    await expectAccessible(page);
  });

  it('copies the outage text to the clipboard and says so', async () => {
    await page.goto(guideUrl);
    const card = page.getByRole('region', { name: 'Overblik for hotline' });
    const outage = await card.getByLabel('Ved nedbrud').inputValue();
    await card.getByRole('button', { name: 'Kopiér tekst ved nedbrud' }).click();
    await card.getByRole('status').getByText('Kopieret', { exact: true }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(outage);
  });

  it('without JavaScript shows the intranet text read-only, ready to select, and no copy button', async () => {
    const plain = await newPage(browser, { javaScriptEnabled: false });
    await logIn(plain, t.url, 'karen@gladsaxe.dk', TEST_PASSWORD);
    await plain.goto(guideUrl);
    const outage = plain.getByLabel('Ved nedbrud');
    expect(await outage.getAttribute('readonly')).not.toBeNull();
    expect(await outage.inputValue()).toContain('BBR');
    expect(await plain.getByRole('button', { name: /Kopiér tekst/ }).count()).toBe(0);
    await plain.context().close();
  });

  it('shows an edit as insertions and deletions on the history page', async () => {
    await page.goto(guideUrl);
    await page.getByRole('link', { name: 'Redigér vejledningen' }).click();
    await page.waitForURL(/\/rediger$/);
    expect(await page.getByLabel('BBR', { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('Andre systemer (kommasepareret)').inputValue()).toBe('Lokalt ESDH');
    await page.getByLabel('Medium', { exact: true }).check();
    await page.getByLabel('Det gør hotline').fill('Tjek driftsstatus hos KOMBIT.\nRing til den lokale it-drift.');
    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    await page.waitForURL(guideUrl);
    await page.getByRole('region', { name: 'Overblik for hotline' }).getByText('Medium', { exact: true }).waitFor();

    await page.getByRole('link', { name: 'Redigeret – se historik' }).click();
    await page.waitForURL(/\/historik$/);
    const latest = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Version 2 (nuværende)' }) });
    expect(await latest.locator('ins', { hasText: 'Ring til den lokale it-drift' }).textContent()).toContain('tilføjet');
    expect(await latest.locator('del', { hasText: 'Sæt teksten på intranettet' }).count()).toBe(1);
    expect(await latest.locator('ins', { hasText: 'Medium' }).count()).toBe(1);
    expect(await latest.locator('del', { hasText: 'Kritisk' }).count()).toBe(1);
    await expectAccessible(page);
  });
});
