import { describe, expect, it } from 'vitest';
import { tsqueryText } from './postgres-search.js';
import { quote } from './search-filter.js';
import { meilisearchSynonyms, serviceIds } from './search-settings.js';

describe('meilisearchSynonyms', () => {
  it('makes every term of a group point at every other, lower-case (Meilisearch synonyms run one way)', () => {
    expect(meilisearchSynonyms([['BF', 'Beskedfordeler', 'Fælleskommunal Beskedfordeler']])).toEqual({
      bf: ['beskedfordeler', 'fælleskommunal beskedfordeler'],
      beskedfordeler: ['bf', 'fælleskommunal beskedfordeler'],
      'fælleskommunal beskedfordeler': ['beskedfordeler', 'bf'],
    });
  });
});

describe('serviceIds', () => {
  it('lists every SF id of the numbering and any other the catalog names, for exact matching', () => {
    const ids = serviceIds(['SF0990 Gammel service', 'Digital Post (SF1601)']);
    expect(ids).toContain('sf0990');
    expect(ids).toContain('sf1601');
    expect(ids).toContain('sf2999');
    expect(ids).not.toContain('sf3000');
  });
});

describe('tsqueryText (the PostgreSQL fallback)', () => {
  it('matches any word as a prefix, without stop words or operators from the query', () => {
    expect(tsqueryText(['context', 'handler', 'nede'], [])).toBe('context:* | handler:* | nede:*');
  });

  it('adds the other terms of a synonym group the query names, phrases as phrases', () => {
    expect(tsqueryText(['sf1601'], [['Digital Post', 'SF1601']])).toBe('sf1601:* | (digital <-> post) | sf1601');
  });
});

describe('quote (Meilisearch filter values)', () => {
  it('escapes quotes and backslashes so a value cannot end the string', () => {
    expect(quote(`a'b\\c`)).toBe(`'a\\'b\\\\c'`);
  });
});
