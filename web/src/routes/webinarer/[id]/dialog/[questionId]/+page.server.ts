import { setAnswerHidden } from '$lib/server/dialogue/dialogue-actions';
import { loadResults } from '$lib/server/dialogue/dialogue-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, params }) => loadResults(locals, url, params);

export const actions: Actions = {
  hide: (event) => setAnswerHidden(event, true),
  unhide: (event) => setAnswerHidden(event, false),
};
