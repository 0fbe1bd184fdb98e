import { previewReply, updateReply } from '$lib/server/content/content-actions';
import { fetchContent, fetchReply, loadReplyToChange } from '$lib/server/content/content-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, params }) => loadReplyToChange(locals, url, params, 'edit');

export const actions: Actions = {
  preview: ({ locals, url, request }) => previewReply(locals, url, request),
  save: async ({ locals, url, request, params }) => {
    const question = await fetchContent(locals, params.id, 'question');
    const reply = await fetchReply(locals, question, params.replyId);
    return updateReply(locals, url, request, params.replyId, reply.version, question.path);
  },
};
