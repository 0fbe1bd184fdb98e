import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth';
import { deleteContent } from '$lib/server/content/content-actions';
import { loadContentPage } from '$lib/server/content/content-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  requireUser(locals, url);
  const question = await loadContentPage(locals, url, params.id, 'question', '/slet');
  if (!question.permissions.delete) error(403, 'Du kan ikke slette spørgsmålet.');
  return { question, askReason: !question.mine };
};

export const actions: Actions = {
  default: ({ locals, url, request, params }) => deleteContent(locals, url, request, 'question', params.id),
};
