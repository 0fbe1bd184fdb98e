import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCases } from '../../server/dist/demo/demo-cases-seed.js';
import { DEMO_CASES } from '../../server/dist/demo/demo-cases.js';
import { seedDemoContent } from '../../server/dist/demo/demo-content-seed.js';
import { seedDemoData } from '../../server/dist/demo/demo-data.js';
import { ApiSession } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

// The demo migration cases that `npm start` seeds: in the matrix, with who else is working on them, one in the toolbox.

let t: TestApp;
let firstRun: number;
let anonymous: ApiSession;

beforeAll(async () => {
  t = await startTestApp({ withoutSearch: true });
  await seedDemoData(t.app, TEST_PASSWORD);
  await seedDemoContent(t.app);
  firstRun = await seedDemoCases(t.app);
  anonymous = new ApiSession(t.url);
});
afterAll(async () => {
  await t.close();
});

describe('the demo cases', () => {
  it('are seeded once; a second run adds nothing', async () => {
    expect(firstRun).toBe(DEMO_CASES.length);
    expect(await seedDemoCases(t.app)).toBe(0);
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM content WHERE kind = 'case'`);
    expect(rows[0].n).toBe(DEMO_CASES.length);
  });

  it('fill the matrix for visitors with the public case, marked by who is working on the same', async () => {
    const matrix = (await anonymous.get('/api/cases/matrix')).body;
    const nexus = matrix.cells.find((cell: { system: string }) => cell.system === 'KMD Nexus');
    expect(nexus.component).toBe('sf1601-digital-post');
    expect(nexus.completed.map((entry: { code: string }) => entry.code)).toEqual(['0159']);
    expect(nexus.working.map((entry: { code: string }) => entry.code).sort()).toEqual(['0615', '0751']);
  });

  it('put the Gladsaxe case in the toolbox section about requirements', async () => {
    const section = (await anonymous.get('/api/toolbox/sections/krav-it-indkoeb-og-leverandoerstyring')).body;
    expect(section.items.map((item: { title: string }) => item.title)).toContain('Sådan flyttede vi KMD Nexus fra SF1600 til SF1601');
  });
});
