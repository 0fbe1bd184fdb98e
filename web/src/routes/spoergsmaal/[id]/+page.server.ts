import { accept, createReply, moderate, previewReply, vote } from '$lib/server/content/content-actions';
import { loadContentPage } from '$lib/server/content/content-page';
import { publishingStep, toolboxSectionChoices } from '$lib/server/content/publishing-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const question = await loadContentPage(locals, url, params.id, 'question');
  return { question, toolboxSections: await toolboxSectionChoices(locals, question) };
};

export const actions: Actions = {
  vote: ({ locals, url, request, params }) => vote(locals, url, request, params.id),
  accept: ({ locals, url, request }) => accept(locals, url, request, true),
  unaccept: ({ locals, url, request }) => accept(locals, url, request, false),
  reply: ({ locals, url, request, params }) => createReply(locals, url, request, params.id),
  replyPreview: ({ locals, url, request }) => previewReply(locals, url, request),
  moderate: ({ locals, url, request, params }) => moderate(locals, url, request, params.id),
  publishing: ({ locals, url, request, params }) => publishingStep(locals, url, request, params.id),
};
