import { componentGroups } from '$lib/components/content/component-groups';
import { requireUser } from '$lib/server/auth';
import { createSuggestion, previewSuggestion } from '$lib/server/suggestions/suggestion-actions';
import { newSuggestionForm } from '$lib/server/suggestions/suggestion-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireUser(locals, url);
  const components = await locals.api.GET('/api/catalog/components');
  const items = components.data?.items ?? [];
  // A component's page may link here with it chosen ("?komponent=context-handler").
  const preselected = url.searchParams.get('komponent');
  const chosen = items.some((component) => component.slug === preselected) && preselected ? [preselected] : [];
  return { componentGroups: componentGroups(items), values: newSuggestionForm(user, chosen) };
};

export const actions: Actions = {
  preview: ({ locals, url, request }) => previewSuggestion(locals, url, request),
  save: ({ locals, url, request }) => createSuggestion(locals, url, request),
};
