import { requireRole } from '$lib/server/auth';
import { deleteQuestion } from '$lib/server/dialogue/dialogue-actions';
import { loadResults } from '$lib/server/dialogue/dialogue-page';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
  requireRole(locals, url, ['moderator', 'admin']);
  const { webinar, results } = await loadResults(locals, url, params, '/slet');
  return {
    webinar,
    question: { id: results.question.id, prompt: results.question.prompt, kind: results.question.kind },
    total: results.total,
  };
};

export const actions: Actions = {
  default: (event) => deleteQuestion(event),
};
