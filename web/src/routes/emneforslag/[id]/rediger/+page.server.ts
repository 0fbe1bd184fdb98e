import { componentGroups } from '$lib/components/content/component-groups';
import { loadContentToChange } from '$lib/server/content/content-page';
import { previewSuggestion, updateSuggestion } from '$lib/server/suggestions/suggestion-actions';
import { suggestionValuesFromDetail } from '$lib/server/suggestions/suggestion-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const [suggestion, components] = await Promise.all([
    loadContentToChange(locals, url, params.id, 'suggestion', 'edit'),
    locals.api.GET('/api/catalog/components'),
  ]);
  return {
    suggestion,
    values: suggestionValuesFromDetail(suggestion),
    componentGroups: componentGroups(components.data?.items ?? []),
  };
};

export const actions: Actions = {
  preview: ({ locals, url, request }) => previewSuggestion(locals, url, request),
  save: ({ locals, url, request, params }) => updateSuggestion(locals, url, request, params.id),
};
