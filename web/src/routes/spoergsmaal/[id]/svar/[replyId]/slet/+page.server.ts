import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth';
import { deleteReply } from '$lib/server/content/content-actions';
import { fetchContent, fetchReply, loadContentPage } from '$lib/server/content/content-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  requireUser(locals, url);
  const question = await loadContentPage(locals, url, params.id, 'question', `/svar/${params.replyId}/slet`);
  const reply = await fetchReply(locals, question, params.replyId);
  if (!reply.permissions.delete) error(403, 'Du kan ikke slette svaret.');
  return { question: { title: question.title, path: question.path }, reply, askReason: !reply.mine };
};

export const actions: Actions = {
  default: async ({ locals, url, request, params }) => {
    const question = await fetchContent(locals, params.id, 'question');
    return deleteReply(locals, url, request, params.replyId, question.path);
  },
};
