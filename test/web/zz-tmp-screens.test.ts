import { afterAll, beforeAll, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage } from '../support/browser.js';
import { signIn } from '../support/http.js';
import { TEST_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

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

it('screens', async () => {
  await t.createUser({ email: 'sofie@gladsaxe.dk', organizationCode: '0159', name: 'Sofie Lund', title: 'Hotline' });
  await t.createUser({ email: 'peter@esbjerg.dk', organizationCode: '0561', name: 'Peter Krogh', title: 'Infrastrukturansvarlig' });
  await t.createUser({ email: 'mod@kombit.dk', organizationCode: 'KOMBIT', name: 'Mette Moderator', role: 'moderator' });
  const a = await signIn(t.url, 'sofie@gladsaxe.dk', TEST_PASSWORD);
  const b = await signIn(t.url, 'peter@esbjerg.dk', TEST_PASSWORD);
  const q = (await a.post('/api/content', { kind: 'question', title: 'Context Handler afviser login i KMD Nexus', body: 'Brugerne får **fejl**.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\nkode\n```', tags: ['login', 'hotline'], components: ['context-handler', 'serviceplatformen'] })).body;
  for (let i = 0; i < 25; i++) await a.post('/api/content', { kind: 'question', title: `Spørgsmål nummer ${i} om noget`, body: 'Tekst', tags: ['test'] });
  const r1 = (await b.post(`/api/content/${q.id}/replies`, { body: 'Genstart **forbindelsen**.' })).body;
  await b.post(`/api/content/${q.id}/replies`, { body: 'Et andet svar.' });
  await b.post(`/api/content/${q.id}/vote`, { value: 1 });
  await a.post(`/api/replies/${r1.id}/accept`);
  await a.patch(`/api/content/${q.id}`, { body: 'Brugerne får **fejl 500**.' });
  const g = (await a.post('/api/content', { kind: 'guide', title: 'Context Handler er nede', body: 'Uddybning', attributes: { component: 'context-handler', purpose: 'Styrer login', severity: 'kritisk', affectedSystems: ['BBR', 'DAR', 'KMD Nexus'], action: 'Ring til KOMBIT.\nSæt tekst på intranettet.', intranetNotice: { outage: '', maintenance: '' } } })).body;
  await a.post('/api/content', { kind: 'guide', title: 'Beskedfordeler er nede', body: 'Uddybning', attributes: { component: 'faelleskommunal-beskedfordeler', severity: 'medium', affectedSystems: [], action: 'Vent.', intranetNotice: { outage: '', maintenance: '' } } });
  await a.post('/api/content', { kind: 'guide', title: 'Klassifikation er nede', body: 'Uddybning', attributes: { component: 'klassifikationssystem', severity: 'ingen', affectedSystems: [], action: 'Intet.', intranetNotice: { outage: '', maintenance: '' } } });

  for (const [who, email] of [['anon', ''], ['sofie', 'sofie@gladsaxe.dk'], ['mod', 'mod@kombit.dk']] as const) {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    if (email) {
      await page.goto(t.url + '/log-ind');
      await page.getByLabel('E-mail', { exact: true }).fill(email);
      await page.getByLabel('Adgangskode', { exact: true }).fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Log ind' }).last().click();
      await page.waitForURL(/\/min-profil/);
    }
    await page.goto(t.url + '/spoergsmaal');
    await page.screenshot({ path: `/tmp/shots/${who}-list.png`, fullPage: true });
    await page.goto(t.url + q.path);
    await page.screenshot({ path: `/tmp/shots/${who}-thread.png`, fullPage: true });
    await page.goto(t.url + g.path);
    if (who !== 'anon') console.log(who, await page.locator('#intranet-outage').evaluate((el) => { const cs = getComputedStyle(el); return [cs.width, cs.maxWidth, el.className, el.parentElement?.clientWidth, [...document.styleSheets].map((s) => s.href).join(' ')]; }));
    await page.screenshot({ path: `/tmp/shots/${who}-guide.png`, fullPage: true });
    if (who === 'sofie') {
      await page.goto(t.url + '/vejledninger');
      await page.screenshot({ path: `/tmp/shots/${who}-guides.png`, fullPage: true });
      await page.goto(t.url + q.path + '/historik');
      await page.screenshot({ path: `/tmp/shots/${who}-history.png`, fullPage: true });
      await page.goto(t.url + '/spoergsmaal/ny');
      await page.getByRole('button', { name: 'Offentliggør' }).click();
      await page.getByRole('alert').first().waitFor();
      await page.screenshot({ path: `/tmp/shots/${who}-ask-errors.png`, fullPage: true });
      await page.goto(t.url + g.path + '/rediger');
      await page.screenshot({ path: `/tmp/shots/${who}-guide-edit.png`, fullPage: true });
    }
    await page.context().close();
  }
});
