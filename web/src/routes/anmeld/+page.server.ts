import { loadFlagPage, submitFlag } from '$lib/server/moderation/flag-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => ({ target: await loadFlagPage(locals, url) });

export const actions: Actions = {
  default: ({ locals, url, request }) => submitFlag(locals, url, request),
};
