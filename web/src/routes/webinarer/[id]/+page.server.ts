import { WebinarAttributesSchema } from '@infraforum/shared';
import { loadContentPage } from '$lib/server/content/content-page';
import { publishingStep, toolboxSectionChoices } from '$lib/server/content/publishing-actions';
import { changeWebinarStatus, removeMaterial, setRegistration, uploadMaterial } from '$lib/server/webinars/webinar-actions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const item = await loadContentPage(locals, url, params.id, 'webinar');
  return {
    item,
    attributes: WebinarAttributesSchema.safeParse(item.attributes).data ?? null,
    isModerator: locals.user?.role === 'moderator' || locals.user?.role === 'admin',
    toolboxSections: await toolboxSectionChoices(locals, item),
  };
};

export const actions: Actions = {
  register: (event) => setRegistration(event, true),
  unregister: (event) => setRegistration(event, false),
  status: (event) => changeWebinarStatus(event),
  upload: (event) => uploadMaterial(event),
  removeMaterial: (event) => removeMaterial(event),
  publishing: ({ locals, url, request, params }) => publishingStep(locals, url, request, params.id),
};
