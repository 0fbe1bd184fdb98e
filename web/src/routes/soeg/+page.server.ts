import { loadSearch } from '$lib/server/search/search-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => loadSearch(locals, url);
