import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth';
import { previewReply, updateReply } from '$lib/server/content/content-actions';
import { fetchContent, isAuthor, loadContentPage } from '$lib/server/content/content-page';
import type { Actions, PageServerLoad } from './$types';

/** Replies are read with their thread (the API has no single-reply read). */
async function findReply(question: Awaited<ReturnType<typeof fetchContent>>, replyId: string) {
  const reply = question.replies.find((candidate) => String(candidate.id) === replyId);
  if (!reply) error(404, 'Svaret findes ikke.');
  return reply;
}

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const user = requireUser(locals, url);
  const question = await loadContentPage(locals, url, params.id, 'question', `/svar/${params.replyId}/rediger`);
  const reply = await findReply(question, params.replyId);
  if (!reply.permissions.edit) error(403, 'Du kan ikke redigere svaret.');
  return {
    question: { title: question.title, path: question.path },
    reply,
    askReason: !isAuthor(user, reply.author),
  };
};

export const actions: Actions = {
  preview: ({ locals, url, request }) => previewReply(locals, url, request),
  save: async ({ locals, url, request, params }) => {
    const question = await fetchContent(locals, params.id, 'question');
    const reply = await findReply(question, params.replyId);
    return updateReply(locals, url, request, params.replyId, reply.version, question.path);
  },
};
