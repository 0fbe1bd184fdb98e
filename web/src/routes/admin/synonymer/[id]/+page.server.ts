import { requireRole } from '$lib/server/auth';
import { findSynonymGroup, saveSynonymGroup, SYNONYM_EDITORS } from '$lib/server/search/synonyms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireRole(locals, url, SYNONYM_EDITORS);
  return { group: await findSynonymGroup(locals, params.id) };
};

export const actions: Actions = {
  default: ({ locals, params, url, request }) => saveSynonymGroup(locals, url, request, params.id),
};
