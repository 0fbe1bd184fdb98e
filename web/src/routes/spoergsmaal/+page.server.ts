import { loadContentList } from '$lib/server/content/content-list';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => loadContentList(locals, url, 'question');
