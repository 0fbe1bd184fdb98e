import { createReply, moderate, previewReply } from '$lib/server/content/content-actions';
import { publishingStep } from '$lib/server/content/publishing-actions';
import { changeSuggestionStatus, mergeSuggestion, voteOnSuggestion } from '$lib/server/suggestions/suggestion-actions';
import { loadSuggestionPage } from '$lib/server/suggestions/suggestion-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, params }) => loadSuggestionPage(locals, url, params.id);

export const actions: Actions = {
  vote: ({ locals, url, request, params }) => voteOnSuggestion(locals, url, request, params.id),
  reply: ({ locals, url, request, params }) => createReply(locals, url, request, params.id),
  replyPreview: ({ locals, url, request }) => previewReply(locals, url, request),
  status: ({ locals, url, request, params }) => changeSuggestionStatus(locals, url, request, params.id),
  merge: ({ locals, url, request, params }) => mergeSuggestion(locals, url, request, params.id),
  moderate: ({ locals, url, request, params }) => moderate(locals, url, request, params.id),
  publishing: ({ locals, url, request, params }) => publishingStep(locals, url, request, params.id),
};
