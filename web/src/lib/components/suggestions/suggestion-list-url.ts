import { SuggestionStatus, Tag, type SuggestionStatus as Status } from '@infraforum/shared';

export const SUGGESTION_SORTS = ['votes', 'newest', 'status'] as const;
export type SuggestionSort = (typeof SUGGESTION_SORTS)[number];
export const DEFAULT_SUGGESTION_SORT: SuggestionSort = 'votes';

/** The list's state in the URL, with Danish parameter names as the links people share show them. */
export interface SuggestionListFilters {
  sortering: SuggestionSort;
  status: Status | '';
  komponent: string;
  emneord: string;
  side: number;
}

/** The filters in a query string; unknown values fall back to the defaults (the component is checked by the page). */
export function readSuggestionFilters(params: URLSearchParams): SuggestionListFilters {
  const sort = params.get('sortering');
  const page = Number(params.get('side'));
  const component = params.get('komponent') ?? '';
  const tag = Tag.safeParse(params.get('emneord') ?? '');
  return {
    sortering: SUGGESTION_SORTS.find((candidate) => candidate === sort) ?? DEFAULT_SUGGESTION_SORT,
    status: SuggestionStatus.safeParse(params.get('status')).data ?? '',
    komponent: /^[a-z0-9-]{1,100}$/.test(component) ? component : '',
    emneord: tag.success ? tag.data : '',
    side: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The list's query string for these filters; defaults are left out, so addresses stay short. */
export function suggestionListQuery(filters: SuggestionListFilters): string {
  const query = new URLSearchParams();
  if (filters.sortering !== DEFAULT_SUGGESTION_SORT) query.set('sortering', filters.sortering);
  if (filters.status) query.set('status', filters.status);
  if (filters.komponent) query.set('komponent', filters.komponent);
  if (filters.emneord) query.set('emneord', filters.emneord);
  if (filters.side > 1) query.set('side', String(filters.side));
  return query.toString();
}

export function suggestionListHref(filters: SuggestionListFilters): string {
  const query = suggestionListQuery(filters);
  return query ? `/emneforslag?${query}` : '/emneforslag';
}
