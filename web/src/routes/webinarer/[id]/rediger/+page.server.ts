import { loadContentToChange } from '$lib/server/content/content-page';
import { hostGroups } from '$lib/server/webinars/host-options';
import { addProgrammeRows, previewWebinar, updateWebinar } from '$lib/server/webinars/webinar-actions';
import { valuesFromDetail } from '$lib/server/webinars/webinar-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const [webinar, groups] = await Promise.all([loadContentToChange(locals, url, params.id, 'webinar', 'edit'), hostGroups(locals)]);
  return {
    webinar: { title: webinar.title, path: webinar.path, status: webinar.status, mine: webinar.mine },
    values: valuesFromDetail(webinar),
    hostGroups: groups,
  };
};

export const actions: Actions = {
  preview: (event) => previewWebinar(event),
  rows: (event) => addProgrammeRows(event),
  save: (event) => updateWebinar(event),
};
