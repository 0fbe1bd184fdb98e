import { ForgotPasswordSchema } from '@infraforum/shared';
import { apiError } from '$lib/server/api';
import { checkForm, failWithApiError, failWithFieldErrors, textFields } from '$lib/server/forms';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const values = textFields(await request.formData(), ['email']);
    const checked = checkForm(ForgotPasswordSchema, values);
    if (!checked.ok) return failWithFieldErrors(checked.fields, values);
    const { error, response } = await locals.api.POST('/api/auth/forgot-password', { body: checked.data });
    if (!response.ok) return failWithApiError(apiError(error, response), values);
    // The same answer whether or not the address has an account, so the page reveals nothing.
    return { sentTo: checked.data.email };
  },
};
