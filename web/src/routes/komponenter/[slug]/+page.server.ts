import { error } from '@sveltejs/kit';
import { CATALOG_EDITORS } from '$lib/components/catalog/catalog-access';
import { followingOf } from '$lib/server/follows/follows';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const [detail, list, following] = await Promise.all([
    locals.api.GET('/api/catalog/components/{slug}', { params: { path: { slug: params.slug } } }),
    locals.api.GET('/api/catalog/components'),
    followingOf(locals, 'component', params.slug),
  ]);
  if (detail.response.status === 404) error(404, 'Komponenten findes ikke i kataloget.');
  if (!detail.data || !list.data) error(502, `Komponenten kunne ikke hentes (${detail.response.status}).`);
  return {
    component: detail.data,
    /** Names by slug, for the components systems are hit through. */
    names: Object.fromEntries(list.data.items.map((component) => [component.slug, component.name])),
    canEdit: locals.user !== null && CATALOG_EDITORS.includes(locals.user.role),
    saved: url.searchParams.has('gemt'),
    following,
  };
};
