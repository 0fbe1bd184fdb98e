import { deleteContent } from '$lib/server/content/content-actions';
import { loadContentToChange } from '$lib/server/content/content-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => ({
  guide: await loadContentToChange(locals, url, params.id, 'guide', 'delete'),
});

export const actions: Actions = {
  default: ({ locals, url, request, params }) => deleteContent(locals, url, request, 'guide', params.id),
};
