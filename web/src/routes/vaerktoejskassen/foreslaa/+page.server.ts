import { requireUser } from '$lib/server/auth';
import { proposeItem } from '$lib/server/toolbox/toolbox-actions';
import { contentIdFrom } from '$lib/server/toolbox/toolbox-form';
import { curatesToolbox, fetchContentPreview, fetchSections } from '$lib/server/toolbox/toolbox-page';
import type { Actions, PageServerLoad } from './$types';

/** "Foreslå til Værktøjskassen" from an item's own page: pick the section, say why. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const user = requireUser(locals, url);
  const requestedId = url.searchParams.get('indhold') ?? '';
  const id = contentIdFrom(requestedId);
  const [sections, preview] = await Promise.all([
    fetchSections(locals),
    typeof id === 'number' ? fetchContentPreview(locals, id) : Promise.resolve(null),
  ]);
  return {
    sections: sections.map((section) => ({ slug: section.slug, title: section.title })),
    preview,
    requestedId,
    curates: curatesToolbox(user),
  };
};

export const actions: Actions = {
  default: (event) => proposeItem(event),
};
