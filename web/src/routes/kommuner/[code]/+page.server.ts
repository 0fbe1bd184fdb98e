import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const { data, response } = await locals.api.GET('/api/organizations/{code}', { params: { path: { code: params.code } } });
  if (response.status === 404) error(404, 'Kommunen findes ikke.');
  if (!data) error(502, `Kommunen kunne ikke hentes (${response.status}).`);
  return { organization: data };
};
