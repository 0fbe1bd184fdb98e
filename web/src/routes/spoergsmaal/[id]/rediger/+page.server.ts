import { error } from '@sveltejs/kit';
import { componentGroups } from '$lib/components/content/component-groups';
import { requireUser } from '$lib/server/auth';
import { previewContent, updateContent } from '$lib/server/content/content-actions';
import { valuesFromDetail } from '$lib/server/content/content-form';
import { loadContentPage } from '$lib/server/content/content-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  requireUser(locals, url);
  const [question, components] = await Promise.all([
    loadContentPage(locals, url, params.id, 'question', '/rediger'),
    locals.api.GET('/api/catalog/components'),
  ]);
  if (!question.permissions.edit) error(403, 'Du kan ikke redigere spørgsmålet.');
  return {
    question,
    values: valuesFromDetail(question, []),
    componentGroups: componentGroups(components.data?.items ?? []),
    askReason: !question.mine,
  };
};

export const actions: Actions = {
  preview: ({ locals, url, request }) => previewContent(locals, url, request),
  save: ({ locals, url, request, params }) => updateContent(locals, url, request, 'question', params.id),
};
