import { GuideAttributesSchema } from '@infraforum/shared';
import { moderate, vote } from '$lib/server/content/content-actions';
import { loadContentPage } from '$lib/server/content/content-page';
import { publishingStep, toolboxSectionChoices } from '$lib/server/content/publishing-actions';
import { markChecked } from '$lib/server/review/review-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const guide = await loadContentPage(locals, url, params.id, 'guide');
  const attributes = GuideAttributesSchema.safeParse(guide.attributes).data ?? null;
  const component = guide.components.find((candidate) => candidate.slug === attributes?.component);
  return {
    guide,
    attributes,
    componentName: component?.name ?? attributes?.component ?? '',
    toolboxSections: await toolboxSectionChoices(locals, guide),
  };
};

export const actions: Actions = {
  vote: ({ locals, url, request, params }) => vote(locals, url, request, params.id),
  moderate: ({ locals, url, request, params }) => moderate(locals, url, request, params.id),
  markChecked: ({ locals, url, params }) => markChecked(locals, url, params.id),
  publishing: ({ locals, url, request, params }) => publishingStep(locals, url, request, params.id),
};
