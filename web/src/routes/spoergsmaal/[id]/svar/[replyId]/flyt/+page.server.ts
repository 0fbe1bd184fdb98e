import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth';
import { moveReply } from '$lib/server/content/content-actions';
import { fetchReply, loadContentPage } from '$lib/server/content/content-page';
import type { Actions, PageServerLoad } from './$types';

/** Moving an answer to the thread it belongs in is a moderator's action. */
export const load: PageServerLoad = async ({ locals, url, params }) => {
  requireUser(locals, url);
  const question = await loadContentPage(locals, url, params.id, 'question', `/svar/${params.replyId}/flyt`);
  if (!question.permissions.moderate) error(403, 'Kun moderatorer kan flytte svar.');
  const reply = await fetchReply(locals, question, params.replyId);
  return { question: { id: question.id, title: question.title, path: question.path }, reply };
};

export const actions: Actions = {
  default: ({ locals, url, request, params }) => moveReply(locals, url, request, params.replyId),
};
