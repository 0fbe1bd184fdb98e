import { error } from '@sveltejs/kit';
import { groupByRegion } from '$lib/organizations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const { data, response } = await locals.api.GET('/api/organizations');
  if (!data) error(502, `Listen over kommuner kunne ikke hentes (${response.status}).`);
  return { organizationGroups: groupByRegion(data) };
};
