import { componentGroups } from '$lib/components/content/component-groups';
import { previewContent, updateContent } from '$lib/server/content/content-actions';
import { valuesFromDetail } from '$lib/server/content/content-form';
import { loadContentToChange } from '$lib/server/content/content-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const [question, components] = await Promise.all([
    loadContentToChange(locals, url, params.id, 'question', 'edit'),
    locals.api.GET('/api/catalog/components'),
  ]);
  return {
    question,
    values: valuesFromDetail(question, []),
    componentGroups: componentGroups(components.data?.items ?? []),
  };
};

export const actions: Actions = {
  preview: ({ locals, url, request }) => previewContent(locals, url, request),
  save: ({ locals, url, request, params }) => updateContent(locals, url, request, 'question', params.id),
};
