import { error } from '@sveltejs/kit';
import { componentGroups } from '$lib/components/content/component-groups';
import { requireUser } from '$lib/server/auth';
import { previewContent, updateContent } from '$lib/server/content/content-actions';
import { valuesFromDetail } from '$lib/server/content/content-form';
import { loadContentPage } from '$lib/server/content/content-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  requireUser(locals, url);
  const [guide, components, systems] = await Promise.all([
    loadContentPage(locals, url, params.id, 'guide', '/rediger'),
    locals.api.GET('/api/catalog/components'),
    locals.api.GET('/api/catalog/systems'),
  ]);
  if (!guide.permissions.edit) error(403, 'Du kan ikke redigere vejledningen.');
  const systemItems = systems.data?.items ?? [];
  return {
    guide,
    values: valuesFromDetail(
      guide,
      systemItems.map((system) => system.name),
    ),
    componentGroups: componentGroups(components.data?.items ?? []),
    systems: systemItems,
    askReason: !guide.mine,
  };
};

export const actions: Actions = {
  preview: ({ locals, url, request }) => previewContent(locals, url, request),
  save: ({ locals, url, request, params }) => updateContent(locals, url, request, 'guide', params.id),
};
