import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDanishShortDate } from '@infraforum/shared';
import { expectAccessible, launchBrowser, logIn, newPage } from '../support/browser.js';
import { signIn, type ApiSession } from '../support/http.js';
import { TEST_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

// Possibly outdated content in the browser: guides and cases nobody has checked for 12 months, content that
// mentions a phased-out component (SF1600), the list of what needs a review, and moderators phasing out a component.

const SOFIE = 'sofie@gladsaxe.dk';
const PETER = 'peter@esbjerg.dk';
const ANNA = 'anna@aarhus.dk';
const METTE = 'mette@kombit.dk';

const DUE_GUIDE = 'Når Context Handler afviser login';
const SF1600_QUESTION = 'Hvordan sender vi breve fra ESDH?';
const YDELSES_GUIDE = 'Når Ydelsesindeks ikke svarer';

/** Whitespace collapsed, as a screen reader would read the text out. */
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

function guideAttributes(component: string) {
  return {
    component,
    severity: 'medium',
    affectedSystems: ['bbr'],
    action: 'Skriv på intranettet og vent.',
    intranetNotice: { outage: '', maintenance: '' },
  };
}

// One app per file: SvelteKit's handler reads its environment (the API's address) once, when loaded.
describe('possibly outdated content in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let sofieApi: ApiSession;
  let peterApi: ApiSession;
  let dueGuide: { id: number; path: string };
  let question: { id: number; path: string };
  let ydelsesGuide: { id: number; path: string };
  let dueCheckedAt = '';

  async function create(session: ApiSession, body: Record<string, unknown>): Promise<{ id: number; path: string }> {
    const response = await session.post('/api/content', { visibility: 'public', ...body });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as { id: number; path: string };
  }

  /** Not checked since 13 months ago; returns when it was checked, as stored. */
  async function backdate(id: number): Promise<string> {
    const { rows } = await t.db.query<{ checked_at: Date }>(
      `UPDATE content SET checked_at = now() - interval '13 months' WHERE id = $1 RETURNING checked_at`,
      [id],
    );
    return rows[0]!.checked_at.toISOString();
  }

  async function loggedIn(email: string, javaScriptEnabled = true): Promise<Page> {
    const page = await newPage(browser, { javaScriptEnabled });
    await logIn(page, t.url, email, TEST_PASSWORD);
    return page;
  }

  beforeAll(async () => {
    t = await startTestApp({ web: true, withoutSearch: true });
    await t.createUser({ email: SOFIE, organizationCode: '0159', name: 'Sofie Lund' });
    await t.createUser({ email: PETER, organizationCode: '0561', name: 'Peter Krogh' });
    await t.createUser({ email: ANNA, organizationCode: '0751', name: 'Anna Aarhus' });
    await t.createUser({ email: METTE, organizationCode: 'KOMBIT', name: 'Mette Moderator', role: 'moderator' });
    sofieApi = await signIn(t.url, SOFIE, TEST_PASSWORD);
    peterApi = await signIn(t.url, PETER, TEST_PASSWORD);

    dueGuide = await create(sofieApi, {
      kind: 'guide',
      title: DUE_GUIDE,
      body: 'Tjek jobfunktionsrollerne i administrationsmodulet.',
      attributes: guideAttributes('context-handler'),
    });
    dueCheckedAt = await backdate(dueGuide.id);
    question = await create(peterApi, {
      kind: 'question',
      title: SF1600_QUESTION,
      body: 'Vores ESDH sender stadig via SF1600. Hvad gør andre?',
    });
    ydelsesGuide = await create(peterApi, {
      kind: 'guide',
      title: YDELSES_GUIDE,
      body: 'Sådan gør hotline, når opslag i Ydelsesindeks fejler.',
      attributes: guideAttributes('ydelsesindeks'),
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a guide nobody has checked for 13 months tells a visitor it may be outdated, and when it was last checked', async () => {
    const visitor = await newPage(browser, { javaScriptEnabled: false });
    await visitor.goto(t.url + dueGuide.path);
    const date = formatDanishShortDate(dueCheckedAt);
    const notice = visitor.getByRole('status').filter({ hasText: 'kan være forældet' });
    expect(flat(await notice.innerText())).toBe(`Denne vejledning er sidst gennemgået ${date} og kan være forældet.`);
    expect(await visitor.getByText(`Sidst gennemgået ${date}`, { exact: true }).count()).toBe(1);
    // Only those who may edit it are offered to mark it.
    expect(await visitor.getByRole('button', { name: /Markér som gennemgået/ }).count()).toBe(0);
    await expectAccessible(visitor);
    await visitor.context().close();
  });

  it('lists the due guide on its author’s review page, with why it is there', async () => {
    const sofie = await loggedIn(SOFIE, false);
    await sofie.getByRole('link', { name: 'Indhold der trænger til gennemgang' }).click();
    await sofie.waitForURL(/\/gennemgang$/);
    await sofie.getByRole('heading', { level: 1, name: 'Indhold der trænger til gennemgang' }).waitFor();
    const table = sofie.getByRole('table', { name: 'Dit indhold, der trænger til gennemgang' });
    const row = table.getByRole('row').filter({ has: sofie.getByRole('rowheader', { name: DUE_GUIDE }) });
    expect((await row.getByRole('cell').allInnerTexts()).map(flat)).toEqual([
      'Vejledning',
      'Gladsaxe',
      formatDanishShortDate(dueCheckedAt),
      'Ikke gennemgået i 12 måneder',
    ]);
    // Others' outdated content is not on one's own list.
    expect(await table.getByRole('rowheader', { name: SF1600_QUESTION }).count()).toBe(0);
    // Only moderators choose between their own and everything.
    expect(await sofie.getByRole('navigation', { name: 'Omfang' }).count()).toBe(0);
    await expectAccessible(sofie);
    await sofie.context().close();
  });

  it('its author marks it checked without JavaScript: the notice goes, and it leaves the review list', async () => {
    const sofie = await loggedIn(SOFIE, false);
    await sofie.goto(t.url + '/gennemgang');
    await sofie.getByRole('link', { name: DUE_GUIDE }).click();
    await sofie.getByRole('heading', { level: 1, name: DUE_GUIDE }).waitFor();
    await expectAccessible(sofie);
    await sofie.getByRole('button', { name: 'Markér som gennemgået vejledningen' }).click();

    await sofie.getByRole('status').filter({ hasText: 'Markeret som gennemgået i dag' }).waitFor();
    expect(new URL(sofie.url()).pathname).toBe(dueGuide.path);
    expect(await sofie.getByText('kan være forældet').count()).toBe(0);
    expect(await sofie.getByText(`Sidst gennemgået ${formatDanishShortDate(new Date())}`, { exact: true }).count()).toBe(1);
    await expectAccessible(sofie);

    await sofie.goto(t.url + '/gennemgang');
    await sofie.getByText('Intet trænger til gennemgang').waitFor();
    expect(await sofie.getByRole('link', { name: DUE_GUIDE }).count()).toBe(0);
    await expectAccessible(sofie);
    await sofie.context().close();
  });

  it('a case not checked for 13 months says so too, and its author can mark it checked', async () => {
    const created = await create(sofieApi, {
      kind: 'case',
      title: 'Sådan flyttede vi Fasit til Fælleskommunal Adgangsstyring',
      body: 'Trin for trin.',
      attributes: {
        system: 'Fasit',
        supplier: 'Fasit A/S',
        from: { type: 'legacy_integration' },
        to: { component: 'context-handler' },
        status: 'in_progress',
      },
    });
    const checkedAt = await backdate(created.id);
    const sofie = await loggedIn(SOFIE);
    await sofie.goto(t.url + created.path);
    const notice = sofie.getByRole('status').filter({ hasText: 'kan være forældet' });
    expect(flat(await notice.innerText())).toBe(`Denne case er sidst gennemgået ${formatDanishShortDate(checkedAt)} og kan være forældet.`);
    await expectAccessible(sofie);
    await sofie.getByRole('button', { name: 'Markér som gennemgået casen' }).click();
    await sofie.getByRole('status').filter({ hasText: 'Markeret som gennemgået i dag' }).waitFor();
    expect(await sofie.getByText('kan være forældet').count()).toBe(0);
    await sofie.context().close();
  });

  it('a question mentioning SF1600 warns that SF1600 Print is phased out, with a link to SF1601', async () => {
    const visitor = await newPage(browser, { javaScriptEnabled: false });
    await visitor.goto(t.url + question.path);
    const warning = visitor.getByRole('alert').filter({ hasText: 'udfaset' });
    expect(flat(await warning.innerText())).toBe(
      'Indholdet nævner SF1600 Print, som er udfaset siden 31. marts 2022. Brug i stedet SF1601 Kombit Digital Post.',
    );
    expect(await warning.getByRole('link', { name: 'SF1601 Kombit Digital Post' }).getAttribute('href')).toBe(
      '/komponenter/sf1601-digital-post',
    );
    expect(await warning.getByRole('link', { name: 'SF1600 Print' }).getAttribute('href')).toBe('/komponenter/sf1600-print');
    // A question has no review date.
    expect(await visitor.getByText(/Sidst gennemgået/).count()).toBe(0);
    await expectAccessible(visitor);
    await visitor.context().close();
  });

  it('lists the SF1600 question on its author’s review page as mentioning a phased-out component', async () => {
    const peter = await loggedIn(PETER, false);
    await peter.goto(t.url + '/gennemgang');
    const row = peter.getByRole('row').filter({ has: peter.getByRole('rowheader', { name: SF1600_QUESTION }) });
    expect((await row.getByRole('cell').allInnerTexts()).map(flat)).toEqual([
      'Spørgsmål',
      'Esbjerg',
      '– Ikke relevant',
      'Nævner udfaset: SF1600',
    ]);
    await expectAccessible(peter);
    await peter.context().close();
  });

  it('a moderator marks a component phased out without JavaScript, and a guide about it then warns its readers', async () => {
    const mette = await loggedIn(METTE, false);
    await mette.goto(t.url + '/komponenter/ydelsesindeks');
    await mette.getByRole('link', { name: 'Udfasning' }).click();
    await mette.getByRole('heading', { level: 1, name: 'Udfasning af Ydelsesindeks' }).waitFor();
    await expectAccessible(mette);
    await mette.getByLabel('Udfaset fra').fill('2024-01-01');
    await mette.getByLabel('Erstattet af').selectOption('sf1601-digital-post');
    await mette.getByLabel('Begrundelse').fill('Erstattet ved omlægningen');
    await mette.getByRole('button', { name: 'Markér som udfaset' }).click();

    await mette.waitForURL(/\/komponenter\/ydelsesindeks\?gemt=1$/);
    const componentWarning = mette.getByRole('alert').filter({ hasText: 'Udfaset siden' });
    expect(flat(await componentWarning.innerText())).toBe('Udfaset siden 1. januar 2024 – erstattet af SF1601 Kombit Digital Post.');
    await expectAccessible(mette);

    const visitor = await newPage(browser, { javaScriptEnabled: false });
    await visitor.goto(t.url + ydelsesGuide.path);
    const warning = visitor.getByRole('alert').filter({ hasText: 'udfaset' });
    expect(flat(await warning.innerText())).toBe(
      'Indholdet nævner Ydelsesindeks, som er udfaset siden 1. januar 2024. Brug i stedet SF1601 Kombit Digital Post.',
    );
    await expectAccessible(visitor);
    await visitor.context().close();
    await mette.context().close();
  });

  it('the phase-out form names a missing reason and keeps what was chosen', async () => {
    const mette = await loggedIn(METTE, false);
    await mette.goto(t.url + '/komponenter/postkomponent/udfasning');
    await mette.getByLabel('Udfaset fra').fill('2025-02-03');
    await mette.getByRole('button', { name: 'Markér som udfaset' }).click();

    await mette.getByRole('link', { name: 'Skriv en begrundelse' }).waitFor();
    expect(await mette.getByLabel('Udfaset fra').inputValue()).toBe('2025-02-03');
    const { rows } = await t.db.query(`SELECT phased_out_at FROM catalog_component WHERE slug = 'postkomponent'`);
    expect(rows[0].phased_out_at).toBeNull();
    await expectAccessible(mette);
    await mette.context().close();
  });

  it('"Ikke længere udfaset" takes the warning off the component and the guide about it', async () => {
    const mette = await loggedIn(METTE);
    await mette.goto(t.url + '/komponenter/ydelsesindeks/udfasning');
    await mette.getByLabel('Begrundelse', { exact: true }).last().fill('Bruges alligevel stadig');
    await mette.getByRole('button', { name: 'Ikke længere udfaset' }).click();

    await mette.waitForURL(/\/komponenter\/ydelsesindeks\?gemt=1$/);
    await mette.getByRole('status').filter({ hasText: 'Komponenten er gemt' }).waitFor();
    expect(await mette.getByText('Udfaset siden').count()).toBe(0);
    await mette.goto(t.url + ydelsesGuide.path);
    await mette.getByRole('heading', { level: 1, name: YDELSES_GUIDE }).waitFor();
    expect(await mette.getByText('udfaset siden').count()).toBe(0);
    await mette.context().close();
  });

  it('a moderator chooses between "Mit" and "Alt", and "Alt" holds other municipalities’ content', async () => {
    const mette = await loggedIn(METTE, false);
    await mette.goto(t.url + '/gennemgang');
    await mette.getByText('Intet trænger til gennemgang').waitFor();
    const tabs = mette.getByRole('navigation', { name: 'Omfang' });
    expect(await tabs.getByRole('link', { name: 'Mit' }).getAttribute('aria-current')).toBe('page');
    await tabs.getByRole('link', { name: 'Alt' }).click();

    await mette.waitForURL(/\/gennemgang\?omfang=alt$/);
    const table = mette.getByRole('table', { name: 'Alt indhold, der trænger til gennemgang' });
    expect(await table.getByRole('rowheader', { name: SF1600_QUESTION }).count()).toBe(1);
    expect(await tabs.getByRole('link', { name: 'Alt' }).getAttribute('aria-current')).toBe('page');
    await expectAccessible(mette);
    await mette.context().close();
  });

  it('a member without content to review sees the empty list, no tabs, and is refused everything', async () => {
    const anna = await loggedIn(ANNA, false);
    await anna.goto(t.url + '/gennemgang');
    await anna.getByText('Intet trænger til gennemgang').waitFor();
    expect(await anna.getByRole('navigation', { name: 'Omfang' }).count()).toBe(0);
    await expectAccessible(anna);
    const refused = await anna.goto(t.url + '/gennemgang?omfang=alt');
    expect(refused?.status()).toBe(403);
    await anna.context().close();
  });

  it('sends a visitor who is not logged in to log in first', async () => {
    const visitor = await newPage(browser, { javaScriptEnabled: false });
    await visitor.goto(t.url + '/gennemgang');
    await visitor.waitForURL(/\/log-ind\?/);
    expect(new URL(visitor.url()).searchParams.get('redirectTo')).toBe('/gennemgang');
    await visitor.context().close();
  });
});
