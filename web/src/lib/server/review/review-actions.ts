import { error, fail, redirect } from '@sveltejs/kit';
import { apiError } from '$lib/server/api';
import { requireUser } from '$lib/server/auth';
import { contentIdOf } from '$lib/server/content/content-page';

/** What a failed "Markér som gennemgået" sends back to the page. */
export interface MarkCheckedFailure {
  form: 'markChecked';
  message: string;
}

/** "Markér som gennemgået" on a guide or case page; afterwards back to it, with the thanks (`?gennemgaaet=1`). */
export async function markChecked(locals: App.Locals, url: URL, param: string) {
  requireUser(locals, url);
  const id = contentIdOf(param);
  if (id === undefined) error(404, 'Indholdet findes ikke.');
  const { error: problem, response } = await locals.api.POST('/api/content/{id}/checked', { params: { path: { id: String(id) } } });
  if (!response.ok) {
    const failure = apiError(problem, response);
    const body: MarkCheckedFailure = { form: 'markChecked', message: failure.message };
    return fail(failure.statusCode >= 400 && failure.statusCode <= 599 ? failure.statusCode : 500, body);
  }
  redirect(303, `${url.pathname}?gennemgaaet=1`);
}
