import { deleteContent } from '$lib/server/content/content-actions';
import { loadContentToChange } from '$lib/server/content/content-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => ({
  suggestion: await loadContentToChange(locals, url, params.id, 'suggestion', 'delete'),
});

export const actions: Actions = {
  default: ({ locals, url, request, params }) => deleteContent(locals, url, request, 'suggestion', params.id),
};
