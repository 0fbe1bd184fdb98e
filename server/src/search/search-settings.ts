import type { Settings } from 'meilisearch';
import { DANISH_STOP_WORDS } from './danish-stop-words.js';

/** In order of weight: a match in the title beats one in a component name, which beats one in the body. */
export const SEARCHABLE_ATTRIBUTES = [
  'title',
  'outage',
  'components',
  'tags',
  'systems',
  'summary',
  'compoundParts',
  'body',
  'answers',
  'attachments',
  'organizationName',
  'authorName',
];

export const FACETS = {
  kind: 'kind',
  component: 'componentSlugs',
  tag: 'tags',
  organization: 'organizationCode',
} as const;

export const FILTERABLE_ATTRIBUTES = [
  ...Object.values(FACETS),
  'organizationId',
  'authorId',
  'status',
  'visibility',
  'solved',
  'year',
  'toolboxSection',
];

export const SORTABLE_ATTRIBUTES = ['createdAt', 'lastActivityAt', 'score'];

/**
 * Meilisearch's defaults with two additions, measured with the relevance set (test/fixtures/search-relevance):
 * a guide beats a thread that matches as well on words, typos and proximity (`kindBoost`, before
 * `attribute`: a thread titled "Context Handler er nede" otherwise outranks the Context Handler guide),
 * and votes break the last ties. `sort` comes right after `words`, so "Nyeste" and "Flest stemmer" order
 * strictly among results matching as many of the words; without a sort it does nothing.
 */
export const RANKING_RULES = ['words', 'sort', 'typo', 'proximity', 'kindBoost:desc', 'attribute', 'exactness', 'score:desc'];

/** The settings of the content index, with the moderators' synonyms and the catalog's SF ids. */
export function indexSettings(input: { synonyms: string[][]; exactWords: string[] }): Settings {
  return {
    searchableAttributes: SEARCHABLE_ATTRIBUTES,
    filterableAttributes: FILTERABLE_ATTRIBUTES,
    sortableAttributes: SORTABLE_ATTRIBUTES,
    rankingRules: RANKING_RULES,
    displayedAttributes: ['*'],
    stopWords: [...new Set(DANISH_STOP_WORDS)],
    synonyms: meilisearchSynonyms(input.synonyms),
    // Typos are what hotline staff make in Danish words; "SF1601" and "1500" must match exactly.
    typoTolerance: {
      enabled: true,
      disableOnNumbers: true,
      disableOnWords: [...new Set(input.exactWords.map((word) => word.toLowerCase()))].sort(),
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
    },
    localizedAttributes: [{ attributePatterns: ['*'], locales: ['dan'] }],
    faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'count' } },
    // Facet values are counted, never searched: skipping that database makes every indexing cheaper.
    facetSearch: false,
    pagination: { maxTotalHits: 1000 },
  };
}

/**
 * Meilisearch synonyms are one-directional: each term of a group points at every other term.
 * Keys and values lower-case (Meilisearch compares normalised words).
 */
export function meilisearchSynonyms(groups: string[][]): Record<string, string[]> {
  const synonyms = new Map<string, Set<string>>();
  for (const group of groups) {
    const terms = [...new Set(group.map((term) => term.trim().toLowerCase()).filter(Boolean))];
    for (const term of terms) {
      const others = synonyms.get(term) ?? new Set<string>();
      for (const other of terms) if (other !== term) others.add(other);
      synonyms.set(term, others);
    }
  }
  return Object.fromEntries([...synonyms].sort(([a], [b]) => a.localeCompare(b)).map(([term, others]) => [term, [...others].sort()]));
}

/**
 * SF service ids for typo tolerance off. Meilisearch applies `disableOnWords` to the words of the
 * query, so "SF1602" must be on the list for it not to find "SF1601": every id KOMBIT's numbering
 * uses (SF1000–SF2999) plus any other the catalog names.
 */
export function serviceIds(texts: Iterable<string>): string[] {
  const ids = new Set<string>();
  for (let n = 1000; n <= 2999; n++) ids.add(`sf${n}`);
  for (const text of texts) for (const match of text.matchAll(/\bsf\d{3,5}\b/gi)) ids.add(match[0].toLowerCase());
  return [...ids].sort();
}
