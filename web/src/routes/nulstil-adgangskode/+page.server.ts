import { redirect } from '@sveltejs/kit';
import { PASSWORD_MIN_LENGTH, ResetPasswordSchema } from '@infraforum/shared';
import { apiError } from '$lib/server/api';
import { checkForm, failWithApiError, failWithFieldErrors, textFields } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '', passwordMinLength: PASSWORD_MIN_LENGTH });

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const { token, password, passwordRepeat } = textFields(await request.formData(), ['token', 'password', 'passwordRepeat']);
    const checked = checkForm(ResetPasswordSchema, { token, password });
    if (!checked.ok || password !== passwordRepeat) {
      const fields = checked.ok ? {} : checked.fields;
      if (password !== passwordRepeat) fields.passwordRepeat = ['De to adgangskoder er ikke ens'];
      return failWithFieldErrors(fields, {});
    }
    const { error, response } = await locals.api.POST('/api/auth/reset-password', { body: checked.data });
    if (!response.ok) return failWithApiError(apiError(error, response), {});
    redirect(303, '/log-ind?nulstillet=1');
  },
};
