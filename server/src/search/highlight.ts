/**
 * Both engines mark matches with these private-use characters instead of HTML: the text is then
 * escaped as a whole and only the markers become <mark>, so a highlight can never carry markup.
 */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_END = '\uE001';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escaped text whose only tags are balanced <mark>…</mark> around the marked parts. */
export function markedToHtml(text: string): string {
  let html = '';
  let open = false;
  for (const char of text) {
    if (char === HIGHLIGHT_START) {
      if (!open) html += '<mark>';
      open = true;
    } else if (char === HIGHLIGHT_END) {
      if (open) html += '</mark>';
      open = false;
    } else {
      html += ESCAPES[char] ?? char;
    }
  }
  return open ? `${html}</mark>` : html;
}
