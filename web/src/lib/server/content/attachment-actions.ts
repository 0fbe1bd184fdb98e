import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { ATTACHMENT_MAX_BYTES, type ApiError } from '@infraforum/shared';
import { apiError } from '$lib/server/api';
import { requireUser } from '$lib/server/auth';
import { jsonOf, uploadAttachment } from '$lib/server/webinars/raw-api';

/** What an upload form shows after a refusal: the form has one field, the file. */
export interface UploadFormState {
  form: 'upload';
  fields: Record<string, string[]>;
  message: string;
}

const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));
const statusOf = (problem: ApiError) => (problem.statusCode >= 400 && problem.statusCode <= 599 ? problem.statusCode : 500);

/**
 * The form's file, passed on to the API as it came (the API decides the type by the bytes), for every kind that takes
 * files (a webinar's material, a case's documents); back to `anchor` on the item's page when it is stored.
 */
export async function uploadAttachmentAction(event: RequestEvent, contentId: number, anchor: string) {
  const { locals, url, request } = event;
  requireUser(locals, url);
  const failure = (status: number, fields: Record<string, string[]>, message: string) => {
    const body: UploadFormState = { form: 'upload', fields, message };
    return fail(status, body);
  };
  const file = (await request.formData()).get('file');
  if (!(file instanceof File) || file.size === 0 || file.name === '') {
    return failure(400, { file: ['Vælg den fil, der skal lægges op'] }, 'Nogle felter er ikke udfyldt korrekt.');
  }
  if (file.size > ATTACHMENT_MAX_BYTES) {
    return failure(413, { file: [`Filen er for stor. Den må højst fylde ${megabytes(ATTACHMENT_MAX_BYTES)} MB.`] }, 'Filen er for stor.');
  }
  const response = await uploadAttachment(event, contentId, file);
  if (!response.ok) {
    const problem = apiError(await jsonOf(response), response);
    const fields = problem.fields ?? {};
    // Messages about the request as a whole belong to the one field the form has.
    const onFile = [...(fields.file ?? []), ...Object.entries(fields).flatMap(([key, messages]) => (key === 'file' ? [] : messages))];
    return failure(statusOf(problem), { file: onFile.length > 0 ? onFile : [problem.message] }, problem.message);
  }
  redirect(303, `${url.pathname}#${anchor}`);
}
