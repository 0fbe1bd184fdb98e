import { requireRole } from '$lib/server/auth';
import { isSavedKey, listSynonyms, SAVED_MESSAGES, saveSynonymGroup, SYNONYM_EDITORS } from '$lib/server/search/synonyms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireRole(locals, url, SYNONYM_EDITORS);
  const saved = url.searchParams.get('gemt');
  return {
    groups: await listSynonyms(locals),
    saved: isSavedKey(saved) ? SAVED_MESSAGES[saved] : null,
  };
};

export const actions: Actions = {
  default: ({ locals, url, request }) => saveSynonymGroup(locals, url, request, null),
};
