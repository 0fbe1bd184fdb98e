import { SEARCH_SORTS, type SearchSort } from '@infraforum/shared';

/** The filters of the search page, named as in the API and the URL. */
export const SEARCH_FILTERS = ['kind', 'component', 'tag', 'organization', 'solved'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

/** The search page's state, read from its URL as typed (the API checks the values). */
export interface SearchState {
  q: string;
  filters: Record<SearchFilter, string>;
  sort: SearchSort;
  /** The `side` parameter as written ("" when absent). */
  side: string;
}

export interface SearchChanges {
  q?: string;
  filters?: Partial<Record<SearchFilter, string>>;
  sort?: SearchSort;
  page?: number;
}

const isSort = (value: string | null): value is SearchSort => SEARCH_SORTS.some((sort) => sort === value);

/** Reads the page's state from its query: q, the filters, sort and `side` (the page number). */
export function readSearchState(params: URLSearchParams): SearchState {
  const filters = Object.fromEntries(SEARCH_FILTERS.map((name) => [name, params.get(name)?.trim() ?? ''])) as Record<SearchFilter, string>;
  const sort = params.get('sort');
  return {
    q: params.get('q')?.trim() ?? '',
    filters,
    sort: isSort(sort) ? sort : 'relevance',
    side: params.get('side')?.trim() ?? '',
  };
}

export const hasFilters = (state: Pick<SearchState, 'filters'>): boolean => SEARCH_FILTERS.some((name) => state.filters[name] !== '');

/**
 * The query parameters of a search with some of its state changed. A new query, filter or sort starts
 * again on page 1; defaults (relevance, page 1, no filter) are left out, so addresses stay short.
 */
export function searchParams(state: SearchState, changes: SearchChanges = {}): [string, string][] {
  const q = changes.q ?? state.q;
  const filters = { ...state.filters, ...changes.filters };
  const sort = changes.sort ?? state.sort;
  const restarts = changes.q !== undefined || changes.filters !== undefined || changes.sort !== undefined;
  const page = changes.page ?? (restarts ? 1 : Number(state.side) || 1);
  const query: [string, string][] = [];
  if (q) query.push(['q', q]);
  for (const name of SEARCH_FILTERS) if (filters[name]) query.push([name, filters[name]]);
  if (sort !== 'relevance') query.push(['sort', sort]);
  if (page > 1) query.push(['side', String(page)]);
  return query;
}

/** The address of the search page with some of its state changed (see searchParams). */
export function searchHref(state: SearchState, changes: SearchChanges = {}): string {
  const query = new URLSearchParams(searchParams(state, changes)).toString();
  return query ? `/soeg?${query}` : '/soeg';
}
