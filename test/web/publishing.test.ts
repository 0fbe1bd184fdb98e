import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copenhagenDateAndTime, fromCopenhagen } from '@infraforum/shared';
import { PublishingService } from '../../server/dist/publishing/publishing.service.js';
import { expectAccessible, launchBrowser, logIn, newPage } from '../support/browser.js';
import { signIn, type ApiSession } from '../support/http.js';
import { TEST_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

// The publishing workflow for KOMBIT material in the browser, axe-checked in every state of the panel: a KOMBIT
// member cannot publish a guide, only save it and send it to review (without JavaScript) for a section of
// Værktøjskassen; a moderator finds it in /admin/udgivelse, sends it back with a reason, and approves it when it comes
// again, and a visitor finds it in the section. Toolbox material a moderator wrote and sent needs a second moderator,
// who approves it for later; the minute job publishes it then. A moderator schedules and unschedules an ordinary draft.

const MEMBER = 'lene@kombit.dk';
const MODERATOR_A = 'mette@kombit.dk';
const MODERATOR_B = 'bo@kombit.dk';

const SECTION = 'Krav, it-indkøb og leverandørstyring';
const SECTION_SLUG = 'krav-it-indkoeb-og-leverandoerstyring';
const TITLE = 'Sådan stiller I krav til Context Handler i udbuddet';
const NOTE = 'Kan den komme med i Værktøjskassen inden jul?';
const REASON = 'Tilføj et eksempel på en kravtekst, før den udgives.';

/** Whitespace collapsed, as a screen reader would read the text out. */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The text a definition list gives for `term` in the region `panel`. */
async function fact(panel: Locator, term: string): Promise<string> {
  const dt = panel.locator('dt', { hasText: term });
  return flat(await dt.locator('xpath=following-sibling::dd[1]').innerText());
}

describe('publishing KOMBIT material in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let member: Page;
  let moderatorA: Page;
  let moderatorB: Page;
  let visitor: Page;
  let moderatorAApi: ApiSession;
  let moderatorBApi: ApiSession;
  let guideUrl = '';

  beforeAll(async () => {
    t = await startTestApp({ web: true, withoutSearch: true });
    await t.createUser({ email: MEMBER, organizationCode: 'KOMBIT', name: 'Lene Larsen' });
    await t.createUser({ email: MODERATOR_A, organizationCode: 'KOMBIT', name: 'Mette Moderator', role: 'moderator' });
    await t.createUser({ email: MODERATOR_B, organizationCode: 'KOMBIT', name: 'Bo Bramsen', role: 'moderator' });
    browser = await launchBrowser();
    [member, moderatorA, moderatorB, visitor] = await Promise.all([
      newPage(browser, { javaScriptEnabled: false }),
      newPage(browser),
      newPage(browser),
      newPage(browser),
    ]);
    await logIn(member, t.url, MEMBER, TEST_PASSWORD);
    await logIn(moderatorA, t.url, MODERATOR_A, TEST_PASSWORD);
    await logIn(moderatorB, t.url, MODERATOR_B, TEST_PASSWORD);
    moderatorAApi = await signIn(t.url, MODERATOR_A, TEST_PASSWORD);
    moderatorBApi = await signIn(t.url, MODERATOR_B, TEST_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const panelOf = (page: Page) => page.getByRole('region', { name: 'Udgivelse' });

  /** A public guide draft written through the API. */
  async function draftGuide(api: ApiSession, title: string): Promise<{ id: number; path: string }> {
    const response = await api.post('/api/content', {
      kind: 'guide',
      title,
      body: 'Sådan skriver I kravene, så integrationen til Serviceplatformen er med fra start.',
      visibility: 'public',
      status: 'draft',
      attributes: {
        component: 'context-handler',
        severity: 'medium',
        affectedSystems: [],
        action: 'Stil kravene i udbuddet.',
        intranetNotice: { outage: '', maintenance: '' },
      },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as { id: number; path: string };
  }

  /** Sends the item on `page` to review for the procurement section (the submit form of the panel). */
  async function submitForSection(page: Page, note = ''): Promise<void> {
    const form = panelOf(page).getByRole('form', { name: 'Send til godkendelse', exact: true });
    await form.getByLabel('Værktøjskassen').selectOption({ label: SECTION });
    if (note) await form.getByLabel('Note til godkenderen').fill(note);
    await form.getByRole('button', { name: 'Send til godkendelse' }).click();
    await panelOf(page).getByText('Til godkendelse', { exact: true }).waitFor();
  }

  describe('a KOMBIT member’s guide through review', () => {
    it('offers the KOMBIT member no "Offentliggør" on the guide form, only a draft and why', async () => {
      await member.goto(t.url + '/vejledninger/ny');
      await member.getByRole('heading', { level: 1, name: 'Skriv en vejledning' }).waitFor();
      expect(await member.getByRole('button', { name: 'Offentliggør' }).count()).toBe(0);
      await member.getByText('KOMBIT-materiale skal godkendes: gem det som kladde og send det til godkendelse fra siden.').waitFor();
      await expectAccessible(member);

      await member.getByLabel('Titel').fill(TITLE);
      await member.getByLabel('Komponent').selectOption('context-handler');
      await member.getByLabel('Medium', { exact: true }).check();
      await member.getByLabel('Det gør hotline').fill('Brug kravteksterne fra KOMBIT i udbudsmaterialet.');
      await member.getByLabel('Uddybende vejledning').fill('Krav til **login via Context Handler** hører hjemme i kravspecifikationen.');
      await member.getByRole('group', { name: 'Hvem må se vejledningen?' }).getByLabel('Alle, også uden login').check();
      await member.getByRole('button', { name: 'Gem som kladde' }).click();
      await member.waitForURL(/\/vejledninger\/\d+-saadan-stiller-i-krav/);
      guideUrl = member.url();
      expect(await fact(panelOf(member), 'Status')).toBe('Kladde');
    });

    it('offers the KOMBIT member no "Offentliggør" on the case form either', async () => {
      await member.goto(t.url + '/cases/ny');
      await member.getByRole('button', { name: 'Gem som kladde' }).waitFor();
      expect(await member.getByRole('button', { name: 'Offentliggør' }).count()).toBe(0);
      await member.getByText('KOMBIT-materiale skal godkendes: gem det som kladde og send det til godkendelse fra siden.').waitFor();
    });

    it('sends the draft to review for a toolbox section with a note, without JavaScript', async () => {
      await member.goto(guideUrl);
      const panel = panelOf(member);
      await panel.getByText('KOMBIT-materiale skal godkendes af en moderator, før det bliver offentliggjort.').waitFor();
      await expectAccessible(member);
      await submitForSection(member, NOTE);

      expect(await fact(panel, 'Status')).toBe('Til godkendelse');
      expect(await fact(panel, 'Sendt til godkendelse')).toMatch(/^af Lene Larsen, \d{1,2}\. \w+ \d{4}/);
      expect(await fact(panel, 'Til Værktøjskassen')).toBe(SECTION);
      expect(await fact(panel, 'Note til godkenderen')).toBe(NOTE);
      await panel.getByText('Skal godkendes af en anden moderator end forfatteren og den, der har sendt det.').waitFor();
      expect(await panel.getByRole('button', { name: 'Træk tilbage' }).count()).toBe(1);
      expect(await panel.getByRole('form', { name: 'Send til godkendelse', exact: true }).count()).toBe(0);
      await expectAccessible(member);
    });

    it('offers only "Gem ændringer" on the edit form while the guide is in review', async () => {
      await member.goto(guideUrl + '/rediger');
      await member.getByRole('button', { name: 'Gem ændringer' }).waitFor();
      expect(await member.getByRole('button', { name: 'Offentliggør' }).count()).toBe(0);
      expect(await member.getByRole('button', { name: /kladde/i }).count()).toBe(0);
    });

    it('lists the guide for the moderators in /admin/udgivelse with its author, section and note', async () => {
      await moderatorA.goto(t.url + '/min-profil');
      await moderatorA.getByRole('link', { name: 'Udgivelse', exact: true }).click();
      await moderatorA.waitForURL(/\/admin\/udgivelse$/);
      await moderatorA.getByRole('link', { name: 'Til godkendelse (1)' }).waitFor();
      const item = moderatorA.getByRole('article', { name: TITLE });
      expect(await fact(item, 'Forfatter')).toMatch(/^Lene Larsen, KOMBIT/);
      expect(await fact(item, 'Sendt til godkendelse')).toMatch(/^af Lene Larsen, /);
      expect(await fact(item, 'Værktøjskassen')).toBe(SECTION);
      expect(await fact(item, 'Note til godkenderen')).toBe(NOTE);
      expect(await item.getByText('Kræver anden moderator').count()).toBe(0);
      await expectAccessible(moderatorA);
    });

    it('refuses to send the guide back without a reason, with an error summary', async () => {
      await moderatorA.getByRole('article', { name: TITLE }).getByRole('link', { name: TITLE }).click();
      await moderatorA.waitForURL(guideUrl);
      const panel = panelOf(moderatorA);
      await panel.getByRole('form', { name: 'Send retur', exact: true }).getByRole('button', { name: 'Send retur' }).click();
      const summary = moderatorA.getByRole('alert').filter({ hasText: 'Nogle felter er ikke udfyldt korrekt.' });
      await summary.getByRole('link', { name: 'Skriv, hvorfor det sendes retur' }).waitFor();
      expect(await panel.getByLabel('Begrundelse').getAttribute('aria-invalid')).toBe('true');
      expect(await fact(panel, 'Status')).toBe('Til godkendelse');
      await expectAccessible(moderatorA);
    });

    it('shows the member the reason and who sent the guide back', async () => {
      const form = panelOf(moderatorA).getByRole('form', { name: 'Send retur', exact: true });
      await form.getByLabel('Begrundelse').fill(REASON);
      await form.getByRole('button', { name: 'Send retur' }).click();
      await panelOf(moderatorA).getByText('Kladde', { exact: true }).waitFor();

      await member.goto(guideUrl);
      const returned = panelOf(member).getByRole('alert').filter({ hasText: 'Sendt retur af Mette Moderator' });
      await returned.getByText(REASON).waitFor();
      await expectAccessible(member);
    });

    it('publishes the guide when the member sends it again and a moderator approves it with JavaScript', async () => {
      await submitForSection(member);
      await moderatorA.goto(guideUrl);
      const form = panelOf(moderatorA).getByRole('form', { name: 'Godkend', exact: true });
      expect(await form.getByLabel('Dato').inputValue()).toBe('');
      await expectAccessible(moderatorA);
      await form.getByRole('button', { name: 'Godkend og offentliggør' }).click();
      await panelOf(moderatorA).waitFor({ state: 'detached' });
      expect(await moderatorA.getByText('Til godkendelse', { exact: true }).count()).toBe(0);
      expect(await moderatorA.getByText('Kladde', { exact: true }).count()).toBe(0);
    });

    it('shows the published guide in its section to a visitor without login, published by KOMBIT', async () => {
      await visitor.goto(`${t.url}/vaerktoejskassen/${SECTION_SLUG}`);
      const item = visitor.getByRole('article', { name: TITLE });
      await item.waitFor();
      expect(await item.getByText('Udgivet af KOMBIT').count()).toBeGreaterThan(0);
      await expectAccessible(visitor);
      await item.getByRole('link', { name: TITLE }).click();
      await visitor.waitForURL(guideUrl);
      expect(await panelOf(visitor).count()).toBe(0);
    });
  });

  describe('toolbox material a moderator wrote needs a second moderator', () => {
    const OWN = 'Kravtekster til Serviceplatformen i udbud';
    let own: { id: number; path: string };
    let publishAt: Date;

    it('shows the moderator who wrote and sent it no approval, and why', async () => {
      own = await draftGuide(moderatorAApi, OWN);
      await moderatorA.goto(t.url + own.path);
      await submitForSection(moderatorA);
      const panel = panelOf(moderatorA);
      expect(await panel.getByRole('form', { name: 'Godkend', exact: true }).count()).toBe(0);
      await panel.getByText('Skal godkendes af en anden moderator end forfatteren og den, der har sendt det.').waitFor();
      await panel.getByRole('heading', { name: 'Du kan ikke selv godkende materialet' }).waitFor();
      await expectAccessible(moderatorA);
    });

    it('tags it "Kræver anden moderator" in that moderator’s queue only', async () => {
      await moderatorA.goto(t.url + '/admin/udgivelse');
      await moderatorA.getByRole('article', { name: OWN }).getByText('Kræver anden moderator').waitFor();
      await expectAccessible(moderatorA);
      await moderatorB.goto(t.url + '/admin/udgivelse');
      await moderatorB.getByRole('article', { name: OWN }).waitFor();
      expect(await moderatorB.getByRole('article', { name: OWN }).getByText('Kræver anden moderator').count()).toBe(0);
    });

    it('is scheduled when the second moderator approves it for a time ahead', async () => {
      const day = copenhagenDateAndTime(new Date(Date.now() + 2 * 86_400_000)).date;
      publishAt = fromCopenhagen(day, '10:00')!;
      await moderatorB.goto(t.url + own.path);
      const form = panelOf(moderatorB).getByRole('form', { name: 'Godkend', exact: true });
      await form.getByLabel('Dato').fill(day);
      await form.getByLabel('Klokkeslæt').fill('10:00');
      await form.getByRole('button', { name: 'Godkend og offentliggør' }).click();
      const panel = panelOf(moderatorB);
      await panel.getByText('Planlagt udgivelse', { exact: true }).waitFor();
      expect(await fact(panel, 'Udgives')).toMatch(/ kl\. 10\.00$/);
      expect(await fact(panel, 'Godkendt')).toBe('af Bo Bramsen');
      expect(await panel.getByRole('button', { name: 'Annullér planlagt udgivelse' }).count()).toBe(1);
      await expectAccessible(moderatorB);

      const early = await visitor.goto(t.url + own.path);
      expect(early?.status()).toBe(404);
    });

    it('is published, and placed in its section, when the scheduler runs after that time', async () => {
      expect(await t.app.get(PublishingService).publishDue(new Date(publishAt.getTime() + 60_000))).toBe(1);
      const page = await visitor.goto(t.url + own.path);
      expect(page?.status()).toBe(200);
      await visitor.getByRole('heading', { level: 1, name: OWN }).waitFor();
      await visitor.goto(`${t.url}/vaerktoejskassen/${SECTION_SLUG}`);
      await visitor.getByRole('article', { name: OWN }).getByText('Udgivet af KOMBIT').first().waitFor();
    });
  });

  describe('a moderator’s ordinary draft', () => {
    const DRAFT = 'Driftsvindue for Context Handler i januar';
    let draft: { id: number; path: string };

    it('refuses to schedule without a date and time', async () => {
      draft = await draftGuide(moderatorBApi, DRAFT);
      await moderatorB.goto(t.url + draft.path);
      const form = panelOf(moderatorB).getByRole('form', { name: 'Planlæg udgivelse', exact: true });
      await form.getByRole('button', { name: 'Planlæg udgivelse' }).click();
      await moderatorB.getByRole('alert').getByRole('link', { name: 'Angiv hvornår det skal udgives' }).waitFor();
      expect(await fact(panelOf(moderatorB), 'Status')).toBe('Kladde');
    });

    it('is scheduled for the date and time chosen', async () => {
      const day = copenhagenDateAndTime(new Date(Date.now() + 5 * 86_400_000)).date;
      const form = panelOf(moderatorB).getByRole('form', { name: 'Planlæg udgivelse', exact: true });
      await form.getByLabel('Dato').fill(day);
      await form.getByLabel('Klokkeslæt').fill('09:30');
      await form.getByRole('button', { name: 'Planlæg udgivelse' }).click();
      const panel = panelOf(moderatorB);
      await panel.getByText('Planlagt udgivelse', { exact: true }).waitFor();
      expect(await fact(panel, 'Udgives')).toMatch(/ kl\. 09\.30$/);
      expect(await fact(panel, 'Planlagt')).toBe('af Bo Bramsen');
      expect(await panel.getByText('Skal godkendes af en anden moderator').count()).toBe(0);
      await expectAccessible(moderatorB);
    });

    it('is a draft again when the schedule is cancelled', async () => {
      await panelOf(moderatorB).getByRole('button', { name: 'Annullér planlagt udgivelse' }).click();
      const panel = panelOf(moderatorB);
      await panel.getByRole('form', { name: 'Planlæg udgivelse', exact: true }).waitFor();
      expect(await fact(panel, 'Status')).toBe('Kladde');
      await expectAccessible(moderatorB);
    });
  });
});
