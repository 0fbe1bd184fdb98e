import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth';
import { previewReply, updateReply } from '$lib/server/content/content-actions';
import { fetchContent, fetchReply, loadContentPage } from '$lib/server/content/content-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  requireUser(locals, url);
  const question = await loadContentPage(locals, url, params.id, 'question', `/svar/${params.replyId}/rediger`);
  const reply = await fetchReply(locals, question, params.replyId);
  if (!reply.permissions.edit) error(403, 'Du kan ikke redigere svaret.');
  return {
    question: { title: question.title, path: question.path },
    reply,
    askReason: !reply.mine,
  };
};

export const actions: Actions = {
  preview: ({ locals, url, request }) => previewReply(locals, url, request),
  save: async ({ locals, url, request, params }) => {
    const question = await fetchContent(locals, params.id, 'question');
    const reply = await fetchReply(locals, question, params.replyId);
    return updateReply(locals, url, request, params.replyId, reply.version, question.path);
  },
};
