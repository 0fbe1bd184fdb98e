import { loadContentList } from '$lib/server/content/content-list';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => ({
  ...(await loadContentList(locals, url, 'question')),
  deleted: url.searchParams.get('slettet') === '1',
});
