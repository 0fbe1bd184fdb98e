/**
 * A reply's Markdown as a short line of plain text for the flag page: link targets, emphasis and heading marks go,
 * whitespace is folded, and a long text is cut at a word with "…". Shown as text, never as HTML.
 */
export function plainExcerpt(markdown: string, max = 300): string {
  const text = markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
