import { ResendVerificationSchema } from '@infraforum/shared';
import { apiError } from '$lib/server/api';
import { checkForm, failWithApiError, failWithFieldErrors, textFields } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

/** The link only shows a button: opening a link (or a mail scanner prefetching it) must not change anything. */
export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
  verify: async ({ request, locals }) => {
    const { token } = textFields(await request.formData(), ['token']);
    const { data, error, response } = await locals.api.POST('/api/auth/verify', { body: { token } });
    // A bad token is told as one message above the resend form; there is no field to point at.
    if (!data) return failWithApiError({ ...apiError(error, response), fields: {} }, {}, 'verify');
    return { verified: { status: data.status, needsApproval: data.needsApproval } };
  },

  resend: async ({ request, locals }) => {
    const values = textFields(await request.formData(), ['email']);
    const checked = checkForm(ResendVerificationSchema, values);
    if (!checked.ok) return failWithFieldErrors(checked.fields, values, 'resend');
    const { error, response } = await locals.api.POST('/api/auth/resend-verification', { body: checked.data });
    if (!response.ok) return failWithApiError(apiError(error, response), values, 'resend');
    return { resentTo: checked.data.email };
  },
};
