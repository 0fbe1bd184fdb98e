import { componentGroups } from '$lib/components/content/component-groups';
import { previewContent, updateContent } from '$lib/server/content/content-actions';
import { valuesFromDetail } from '$lib/server/content/content-form';
import { loadContentToChange } from '$lib/server/content/content-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const [guide, components, systems] = await Promise.all([
    loadContentToChange(locals, url, params.id, 'guide', 'edit'),
    locals.api.GET('/api/catalog/components'),
    locals.api.GET('/api/catalog/systems'),
  ]);
  const systemItems = systems.data?.items ?? [];
  return {
    guide,
    values: valuesFromDetail(
      guide,
      systemItems.map((system) => system.name),
    ),
    componentGroups: componentGroups(components.data?.items ?? []),
    systems: systemItems,
  };
};

export const actions: Actions = {
  preview: ({ locals, url, request }) => previewContent(locals, url, request),
  save: ({ locals, url, request, params }) => updateContent(locals, url, request, 'guide', params.id),
};
