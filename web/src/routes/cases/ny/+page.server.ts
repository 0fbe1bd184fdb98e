import { componentGroups } from '$lib/components/content/component-groups';
import { requireUser } from '$lib/server/auth';
import { changeCaseRows, createCase, previewCase } from '$lib/server/cases/case-actions';
import { emptyCaseForm } from '$lib/server/cases/case-form';
import { reviewRequiredToCreate } from '$lib/server/content/publishing-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireUser(locals, url);
  const [components, systems] = await Promise.all([locals.api.GET('/api/catalog/components'), locals.api.GET('/api/catalog/systems')]);
  const items = components.data?.items ?? [];
  // A component's page may link here with it chosen ("?komponent=sf1601-digital-post").
  const preselected = url.searchParams.get('komponent') ?? '';
  return {
    values: emptyCaseForm({ toComponent: items.some((component) => component.slug === preselected) ? preselected : '' }),
    componentGroups: componentGroups(items),
    systemNames: (systems.data?.items ?? []).map((system) => system.name),
    // For the form's SaveButtons: a KOMBIT member's case is saved as a draft and sent to review.
    reviewRequired: reviewRequiredToCreate(user, 'case'),
  };
};

export const actions: Actions = {
  preview: (event) => previewCase(event),
  rows: (event) => changeCaseRows(event),
  save: (event) => createCase(event),
};
