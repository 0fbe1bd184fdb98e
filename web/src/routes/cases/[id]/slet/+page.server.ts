import { deleteContent } from '$lib/server/content/content-actions';
import { loadContentToChange } from '$lib/server/content/content-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const item = await loadContentToChange(locals, url, params.id, 'case', 'delete');
  return { item: { title: item.title, path: item.path, mine: item.mine } };
};

export const actions: Actions = {
  default: ({ locals, url, request, params }) => deleteContent(locals, url, request, 'case', params.id),
};
