import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoContent } from '../../server/dist/demo/demo-content-seed.js';
import { DEMO_GUIDES, DEMO_QUESTIONS } from '../../server/dist/demo/demo-content.js';
import { seedDemoData } from '../../server/dist/demo/demo-data.js';
import { signIn, type ApiSession } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

/** One hotline query and the title of the one document that should come first (see the fixture's notes). */
interface RelevanceQuery {
  query: string;
  expected: string;
  category: string;
  note: string;
}

const QUERIES = JSON.parse(readFileSync(new URL('../fixtures/search-relevance/queries.json', import.meta.url), 'utf8')) as RelevanceQuery[];
/** Issue 4: the right document first for at least 90 % of the queries on Meilisearch. */
const AIM_HIT_AT_1 = 0.9;
/** A Gladsaxe hotline member: sees members content and Gladsaxe's own, as the people the issue is about. */
const VIEWER = 'hotline@gladsaxe.dk';

let t: TestApp;
let member: ApiSession;

beforeAll(async () => {
  t = await startTestApp();
  await seedDemoData(t.app, TEST_PASSWORD);
  await seedDemoContent(t.app);
  await t.searchSettled();
  member = await signIn(t.url, VIEWER, TEST_PASSWORD);
});
afterAll(async () => {
  await t.close();
});

describe('search relevance on the demo content', () => {
  it('expects only titles of demo documents, so a miss is a ranking miss and not a typo in the fixture', () => {
    const titles = new Set([...DEMO_GUIDES, ...DEMO_QUESTIONS].map((item) => item.title));
    expect(QUERIES.length).toBeGreaterThanOrEqual(45);
    expect(QUERIES.filter((entry) => !titles.has(entry.expected)).map((entry) => entry.query)).toEqual([]);
  });

  it('puts the right document first for at least 90 % of the hotline queries on Meilisearch', async () => {
    const misses: string[] = [];
    for (const entry of QUERIES) {
      const response = await member.get(`/api/search?${new URLSearchParams({ q: entry.query, pageSize: '10' }).toString()}`);
      expect(response.status).toBe(200);
      expect(response.body.engine).toBe('meilisearch');
      const titles = (response.body.hits as Array<{ title: string }>).map((hit) => hit.title);
      if (titles[0] !== entry.expected) {
        const rank = titles.indexOf(entry.expected) + 1;
        misses.push(
          `  [${entry.category}] "${entry.query}": expected at ${rank > 0 ? rank : 'not in the first 10'}; first was ${JSON.stringify(titles[0] ?? null)}`,
        );
      }
    }
    const hitAt1 = (QUERIES.length - misses.length) / QUERIES.length;
    expect(
      hitAt1,
      `hit@1 ${(hitAt1 * 100).toFixed(1)} % (${QUERIES.length - misses.length}/${QUERIES.length}); without the right document first:\n${misses.join('\n')}`,
    ).toBeGreaterThanOrEqual(AIM_HIT_AT_1);
  });
});
