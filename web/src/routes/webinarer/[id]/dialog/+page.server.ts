import { addQuestion, answerQuestion, moveQuestion, setQuestionOpen } from '$lib/server/dialogue/dialogue-actions';
import { loadDialogue } from '$lib/server/dialogue/dialogue-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, params }) => loadDialogue(locals, url, params.id);

export const actions: Actions = {
  answer: (event) => answerQuestion(event),
  add: (event) => addQuestion(event),
  open: (event) => setQuestionOpen(event),
  move: (event) => moveQuestion(event),
};
