/**
 * Both engines mark matches with these private-use characters instead of HTML: the text is then
 * escaped as a whole and only the markers become <mark>, so a highlight can never carry markup.
 */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_END = '\uE001';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escaped text whose only tags are balanced <mark>…</mark> around the marked parts. */
export function markedToHtml(text: string): string {
  const escaped = text.replace(/[&<>"']/g, (char) => ESCAPES[char] as string);
  if (!escaped.includes(HIGHLIGHT_START) && !escaped.includes(HIGHLIGHT_END)) return escaped;
  let html = '';
  let open = false;
  // Only the marker characters are walked; the text between them is copied as one slice.
  for (const part of escaped.split(/([\uE000\uE001])/)) {
    if (part === HIGHLIGHT_START) {
      if (!open) html += '<mark>';
      open = true;
    } else if (part === HIGHLIGHT_END) {
      if (open) html += '</mark>';
      open = false;
    } else {
      html += part;
    }
  }
  return open ? `${html}</mark>` : html;
}
