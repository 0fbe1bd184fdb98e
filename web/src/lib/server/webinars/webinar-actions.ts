import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { StatusChangeSchema, WebinarStatus, type ApiError } from '@infraforum/shared';
import { apiError } from '$lib/server/api';
import { uploadAttachmentAction, type UploadFormState } from '$lib/server/content/attachment-actions';
import { requireRole, requireUser } from '$lib/server/auth';
import { checkInput } from '$lib/server/content/content-form';
import { contentIdOf, fetchContent } from '$lib/server/content/content-page';
import { saveEdit } from '$lib/server/content/content-actions';
import {
  checkWebinarCreate,
  checkWebinarUpdate,
  readWebinarForm,
  webinarFieldErrors,
  withBlankRows,
  EMPTY_ROWS,
  type WebinarFormState,
} from './webinar-form';

const INVALID = 'Nogle felter er ikke udfyldt korrekt.';
const STAFF = ['moderator', 'admin'] as const;

const statusOf = (problem: ApiError) => (problem.statusCode >= 400 && problem.statusCode <= 599 ? problem.statusCode : 500);

/** The webinar's id from the route parameter ("12-titel"). */
function webinarId(params: RequestEvent['params']): string {
  const id = contentIdOf(params.id ?? '');
  if (id === undefined) error(404, 'Webinaret findes ikke, eller du har ikke adgang til det.');
  return String(id);
}

function formFailure(status: number, state: WebinarFormState) {
  return fail(status, state);
}

const publishChoice = (value: FormDataEntryValue | null) => (value === 'draft' || value === 'published' ? value : undefined);

// ---- The webinar form (new and edit) ----

/** "Vis forhåndsvisning" of the description: the same form back, values kept, the rendered text below the editor. */
export async function previewWebinar({ locals, url, request }: RequestEvent) {
  requireUser(locals, url);
  const values = withBlankRows(readWebinarForm(await request.formData()));
  const { data, error: problemBody, response } = await locals.api.POST('/api/markdown/preview', { body: { body: values.body } });
  if (!data) {
    const problem = apiError(problemBody, response);
    return formFailure(statusOf(problem), { values, fields: webinarFieldErrors(problem.fields ?? {}), message: problem.message });
  }
  const state: WebinarFormState = { values, fields: {}, preview: data.html };
  return state;
}

/** "Tilføj flere rækker" without JavaScript: the same form back with three more empty programme rows. */
export async function addProgrammeRows({ locals, url, request }: RequestEvent) {
  requireUser(locals, url);
  const state: WebinarFormState = { values: withBlankRows(readWebinarForm(await request.formData()), EMPTY_ROWS), fields: {} };
  return state;
}

export async function createWebinar({ locals, url, request }: RequestEvent) {
  requireRole(locals, url, STAFF);
  const form = await request.formData();
  const values = withBlankRows(readWebinarForm(form));
  const checked = checkWebinarCreate(values, publishChoice(form.get('status')) ?? 'published');
  if (!checked.ok) return formFailure(400, { values, fields: webinarFieldErrors(checked.fields), message: INVALID });
  const { data, error: problemBody, response } = await locals.api.POST('/api/content', { body: checked.data });
  if (!data) {
    const problem = apiError(problemBody, response);
    return formFailure(statusOf(problem), { values, fields: webinarFieldErrors(problem.fields ?? {}), message: problem.message });
  }
  redirect(303, data.path);
}

export async function updateWebinar({ locals, url, request, params }: RequestEvent) {
  requireUser(locals, url);
  const form = await request.formData();
  const values = withBlankRows(readWebinarForm(form));
  const current = await fetchContent(locals, params.id ?? '', 'webinar');
  const checked = checkWebinarUpdate(values, { status: publishChoice(form.get('status')) });
  if (!checked.ok) return formFailure(400, { values, fields: webinarFieldErrors(checked.fields), message: INVALID });
  return saveEdit(locals, current, checked.data, values, (fields) => webinarFieldErrors(fields));
}

// ---- The webinar page ----

/** Sign up (or off); afterwards back to the sign-up box. A refusal (held, cancelled) is shown in the box. */
export async function setRegistration({ locals, url, params }: RequestEvent, registered: boolean) {
  requireUser(locals, url);
  const path = { id: webinarId(params) };
  const { error: problemBody, response } = registered
    ? await locals.api.POST('/api/webinars/{id}/registrations', { params: { path } })
    : await locals.api.DELETE('/api/webinars/{id}/registrations', { params: { path } });
  if (!response.ok) {
    const problem = apiError(problemBody, response);
    return fail(statusOf(problem), { form: 'signup' as const, message: problem.message });
  }
  redirect(303, `${url.pathname}#tilmelding`);
}

export interface StatusFormState {
  form: 'status';
  values: { status: string; reason: string };
  fields: Record<string, string[]>;
  message: string;
}

/** A moderator marks the webinar held or cancelled (with a reason, which the participants are told), or planned again. */
export async function changeWebinarStatus({ locals, url, request, params }: RequestEvent) {
  requireUser(locals, url);
  const data = await request.formData();
  const values = { status: String(data.get('status') ?? ''), reason: String(data.get('reason') ?? '') };
  const failure = (status: number, fields: Record<string, string[]>, message: string) => {
    const body: StatusFormState = { form: 'status', values, fields, message };
    return fail(status, body);
  };
  const status = WebinarStatus.safeParse(values.status);
  if (!status.success) return failure(400, { status: status.error.issues.map((issue) => issue.message) }, INVALID);
  if (status.data === 'cancelled' && values.reason.trim() === '') {
    return failure(400, { reason: ['Skriv hvorfor webinaret aflyses. De tilmeldte får besked.'] }, INVALID);
  }
  const checked = checkInput(StatusChangeSchema, { status: status.data, reason: values.reason });
  if (!checked.ok) return failure(400, checked.fields, INVALID);
  const { error: problemBody, response } = await locals.api.POST('/api/content/{id}/status', {
    params: { path: { id: webinarId(params) } },
    body: checked.data,
  });
  if (!response.ok) {
    const problem = apiError(problemBody, response);
    return failure(statusOf(problem), problem.fields ?? {}, problem.message);
  }
  redirect(303, `${url.pathname}#status`);
}

export type { UploadFormState };

/** A webinar's material: the upload every kind with files shares. */
export function uploadMaterial(event: RequestEvent) {
  return uploadAttachmentAction(event, Number(webinarId(event.params)), 'materiale');
}

/** A moderator removes a file from the material. */
export async function removeMaterial({ locals, url, request }: RequestEvent) {
  requireUser(locals, url);
  const id = String((await request.formData()).get('attachmentId') ?? '');
  const { error: problemBody, response } = await locals.api.DELETE('/api/attachments/{id}', { params: { path: { id } } });
  if (!response.ok) {
    const problem = apiError(problemBody, response);
    return fail(statusOf(problem), { form: 'material' as const, message: problem.message });
  }
  redirect(303, `${url.pathname}#materiale`);
}
