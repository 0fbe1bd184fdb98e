import { requireUser } from '$lib/server/auth';
import { proposeItem } from '$lib/server/toolbox/toolbox-actions';
import { contentIdFrom } from '$lib/server/toolbox/toolbox-form';
import { curatesToolbox, fetchContentPreview, fetchSection } from '$lib/server/toolbox/toolbox-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  const user = requireUser(locals, url);
  const requestedId = url.searchParams.get('indhold') ?? '';
  const id = contentIdFrom(requestedId);
  const [section, preview] = await Promise.all([
    fetchSection(locals, params.slug),
    typeof id === 'number' ? fetchContentPreview(locals, id) : Promise.resolve(null),
  ]);
  return { section: { slug: section.slug, title: section.title }, preview, requestedId, curates: curatesToolbox(user) };
};

export const actions: Actions = {
  default: (event) => proposeItem(event),
};
