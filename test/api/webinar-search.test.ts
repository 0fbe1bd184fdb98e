import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession, signIn } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

// Webinars and suggestions are searchable like every kind: by their programme, speakers, hosts and slides,
// never by a suggester's contact details.

let t: TestApp;
let moderator: ApiSession;
let member: ApiSession;
let anonymous: ApiSession;
let webinarId: number;
let suggestionId: number;

beforeAll(async () => {
  t = await startTestApp();
  await t.createUser({ email: 'mod@kombit.dk', organizationCode: 'KOMBIT', role: 'moderator', name: 'Mette Moderator' });
  await t.createUser({ email: 'sofie@gladsaxe.dk', organizationCode: '0159', name: 'Sofie Lund' });
  moderator = await signIn(t.url, 'mod@kombit.dk', TEST_PASSWORD);
  member = await signIn(t.url, 'sofie@gladsaxe.dk', TEST_PASSWORD);
  anonymous = new ApiSession(t.url);
  const webinar = await moderator.post('/api/content', {
    kind: 'webinar',
    title: 'Kommunens hverdag med infrastrukturen',
    body: 'To kommuner fortæller.',
    visibility: 'public',
    attributes: {
      startsAt: '2027-11-04T10:00:00+01:00',
      endsAt: '2027-11-04T12:00:00+01:00',
      hosts: ['0561'],
      programme: [
        {
          start: '11:10',
          end: '11:25',
          title: 'Forbrugsdata i praksis',
          speaker: 'Martin Dahlstrøm Vinter',
          speakerOrganization: 'Esbjerg Kommune',
        },
      ],
    },
  });
  webinarId = webinar.body.id;
  const suggestion = await member.post('/api/content', {
    kind: 'suggestion',
    title: 'Gennemgang af potentialerapporten',
    body: 'Hvordan læser man potentialerapporten?',
    visibility: 'public',
    attributes: { contact: { name: 'Sofie Lund', email: 'hemmelig.adresse@gladsaxe.dk', phone: '12345678', shownTo: 'members' } },
  });
  suggestionId = suggestion.body.id;
  await t.searchSettled();
});
afterAll(async () => {
  await t.close();
});

const hitIds = (response: { body: { hits: { id: number }[] } }) => response.body.hits.map((hit) => hit.id);

describe('searching webinars and suggestions', () => {
  it('finds a webinar by a speaker in its programme and by its host municipality', async () => {
    expect(hitIds(await anonymous.get('/api/search?q=Dahlstrøm'))).toContain(webinarId);
    expect(hitIds(await anonymous.get('/api/search?q=forbrugsdata&kind=webinar'))).toEqual([webinarId]);
    expect(hitIds(await anonymous.get('/api/search?q=Esbjerg&kind=webinar'))).toContain(webinarId);
  });

  it('finds a suggestion by its text, with a typo, and filters by kind', async () => {
    const response = await anonymous.get('/api/search?q=potentialerapporen&kind=suggestion');
    expect(hitIds(response)).toEqual([suggestionId]);
  });

  it('never finds a suggestion by its contact details', async () => {
    for (const q of ['hemmelig.adresse', '12345678']) {
      expect(hitIds(await moderator.get(`/api/search?q=${encodeURIComponent(q)}`))).not.toContain(suggestionId);
    }
  });

  it('finds a webinar by the text of its slides, and forgets it when the slides are removed', async () => {
    const { rows } = await t.db.query(
      `INSERT INTO attachment (content_id, sha256, name, size, media_type, text)
       VALUES ($1, repeat('a', 64), 'slides.pdf', 10, 'application/pdf', 'Statusmails videresendes til helpdesksystemet som incidents')
       RETURNING id`,
      [webinarId],
    );
    await t.searchSettled();
    // Signed in: anonymous answers are micro-cached for a moment, and the next search repeats this one.
    const found = await member.get('/api/search?q=helpdesksystemet');
    expect(hitIds(found)).toContain(webinarId);
    expect(found.body.hits.find((hit: { id: number }) => hit.id === webinarId).snippet).toContain('<mark>');
    await t.db.query(`UPDATE attachment SET deleted_at = now() WHERE id = $1`, [rows[0].id]);
    await t.searchSettled();
    expect(hitIds(await member.get('/api/search?q=helpdesksystemet'))).not.toContain(webinarId);
  });
});
