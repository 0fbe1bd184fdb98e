import { loadCaseList } from '$lib/server/cases/case-list';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => loadCaseList(locals, url);
