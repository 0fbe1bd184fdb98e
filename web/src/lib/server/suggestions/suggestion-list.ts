import { error } from '@sveltejs/kit';
import { SORT_LABELS, SUGGESTION_STATUSES, SUGGESTION_STATUS_LABELS, type ContentSummary } from '@infraforum/shared';
import { componentGroups } from '$lib/components/content/component-groups';
import { readSuggestionFilters, SUGGESTION_SORTS } from '$lib/components/suggestions/suggestion-list-url';
import { apiError } from '$lib/server/api';

export const SUGGESTION_PAGE_SIZE = 20;

/** What the viewer may do with one item in the list: vote (not on their own), and whether they already did. */
export interface ItemVote {
  canVote: boolean;
  myVote: number;
}

/** The list's summaries carry the viewer's vote and whether they may vote: buttons without reading each item. */
function votesOf(locals: App.Locals, items: readonly ContentSummary[]): Record<number, ItemVote> {
  if (!locals.user) return {};
  return Object.fromEntries(items.map((item) => [item.id, { canVote: item.canVote, myVote: item.myVote }]));
}

/** Everything the list page needs: the page of suggestions, the viewer's votes on them, the filters and their choices. */
export async function loadSuggestionList(locals: App.Locals, url: URL) {
  const components = await locals.api.GET('/api/catalog/components');
  const componentItems = components.data?.items ?? [];
  const filters = readSuggestionFilters(url.searchParams);
  if (filters.komponent && !componentItems.some((component) => component.slug === filters.komponent)) filters.komponent = '';

  const list = await locals.api.GET('/api/content', {
    params: {
      query: {
        kind: 'suggestion',
        sort: filters.sortering,
        page: String(filters.side),
        pageSize: String(SUGGESTION_PAGE_SIZE),
        ...(filters.status ? { state: filters.status } : {}),
        ...(filters.komponent ? { component: filters.komponent } : {}),
        ...(filters.emneord ? { tag: filters.emneord } : {}),
      },
    },
  });
  if (!list.data) {
    const problem = apiError(list.error, list.response);
    error(problem.statusCode === 400 ? 400 : 502, problem.message);
  }

  return {
    items: list.data.items,
    votes: votesOf(locals, list.data.items),
    total: list.data.total,
    page: list.data.page,
    pageSize: list.data.pageSize,
    filters,
    sortOptions: SUGGESTION_SORTS.map((value) => ({ value, label: SORT_LABELS[value] })),
    statusOptions: SUGGESTION_STATUSES.map((value) => ({ value, label: SUGGESTION_STATUS_LABELS[value] })),
    componentGroups: componentGroups(componentItems),
    deleted: url.searchParams.get('slettet') === '1',
  };
}
