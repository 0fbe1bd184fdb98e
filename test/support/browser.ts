import { existsSync } from 'node:fs';
import { chromium as playwright, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'vitest';

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** CHROMIUM_PATH, else a system Chromium, else the build @sparticuz/chromium ships inside its npm package. */
export async function findChromium(): Promise<{ executablePath: string; args: string[] }> {
  if (process.env.CHROMIUM_PATH) return { executablePath: process.env.CHROMIUM_PATH, args: QUIET_FLAGS };
  const system = SYSTEM_CHROMIUMS.find((candidate) => existsSync(candidate));
  if (system) return { executablePath: system, args: QUIET_FLAGS };
  const { default: sparticuz } = await import('@sparticuz/chromium');
  // Its defaults are for scraping on AWS Lambda; these would make it unlike a user's browser (e.g. no Origin header on same-origin posts).
  // (--single-process also lost cookies with several contexts open.)
  const unlikeAUsersBrowser = new Set([
    '--disable-web-security',
    '--allow-running-insecure-content',
    '--disable-site-isolation-trials',
    '--single-process',
  ]);
  const args = sparticuz.args.filter((arg: string) => !unlikeAUsersBrowser.has(arg) && !arg.startsWith('--headless'));
  return { executablePath: await sparticuz.executablePath(), args: [...new Set([...args, ...QUIET_FLAGS])] };
}

export async function launchBrowser(): Promise<Browser> {
  const { executablePath, args } = await findChromium();
  return playwright.launch({ executablePath, args, headless: true });
}

const javaScriptOff = new WeakSet<Page>();

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA) on the page and fails with the violations listed. axe is a
 * script: for a page without JavaScript it checks the same URL, with the same cookies, in a scripted twin.
 */
export async function expectAccessible(page: Page): Promise<void> {
  let target = page;
  if (javaScriptOff.has(page)) {
    const browser = page.context().browser();
    if (!browser) throw new Error('page has no browser');
    const twin = await browser.newContext({ locale: 'da-DK', storageState: await page.context().storageState() });
    target = await twin.newPage();
    await target.goto(page.url());
  }
  try {
    await checkWithAxe(target);
  } finally {
    if (target !== page) await target.context().close();
  }
}

async function checkWithAxe(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** A page in a fresh context (axe needs one), Danish, with a step timeout short enough to name the step that hangs. */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ locale: 'da-DK', ...options });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  if (options.javaScriptEnabled === false) javaScriptOff.add(page);
  return page;
}

/** Logs the page in through the login form, as a person does; it lands on their profile. */
export async function logIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(baseUrl + '/log-ind');
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log ind' }).last().click();
  await page.waitForURL(/\/min-profil/);
}
