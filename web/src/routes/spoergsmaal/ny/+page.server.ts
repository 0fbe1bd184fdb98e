import { componentGroups } from '$lib/components/content/component-groups';
import { requireUser } from '$lib/server/auth';
import { createContent, previewContent } from '$lib/server/content/content-actions';
import { emptyContentForm } from '$lib/server/content/content-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireUser(locals, url);
  const components = await locals.api.GET('/api/catalog/components');
  // Links from a component's page name it ("?komponent="; the catalog pages say "?component=").
  const preselected = url.searchParams.get('komponent') ?? url.searchParams.get('component');
  const items = components.data?.items ?? [];
  return {
    componentGroups: componentGroups(items),
    values: emptyContentForm({ components: items.some((component) => component.slug === preselected) && preselected ? [preselected] : [] }),
  };
};

export const actions: Actions = {
  preview: ({ locals, url, request }) => previewContent(locals, url, request),
  save: ({ locals, url, request }) => createContent(locals, url, request, 'question'),
};
