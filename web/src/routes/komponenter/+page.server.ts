import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const [components, systems] = await Promise.all([locals.api.GET('/api/catalog/components'), locals.api.GET('/api/catalog/systems')]);
  if (!components.data || !systems.data) error(502, 'Kataloget over komponenter kunne ikke hentes.');
  return { components: components.data.items, systems: systems.data.items };
};
