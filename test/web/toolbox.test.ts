import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, newPage } from '../support/browser.js';
import { signIn, type ApiSession } from '../support/http.js';
import { TEST_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

// Værktøjskassen in the browser: anyone reads the sections; KOMBIT's moderators curate them (without JavaScript too);
// members propose their municipality's items, and the moderator takes them in or declines them with a reason.

const MEMBER = 'sofie@gladsaxe.dk';
const MODERATOR = 'mette@kombit.dk';
const KOMBIT_ADMIN = 'allan@kombit.dk';

const EVERYDAY = 'kommunens-hverdag-med-infrastrukturen';
const EVERYDAY_TITLE = 'Kommunens hverdag med infrastrukturen';
const PROCUREMENT = 'krav-it-indkoeb-og-leverandoerstyring';
const PROCUREMENT_TITLE = 'Krav, it-indkøb og leverandørstyring';

const EXTERNAL = ' (eksternt link)';

/** The visible text of a locator, whitespace collapsed. */
async function textOf(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/** The titles of a section page's items, in order (an external link's heading ends in "(eksternt link)"). */
async function itemTitles(page: Page): Promise<string[]> {
  const texts = await page.getByRole('region', { name: 'Indhold i afsnittet' }).getByRole('heading', { level: 3 }).allTextContents();
  return texts.map((text) => text.replace(/\s+/g, ' ').trim());
}

describe('Værktøjskassen in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let memberApi: ApiSession;
  let moderatorApi: ApiSession;
  let kombitAdminApi: ApiSession;

  beforeAll(async () => {
    t = await startTestApp({ web: true, withoutSearch: true });
    await t.createUser({ email: MEMBER, organizationCode: '0159', name: 'Sofie Lund' });
    await t.createUser({ email: MODERATOR, organizationCode: 'KOMBIT', name: 'Mette Moderator', role: 'moderator' });
    await t.createUser({ email: KOMBIT_ADMIN, organizationCode: 'KOMBIT', name: 'Allan Admin', role: 'admin' });
    browser = await launchBrowser();
    memberApi = await signIn(t.url, MEMBER, TEST_PASSWORD);
    moderatorApi = await signIn(t.url, MODERATOR, TEST_PASSWORD);
    kombitAdminApi = await signIn(t.url, KOMBIT_ADMIN, TEST_PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A published question written through the API by `api`'s user. */
  async function questionBy(api: ApiSession, title: string, visibility: 'public' | 'members' = 'public') {
    const response = await api.post('/api/content', {
      kind: 'question',
      title,
      body: 'Hvordan gør I det i jeres kommune? Vi vil gerne lære af jeres erfaringer.',
      visibility,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return { id: response.body.id as number, path: response.body.path as string };
  }

  async function addToSection(slug: string, body: Record<string, unknown>): Promise<void> {
    const response = await moderatorApi.post(`/api/toolbox/sections/${slug}/items`, body);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
  }

  /** One logged-in page per person and JavaScript setting, kept for the file (logging in again and again meets the rate limit). */
  const pages = new Map<string, Page>();
  async function loggedIn(email: string, javaScriptEnabled = true): Promise<Page> {
    const key = `${email} ${javaScriptEnabled}`;
    const existing = pages.get(key);
    if (existing) return existing;
    const page = await newPage(browser, { javaScriptEnabled });
    await logIn(page, t.url, email, TEST_PASSWORD);
    pages.set(key, page);
    return page;
  }

  it('shows the sections in order, each with its introduction and item count, to visitors without login', async () => {
    const page = await newPage(browser);
    await page.goto(t.url + '/vaerktoejskassen');
    await page.getByRole('heading', { level: 1, name: 'Værktøjskassen til infrastrukturen' }).waitFor();
    const titles = await page.getByRole('article').getByRole('heading', { level: 3 }).allInnerTexts();
    expect(titles).toHaveLength(8);
    expect(titles.slice(0, 2)).toEqual(['Strategisk og ledelsesmæssig forankring', PROCUREMENT_TITLE]);
    const everyday = page.getByRole('article', { name: EVERYDAY_TITLE });
    expect(await textOf(everyday)).toBe(
      `${EVERYDAY_TITLE} På denne side finder du information, materiale og værktøjer, der understøtter din kommunes hverdag med infrastrukturen. 0 punkter`,
    );
    expect(await everyday.getByRole('link', { name: EVERYDAY_TITLE }).getAttribute('href')).toBe(`/vaerktoejskassen/${EVERYDAY}`);
    expect(await page.getByRole('heading', { name: 'Opret et afsnit' }).count()).toBe(0);
    await expectAccessible(page);
    await page.context().close();
  });

  it('shows a section’s introduction and items with kind and KOMBIT’s mark, and asks visitors to log in to propose', async () => {
    const question = await questionBy(memberApi, 'Hvordan tester I jeres snitflader til Beskedfordeleren?');
    await addToSection(EVERYDAY, { contentId: question.id, description: 'Gladsaxes tjekliste er et godt sted at starte.' });
    await addToSection(EVERYDAY, { url: 'https://www.kombit.dk/infrastruktur', title: 'KOMBIT om infrastrukturen' });

    const page = await newPage(browser);
    await page.goto(`${t.url}/vaerktoejskassen/${EVERYDAY}`);
    await page.getByRole('heading', { level: 1, name: EVERYDAY_TITLE }).waitFor();
    await page.getByText('På denne side finder du information, materiale og værktøjer').waitFor();
    expect(await itemTitles(page)).toEqual([
      'Hvordan tester I jeres snitflader til Beskedfordeleren?',
      `KOMBIT om infrastrukturen${EXTERNAL}`,
    ]);
    const first = page.getByRole('article', { name: 'Hvordan tester I jeres snitflader til Beskedfordeleren?' });
    expect(await textOf(first.locator('.entry-meta'))).toBe('Spørgsmål · Gladsaxe Anbefalet af KOMBIT');
    await first.getByText('Gladsaxes tjekliste er et godt sted at starte.').waitFor();
    expect(await first.getByRole('link').getAttribute('href')).toBe(question.path);
    const link = page.getByRole('article', { name: `KOMBIT om infrastrukturen${EXTERNAL}` });
    expect(await textOf(link.locator('.entry-meta'))).toBe('Eksternt link Udgivet af KOMBIT');
    expect(await link.getByRole('link').getAttribute('href')).toBe('https://www.kombit.dk/infrastruktur');

    const login = page.getByRole('link', { name: 'Log ind for at foreslå indhold' });
    expect(await login.getAttribute('href')).toBe(`/log-ind?redirectTo=${encodeURIComponent(`/vaerktoejskassen/${EVERYDAY}/foreslaa`)}`);
    expect(await page.getByRole('button').filter({ hasText: 'Flyt' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Tilføj til afsnittet' }).count()).toBe(0);
    await expectAccessible(page);
    await page.context().close();
  });

  it('leaves a members-only item out for visitors without login and shows it to members', async () => {
    const title = 'Vores interne drejebog for nedbrud i Context Handler';
    const question = await questionBy(memberApi, title, 'members');
    await addToSection(EVERYDAY, { contentId: question.id });

    const visitor = await newPage(browser);
    await visitor.goto(`${t.url}/vaerktoejskassen/${EVERYDAY}`);
    expect(await itemTitles(visitor)).not.toContain(title);
    await visitor.goto(t.url + '/vaerktoejskassen');
    expect(await textOf(visitor.getByRole('article', { name: EVERYDAY_TITLE }).locator('.section-count'))).toBe('2 punkter');
    await visitor.context().close();

    const member = await loggedIn(MEMBER);
    await member.goto(`${t.url}/vaerktoejskassen/${EVERYDAY}`);
    expect(await itemTitles(member)).toContain(title);
    await member.getByRole('link', { name: 'Foreslå til Værktøjskassen' }).waitFor();
  });

  it('lets a moderator add an item of the forum and an external link without JavaScript', async () => {
    // KOMBIT's own material, written by someone else than the moderator who places it (four eyes).
    const question = await questionBy(kombitAdminApi, 'Krav til leverandøren om brug af Fælleskommunal Adgangsstyring');
    const page = await loggedIn(MODERATOR, false);
    await page.goto(`${t.url}/vaerktoejskassen/${PROCUREMENT}`);
    expect(await itemTitles(page)).toEqual([]);

    await page.getByLabel('Id på indhold (fx 123)').fill(String(question.id));
    await page.locator('#add-content-description').fill('Brug kravene direkte i jeres udbud.');
    await page.getByRole('button', { name: 'Tilføj indhold' }).click();
    await page.waitForURL(`${t.url}/vaerktoejskassen/${PROCUREMENT}?tilfoejet=1#punkter`);
    await page.getByRole('heading', { name: 'Punktet er tilføjet afsnittet' }).waitFor();

    await page.getByLabel('Adresse').fill('https://www.kombit.dk/kravbibliotek');
    await page.locator('#add-link-title').fill('KOMBITs kravbibliotek');
    await page.locator('#add-link-description').fill('Skabeloner til kravspecifikationer.');
    await page.getByRole('button', { name: 'Tilføj link' }).click();
    await page.getByRole('article', { name: `KOMBITs kravbibliotek${EXTERNAL}` }).waitFor();

    expect(await itemTitles(page)).toEqual([
      'Krav til leverandøren om brug af Fælleskommunal Adgangsstyring',
      `KOMBITs kravbibliotek${EXTERNAL}`,
    ]);
    const own = page.getByRole('article', { name: 'Krav til leverandøren om brug af Fælleskommunal Adgangsstyring' });
    expect(await textOf(own.locator('.toolbox-badge'))).toBe('Udgivet af KOMBIT');
    await own.getByText('Brug kravene direkte i jeres udbud.').waitFor();
    await expectAccessible(page);
  });

  it('shows the field’s error when a moderator adds content without an id, without JavaScript', async () => {
    const page = await loggedIn(MODERATOR, false);
    await page.goto(`${t.url}/vaerktoejskassen/${PROCUREMENT}`);
    await page.getByRole('button', { name: 'Tilføj indhold' }).click();
    await page.getByRole('heading', { name: 'Nogle felter er ikke udfyldt korrekt.' }).waitFor();
    expect(await textOf(page.locator('#add-content-id-error'))).toBe('Fejl: Angiv id’et på indholdet (et tal, fx 123)');
    await expectAccessible(page);
  });

  it('lets a moderator with JavaScript find an item by its title and have its id filled in', async () => {
    const question = await questionBy(memberApi, 'Logning af opslag i Serviceplatformen');
    const page = await loggedIn(MODERATOR);
    await page.goto(`${t.url}/vaerktoejskassen/${PROCUREMENT}`);
    await page.getByLabel('Find indhold').fill('Serviceplatformen');
    await page.getByRole('form', { name: 'Tilføj indhold' }).getByRole('button', { name: 'Søg' }).click();
    await page.getByRole('button', { name: 'Vælg Logning af opslag i Serviceplatformen' }).click();
    expect(await page.getByLabel('Id på indhold (fx 123)').inputValue()).toBe(String(question.id));
    await page.getByRole('status').filter({ hasText: 'Valgt: Logning af opslag i Serviceplatformen' }).waitFor();
    await expectAccessible(page);
  });

  it('lets a moderator move an item up without JavaScript', async () => {
    const page = await loggedIn(MODERATOR, false);
    await page.goto(`${t.url}/vaerktoejskassen/${PROCUREMENT}`);
    await page.getByRole('button', { name: 'Flyt op KOMBITs kravbibliotek' }).click();
    await page.waitForURL(/#punkt-\d+$/);
    expect(await itemTitles(page)).toEqual([
      `KOMBITs kravbibliotek${EXTERNAL}`,
      'Krav til leverandøren om brug af Fælleskommunal Adgangsstyring',
    ]);
  });

  it('lets a moderator remove an item after confirming, without JavaScript', async () => {
    const page = await loggedIn(MODERATOR, false);
    await page.goto(`${t.url}/vaerktoejskassen/${PROCUREMENT}`);
    await page.getByRole('link', { name: 'Fjern KOMBITs kravbibliotek' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fjern punktet fra afsnittet' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Fjern punktet' }).click();
    await page.getByRole('heading', { name: 'Punktet er fjernet fra afsnittet' }).waitFor();
    expect(await itemTitles(page)).toEqual(['Krav til leverandøren om brug af Fælleskommunal Adgangsstyring']);
  });

  it('lets a moderator edit KOMBIT’s description of an item without JavaScript', async () => {
    const title = 'Krav til leverandøren om brug af Fælleskommunal Adgangsstyring';
    const page = await loggedIn(MODERATOR, false);
    await page.goto(`${t.url}/vaerktoejskassen/${PROCUREMENT}`);
    await page.getByRole('link', { name: `Redigér ${title}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Redigér punkt' }).waitFor();
    expect(await page.getByLabel('Beskrivelse').inputValue()).toBe('Brug kravene direkte i jeres udbud.');
    await expectAccessible(page);
    await page.getByLabel('Beskrivelse').fill('Kravene kan bruges i både udbud og kontraktopfølgning.');
    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    await page.waitForURL(new RegExp(`/vaerktoejskassen/${PROCUREMENT}#punkt-\\d+$`));
    await page.getByRole('article', { name: title }).getByText('Kravene kan bruges i både udbud og kontraktopfølgning.').waitFor();
  });

  it('lets a moderator put an item into a section from the item’s own page, without JavaScript', async () => {
    const title = 'Hvem i kommunen ejer aftalen med Serviceplatformen?';
    const question = await questionBy(memberApi, title);
    const page = await loggedIn(MODERATOR, false);
    await page.goto(t.url + question.path);
    await page.getByRole('link', { name: 'Tilføj til Værktøjskassen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tilføj til Værktøjskassen' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Strategisk og ledelsesmæssig forankring').check();
    await page.getByLabel('Beskrivelse').fill('Et godt afsæt for at placere ansvaret.');
    await page.getByRole('button', { name: 'Tilføj til afsnittet' }).click();
    await page.waitForURL(`${t.url}/vaerktoejskassen/strategisk-og-ledelsesmaessig-forankring?tilfoejet=1#punkter`);
    const item = page.getByRole('article', { name: title });
    await item.getByText('Et godt afsæt for at placere ansvaret.').waitFor();
    expect(await textOf(item.locator('.toolbox-badge'))).toBe('Anbefalet af KOMBIT');
  });

  describe('sections', () => {
    const NEW_TITLE = 'Beredskab når infrastrukturen er nede';
    const RENAMED = 'Beredskab ved nedbrud';
    let sectionUrl = '';

    it('lets a moderator create a section, its introduction rendered from Markdown', async () => {
      const page = await loggedIn(MODERATOR);
      await page.goto(t.url + '/vaerktoejskassen');
      const form = page.getByRole('form', { name: 'Opret et afsnit' });
      await form.getByLabel('Titel').fill(NEW_TITLE);
      await form.getByLabel('Introduktion').fill('Hvad gør kommunen, når **Beskedfordeleren** er nede?');
      await form.getByRole('button', { name: 'Opret afsnit' }).click();
      await page.waitForURL(/\/vaerktoejskassen\/beredskab-naar-infrastrukturen-er-nede$/);
      sectionUrl = page.url();
      await page.getByRole('heading', { level: 1, name: NEW_TITLE }).waitFor();
      expect(await page.locator('.section-intro strong').innerText()).toBe('Beskedfordeleren');
      await page.goto(t.url + '/vaerktoejskassen');
      const titles = await page.getByRole('article').getByRole('heading', { level: 3 }).allInnerTexts();
      expect(titles.at(-1)).toBe(NEW_TITLE);
    });

    it('lets a moderator rename a section and move it first', async () => {
      const page = await loggedIn(MODERATOR, false);
      await page.goto(sectionUrl);
      await page.getByRole('link', { name: 'Redigér afsnittet' }).click();
      await page.getByRole('heading', { level: 1, name: 'Redigér afsnittet' }).waitFor();
      await expectAccessible(page);
      await page.getByLabel('Titel').fill(RENAMED);
      await page.getByLabel('Placering').fill('1');
      await page.getByRole('button', { name: 'Gem ændringer' }).click();
      await page.getByRole('heading', { level: 1, name: RENAMED }).waitFor();
      await page.goto(t.url + '/vaerktoejskassen');
      const titles = await page.getByRole('article').getByRole('heading', { level: 3 }).allInnerTexts();
      expect(titles.slice(0, 2)).toEqual([RENAMED, 'Strategisk og ledelsesmæssig forankring']);
    });

    it('lets a moderator delete a section after confirming, without JavaScript', async () => {
      const page = await loggedIn(MODERATOR, false);
      await page.goto(sectionUrl);
      await page.getByRole('link', { name: 'Slet afsnittet' }).click();
      await page.getByRole('heading', { level: 1, name: 'Slet afsnittet' }).waitFor();
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Slet afsnittet' }).click();
      await page.waitForURL(`${t.url}/vaerktoejskassen?slettet=1`);
      await page.getByRole('heading', { name: 'Afsnittet er slettet' }).waitFor();
      const titles = await page.getByRole('article').getByRole('heading', { level: 3 }).allInnerTexts();
      expect(titles).toHaveLength(8);
      expect(titles).not.toContain(RENAMED);
    });
  });

  describe('proposals', () => {
    const PROPOSED = 'Sådan stillede Gladsaxe krav til SBSYS om Beskedfordeleren';
    const DECLINED = 'Vores mødereferat fra styregruppen';
    let proposed: { id: number; path: string };

    it('lets a member propose an item from its page without JavaScript', async () => {
      proposed = await questionBy(memberApi, PROPOSED);
      const page = await loggedIn(MEMBER, false);
      await page.goto(t.url + proposed.path);
      await page.getByRole('link', { name: 'Foreslå til Værktøjskassen' }).click();
      await page.waitForURL(`${t.url}/vaerktoejskassen/foreslaa?indhold=${proposed.id}`);
      await page.getByRole('region', { name: 'Du foreslår' }).getByRole('link', { name: PROPOSED }).waitFor();
      expect(await page.getByLabel('Id på indhold (fx 123)').inputValue()).toBe(String(proposed.id));
      await expectAccessible(page);

      await page.getByLabel(PROCUREMENT_TITLE).check();
      await page.getByLabel('Begrundelse').fill('Kravene virkede: leverandøren leverede til tiden.');
      await page.getByRole('button', { name: 'Send forslag' }).click();
      await page.waitForURL(`${t.url}/vaerktoejskassen/${PROCUREMENT}?forslag=sendt`);
      await page.getByRole('heading', { name: 'Tak – dit forslag er sendt til KOMBIT' }).waitFor();
      expect(await itemTitles(page)).not.toContain(PROPOSED);
    });

    it('asks the member to choose a section before proposing', async () => {
      const page = await loggedIn(MEMBER, false);
      await page.goto(`${t.url}/vaerktoejskassen/foreslaa?indhold=${proposed.id}`);
      await page.getByRole('button', { name: 'Send forslag' }).click();
      await page.getByRole('heading', { name: 'Nogle felter er ikke udfyldt korrekt.' }).waitFor();
      expect(await textOf(page.locator('#propose-section-error'))).toBe('Fejl: Vælg det afsnit, indholdet hører hjemme i');
    });

    it('lets the moderator take a proposal in, and it appears in its section recommended by KOMBIT', async () => {
      const page = await loggedIn(MODERATOR, false);
      await page.goto(t.url + '/vaerktoejskassen');
      await page.getByRole('link', { name: 'Forslag til Værktøjskassen (1 venter)' }).click();
      await page.waitForURL(`${t.url}/vaerktoejskassen/forslag`);
      const proposal = page.getByRole('article', { name: PROPOSED });
      const facts = await textOf(proposal.locator('dl'));
      expect(facts).toContain(`Afsnit ${PROCUREMENT_TITLE}`);
      expect(facts).toContain('Foreslået af Sofie Lund, Gladsaxe');
      expect(facts).toContain('Begrundelse Kravene virkede: leverandøren leverede til tiden.');
      expect(await textOf(proposal.locator('.proposal-meta'))).toBe('Spørgsmål Status: Afventer');
      await expectAccessible(page);

      await proposal.getByLabel('Placering').fill('1');
      await proposal.getByRole('button', { name: `Optag ${PROPOSED}` }).click();
      await page.getByRole('heading', { name: 'Forslaget er optaget i Værktøjskassen' }).waitFor();
      expect(await page.getByRole('article', { name: PROPOSED }).count()).toBe(0);

      await page.goto(`${t.url}/vaerktoejskassen/${PROCUREMENT}`);
      expect((await itemTitles(page))[0]).toBe(PROPOSED);
      expect(await textOf(page.getByRole('article', { name: PROPOSED }).locator('.toolbox-badge'))).toBe('Anbefalet af KOMBIT');

      await page.goto(t.url + proposed.path);
      const mark = page.getByRole('link', { name: `Anbefalet af KOMBIT – ${PROCUREMENT_TITLE}` });
      expect(await mark.getAttribute('href')).toBe(`/vaerktoejskassen/${PROCUREMENT}`);
    });

    it('asks for a reason before a proposal is declined, without JavaScript', async () => {
      const item = await questionBy(memberApi, DECLINED);
      const response = await memberApi.post(`/api/toolbox/sections/${EVERYDAY}/proposals`, { contentId: item.id });
      expect(response.status, JSON.stringify(response.body)).toBe(201);

      const page = await loggedIn(MODERATOR, false);
      await page.goto(t.url + '/vaerktoejskassen/forslag');
      await page
        .getByRole('article', { name: DECLINED })
        .getByRole('button', { name: `Afvis ${DECLINED}` })
        .click();
      await page.getByRole('heading', { name: 'Nogle felter er ikke udfyldt korrekt.' }).waitFor();
      const reasonError = page.getByRole('article', { name: DECLINED }).locator('.form-error-message');
      expect(await textOf(reasonError)).toBe('Fejl: Skriv en begrundelse for at afvise forslaget. Forslagsstilleren får den at se.');
      await expectAccessible(page);
    });

    it('declines a proposal with a reason, which the member then sees on their list of proposals', async () => {
      const reason = 'Et mødereferat er for lokalt til Værktøjskassen – del det gerne som en case.';
      const page = await loggedIn(MODERATOR, false);
      await page.goto(t.url + '/vaerktoejskassen/forslag');
      const proposal = page.getByRole('article', { name: DECLINED });
      await proposal.getByLabel('Begrundelse').fill(reason);
      await proposal.getByRole('button', { name: `Afvis ${DECLINED}` }).click();
      await page.getByRole('heading', { name: 'Forslaget er afvist. Forslagsstilleren får besked med din begrundelse.' }).waitFor();
      await page.getByRole('link', { name: 'Afvist', exact: true }).click();
      await page.getByRole('article', { name: DECLINED }).waitFor();

      const member = await loggedIn(MEMBER);
      await member.goto(t.url + '/vaerktoejskassen/forslag');
      await member.getByRole('heading', { level: 1, name: 'Dine forslag til Værktøjskassen' }).waitFor();
      const declined = member.getByRole('article', { name: DECLINED });
      expect(await textOf(declined.locator('.proposal-status'))).toBe('Status: Afvist');
      expect(await textOf(declined.locator('dl'))).toContain(`KOMBITs begrundelse ${reason}`);
      const accepted = member.getByRole('article', { name: PROPOSED });
      expect(await textOf(accepted.locator('.proposal-status'))).toBe('Status: Optaget');
      await expectAccessible(member);
    });

    it('lets a member propose from a section’s page by typing the item’s id', async () => {
      const title = 'Tjekliste til kontrakter med fagsystemleverandører';
      const item = await questionBy(memberApi, title);
      const page = await loggedIn(MEMBER, false);
      await page.goto(`${t.url}/vaerktoejskassen/${PROCUREMENT}`);
      await page.getByRole('link', { name: 'Foreslå til Værktøjskassen' }).click();
      await page.waitForURL(`${t.url}/vaerktoejskassen/${PROCUREMENT}/foreslaa`);
      await expectAccessible(page);
      await page.getByLabel('Id på indhold (fx 123)').fill(String(item.id));
      await page.getByRole('button', { name: 'Send forslag' }).click();
      await page.getByRole('heading', { name: 'Tak – dit forslag er sendt til KOMBIT' }).waitFor();
      await page.goto(t.url + '/vaerktoejskassen/forslag');
      expect(await textOf(page.getByRole('article', { name: title }).locator('.proposal-status'))).toBe('Status: Afventer');
    });

    it('sends visitors without login to log in before they see proposals', async () => {
      const page = await newPage(browser);
      await page.goto(t.url + '/vaerktoejskassen/forslag');
      await page.waitForURL(`${t.url}/log-ind?redirectTo=${encodeURIComponent('/vaerktoejskassen/forslag')}`);
      await page.context().close();
    });
  });
});
