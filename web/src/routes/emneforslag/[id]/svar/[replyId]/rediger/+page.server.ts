import { previewReply, updateReply } from '$lib/server/content/content-actions';
import { fetchContent, fetchReply, loadReplyToChange } from '$lib/server/content/content-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, params }) => loadReplyToChange(locals, url, params, 'edit', 'suggestion');

export const actions: Actions = {
  preview: ({ locals, url, request }) => previewReply(locals, url, request),
  save: async ({ locals, url, request, params }) => {
    const suggestion = await fetchContent(locals, params.id, 'suggestion');
    const reply = await fetchReply(locals, suggestion, params.replyId);
    return updateReply(locals, url, request, params.replyId, reply.version, suggestion.path);
  },
};
