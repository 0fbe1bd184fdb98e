import { redirect } from '@sveltejs/kit';
import { followAction } from '$lib/server/follows/follows';
import type { Actions, PageServerLoad } from './$types';

/** Only the "Følg" buttons post here; the list of what one follows is on the notification settings. */
export const load: PageServerLoad = () => redirect(303, '/min-profil/notifikationer');

export const actions: Actions = {
  default: (event) => followAction(event),
};
