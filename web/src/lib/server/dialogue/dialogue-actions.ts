import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { CreateDialogueQuestionSchema, DialogueAnswerSchema, DialogueModerationSchema, type ApiError } from '@infraforum/shared';
import { apiError } from '$lib/server/api';
import { requireRole, requireUser } from '$lib/server/auth';
import { checkInput } from '$lib/server/content/content-form';
import { contentIdOf } from '$lib/server/content/content-page';
import { checkForm, failWithApiError, failWithFieldErrors, textFields, type FormFailure } from '$lib/server/forms';

const STAFF = ['moderator', 'admin'] as const;
const LIKERT_MISSING = 'Vælg en værdi fra 1 (helt uenig) til 5 (helt enig)';

/**
 * Which form on a dialogue page failed: one question's answer form, the form that adds a question, one
 * question's moderator buttons, or one answer's hide form. The page shows the failure at that form.
 */
export const dialogueForm = {
  answer: (questionId: string | number) => `answer-${questionId}`,
  add: 'add',
  manage: (questionId: string | number) => `manage-${questionId}`,
  moderate: (answerId: string | number) => `moderate-${answerId}`,
} as const;

const statusOf = (problem: ApiError) => (problem.statusCode >= 400 && problem.statusCode <= 599 ? problem.statusCode : 500);

/** An id posted in a hidden field; a tampered one is a 400, not an API call. */
function postedId(value: string, what: string): string {
  if (!/^\d{1,18}$/.test(value)) error(400, `${what} mangler eller er ugyldigt.`);
  return value;
}

/** A failure of a button-only form (open, close, move): its message is shown beside the buttons. */
function buttonFailure(problem: ApiError, form: string) {
  const body: FormFailure = { form, values: {}, fields: {}, message: problem.message };
  return fail(statusOf(problem), body);
}

// ---- Participants ----

/**
 * An answer to an open question (text) or an evaluation of a statement (value 1–5). Afterwards back to the
 * question, with a note saying it was saved (or, for an evaluation given before, changed).
 */
export async function answerQuestion({ locals, url, request }: RequestEvent) {
  requireUser(locals, url);
  const values = textFields(await request.formData(), ['questionId', 'kind', 'text', 'value', 'anonymous']);
  const questionId = postedId(values.questionId, 'Spørgsmålet');
  const form = dialogueForm.answer(questionId);
  const kept = { text: values.text, value: values.value, anonymous: values.anonymous === 'true' ? 'true' : '' };
  const likert = values.kind === 'likert';
  const anonymous = values.anonymous === 'true';
  // The schema has text and value both optional (the API decides by the question's kind); the form knows which it wants.
  if (likert && !/^[1-5]$/.test(values.value)) return failWithFieldErrors({ value: [LIKERT_MISSING] }, kept, form);
  const checked = checkInput(DialogueAnswerSchema, likert ? { value: Number(values.value), anonymous } : { text: values.text, anonymous });
  if (!checked.ok) return failWithFieldErrors(checked.fields, kept, form);

  const {
    data,
    error: problem,
    response,
  } = await locals.api.POST('/api/dialogue/{questionId}/answers', {
    params: { path: { questionId } },
    body: checked.data,
  });
  if (!data) return failWithApiError(apiError(problem, response), kept, form);
  redirect(303, `${url.pathname}?${data.replaced ? 'skiftet' : 'besvaret'}=${questionId}#spoergsmaal-${questionId}`);
}

// ---- Moderators ----

/** A new question or statement, added last and closed; afterwards at it. */
export async function addQuestion({ locals, url, request, params }: RequestEvent) {
  requireRole(locals, url, STAFF);
  const webinarId = contentIdOf(params.id ?? '');
  if (webinarId === undefined) error(404, 'Webinaret findes ikke, eller du har ikke adgang til det.');
  const values = textFields(await request.formData(), ['kind', 'prompt']);
  const checked = checkForm(CreateDialogueQuestionSchema, values);
  if (!checked.ok) return failWithFieldErrors(checked.fields, values, dialogueForm.add);
  const {
    data,
    error: problem,
    response,
  } = await locals.api.POST('/api/webinars/{id}/dialogue', {
    params: { path: { id: String(webinarId) } },
    body: checked.data,
  });
  if (!data) return failWithApiError(apiError(problem, response), values, dialogueForm.add);
  redirect(303, `${url.pathname}#spoergsmaal-${data.id}`);
}

/** "Åbn" and "Luk": the button's value says which. */
export async function setQuestionOpen({ locals, url, request }: RequestEvent) {
  requireRole(locals, url, STAFF);
  const values = textFields(await request.formData(), ['questionId', 'open']);
  const questionId = postedId(values.questionId, 'Spørgsmålet');
  if (values.open !== 'true' && values.open !== 'false') error(400, 'Vælg at åbne eller lukke spørgsmålet.');
  const { error: problem, response } = await locals.api.PATCH('/api/dialogue/{questionId}', {
    params: { path: { questionId } },
    body: { open: values.open === 'true' },
  });
  if (!response.ok) return buttonFailure(apiError(problem, response), dialogueForm.manage(questionId));
  redirect(303, `${url.pathname}#spoergsmaal-${questionId}`);
}

/** "Flyt op" and "Flyt ned": the button carries the new position (1 is first). */
export async function moveQuestion({ locals, url, request }: RequestEvent) {
  requireRole(locals, url, STAFF);
  const values = textFields(await request.formData(), ['questionId', 'position']);
  const questionId = postedId(values.questionId, 'Spørgsmålet');
  const position = postedId(values.position, 'Placeringen');
  const { error: problem, response } = await locals.api.PATCH('/api/dialogue/{questionId}', {
    params: { path: { questionId } },
    body: { position: Number(position) },
  });
  if (!response.ok) return buttonFailure(apiError(problem, response), dialogueForm.manage(questionId));
  redirect(303, `${url.pathname}#spoergsmaal-${questionId}`);
}

/** The confirmation page's button: the question goes, and the dialogue page says so. */
export async function deleteQuestion({ locals, url, params }: RequestEvent) {
  requireRole(locals, url, STAFF);
  const questionId = postedId(params.questionId ?? '', 'Spørgsmålet');
  const { error: problem, response } = await locals.api.DELETE('/api/dialogue/{questionId}', {
    params: { path: { questionId } },
    body: {},
  });
  if (!response.ok) return failWithApiError(apiError(problem, response), { reason: '' });
  // …/dialog/12/slet → …/dialog
  redirect(303, `${url.pathname.replace(/\/\d+\/slet$/, '')}?slettet=1`);
}

/** Hide an abusive answer from the participants, or show it again; a reason goes to the moderation log. */
export async function setAnswerHidden({ locals, url, request }: RequestEvent, hidden: boolean) {
  requireRole(locals, url, STAFF);
  const values = textFields(await request.formData(), ['answerId', 'reason']);
  const answerId = postedId(values.answerId, 'Svaret');
  const form = dialogueForm.moderate(answerId);
  const kept = { reason: values.reason };
  const checked = checkForm(DialogueModerationSchema, kept);
  if (!checked.ok) return failWithFieldErrors(checked.fields, kept, form);
  const path = { answerId };
  const { error: problem, response } = hidden
    ? await locals.api.POST('/api/dialogue/answers/{answerId}/hide', { params: { path }, body: checked.data })
    : await locals.api.POST('/api/dialogue/answers/{answerId}/unhide', { params: { path }, body: checked.data });
  if (!response.ok) return failWithApiError(apiError(problem, response), kept, form);
  redirect(303, `${url.pathname}#svar-${answerId}`);
}
