import type { SearchQuery } from '@infraforum/shared';
import type { SearchParams } from 'meilisearch';
import { HIGHLIGHT_END, HIGHLIGHT_START } from './highlight.js';
import type { SearchDocument } from './search-document.js';
import { queryFilters } from './search-filter.js';
import { FACETS } from './search-settings.js';

/** How many titles as-you-type suggests. */
export const SUGGESTIONS = 8;

const RETRIEVED: Array<keyof SearchDocument> = [
  ...['id', 'kind', 'slug', 'title', 'summary', 'tags', 'solved', 'score', 'replyCount', 'updatedAt'],
  ...['organizationCode', 'organizationName'],
] as Array<keyof SearchDocument>;

/** What a search sends Meilisearch (also what the benchmark sends it straight, for the ceiling). */
export function meilisearchSearchParams(scopeFilter: string, query: SearchQuery): SearchParams {
  const browsing = query.q === '';
  const sort =
    query.sort === 'newest' || (browsing && query.sort === 'relevance')
      ? ['lastActivityAt:desc']
      : query.sort === 'votes'
        ? ['score:desc']
        : undefined;
  return {
    filter: [scopeFilter, ...queryFilters(query)],
    facets: Object.values(FACETS),
    page: query.page,
    hitsPerPage: query.pageSize,
    attributesToRetrieve: RETRIEVED,
    // Cropped fields are marked only when also highlighted.
    attributesToHighlight: ['title', 'body', 'answers', 'summary', 'attachments'],
    attributesToCrop: ['body', 'answers', 'summary', 'attachments'],
    cropLength: 28,
    cropMarker: '…',
    highlightPreTag: HIGHLIGHT_START,
    highlightPostTag: HIGHLIGHT_END,
    locales: ['dan'],
    // Drop the commonest words first when not all match, not the last typed (often the one that matters).
    matchingStrategy: 'frequency',
    ...(sort ? { sort } : {}),
  };
}

/** What as-you-type sends Meilisearch: titles, components, tags and compound parts. */
export function meilisearchSuggestParams(scopeFilter: string): SearchParams {
  return {
    filter: scopeFilter,
    limit: SUGGESTIONS,
    attributesToRetrieve: ['id', 'kind', 'slug', 'title'],
    attributesToSearchOn: ['title', 'components', 'tags', 'compoundParts'],
    locales: ['dan'],
  };
}
