import { deleteReply } from '$lib/server/content/content-actions';
import { fetchContent, loadReplyToChange } from '$lib/server/content/content-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, params }) => loadReplyToChange(locals, url, params, 'delete', 'suggestion');

export const actions: Actions = {
  default: async ({ locals, url, request, params }) => {
    const suggestion = await fetchContent(locals, params.id, 'suggestion');
    return deleteReply(locals, url, request, params.replyId, suggestion.path);
  },
};
