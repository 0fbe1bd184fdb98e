import { loadHistoryPage } from '$lib/server/content/history-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, params }) => loadHistoryPage(locals, url, params.id, 'case');
