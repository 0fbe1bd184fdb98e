import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth';
import { deleteContent } from '$lib/server/content/content-actions';
import { loadContentPage } from '$lib/server/content/content-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  requireUser(locals, url);
  const guide = await loadContentPage(locals, url, params.id, 'guide', '/slet');
  if (!guide.permissions.delete) error(403, 'Du kan ikke slette vejledningen.');
  return { guide, askReason: !guide.mine };
};

export const actions: Actions = {
  default: ({ locals, url, request, params }) => deleteContent(locals, url, request, 'guide', params.id),
};
