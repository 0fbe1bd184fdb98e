import { fail, redirect } from '@sveltejs/kit';
import type { ApiError } from '@infraforum/shared';
import { apiError } from '$lib/server/api';
import { requireUser } from '$lib/server/auth';
import { textFields } from '$lib/server/forms';
import { contentIdOf, fetchContent } from '$lib/server/content/content-page';
import {
  checkCreateSuggestion,
  checkMergeForm,
  checkStatusForm,
  checkUpdateSuggestion,
  readMergeForm,
  readStatusForm,
  readSuggestionForm,
  suggestionFieldErrors,
  type MergeFormValues,
  type StatusFormValues,
  type SuggestionFormState,
} from './suggestion-form';

const INVALID = 'Nogle felter er ikke udfyldt korrekt.';

const statusOf = (problem: ApiError) => (problem.statusCode >= 400 && problem.statusCode <= 599 ? problem.statusCode : 500);

function formFailure(status: number, state: SuggestionFormState) {
  return fail(status, state);
}

// ---- The new and edit forms ----

/** "Vis forhåndsvisning": the same form back, values kept, with the rendered description below the editor. */
export async function previewSuggestion(locals: App.Locals, url: URL, request: Request) {
  requireUser(locals, url);
  const values = readSuggestionForm(await request.formData());
  const { data, error, response } = await locals.api.POST('/api/markdown/preview', { body: { body: values.body } });
  if (!data) {
    const problem = apiError(error, response);
    return formFailure(statusOf(problem), {
      values,
      fields: suggestionFieldErrors(problem.fields ?? {}, values),
      message: problem.message,
    });
  }
  const state: SuggestionFormState = { values, fields: {}, preview: data.html };
  return state;
}

export async function createSuggestion(locals: App.Locals, url: URL, request: Request) {
  requireUser(locals, url);
  const values = readSuggestionForm(await request.formData());
  const checked = checkCreateSuggestion(values);
  if (!checked.ok) return formFailure(400, { values, fields: suggestionFieldErrors(checked.fields, values), message: INVALID });
  const { data, error, response } = await locals.api.POST('/api/content', { body: checked.data });
  if (!data) {
    const problem = apiError(error, response);
    return formFailure(statusOf(problem), {
      values,
      fields: suggestionFieldErrors(problem.fields ?? {}, values),
      message: problem.message,
    });
  }
  redirect(303, data.path);
}

export async function updateSuggestion(locals: App.Locals, url: URL, request: Request, param: string) {
  requireUser(locals, url);
  const values = readSuggestionForm(await request.formData());
  const current = await fetchContent(locals, param, 'suggestion');
  const checked = checkUpdateSuggestion(values);
  if (!checked.ok) return formFailure(400, { values, fields: suggestionFieldErrors(checked.fields, values), message: INVALID });
  const { data, error, response } = await locals.api.PATCH('/api/content/{id}', {
    params: { path: { id: String(current.id) } },
    body: checked.data,
  });
  if (!data) {
    const problem = apiError(error, response);
    if (problem.statusCode === 409) {
      // Keep what they wrote; saving again is now a choice to overwrite the newer version.
      return formFailure(409, {
        values: { ...values, expectedVersion: String(current.version) },
        fields: {},
        message: problem.message,
        conflict: true,
      });
    }
    return formFailure(statusOf(problem), {
      values,
      fields: suggestionFieldErrors(problem.fields ?? {}, values),
      message: problem.message,
    });
  }
  redirect(303, data.path);
}

// ---- Votes ----

/** A failed one-button action (a vote): its message is shown at the top of the page. */
function actionFailure(problem: ApiError) {
  return fail(statusOf(problem), { form: 'action' as const, message: problem.message });
}

/** One vote for the topic, or none: a suggestion takes 1 or 0. */
async function castVote(locals: App.Locals, id: number | undefined, value: string): Promise<ApiError | undefined> {
  if (id === undefined) return { statusCode: 404, code: 'NOT_FOUND', message: 'Emneforslaget findes ikke.' };
  if (value !== '1' && value !== '0')
    return { statusCode: 400, code: 'VALIDATION_FAILED', message: 'Vælg at stemme eller fjerne din stemme.' };
  const { error, response } = await locals.api.POST('/api/content/{id}/vote', {
    params: { path: { id: String(id) } },
    body: { value: value === '1' ? 1 : 0 },
  });
  return response.ok ? undefined : apiError(error, response);
}

/** The vote button on a suggestion's own page; afterwards back to it. */
export async function voteOnSuggestion(locals: App.Locals, url: URL, request: Request, param: string) {
  requireUser(locals, url);
  const { value } = textFields(await request.formData(), ['value']);
  const problem = await castVote(locals, contentIdOf(param), value);
  if (problem) return actionFailure(problem);
  redirect(303, url.pathname);
}

/**
 * A vote button in the list. The form carries the list's query (the action's own address has only "?/vote"),
 * so afterwards the list opens as it was, at the item voted on.
 */
export async function voteFromList(locals: App.Locals, url: URL, request: Request, listHref: (query: string) => string) {
  requireUser(locals, url);
  const { id, value, query } = textFields(await request.formData(), ['id', 'value', 'query']);
  const problem = await castVote(locals, /^\d{1,9}$/.test(id) ? Number(id) : undefined, value);
  if (problem) return actionFailure(problem);
  redirect(303, `${listHref(query)}#forslag-${id}`);
}

// ---- Moderators: status and merge ----

export interface StatusFormFailure {
  form: 'status';
  values: StatusFormValues;
  fields: Record<string, string[]>;
  message: string;
}

export async function changeSuggestionStatus(locals: App.Locals, url: URL, request: Request, param: string) {
  requireUser(locals, url);
  const values = readStatusForm(await request.formData());
  const failure = (status: number, fields: Record<string, string[]>, message: string) => {
    const body: StatusFormFailure = { form: 'status', values, fields, message };
    return fail(status, body);
  };
  const checked = checkStatusForm(values);
  if (!checked.ok) return failure(400, checked.fields, INVALID);
  const { error, response } = await locals.api.POST('/api/content/{id}/status', {
    params: { path: { id: String(contentIdOf(param)) } },
    body: checked.data,
  });
  if (!response.ok) {
    const problem = apiError(error, response);
    return failure(statusOf(problem), problem.fields ?? {}, problem.message);
  }
  redirect(303, `${url.pathname}#forloeb`);
}

export interface MergeFormFailure {
  form: 'merge';
  values: MergeFormValues;
  fields: Record<string, string[]>;
  message: string;
}

/** Merges this suggestion into the one chosen; afterwards back here, where the page says where it went. */
export async function mergeSuggestion(locals: App.Locals, url: URL, request: Request, param: string) {
  requireUser(locals, url);
  const values = readMergeForm(await request.formData());
  const failure = (status: number, fields: Record<string, string[]>, message: string) => {
    const body: MergeFormFailure = { form: 'merge', values, fields, message };
    return fail(status, body);
  };
  const id = contentIdOf(param);
  if (id === undefined) return failure(404, {}, 'Emneforslaget findes ikke.');
  const checked = checkMergeForm(values, id);
  if (!checked.ok) return failure(400, checked.fields, INVALID);
  const { error, response } = await locals.api.POST('/api/content/{id}/merge', {
    params: { path: { id: String(id) } },
    body: checked.data,
  });
  if (!response.ok) {
    const problem = apiError(error, response);
    return failure(statusOf(problem), problem.fields ?? {}, problem.message);
  }
  redirect(303, url.pathname);
}
