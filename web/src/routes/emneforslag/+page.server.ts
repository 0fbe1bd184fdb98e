import { readSuggestionFilters, suggestionListHref } from '$lib/components/suggestions/suggestion-list-url';
import { voteFromList } from '$lib/server/suggestions/suggestion-actions';
import { loadSuggestionList } from '$lib/server/suggestions/suggestion-list';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => loadSuggestionList(locals, url);

export const actions: Actions = {
  vote: ({ locals, url, request }) =>
    voteFromList(locals, url, request, (query) => suggestionListHref(readSuggestionFilters(new URLSearchParams(query)))),
};
