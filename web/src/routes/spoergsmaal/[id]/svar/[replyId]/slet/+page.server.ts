import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth';
import { deleteReply } from '$lib/server/content/content-actions';
import { fetchContent, isAuthor, loadContentPage } from '$lib/server/content/content-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const user = requireUser(locals, url);
  const question = await loadContentPage(locals, url, params.id, 'question', `/svar/${params.replyId}/slet`);
  const reply = question.replies.find((candidate) => String(candidate.id) === params.replyId);
  if (!reply) error(404, 'Svaret findes ikke.');
  if (!reply.permissions.delete) error(403, 'Du kan ikke slette svaret.');
  return { question: { title: question.title, path: question.path }, reply, askReason: !isAuthor(user, reply.author) };
};

export const actions: Actions = {
  default: async ({ locals, url, request, params }) => {
    const question = await fetchContent(locals, params.id, 'question');
    return deleteReply(locals, url, request, params.replyId, question.path);
  },
};
