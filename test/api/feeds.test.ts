import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xml2js, type Element } from 'xml-js';
import { ApiSession, signIn } from '../support/http.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

// Atom and RSS feeds of public content: per kind, catalog component, tag and toolbox section. No login, and the same
// answer for everyone: what a visitor without login may read, nothing more.

let t: TestApp;
let member: ApiSession;
let esbjerg: ApiSession;
let moderator: ApiSession;
let anonymous: ApiSession;

const TOOLBOX_SECTION = 'krav-it-indkoeb-og-leverandoerstyring';

beforeAll(async () => {
  t = await startTestApp({ withoutSearch: true });
  await t.createUser({ email: 'sofie@gladsaxe.dk', organizationCode: '0159', name: 'Sofie Lund', title: 'Hotline' });
  await t.createUser({ email: 'peter@esbjerg.dk', organizationCode: '0561', name: 'Peter Krogh' });
  await t.createUser({ email: 'mod@kombit.dk', organizationCode: 'KOMBIT', role: 'moderator', name: 'Mette Moderator' });
  [member, esbjerg, moderator] = (await Promise.all(
    ['sofie@gladsaxe.dk', 'peter@esbjerg.dk', 'mod@kombit.dk'].map((email) => signIn(t.url, email, TEST_PASSWORD)),
  )) as [ApiSession, ApiSession, ApiSession];
  anonymous = new ApiSession(t.url);
});
afterAll(async () => {
  await t.close();
});

let counter = 0;
const unique = (): number => (counter += 1);

interface Created {
  id: number;
  path: string;
  title: string;
}

async function question(overrides: Record<string, unknown> = {}, as: ApiSession = member): Promise<Created> {
  const response = await as.post('/api/content', {
    kind: 'question',
    title: `Hvordan overvåger I Context Handler, spørgsmål ${unique()}?`,
    body: 'Vi vil gerne høre, hvordan **andre kommuner** har gjort.',
    visibility: 'public',
    ...overrides,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as Created;
}

// ---- Reading a feed ----

/** A strict XML parse (sax in strict mode): throws on anything that is not well-formed. */
function parseXml(xml: string): Element {
  const root = (xml2js(xml, { compact: false, captureSpacesBetweenElements: false }) as Element).elements?.find(
    (node) => node.type === 'element',
  );
  if (!root) throw new Error('No root element');
  return root;
}

const childrenNamed = (element: Element, name: string): Element[] =>
  (element.elements ?? []).filter((node) => node.type === 'element' && node.name === name);

function childNamed(element: Element, name: string): Element {
  const [child] = childrenNamed(element, name);
  if (!child) throw new Error(`No <${name}> in <${element.name}>`);
  return child;
}

/** The text of an element: its text and CDATA joined. */
const textOf = (element: Element): string =>
  (element.elements ?? []).map((node) => String(node.type === 'cdata' ? node.cdata : node.type === 'text' ? node.text : '')).join('');

const attribute = (element: Element, name: string): string => String(element.attributes?.[name] ?? '');

interface AtomEntry {
  id: string;
  title: string;
  link: string;
  summary: string;
  content: string;
  author: string;
  categories: string[];
  published: string;
  updated: string;
}

interface AtomFeed {
  title: string;
  links: Record<string, string>;
  entries: AtomEntry[];
}

function readAtom(xml: string): AtomFeed {
  const feed = parseXml(xml);
  expect(feed.name).toBe('feed');
  expect(attribute(feed, 'xmlns')).toBe('http://www.w3.org/2005/Atom');
  const optionalText = (entry: Element, name: string) => childrenNamed(entry, name).map(textOf).join('');
  return {
    title: textOf(childNamed(feed, 'title')),
    links: Object.fromEntries(childrenNamed(feed, 'link').map((link) => [attribute(link, 'rel'), attribute(link, 'href')])),
    entries: childrenNamed(feed, 'entry').map((entry) => ({
      id: textOf(childNamed(entry, 'id')),
      title: textOf(childNamed(entry, 'title')),
      link: attribute(childNamed(entry, 'link'), 'href'),
      summary: optionalText(entry, 'summary'),
      content: optionalText(entry, 'content'),
      author: childrenNamed(entry, 'author')
        .map((author) => textOf(childNamed(author, 'name')))
        .join(''),
      categories: childrenNamed(entry, 'category').map((category) => attribute(category, 'term')),
      published: optionalText(entry, 'published'),
      updated: textOf(childNamed(entry, 'updated')),
    })),
  };
}

async function atom(path: string, as: ApiSession = anonymous): Promise<AtomFeed> {
  const response = await as.get(path);
  expect(response.status, String(response.body)).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
  return readAtom(response.body as string);
}

const entryIds = (feed: AtomFeed): string[] => feed.entries.map((entry) => entry.id);
const urlOf = (item: Created): string => `${t.url}${item.path}`;

// ---- The feeds ----

describe('the Atom feed of a kind', () => {
  it('is well-formed Atom, titled in Danish, linking the list page and itself, and publicly cacheable', async () => {
    await question();
    const response = await anonymous.get('/api/feeds/question.atom');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    const feed = readAtom(response.body as string);
    expect(feed.title).toBe('Infraforum – Spørgsmål');
    expect(feed.links).toEqual({ alternate: `${t.url}/spoergsmaal`, self: `${t.url}/api/feeds/question.atom` });
  });

  it('lists a public question with its address as id, its summary, its body as HTML, author, tags and dates', async () => {
    const item = await question({ tags: ['overvaagning', 'hotline'] });
    const entry = (await atom('/api/feeds/question.atom')).entries.find((candidate) => candidate.id === urlOf(item));
    expect(entry).toMatchObject({
      link: urlOf(item),
      title: item.title,
      summary: 'Vi vil gerne høre, hvordan andre kommuner har gjort.',
      content: expect.stringContaining('<p>Vi vil gerne høre, hvordan <strong>andre kommuner</strong> har gjort.</p>'),
      author: 'Sofie Lund, Gladsaxe',
      categories: ['overvaagning', 'hotline'],
    });
    expect(new Date(entry?.published ?? '').getTime()).not.toBeNaN();
    expect(new Date(entry?.updated ?? '').getTime()).not.toBeNaN();
  });

  it('shows a title with markup as text, escaped inside the HTML title', async () => {
    const item = await question({ title: 'Hvad betyder <fejl> & "timeout" i loggen?' });
    const entry = (await atom('/api/feeds/question.atom')).entries.find((candidate) => candidate.id === urlOf(item));
    expect(entry?.title).toBe('Hvad betyder &lt;fejl&gt; &amp; &quot;timeout&quot; i loggen?');
  });

  it('lists only its own kind', async () => {
    const item = await question();
    expect(entryIds(await atom('/api/feeds/question.atom'))).toContain(urlOf(item));
    expect(entryIds(await atom('/api/feeds/webinar.atom'))).not.toContain(urlOf(item));
  });

  it('holds the newest 50, newest first', async () => {
    const tag = 'feedgraense';
    const items: Created[] = [];
    for (let i = 0; i < 51; i += 1) items.push(await question({ tags: [tag] }));
    const ids = entryIds(await atom(`/api/feeds/tags/${tag}.atom`));
    expect(ids).toEqual(items.slice(1).reverse().map(urlOf));
  });
});

describe('what never appears in a feed', () => {
  const notPublic: Array<[string, () => Promise<Created>]> = [
    ['a members-only question', () => question({ visibility: 'members' })],
    ['a question for one municipality only', () => question({ visibility: 'organization' })],
    ['a draft', () => question({ status: 'draft' })],
    [
      'a deleted question',
      async () => {
        const item = await question();
        expect((await member.delete(`/api/content/${item.id}`)).status).toBe(204);
        return item;
      },
    ],
  ];

  it.each(notPublic)('%s', async (_name, create) => {
    const hidden = await create();
    // Created after it: the feed reaches back far enough to have shown it.
    const later = await question();
    const ids = entryIds(await atom('/api/feeds/question.atom'));
    expect(ids).toContain(urlOf(later));
    expect(ids).not.toContain(urlOf(hidden));
  });

  it('a question a moderator hides disappears at once, and comes back when it is unhidden', async () => {
    const item = await question();
    expect(entryIds(await atom('/api/feeds/question.atom'))).toContain(urlOf(item));

    const hide = await moderator.post(`/api/content/${item.id}/moderation`, { action: 'hide', reason: 'Indeholder personoplysninger' });
    expect(hide.status, JSON.stringify(hide.body)).toBe(200);
    expect(entryIds(await atom('/api/feeds/question.atom'))).not.toContain(urlOf(item));

    const unhide = await moderator.post(`/api/content/${item.id}/moderation`, { action: 'unhide', reason: 'Rettet af forfatteren' });
    expect(unhide.status, JSON.stringify(unhide.body)).toBe(200);
    expect(entryIds(await atom('/api/feeds/question.atom'))).toContain(urlOf(item));
  });
});

describe('the feed of a catalog component', () => {
  it('holds exactly the public items about the component or its sub-components', async () => {
    const aboutSub = await question({ components: ['context-handler'] });
    const aboutParent = await question({ components: ['faelleskommunal-adgangsstyring'] });
    await question({ components: ['sf1601-digital-post'] });
    await question({ components: ['context-handler'], visibility: 'members' });
    await question();

    const parent = await atom('/api/feeds/components/faelleskommunal-adgangsstyring.atom');
    expect(parent.title).toBe('Infraforum – Fælleskommunal Adgangsstyring');
    expect(parent.links.alternate).toBe(`${t.url}/komponenter/faelleskommunal-adgangsstyring`);
    expect(entryIds(parent)).toEqual([urlOf(aboutParent), urlOf(aboutSub)]);
    expect(entryIds(await atom('/api/feeds/components/context-handler.atom'))).toEqual([urlOf(aboutSub)]);
  });
});

describe('the feed of a tag', () => {
  it('holds exactly the public items with the tag', async () => {
    const tagged = await question({ tags: ['feedemne'] });
    await question({ tags: ['andet-emne'] });
    await question({ tags: ['feedemne'], visibility: 'members' });

    const feed = await atom('/api/feeds/tags/feedemne.atom');
    expect(feed.title).toBe('Infraforum – #feedemne');
    expect(entryIds(feed)).toEqual([urlOf(tagged)]);
  });
});

describe('the feed of a toolbox section', () => {
  it('holds exactly its public content and its links, the latest added first', async () => {
    const open = await question();
    const membersOnly = await question({ visibility: 'members' });
    await question();
    for (const contentId of [open.id, membersOnly.id]) {
      const response = await moderator.post(`/api/toolbox/sections/${TOOLBOX_SECTION}/items`, { contentId });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
    }
    const link = await moderator.post(`/api/toolbox/sections/${TOOLBOX_SECTION}/items`, {
      url: 'https://www.kombit.dk/materiale/kravspecifikation',
      title: 'Skabelon til kravspecifikation',
      description: 'Krav til leverandører om brug af infrastrukturen.',
    });
    expect(link.status, JSON.stringify(link.body)).toBe(201);

    const feed = await atom(`/api/feeds/toolbox/${TOOLBOX_SECTION}.atom`);
    expect(feed.title).toBe('Infraforum – Værktøjskassen: Krav, it-indkøb og leverandørstyring');
    expect(feed.links.alternate).toBe(`${t.url}/vaerktoejskassen/${TOOLBOX_SECTION}`);
    expect(feed.entries.map((entry) => entry.link)).toEqual(['https://www.kombit.dk/materiale/kravspecifikation', urlOf(open)]);
    expect(feed.entries[0]).toMatchObject({
      title: 'Skabelon til kravspecifikation',
      summary: 'Krav til leverandører om brug af infrastrukturen.',
    });
  });
});

describe('the RSS variant', () => {
  it('is well-formed RSS 2.0 with the same items: link, guid, title, creator and tags', async () => {
    const item = await question({ tags: ['rss-test'] });
    const response = await anonymous.get('/api/feeds/tags/rss-test.rss');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');

    const rss = parseXml(response.body as string);
    expect(rss.name).toBe('rss');
    expect(attribute(rss, 'version')).toBe('2.0');
    const channel = childNamed(rss, 'channel');
    expect(textOf(childNamed(channel, 'title'))).toBe('Infraforum – #rss-test');
    expect(attribute(childNamed(channel, 'atom:link'), 'href')).toBe(`${t.url}/api/feeds/tags/rss-test.rss`);
    const items = childrenNamed(channel, 'item');
    expect(items).toHaveLength(1);
    const [entry] = items as [Element];
    expect(textOf(childNamed(entry, 'link'))).toBe(urlOf(item));
    expect(textOf(childNamed(entry, 'guid'))).toBe(urlOf(item));
    expect(textOf(childNamed(entry, 'title'))).toBe(item.title);
    expect(textOf(childNamed(entry, 'dc:creator'))).toBe('Sofie Lund, Gladsaxe');
    expect(childrenNamed(entry, 'category').map(textOf)).toEqual(['rss-test']);
  });
});

describe('feeds that do not exist', () => {
  it.each([
    ['an unknown kind', '/api/feeds/answer.atom'],
    ['an unknown format', '/api/feeds/question.json'],
    ['an unknown component', '/api/feeds/components/findes-ikke.atom'],
    ['a string that cannot be a tag', '/api/feeds/tags/ikke%20et%20emneord.atom'],
    ['an unknown toolbox section', '/api/feeds/toolbox/findes-ikke.rss'],
    ['a known section in an unknown format', `/api/feeds/toolbox/${TOOLBOX_SECTION}.xml`],
  ])('answer 404 with the API’s error body for %s', async (_name, path) => {
    const response = await anonymous.get(path);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });
});

describe('the same answer for everyone', () => {
  it('is given with and without a session: a member’s feed holds no members-only content and sets no cookie', async () => {
    const membersOnly = await question({ visibility: 'members' }, esbjerg);
    const ownOrganization = await question({ visibility: 'organization' });
    const signedIn = await member.request('GET', '/api/feeds/question.atom');
    const visitor = await anonymous.get('/api/feeds/question.atom');

    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toBe(visitor.body);
    expect(signedIn.headers.get('set-cookie')).toBeNull();
    const ids = entryIds(readAtom(signedIn.body as string));
    expect(ids).not.toContain(urlOf(membersOnly));
    expect(ids).not.toContain(urlOf(ownOrganization));
  });

  it('answers 304 Not Modified to a reader that sends the ETag it has', async () => {
    const first = await fetch(`${t.url}/api/feeds/question.rss`);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    // fetch() itself adds "Cache-Control: no-cache" (a forced reload) to a conditional request unless one is given.
    const again = await fetch(`${t.url}/api/feeds/question.rss`, {
      headers: { 'if-none-match': etag ?? '', 'cache-control': 'max-age=0' },
    });
    expect(again.status).toBe(304);
  });
});
