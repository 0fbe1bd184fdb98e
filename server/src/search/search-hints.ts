/**
 * Help when a search finds nothing: the query respelt with words the forum uses (tags, component
 * names), and tags close to what was typed. The vocabulary is small (hundreds of terms), so a
 * trigram comparison in memory is enough.
 */

function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const grams = new Set<string>();
  for (let i = 0; i < padded.length - 2; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

/** pg_trgm's similarity: shared trigrams over all trigrams of both words. */
export function similarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  let shared = 0;
  for (const gram of ta) if (tb.has(gram)) shared++;
  return shared / (ta.size + tb.size - shared);
}

export interface Vocabulary {
  /** Single lower-case words from tags and component names. */
  words: string[];
  tags: string[];
}

const WORD = /[\p{L}\p{N}]+/gu;

export function searchHints(q: string, vocabulary: Vocabulary): { didYouMean: string | null; relatedTags: string[] } {
  const typed = q.toLowerCase().match(WORD) ?? [];
  const known = new Set(vocabulary.words);
  let changed = false;
  const respelt = typed.map((word) => {
    if (word.length < 4 || known.has(word)) return word;
    let best = word;
    let bestScore = 0.45;
    for (const candidate of vocabulary.words) {
      const score = similarity(word, candidate);
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    if (best !== word) changed = true;
    return best;
  });
  const relatedTags = vocabulary.tags
    .map((tag) => ({ tag, score: Math.max(0, ...typed.filter((word) => word.length >= 3).map((word) => similarity(word, tag))) }))
    .filter((entry) => entry.score >= 0.25)
    .sort((a, b) => b.score - a.score || a.tag.localeCompare(b.tag))
    .slice(0, 6)
    .map((entry) => entry.tag);
  return { didYouMean: changed ? respelt.join(' ') : null, relatedTags };
}

export function vocabularyOf(tags: string[], names: string[]): Vocabulary {
  const words = new Set<string>();
  for (const text of [...tags, ...names])
    for (const match of text.toLowerCase().matchAll(WORD)) if (match[0].length >= 3) words.add(match[0]);
  return { words: [...words].sort(), tags: [...new Set(tags)].sort() };
}
