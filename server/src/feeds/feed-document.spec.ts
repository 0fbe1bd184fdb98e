import { describe, expect, it } from 'vitest';
import { renderFeed, type FeedDocument, type FeedEntry } from './feed-document.js';

const SITE = 'https://infraforum.dk';

const entry = (overrides: Partial<FeedEntry> = {}): FeedEntry => ({
  id: `${SITE}/spoergsmaal/1-context-handler`,
  link: `${SITE}/spoergsmaal/1-context-handler`,
  title: 'Context Handler er nede',
  summary: 'Hvad gør I?',
  contentHtml: '<p>Hvad gør I?</p>',
  author: 'Sofie Lund, Gladsaxe',
  tags: ['context-handler'],
  published: new Date('2026-01-02T10:00:00Z'),
  updated: new Date('2026-01-03T10:00:00Z'),
  ...overrides,
});

const document = (entries: FeedEntry[]): FeedDocument => ({
  title: 'Infraforum – Spørgsmål',
  description: 'Nyeste spørgsmål',
  pageUrl: `${SITE}/spoergsmaal`,
  selfUrl: `${SITE}/api/feeds/question`,
  siteUrl: SITE,
  entries,
  updated: entries[0]?.updated,
});

/** The text of every CDATA section, in order. */
const cdata = (xml: string): string[] => [...xml.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((match) => match[1] ?? '');

describe('renderFeed', () => {
  it('writes a plain-text title as escaped HTML, so markup in it is shown, not rendered', () => {
    const xml = renderFeed(document([entry({ title: 'Brug <script> & "citater"' })]), 'atom');
    expect(cdata(xml)).toContain('Brug &lt;script&gt; &amp; &quot;citater&quot;');
  });

  it('keeps every "]]>" in a body from ending its CDATA section', () => {
    const xml = renderFeed(document([entry({ contentHtml: '<p>a]]>b]]>c</p>' })]), 'atom');
    expect(xml).not.toContain('a]]>b');
    expect(cdata(xml)).toContain('<p>a]]&gt;b]]&gt;c</p>');
  });

  it('drops characters XML does not allow', () => {
    const xml = renderFeed(document([entry({ title: 'Nede\u0001 igen', author: 'Sofie\u000B Lund' })]), 'rss');
    expect(xml).not.toContain('\u0001');
    expect(xml).not.toContain('\u000B');
    expect(xml).toContain('Nede igen');
  });

  it('makes the body’s links and images to the site absolute, and leaves other addresses alone', () => {
    const html =
      '<p><a href="/spoergsmaal/2-x" rel="nofollow">Se</a> <img src="/api/attachments/5/a.png" alt="" /> ' +
      '<a href="https://kombit.dk/x">KOMBIT</a> href="/tekst"</p>';
    const [, , body] = cdata(renderFeed(document([entry({ contentHtml: html })]), 'atom'));
    expect(body).toContain(`<a href="${SITE}/spoergsmaal/2-x" rel="nofollow">`);
    expect(body).toContain(`<img src="${SITE}/api/attachments/5/a.png"`);
    expect(body).toContain('<a href="https://kombit.dk/x">');
    expect(body).toContain(' href="/tekst"</p>');
  });

  it('names the author in Atom, and in RSS as dc:creator (RSS’s <author> would need an e-mail address)', () => {
    expect(renderFeed(document([entry()]), 'atom')).toMatch(/<author>\s*<name>Sofie Lund, Gladsaxe<\/name>\s*<\/author>/);
    const rss = renderFeed(document([entry()]), 'rss');
    expect(rss).toContain('<dc:creator>Sofie Lund, Gladsaxe</dc:creator>');
    expect(rss).toContain('xmlns:dc="http://purl.org/dc/elements/1.1/"');
    expect(rss).not.toContain('<author>');
  });

  it('gives an empty feed a fixed date, so the same feed renders the same bytes', () => {
    const empty = { ...document([]), updated: undefined };
    expect(renderFeed(empty, 'atom')).toBe(renderFeed(empty, 'atom'));
    expect(renderFeed(empty, 'rss')).toBe(renderFeed(empty, 'rss'));
  });
});
