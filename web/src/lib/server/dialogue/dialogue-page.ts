import { error } from '@sveltejs/kit';
import { DIALOGUE_RESULTS_PAGE_MAX, type ContentDetail, type DialogueResults } from '@infraforum/shared';
import { apiError } from '$lib/server/api';
import { contentIdOf, loadContentPage } from '$lib/server/content/content-page';

/** The dialogue pages sit under the webinar's own address: /webinarer/12-titel/dialog. */
export const DIALOGUE_PATH = '/dialog';

/** What the dialogue pages show of the webinar itself. */
export interface DialogueWebinar {
  id: number;
  title: string;
  path: string;
  /** Draft webinars cannot be answered yet. */
  published: boolean;
}

const QUESTION_NOT_FOUND = 'Spørgsmålet findes ikke, eller du har ikke adgang til det.';
/** Enough for any webinar's answers to one question; beyond it the page says how many it shows. */
const RESULT_PAGES_MAX = 20;

function webinarOf(detail: ContentDetail): DialogueWebinar {
  return { id: detail.id, title: detail.title, path: detail.path, published: detail.status === 'published' };
}

const isModerator = (locals: App.Locals) => locals.user?.role === 'moderator' || locals.user?.role === 'admin';

/** The route parameter of a question: its id, digits only. */
export function questionIdOf(param: string): string {
  if (!/^\d{1,18}$/.test(param)) error(404, QUESTION_NOT_FOUND);
  return param;
}

/** The webinar (sending old addresses to the canonical one) and its questions in their order. */
export async function loadDialogue(locals: App.Locals, url: URL, param: string) {
  const id = contentIdOf(param);
  if (id === undefined) error(404, 'Webinaret findes ikke, eller du har ikke adgang til det.');
  // Both at once, awaited together so neither failure goes unobserved; the webinar's answer decides first
  // (404, or the canonical address).
  const [webinar, questions] = await Promise.allSettled([
    loadContentPage(locals, url, param, 'webinar', DIALOGUE_PATH),
    locals.api.GET('/api/webinars/{id}/dialogue', { params: { path: { id: String(id) } } }),
  ]);
  if (webinar.status === 'rejected') throw webinar.reason;
  if (questions.status === 'rejected') throw questions.reason;
  const { data, error: problem, response } = questions.value;
  if (!data) {
    const failure = apiError(problem, response);
    error(failure.statusCode === 404 ? 404 : 502, failure.message);
  }
  return { webinar: webinarOf(webinar.value), questions: data.items, canManage: isModerator(locals) };
}

/** Every answer of a question, page by page (the API gives them oldest first). */
async function fetchAllResults(locals: App.Locals, questionId: string): Promise<DialogueResults & { complete: boolean }> {
  let after: string | undefined;
  let results: DialogueResults | undefined;
  for (let page = 0; page < RESULT_PAGES_MAX; page++) {
    const {
      data,
      error: problem,
      response,
    } = await locals.api.GET('/api/dialogue/{questionId}/results', {
      params: { path: { questionId }, query: { limit: String(DIALOGUE_RESULTS_PAGE_MAX), ...(after ? { after } : {}) } },
    });
    if (!data) {
      const failure = apiError(problem, response);
      error(failure.statusCode === 404 ? 404 : 502, failure.statusCode === 404 ? QUESTION_NOT_FOUND : failure.message);
    }
    const next: DialogueResults = data;
    results = results ? { ...next, answers: [...results.answers, ...next.answers] } : next;
    if (!next.hasMore || next.cursor === null) return { ...results, complete: true };
    after = String(next.cursor);
  }
  return { ...results!, complete: false };
}

/**
 * A question's results under its webinar: the webinar (canonical address with the sub-path), the question and
 * every answer, newest first. A question of another webinar is not found here.
 */
export async function loadResults(locals: App.Locals, url: URL, params: { id: string; questionId: string }, subPath = '') {
  const questionId = questionIdOf(params.questionId);
  const [webinar, all] = await Promise.allSettled([
    loadContentPage(locals, url, params.id, 'webinar', `${DIALOGUE_PATH}/${questionId}${subPath}`),
    fetchAllResults(locals, questionId),
  ]);
  if (webinar.status === 'rejected') throw webinar.reason;
  if (all.status === 'rejected') throw all.reason;
  if (all.value.question.webinarId !== webinar.value.id) error(404, QUESTION_NOT_FOUND);
  const { complete, ...rest } = all.value;
  return {
    webinar: webinarOf(webinar.value),
    results: { ...rest, answers: [...rest.answers].reverse() },
    complete,
    canManage: rest.question.permissions.manage,
  };
}
