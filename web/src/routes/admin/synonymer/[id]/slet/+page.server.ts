import { fail, redirect } from '@sveltejs/kit';
import { apiError } from '$lib/server/api';
import { requireRole } from '$lib/server/auth';
import { findSynonymGroup, SYNONYM_EDITORS } from '$lib/server/search/synonyms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireRole(locals, url, SYNONYM_EDITORS);
  return { group: await findSynonymGroup(locals, params.id) };
};

export const actions: Actions = {
  default: async ({ locals, params, url }) => {
    requireRole(locals, url, SYNONYM_EDITORS);
    const { error, response } = await locals.api.DELETE('/api/search/synonyms/{id}', { params: { path: { id: params.id } } });
    if (!response.ok) {
      const failed = apiError(error, response);
      return fail(failed.statusCode >= 400 && failed.statusCode <= 599 ? failed.statusCode : 500, {
        values: { reason: '' },
        fields: failed.fields ?? {},
        message: failed.message,
      });
    }
    redirect(303, '/admin/synonymer?gemt=slettet');
  },
};
