import { caseAttributesOf } from '$lib/components/cases/case-attributes';
import { markWorkingOn, removeDocument, unmarkWorkingOn, uploadDocument } from '$lib/server/cases/case-actions';
import { loadContentPage } from '$lib/server/content/content-page';
import { publishingStep, toolboxSectionChoices } from '$lib/server/content/publishing-actions';
import { markChecked } from '$lib/server/review/review-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const item = await loadContentPage(locals, url, params.id, 'case');
  return { item, attributes: caseAttributesOf(item.attributes), toolboxSections: await toolboxSectionChoices(locals, item) };
};

export const actions: Actions = {
  markWorkingOn: (event) => markWorkingOn(event),
  unmarkWorkingOn: (event) => unmarkWorkingOn(event),
  upload: (event) => uploadDocument(event),
  removeDocument: (event) => removeDocument(event),
  markChecked: ({ locals, url, params }) => markChecked(locals, url, params.id),
  publishing: ({ locals, url, request, params }) => publishingStep(locals, url, request, params.id),
};
