import { MeilisearchApiError, MeilisearchRequestError } from 'meilisearch';
import { describe, expect, it } from 'vitest';
import { failureKind, SearchTaskFailedError, settingsMatch } from './search-engine.js';

const apiError = (status: number) =>
  new MeilisearchApiError(new Response(null, { status }), { message: 'x', code: 'x', type: 'x', link: '' } as never);
const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:7700'), { code: 'ECONNREFUSED' });

describe('failureKind', () => {
  it('calls a refused or reset connection unreachable, also when the client wraps it', () => {
    expect(failureKind(refused)).toBe('unreachable');
    expect(failureKind(new MeilisearchRequestError('http://127.0.0.1:7700/indexes', refused))).toBe('unreachable');
    expect(failureKind(new MeilisearchRequestError('http://x', new Error('socket hang up')))).toBe('unreachable');
  });

  it('calls a timeout or a 5xx slow: one of them does not switch searches to PostgreSQL', () => {
    expect(failureKind(new MeilisearchRequestError('http://x', new Error('Meilisearch request timed out after 1000 ms')))).toBe('slow');
    expect(failureKind(apiError(503))).toBe('slow');
  });

  it('calls a 4xx or a failed task refused: our request was wrong, Meilisearch is fine', () => {
    expect(failureKind(new MeilisearchRequestError('http://x', apiError(400)))).toBe('refused');
    expect(failureKind(new SearchTaskFailedError('task 3 failed'))).toBe('refused');
  });
});

describe('settingsMatch', () => {
  it('ignores the order of sets but not of ranking rules', () => {
    expect(settingsMatch({ filterableAttributes: ['a', 'b'] }, { filterableAttributes: ['b', 'a'], other: 1 })).toBe(true);
    expect(settingsMatch({ rankingRules: ['words', 'typo'] }, { rankingRules: ['typo', 'words'] })).toBe(false);
  });

  it('sees a synonym group that is gone from PostgreSQL but still in Meilisearch', () => {
    expect(
      settingsMatch({ synonyms: { bf: ['beskedfordeler'] } }, { synonyms: { bf: ['beskedfordeler'], sp: ['serviceplatformen'] } }),
    ).toBe(false);
  });
});
