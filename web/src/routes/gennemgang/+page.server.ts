import { loadReviewPage } from '$lib/server/review/review-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => loadReviewPage(locals, url);
