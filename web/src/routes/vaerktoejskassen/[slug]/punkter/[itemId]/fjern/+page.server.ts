import { requireRole } from '$lib/server/auth';
import { removeItem } from '$lib/server/toolbox/toolbox-actions';
import { fetchSection, findItem } from '$lib/server/toolbox/toolbox-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  requireRole(locals, url, ['moderator', 'admin']);
  const section = await fetchSection(locals, params.slug);
  const item = findItem(section, params.itemId);
  return { section: { slug: section.slug, title: section.title }, item: { id: item.id, title: item.title, external: item.external } };
};

export const actions: Actions = {
  default: (event) => removeItem(event),
};
