import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoContent } from '../../server/dist/demo/demo-content-seed.js';
import { DEMO_GUIDES, DEMO_QUESTIONS } from '../../server/dist/demo/demo-content.js';
import { seedDemoData } from '../../server/dist/demo/demo-data.js';
import { ApiSession } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

let t: TestApp;
let firstRun: number;

beforeAll(async () => {
  t = await startTestApp({ withoutSearch: true });
  await seedDemoData(t.app, TEST_PASSWORD);
  firstRun = await seedDemoContent(t.app);
});
afterAll(async () => {
  await t.close();
});

describe('demo content', () => {
  it('seeds the two Gladsaxe hotline guides and a dozen questions through the content services', async () => {
    expect(firstRun).toBe(DEMO_GUIDES.length + DEMO_QUESTIONS.length);
    const counts = await t.db.query<{ kind: string; n: number }>(
      `SELECT kind, count(*)::int AS n FROM content GROUP BY kind ORDER BY kind`,
    );
    expect(counts.rows).toEqual([
      { kind: 'guide', n: 2 },
      { kind: 'question', n: DEMO_QUESTIONS.length },
    ]);
    expect(DEMO_QUESTIONS.length).toBeGreaterThanOrEqual(12);
  });

  it('is idempotent: a second run adds nothing', async () => {
    expect(await seedDemoContent(t.app)).toBe(0);
    const total = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM content`);
    expect(total.rows[0]?.n).toBe(DEMO_GUIDES.length + DEMO_QUESTIONS.length);
  });

  it('keeps scores, answer counts and accepted answers consistent with the votes and replies stored', async () => {
    const inconsistent = await t.db.query(`
      SELECT c.id FROM content c
      WHERE c.score <> COALESCE((SELECT sum(value) FROM vote v WHERE v.content_id = c.id), 0)
         OR c.reply_count <> (SELECT count(*) FROM reply r WHERE r.content_id = c.id AND r.deleted_at IS NULL)
         OR (c.accepted_reply_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM reply r WHERE r.id = c.accepted_reply_id AND r.content_id = c.id))`);
    expect(inconsistent.rows).toEqual([]);
    const accepted = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM content WHERE accepted_reply_id IS NOT NULL`);
    expect(accepted.rows[0]?.n).toBe(DEMO_QUESTIONS.filter((q) => q.answers.some((a) => a.accepted)).length);
  });

  it('shows the Context Handler guide to anyone, as critical, with BBR among the affected systems', async () => {
    const list = await new ApiSession(t.url).get('/api/content?kind=guide&component=context-handler');
    expect(list.status).toBe(200);
    const guide = list.body.items.find((item: { attributes: { component?: string } }) => item.attributes.component === 'context-handler');
    expect(guide).toBeDefined();
    expect(guide.attributes.severity).toBe('kritisk');
    expect(guide.attributes.affectedSystems).toContain('BBR');
    expect(guide.organization.code).toBe('0159');
  });
});
