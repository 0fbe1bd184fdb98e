import { componentGroups } from '$lib/components/content/component-groups';
import { changeCaseRows, previewCase, updateCase } from '$lib/server/cases/case-actions';
import { caseValuesFromDetail } from '$lib/server/cases/case-form';
import { loadContentToChange } from '$lib/server/content/content-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const [item, components, systems] = await Promise.all([
    loadContentToChange(locals, url, params.id, 'case', 'edit'),
    locals.api.GET('/api/catalog/components'),
    locals.api.GET('/api/catalog/systems'),
  ]);
  return {
    item: { title: item.title, path: item.path, status: item.status, mine: item.mine },
    values: caseValuesFromDetail(item),
    componentGroups: componentGroups(components.data?.items ?? []),
    systemNames: (systems.data?.items ?? []).map((system) => system.name),
    // For the form's SaveButtons: KOMBIT material by someone who is not a moderator goes to review, not out.
    reviewRequired: item.publishing?.reviewRequired ?? false,
  };
};

export const actions: Actions = {
  preview: (event) => previewCase(event),
  rows: (event) => changeCaseRows(event),
  save: (event) => updateCase(event),
};
