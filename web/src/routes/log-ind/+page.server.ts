import { redirect } from '@sveltejs/kit';
import { LoginSchema } from '@infraforum/shared';
import { apiError } from '$lib/server/api';
import { checkForm, failWithApiError, failWithFieldErrors, textFields } from '$lib/server/forms';
import { safeRedirectPath } from '$lib/redirect';
import type { Actions, PageServerLoad } from './$types';

const afterLogin = (url: URL) => safeRedirectPath(url.searchParams.get('redirectTo'), '/min-profil');

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, afterLogin(url));
  return { passwordReset: url.searchParams.get('nulstillet') === '1' };
};

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    const form = await request.formData();
    const values = textFields(form, ['email']);
    const { password } = textFields(form, ['password']);
    const checked = checkForm(LoginSchema, { ...values, password });
    if (!checked.ok) return failWithFieldErrors(checked.fields, values);
    const { error, response } = await locals.api.POST('/api/auth/login', { body: checked.data });
    if (!response.ok) return failWithApiError(apiError(error, response), values);
    redirect(303, afterLogin(url));
  },
};
