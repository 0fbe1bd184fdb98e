import { requireRole } from '$lib/server/auth';
import { hostGroups } from '$lib/server/webinars/host-options';
import { addProgrammeRows, createWebinar, previewWebinar } from '$lib/server/webinars/webinar-actions';
import { emptyWebinarForm } from '$lib/server/webinars/webinar-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireRole(locals, url, ['moderator', 'admin']);
  return { values: emptyWebinarForm(), hostGroups: await hostGroups(locals) };
};

export const actions: Actions = {
  preview: (event) => previewWebinar(event),
  rows: (event) => addProgrammeRows(event),
  save: (event) => createWebinar(event),
};
