import { fail, redirect } from '@sveltejs/kit';
import {
  CreateReplySchema,
  KIND_PATHS,
  ModerationActionSchema,
  ModeratorReason,
  MoveReplySchema,
  UpdateReplySchema,
  type ApiError,
  type ContentKind,
  type UpdateContent,
  type WritableKind,
} from '@infraforum/shared';
import { apiError, type ApiClient } from '$lib/server/api';
import { requireUser } from '$lib/server/auth';
import { textFields } from '$lib/server/forms';
import { checkCreate, checkInput, checkUpdate, formFieldErrors, readContentForm, type ContentFormState } from './content-form';
import { contentIdOf, fetchContent } from './content-page';

const INVALID = 'Nogle felter er ikke udfyldt korrekt.';

const statusOf = (problem: ApiError) => (problem.statusCode >= 400 && problem.statusCode <= 599 ? problem.statusCode : 500);

type PreviewResult = { ok: true; html: string } | { ok: false; problem: ApiError };

/** The Markdown as a saved post would show it, rendered and sanitised by the API. */
async function renderPreview(api: ApiClient, body: string): Promise<PreviewResult> {
  const { data, error, response } = await api.POST('/api/markdown/preview', { body: { body } });
  return data ? { ok: true, html: data.html } : { ok: false, problem: apiError(error, response) };
}

function contentFailure(status: number, state: ContentFormState) {
  return fail(status, state);
}

// ---- The question and guide forms ----

/** "Vis forhåndsvisning": the same form back, values kept, with the rendered text below the editor. */
export async function previewContent(locals: App.Locals, url: URL, request: Request) {
  requireUser(locals, url);
  const values = readContentForm(await request.formData());
  const result = await renderPreview(locals.api, values.body);
  if (!result.ok)
    return contentFailure(statusOf(result.problem), {
      values,
      fields: formFieldErrors(result.problem.fields ?? {}, values),
      message: result.problem.message,
    });
  const state: ContentFormState = { values, fields: {}, preview: result.html };
  return state;
}

export async function createContent(locals: App.Locals, url: URL, request: Request, kind: WritableKind) {
  requireUser(locals, url);
  const form = await request.formData();
  const values = readContentForm(form);
  const checked = checkCreate(kind, values, form.get('status') === 'draft' ? 'draft' : 'published');
  if (!checked.ok) return contentFailure(400, { values, fields: formFieldErrors(checked.fields, values), message: INVALID });
  const { data, error, response } = await locals.api.POST('/api/content', { body: checked.data });
  if (!data) {
    const problem = apiError(error, response);
    return contentFailure(statusOf(problem), { values, fields: formFieldErrors(problem.fields ?? {}, values), message: problem.message });
  }
  redirect(303, data.path);
}

export async function updateContent(locals: App.Locals, url: URL, request: Request, kind: ContentKind, param: string) {
  requireUser(locals, url);
  const form = await request.formData();
  const values = readContentForm(form);
  const current = await fetchContent(locals, param, kind);
  const requestedStatus = form.get('status');
  const checked = checkUpdate(current.kind, values, {
    status: requestedStatus === 'draft' || requestedStatus === 'published' ? requestedStatus : undefined,
    currentDuplicateOfId: current.duplicateOf?.id ?? null,
  });
  if (!checked.ok) return contentFailure(400, { values, fields: formFieldErrors(checked.fields, values), message: INVALID });
  return saveEdit(locals, current, checked.data, values, (fields) => formFieldErrors(fields, values));
}

/**
 * An edit form's save, for every kind: to the item when the API took it; refused, the form again with what was written
 * and the API's field errors (as `fieldErrors` names them on the form).
 */
export async function saveEdit<Values extends { expectedVersion: string }>(
  locals: App.Locals,
  current: { id: number; version: number },
  body: UpdateContent,
  values: Values,
  fieldErrors: (fields: Record<string, string[]>) => Record<string, string[]>,
) {
  const { data, error, response } = await locals.api.PATCH('/api/content/{id}', {
    params: { path: { id: String(current.id) } },
    body,
  });
  if (data) redirect(303, data.path);
  const problem = apiError(error, response);
  if (problem.statusCode === 409) {
    // Keep what they wrote; from now on they edit on top of the newest version, so saving again is a choice to overwrite it.
    return fail(409, {
      values: { ...values, expectedVersion: String(current.version) },
      fields: {},
      message: problem.message,
      conflict: true,
    });
  }
  return fail(statusOf(problem), { values, fields: fieldErrors(problem.fields ?? {}), message: problem.message });
}

/**
 * The delete pages' form: the reason (asked of whoever deletes someone else's post) is checked here, then `send`
 * asks the API to delete; afterwards to `done`.
 */
async function deleteWithReason(
  request: Request,
  send: (body: { reason?: string }) => Promise<{ error?: unknown; response: Response }>,
  done: string,
) {
  const { reason } = textFields(await request.formData(), ['reason']);
  const checkedReason = reason.trim() ? checkInput(ModeratorReason, reason) : undefined;
  if (checkedReason && !checkedReason.ok)
    return fail(400, { values: { reason }, fields: { reason: checkedReason.fields._ ?? [] }, message: INVALID });
  const { error, response } = await send(checkedReason?.ok ? { reason: checkedReason.data } : {});
  if (!response.ok) {
    const problem = apiError(error, response);
    return fail(statusOf(problem), { values: { reason }, fields: problem.fields ?? {}, message: problem.message });
  }
  redirect(303, done);
}

export async function deleteContent(locals: App.Locals, url: URL, request: Request, kind: ContentKind, param: string) {
  requireUser(locals, url);
  const path = { id: String(contentIdOf(param)) };
  return deleteWithReason(
    request,
    (body) => locals.api.DELETE('/api/content/{id}', { params: { path }, body }),
    `${KIND_PATHS[kind]}?slettet=1`,
  );
}

// ---- Replies ----

export interface ReplyFormState {
  form: 'reply';
  values: { body: string; reason: string; expectedVersion: string };
  fields: Record<string, string[]>;
  message?: string;
  preview?: string;
  conflict?: boolean;
}

async function readReplyForm(request: Request): Promise<ReplyFormState['values']> {
  return textFields(await request.formData(), ['body', 'reason', 'expectedVersion']);
}

function replyFailure(status: number, state: Omit<ReplyFormState, 'form'>) {
  const body: ReplyFormState = { form: 'reply', ...state };
  return fail(status, body);
}

export async function previewReply(locals: App.Locals, url: URL, request: Request) {
  requireUser(locals, url);
  const values = await readReplyForm(request);
  const result = await renderPreview(locals.api, values.body);
  if (!result.ok)
    return replyFailure(statusOf(result.problem), { values, fields: result.problem.fields ?? {}, message: result.problem.message });
  const state: ReplyFormState = { form: 'reply', values, fields: {}, preview: result.html };
  return state;
}

/** Posts an answer and shows it where it landed in the thread. */
export async function createReply(locals: App.Locals, url: URL, request: Request, param: string) {
  requireUser(locals, url);
  const values = await readReplyForm(request);
  const checked = checkInput(CreateReplySchema, { body: values.body });
  if (!checked.ok) return replyFailure(400, { values, fields: checked.fields, message: INVALID });
  const { data, error, response } = await locals.api.POST('/api/content/{id}/replies', {
    params: { path: { id: String(contentIdOf(param)) } },
    body: checked.data,
  });
  if (!data) {
    const problem = apiError(error, response);
    return replyFailure(statusOf(problem), { values, fields: problem.fields ?? {}, message: problem.message });
  }
  redirect(303, `${url.pathname}#svar-${data.id}`);
}

export async function updateReply(
  locals: App.Locals,
  url: URL,
  request: Request,
  replyId: string,
  currentVersion: number,
  threadPath: string,
) {
  requireUser(locals, url);
  const values = await readReplyForm(request);
  const expectedVersion = Number(values.expectedVersion);
  const checked = checkInput(UpdateReplySchema, {
    body: values.body,
    ...(Number.isInteger(expectedVersion) && expectedVersion > 0 ? { expectedVersion } : {}),
    ...(values.reason.trim() ? { reason: values.reason } : {}),
  });
  if (!checked.ok) return replyFailure(400, { values, fields: checked.fields, message: INVALID });
  const { data, error, response } = await locals.api.PATCH('/api/replies/{id}', { params: { path: { id: replyId } }, body: checked.data });
  if (!data) {
    const problem = apiError(error, response);
    if (problem.statusCode === 409) {
      return replyFailure(409, {
        values: { ...values, expectedVersion: String(currentVersion) },
        fields: {},
        message: problem.message,
        conflict: true,
      });
    }
    return replyFailure(statusOf(problem), { values, fields: problem.fields ?? {}, message: problem.message });
  }
  redirect(303, `${threadPath}#svar-${data.id}`);
}

export async function deleteReply(locals: App.Locals, url: URL, request: Request, replyId: string, threadPath: string) {
  requireUser(locals, url);
  const path = { id: replyId };
  return deleteWithReason(request, (body) => locals.api.DELETE('/api/replies/{id}', { params: { path }, body }), `${threadPath}#svar`);
}

/** "123", "/spoergsmaal/123-titel" or a whole address → 123; anything else stays as typed, for the schema to refuse. */
export function questionIdFrom(text: string): number | string {
  const match = /^\s*(?:(?:https?:\/\/[^/]+)?\/spoergsmaal\/)?(\d{1,9})(?:-[^\s]*)?\s*$/.exec(text);
  return match ? Number(match[1]) : text;
}

/** A moderator moves an answer to the thread it belongs in; afterwards to the answer in its new thread. */
export async function moveReply(locals: App.Locals, url: URL, request: Request, replyId: string) {
  requireUser(locals, url);
  const values = textFields(await request.formData(), ['target', 'reason']);
  const checked = checkInput(MoveReplySchema, { contentId: questionIdFrom(values.target), reason: values.reason });
  const toForm = (fields: Record<string, string[]>) => ({ target: fields.contentId ?? [], reason: fields.reason ?? [] });
  if (!checked.ok) return fail(400, { values, fields: toForm(checked.fields), message: INVALID });
  const { data, error, response } = await locals.api.POST('/api/replies/{id}/move', {
    params: { path: { id: replyId } },
    body: checked.data,
  });
  if (!data) {
    const problem = apiError(error, response);
    return fail(statusOf(problem), { values, fields: toForm(problem.fields ?? {}), message: problem.message });
  }
  redirect(303, `/spoergsmaal/${data.contentId}#svar-${data.id}`);
}

// ---- Votes, accepted answers and moderation (thread and guide pages) ----

/** A failed one-button action: its message is shown above the thread. */
function actionFailure(problem: ApiError) {
  return fail(statusOf(problem), { form: 'action' as const, message: problem.message });
}

/** Votes on the item (the page's own) or one of its replies; afterwards back to where the vote was cast. */
export async function vote(locals: App.Locals, url: URL, request: Request, param: string) {
  requireUser(locals, url);
  const { target, replyId, value } = textFields(await request.formData(), ['target', 'replyId', 'value']);
  const voteValue = value === '1' ? 1 : value === '-1' ? -1 : value === '0' ? 0 : undefined;
  if (voteValue === undefined)
    return actionFailure({ statusCode: 400, code: 'VALIDATION_FAILED', message: 'Vælg stem op, stem ned eller fjern stemme.' });
  const { error, response } =
    target === 'reply'
      ? await locals.api.POST('/api/replies/{id}/vote', { params: { path: { id: replyId } }, body: { value: voteValue } })
      : await locals.api.POST('/api/content/{id}/vote', {
          params: { path: { id: String(contentIdOf(param)) } },
          body: { value: voteValue },
        });
  if (!response.ok) return actionFailure(apiError(error, response));
  redirect(303, url.pathname + (target === 'reply' ? `#svar-${replyId}` : ''));
}

export async function accept(locals: App.Locals, url: URL, request: Request, accepted: boolean) {
  requireUser(locals, url);
  const { replyId } = textFields(await request.formData(), ['replyId']);
  const options = { params: { path: { id: replyId } } };
  const { error, response } = accepted
    ? await locals.api.POST('/api/replies/{id}/accept', options)
    : await locals.api.DELETE('/api/replies/{id}/accept', options);
  if (!response.ok) return actionFailure(apiError(error, response));
  redirect(303, `${url.pathname}#svar-${replyId}`);
}

export interface ModerationFormState {
  form: 'moderation';
  values: { action: string; reason: string };
  fields: Record<string, string[]>;
  message: string;
}

export async function moderate(locals: App.Locals, url: URL, request: Request, param: string) {
  requireUser(locals, url);
  const values = textFields(await request.formData(), ['action', 'reason']);
  const failure = (status: number, fields: Record<string, string[]>, message: string) => {
    const body: ModerationFormState = { form: 'moderation', values, fields, message };
    return fail(status, body);
  };
  const checked = checkInput(ModerationActionSchema, { action: values.action, ...(values.reason.trim() ? { reason: values.reason } : {}) });
  if (!checked.ok) {
    // A missing reason is "Skriv en begrundelse", not zod's generic message for a missing field.
    if (!values.reason.trim()) checked.fields.reason = ['Skriv en begrundelse på mindst 3 tegn'];
    return failure(400, checked.fields, INVALID);
  }
  const { error, response } = await locals.api.POST('/api/content/{id}/moderation', {
    params: { path: { id: String(contentIdOf(param)) } },
    body: checked.data,
  });
  if (!response.ok) {
    const problem = apiError(error, response);
    return failure(statusOf(problem), problem.fields ?? {}, problem.message);
  }
  redirect(303, url.pathname);
}
