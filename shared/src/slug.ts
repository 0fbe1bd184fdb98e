const DANISH: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', Æ: 'ae', Ø: 'oe', Å: 'aa' };

/**
 * A URL slug from a Danish title: "Context Handler er nede – hvad gør jeg?" → "context-handler-er-nede-hvad-goer-jeg".
 * æ/ø/å become ae/oe/aa; other accents are dropped; at most `maxLength` characters, cut at a word.
 * Slugs are for readability only: URLs carry the stable id too (/spoergsmaal/123-…).
 */
export function slugify(title: string, maxLength = 80): string {
  const ascii = title
    .replace(/[æøåÆØÅ]/g, (letter) => DANISH[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= maxLength) return ascii;
  const cut = ascii.slice(0, maxLength + 1);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > 0 ? cut.slice(0, lastDash) : cut.slice(0, maxLength)).replace(/-+$/, '');
}
