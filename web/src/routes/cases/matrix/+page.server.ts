import { loadCaseMatrix } from '$lib/server/cases/case-matrix';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => loadCaseMatrix(locals, url);
