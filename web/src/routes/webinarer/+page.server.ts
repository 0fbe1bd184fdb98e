import { loadWebinarList } from '$lib/server/webinars/webinar-list';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => ({
  ...(await loadWebinarList(locals, url)),
  canCreate: locals.user?.role === 'moderator' || locals.user?.role === 'admin',
});
