import { componentGroups } from '$lib/components/content/component-groups';
import { requireUser } from '$lib/server/auth';
import { createContent, previewContent } from '$lib/server/content/content-actions';
import { emptyContentForm } from '$lib/server/content/content-form';
import { reviewRequiredToCreate } from '$lib/server/content/publishing-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireUser(locals, url);
  const [components, systems] = await Promise.all([locals.api.GET('/api/catalog/components'), locals.api.GET('/api/catalog/systems')]);
  const items = components.data?.items ?? [];
  // From a component's page ("Skriv en vejledning"): the component chosen and the systems it hits ticked.
  const wanted = url.searchParams.get('komponent') ?? url.searchParams.get('component');
  const preselected = items.find((component) => component.slug === wanted);
  const impact = preselected
    ? await locals.api.GET('/api/catalog/impact', { params: { query: { components: preselected.slug } } })
    : undefined;
  return {
    componentGroups: componentGroups(items),
    systems: systems.data?.items ?? [],
    values: emptyContentForm({
      component: preselected?.slug ?? '',
      severity: preselected?.severity ?? '',
      affectedSystems: impact?.data?.systems.map((system) => system.name) ?? [],
    }),
    reviewRequired: reviewRequiredToCreate(user, 'guide'),
  };
};

export const actions: Actions = {
  preview: ({ locals, url, request }) => previewContent(locals, url, request),
  save: ({ locals, url, request }) => createContent(locals, url, request, 'guide'),
};
