import { loadPhaseOutPage, phaseOut, restore } from '$lib/server/review/phase-out';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, params }) => loadPhaseOutPage(locals, url, params.slug);

export const actions: Actions = {
  phaseOut: ({ locals, url, request, params }) => phaseOut(locals, url, request, params.slug),
  restore: ({ locals, url, request, params }) => restore(locals, url, request, params.slug),
};
