import { loadModerationQueue, resolveFlags } from '$lib/server/moderation/moderation-queue';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => loadModerationQueue(locals, url);

export const actions: Actions = {
  default: ({ locals, url, request }) => resolveFlags(locals, url, request),
};
