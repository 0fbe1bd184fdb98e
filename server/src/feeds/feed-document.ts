import { Feed } from 'feed';

export const FEED_FORMATS = ['atom', 'rss'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
};

export const isFeedFormat = (value: string): value is FeedFormat => FEED_FORMATS.some((format) => format === value);

export interface FeedEntry {
  /** The absolute address of the item: its id and its link (an external link's id is its place in the section). */
  id: string;
  link: string;
  /** Plain text. */
  title: string;
  /** Plain text. */
  summary: string;
  /** Sanitised HTML, as the API renders it. */
  contentHtml: string | null;
  /** "Sofie Lund, Gladsaxe". */
  author: string | null;
  tags: readonly string[];
  published: Date;
  updated: Date;
}

export interface FeedDocument {
  title: string;
  description: string;
  /** The absolute address of the web page the feed follows. */
  pageUrl: string;
  /** The feed's own absolute address without its extension: `${selfUrl}.atom`, `${selfUrl}.rss`. */
  selfUrl: string;
  /** The site, to make the item bodies' relative links absolute. */
  siteUrl: string;
  entries: readonly FeedEntry[];
  /** When the feed last changed (its newest entry); undefined: no entries. */
  updated?: Date;
}

/** Characters XML 1.0 does not allow at all (C0 controls but tab and newlines, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const xmlSafe = (text: string): string => text.replace(NOT_XML, '');

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * `feed` puts titles, summaries and bodies in CDATA marked as HTML. Plain text is therefore escaped as HTML (a title
 * "<b>" shows as written, never as markup), and every "]]>" is written "]]&gt;", which means the same in HTML but
 * cannot end the CDATA section (xml-js splits only the first one).
 */
const textAsHtml = (text: string): string => escapeHtml(xmlSafe(text));

/** Links and images in a body point into the site ("/api/attachments/…"): readers outside it need the full address. */
function absoluteBody(html: string, siteUrl: string): string {
  // Only inside tags: sanitize-html writes every "<" of text as "&lt;", so each "<a " or "<img " is a real tag.
  const withAbsoluteLinks = html.replace(/<(a|img)\s[^>]*>/g, (tag) => tag.replace(/\s(href|src)="\/(?!\/)/g, ` $1="${siteUrl}/`));
  return xmlSafe(withAbsoluteLinks).replace(/]]>/g, ']]&gt;');
}

/** The feed as Atom 1.0 or RSS 2.0. Everything in it must be public: it is served the same to everyone. */
export function renderFeed(document: FeedDocument, format: FeedFormat): string {
  const feed = new Feed({
    id: `${document.selfUrl}.atom`,
    title: xmlSafe(document.title),
    description: xmlSafe(document.description),
    link: document.pageUrl,
    feedLinks: { atom: `${document.selfUrl}.atom`, rss: `${document.selfUrl}.rss` },
    language: 'da',
    generator: 'Infraforum',
    // Atom wants an author on the feed when an entry has none (the toolbox's external links).
    author: { name: 'Infraforum', link: document.siteUrl },
    copyright: 'Indholdet tilhører forfatterne og deres kommuner eller KOMBIT',
    // An empty feed still needs a stable date, or its ETag would change on every request.
    updated: document.updated ?? new Date(0),
  });
  for (const entry of document.entries) {
    const content = entry.contentHtml === null ? undefined : absoluteBody(entry.contentHtml, document.siteUrl);
    const author = entry.author === null ? undefined : xmlSafe(entry.author);
    feed.addItem({
      id: entry.id,
      link: entry.link,
      title: textAsHtml(entry.title),
      description: entry.summary ? textAsHtml(entry.summary) : undefined,
      content,
      // Atom names the author; RSS's <author> must be an e-mail address, which a feed never shows, so RSS gets dc:creator.
      author: author ? [{ name: author }] : undefined,
      // `feed` declares the dc namespace only when an item has content.
      extensions: author && content ? [{ name: 'dc:creator', objects: { _text: author } }] : undefined,
      category: entry.tags.map((tag) => ({ name: xmlSafe(tag), term: xmlSafe(tag) })),
      published: entry.published,
      date: entry.updated,
    });
  }
  return format === 'atom' ? feed.atom1() : feed.rss2();
}
