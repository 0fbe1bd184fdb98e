import { describe, expect, it } from 'vitest';
import { searchHints, similarity, vocabularyOf } from './search-hints.js';

const vocabulary = vocabularyOf(
  ['beskedfordeler', 'context-handler', 'hotline', 'digital-post', 'certifikater'],
  ['Fælleskommunal Beskedfordeler', 'Context Handler', 'Serviceplatformen', 'SF1601 Digital Post'],
);

describe('searchHints', () => {
  it('respells a mistyped word with the closest word the forum uses', () => {
    expect(searchHints('beskedfordller', vocabulary).didYouMean).toBe('beskedfordeler');
  });

  it('keeps words it knows and short words as they are', () => {
    expect(searchHints('contxt handler nu', vocabulary).didYouMean).toBe('context handler nu');
  });

  it('offers nothing to respell when every word is known', () => {
    expect(searchHints('context handler', vocabulary).didYouMean).toBeNull();
  });

  it('names tags close to the query', () => {
    expect(searchHints('certifikat', vocabulary).relatedTags).toContain('certifikater');
  });

  it('measures similarity like pg_trgm: identical is 1, unrelated is 0', () => {
    expect(similarity('hotline', 'hotline')).toBe(1);
    expect(similarity('abc', 'xyz')).toBe(0);
  });
});
