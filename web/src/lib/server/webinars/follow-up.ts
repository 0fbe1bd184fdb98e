import { fail, redirect } from '@sveltejs/kit';
import { TITLE_MAX, type ContentRef } from '@infraforum/shared';
import { apiError } from '$lib/server/api';
import { requireUser } from '$lib/server/auth';
import { createContent, previewContent } from '$lib/server/content/content-actions';
import { checkCreate, formFieldErrors, readContentForm, type ContentFormState } from '$lib/server/content/content-form';

/** The webinar a follow-up question is asked about ("?webinar=12" or the form's `webinarId`), if the caller may see it. */
export async function followUpWebinar(locals: App.Locals, idText: FormDataEntryValue | null): Promise<ContentRef | null> {
  if (typeof idText !== 'string' || !/^\d{1,9}$/.test(idText)) return null;
  const { data } = await locals.api.GET('/api/content/{id}', { params: { path: { id: idText } } });
  return data?.kind === 'webinar' ? { id: data.id, kind: data.kind, title: data.title, path: data.path } : null;
}

/** "Opfølgning: <webinar>", the title a follow-up question starts with (the author may change it). */
export const followUpTitle = (webinar: ContentRef): string => `Opfølgning: ${webinar.title}`.slice(0, TITLE_MAX);

/** The question form's state with the webinar it follows up on, so a preview or a failed save keeps the link. */
export type FollowUpFormState = ContentFormState & { webinar: ContentRef | null };

async function webinarOfForm(locals: App.Locals, request: Request): Promise<ContentRef | null> {
  return followUpWebinar(locals, (await request.clone().formData()).get('webinarId'));
}

/** "Vis forhåndsvisning" on the question form, keeping the webinar the question follows up on. */
export async function previewQuestion(locals: App.Locals, url: URL, request: Request) {
  requireUser(locals, url);
  const webinar = await webinarOfForm(locals, request);
  const result = await previewContent(locals, url, request);
  if ('values' in result) {
    const state: FollowUpFormState = { ...result, webinar };
    return state;
  }
  const body: FollowUpFormState = { ...result.data, webinar };
  return fail(result.status, body);
}

/** Asks a question; with a `webinarId` in the form, as a follow-up to that webinar (`attributes.webinarId`). */
export async function createQuestion(locals: App.Locals, url: URL, request: Request) {
  requireUser(locals, url);
  const webinar = await webinarOfForm(locals, request);
  if (!webinar) return createContent(locals, url, request, 'question');
  const form = await request.formData();
  const values = readContentForm(form);
  const failure = (status: number, state: ContentFormState) => {
    const body: FollowUpFormState = { ...state, webinar };
    return fail(status, body);
  };
  const checked = checkCreate('question', values, form.get('status') === 'draft' ? 'draft' : 'published');
  if (!checked.ok)
    return failure(400, { values, fields: formFieldErrors(checked.fields, values), message: 'Nogle felter er ikke udfyldt korrekt.' });
  if (checked.data.kind !== 'question') return failure(400, { values, fields: {}, message: 'Vælg en gyldig indholdstype' });
  const { data, error, response } = await locals.api.POST('/api/content', {
    body: { ...checked.data, attributes: { ...checked.data.attributes, webinarId: webinar.id } },
  });
  if (!data) {
    const problem = apiError(error, response);
    return failure(problem.statusCode >= 400 && problem.statusCode <= 599 ? problem.statusCode : 500, {
      values,
      fields: formFieldErrors(problem.fields ?? {}, values),
      message: problem.message,
    });
  }
  redirect(303, data.path);
}
