import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoContent } from '../../server/dist/demo/demo-content-seed.js';
import { seedDemoData } from '../../server/dist/demo/demo-data.js';
import { seedDemoWebinar } from '../../server/dist/demo/demo-webinar-seed.js';
import { DEMO_DIALOGUE, DEMO_EVALUATION, DEMO_SUGGESTIONS } from '../../server/dist/demo/demo-webinar.js';
import { ApiSession, signIn } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

// The webinar of 2 November 2023 from the source material, seeded as demo content.

let t: TestApp;
let firstRun: number;
let anonymous: ApiSession;
let moderator: ApiSession;
let webinarId: number;

beforeAll(async () => {
  t = await startTestApp({ withoutSearch: true });
  await seedDemoData(t.app, TEST_PASSWORD);
  await seedDemoContent(t.app);
  firstRun = await seedDemoWebinar(t.app);
  anonymous = new ApiSession(t.url);
  moderator = await signIn(t.url, 'moderator@kombit.dk', TEST_PASSWORD);
  const list = await anonymous.get('/api/content?kind=webinar');
  webinarId = list.body.items[0].id;
});
afterAll(async () => {
  await t.close();
});

describe('the demo webinar of 2 November 2023', () => {
  it('is seeded once with its nine suggestions; a second run adds nothing', async () => {
    expect(firstRun).toBe(1 + DEMO_SUGGESTIONS.length);
    expect(await seedDemoWebinar(t.app)).toBe(0);
    const { rows } = await t.db.query(
      `SELECT kind, count(*)::int AS n FROM content WHERE kind IN ('webinar', 'suggestion') GROUP BY kind ORDER BY kind`,
    );
    expect(rows).toEqual([
      { kind: 'suggestion', n: 9 },
      { kind: 'webinar', n: 1 },
    ]);
  });

  it('is public, held, 10.00–12.00 Copenhagen time, hosted by Gladsaxe and Esbjerg, with both talks in its programme', async () => {
    const webinar = (await anonymous.get(`/api/content/${webinarId}`)).body;
    expect(webinar).toMatchObject({ visibility: 'public', status: 'published' });
    expect(webinar.attributes).toMatchObject({
      status: 'held',
      series: 'Infrastruktur i praksis',
      startsAt: '2023-11-02T10:00:00+01:00',
      endsAt: '2023-11-02T12:00:00+01:00',
    });
    expect(webinar.webinar.hosts.map((host: { name: string }) => host.name)).toEqual(['Gladsaxe', 'Esbjerg']);
    const speakers = webinar.attributes.programme.flatMap((item: { speaker?: string }) => (item.speaker ? [item.speaker] : []));
    expect(speakers).toEqual(['Andreas Behrens', 'Martin Dahlstrøm Vinter']);
    expect(webinar.permissions.register).toBe(false);
    expect(webinar.webinar.dialogueCount).toBe(DEMO_DIALOGUE.length + DEMO_EVALUATION.length);
  });

  it('has the three dialogue questions with 19, 27 and 13 anonymous answers, and the four evaluation statements', async () => {
    const dialogue = await anonymous.get(`/api/webinars/${webinarId}/dialogue`);
    expect(dialogue.status).toBe(200);
    const open = dialogue.body.items.filter((question: { kind: string }) => question.kind === 'open');
    const likert = dialogue.body.items.filter((question: { kind: string }) => question.kind === 'likert');
    expect(open.map((question: { answerCount: number }) => question.answerCount)).toEqual([19, 27, 13]);
    expect(likert.map((question: { prompt: string }) => question.prompt)).toEqual(DEMO_EVALUATION);
    const results = await moderator.get(`/api/dialogue/${open[0].id}/results`);
    expect(results.body.answers).toHaveLength(19);
    expect(
      results.body.answers.every((answer: { anonymous: boolean; author: unknown }) => answer.anonymous && answer.author === null),
    ).toBe(true);
    expect(results.body.answers.map((answer: { text: string }) => answer.text)).toContain('Intern undervisning');
  });

  it('lists the suggestions from its closing question, most votes first, without contact details for other members', async () => {
    const member = await signIn(t.url, 'hotline@gladsaxe.dk', TEST_PASSWORD);
    const list = await member.get('/api/content?kind=suggestion&sort=votes&pageSize=20');
    expect(list.body.total).toBe(9);
    expect(list.body.items[0].title).toBe('Et fælles forum med vejledninger og sparring');
    expect(list.body.items[0].score).toBe(5);
    const others = list.body.items.filter((item: { author: { name: string } }) => item.author.name !== list.body.items[0].author.name);
    expect(others.every((item: { attributes: Record<string, unknown> }) => item.attributes.contact === undefined)).toBe(true);
    expect(list.body.items.every((item: { attributes: { status: string } }) => item.attributes.status === 'new')).toBe(true);
  });
});
