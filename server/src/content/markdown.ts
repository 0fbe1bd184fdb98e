import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/** Where our own uploaded images are served; images from anywhere else are dropped (no tracking pixels). */
export const ATTACHMENT_PATH_PREFIX = '/api/attachments/';

// Raw HTML in Markdown is never passed through: it is shown as text.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

/** The allow-list: what Markdown produces for prose, lists, tables, code, links and our images; nothing else survives. */
const ALLOW: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'em',
    's',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'hr',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'], img: ['src', 'alt', 'title'], ol: ['start'], code: ['class'], th: ['scope'] },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // The page's h1 is the title; headings in a post start at h2.
    h1: 'h2',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow noopener ugc' } }),
    th: (tagName, attribs) => ({ tagName, attribs: { ...attribs, scope: 'col' } }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !(frame.attribs.src ?? '').startsWith(ATTACHMENT_PATH_PREFIX),
};

export interface RenderedMarkdown {
  /** Sanitised HTML: the only form the UI ever shows. */
  html: string;
  /** Plain text, for summaries and the search index. */
  text: string;
}

/** Renders once, at write time; the Markdown source is kept beside the result. */
export function renderMarkdown(source: string): RenderedMarkdown {
  const html = sanitizeHtml(markdown.render(source), ALLOW);
  // A space after each block, so "a</p><p>b" reads "a b"; entities decoded last-&amp;-first never double-decode.
  const spaced = html.replace(/<\/(p|h\d|li|td|th|pre|blockquote)>|<br\s*\/?>/g, '$& ');
  const text = sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return { html, text };
}
