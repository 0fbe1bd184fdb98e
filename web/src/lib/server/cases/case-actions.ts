import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { WorkingOnSchema, type ApiError } from '@infraforum/shared';
import { apiError } from '$lib/server/api';
import { uploadAttachmentAction, type UploadFormState } from '$lib/server/content/attachment-actions';
import { requireUser } from '$lib/server/auth';
import { checkInput } from '$lib/server/content/content-form';
import { contentIdOf, fetchContent } from '$lib/server/content/content-page';
import { saveEdit } from '$lib/server/content/content-actions';
import { textFields } from '$lib/server/forms';
import {
  caseFieldErrors,
  checkCaseCreate,
  checkCaseUpdate,
  readCaseForm,
  rearrangeRows,
  withBlankRows,
  type CaseFormState,
} from './case-form';

const INVALID = 'Nogle felter er ikke udfyldt korrekt.';

const statusOf = (problem: ApiError) => (problem.statusCode >= 400 && problem.statusCode <= 599 ? problem.statusCode : 500);

const publishChoice = (value: FormDataEntryValue | null) => (value === 'draft' || value === 'published' ? value : undefined);

/** The case's id from the route parameter ("12-titel"). */
function caseId(params: RequestEvent['params']): string {
  const id = contentIdOf(params.id ?? '');
  if (id === undefined) error(404, 'Casen findes ikke, eller du har ikke adgang til den.');
  return String(id);
}

function formFailure(status: number, state: CaseFormState) {
  return fail(status, state);
}

// ---- The case form (new and edit) ----

/** "Vis forhåndsvisning" of the description: the same form back, values kept, the rendered text below the editor. */
export async function previewCase({ locals, url, request }: RequestEvent) {
  requireUser(locals, url);
  const values = withBlankRows(readCaseForm(await request.formData()));
  const { data, error: problemBody, response } = await locals.api.POST('/api/markdown/preview', { body: { body: values.body } });
  if (!data) {
    const problem = apiError(problemBody, response);
    return formFailure(statusOf(problem), { values, fields: caseFieldErrors(problem.fields ?? {}, values), message: problem.message });
  }
  const state: CaseFormState = { values, fields: {}, preview: data.html };
  return state;
}

/** The row buttons without JavaScript (more rows, move a step, remove one): the same form back, rows changed. */
export async function changeCaseRows({ locals, url, request }: RequestEvent) {
  requireUser(locals, url);
  const state: CaseFormState = { values: rearrangeRows(await request.formData()), fields: {} };
  return state;
}

export async function createCase({ locals, url, request }: RequestEvent) {
  requireUser(locals, url);
  const form = await request.formData();
  const values = withBlankRows(readCaseForm(form));
  const checked = checkCaseCreate(values, publishChoice(form.get('status')) ?? 'published');
  if (!checked.ok) return formFailure(400, { values, fields: caseFieldErrors(checked.fields, values), message: INVALID });
  const { data, error: problemBody, response } = await locals.api.POST('/api/content', { body: checked.data });
  if (!data) {
    const problem = apiError(problemBody, response);
    return formFailure(statusOf(problem), { values, fields: caseFieldErrors(problem.fields ?? {}, values), message: problem.message });
  }
  redirect(303, data.path);
}

export async function updateCase({ locals, url, request, params }: RequestEvent) {
  requireUser(locals, url);
  const form = await request.formData();
  const values = withBlankRows(readCaseForm(form));
  const current = await fetchContent(locals, params.id ?? '', 'case');
  const checked = checkCaseUpdate(values, { status: publishChoice(form.get('status')) });
  if (!checked.ok) return formFailure(400, { values, fields: caseFieldErrors(checked.fields, values), message: INVALID });
  return saveEdit(locals, current, checked.data, values, (fields) => caseFieldErrors(fields, values));
}

// ---- The case page ----

export interface WorkingOnFormState {
  form: 'workingOn';
  values: { showContact: boolean; note: string };
  fields: Record<string, string[]>;
  message: string;
}

/** "Jeg er i gang med det samme": marks the case for the caller's municipality; afterwards back to the box. */
export async function markWorkingOn({ locals, url, request, params }: RequestEvent) {
  requireUser(locals, url);
  const posted = await request.formData();
  const values = { showContact: posted.get('showContact') === 'true', note: String(posted.get('note') ?? '') };
  const failure = (status: number, fields: Record<string, string[]>, message: string) => {
    const body: WorkingOnFormState = { form: 'workingOn', values, fields, message };
    return fail(status, body);
  };
  const checked = checkInput(WorkingOnSchema, values);
  if (!checked.ok) return failure(400, checked.fields, INVALID);
  const { error: problemBody, response } = await locals.api.POST('/api/content/{id}/working-on', {
    params: { path: { id: caseId(params) } },
    body: checked.data,
  });
  if (!response.ok) {
    const problem = apiError(problemBody, response);
    return failure(statusOf(problem), problem.fields ?? {}, problem.message);
  }
  redirect(303, `${url.pathname}#i-gang`);
}

export async function unmarkWorkingOn({ locals, url, params }: RequestEvent) {
  requireUser(locals, url);
  const { error: problemBody, response } = await locals.api.DELETE('/api/content/{id}/working-on', {
    params: { path: { id: caseId(params) } },
  });
  if (!response.ok) {
    const problem = apiError(problemBody, response);
    const body: WorkingOnFormState = { form: 'workingOn', values: { showContact: false, note: '' }, fields: {}, message: problem.message };
    return fail(statusOf(problem), body);
  }
  redirect(303, `${url.pathname}#i-gang`);
}

export type DocumentUploadState = UploadFormState;

/** A case's documents: the upload every kind with files shares. */
export function uploadDocument(event: RequestEvent) {
  return uploadAttachmentAction(event, Number(caseId(event.params)), 'dokumenter');
}

/** Whoever may edit the case removes one of its documents. */
export async function removeDocument({ locals, url, request }: RequestEvent) {
  requireUser(locals, url);
  const { attachmentId } = textFields(await request.formData(), ['attachmentId']);
  if (!/^[\w-]{1,64}$/.test(attachmentId)) error(404, 'Dokumentet findes ikke.');
  const { error: problemBody, response } = await locals.api.DELETE('/api/attachments/{id}', { params: { path: { id: attachmentId } } });
  if (!response.ok) {
    const problem = apiError(problemBody, response);
    return fail(statusOf(problem), { form: 'documents' as const, message: problem.message });
  }
  redirect(303, `${url.pathname}#dokumenter`);
}
