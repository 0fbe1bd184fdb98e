import { redirect } from '@sveltejs/kit';
import { DELETE_ACCOUNT_CONFIRMATION, DELETED_USER_NAME, DeleteAccountSchema } from '@infraforum/shared';
import { apiError, clearSessionCookie } from '$lib/server/api';
import { requireUser } from '$lib/server/auth';
import { checkForm, failWithApiError, failWithFieldErrors, textFields } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  const user = requireUser(locals, url);
  return {
    organizationName: user.organization.name,
    deletedName: DELETED_USER_NAME,
    confirmation: DELETE_ACCOUNT_CONFIRMATION,
  };
};

export const actions: Actions = {
  default: async (event) => {
    const { request, locals, url } = event;
    requireUser(locals, url);
    const { password, confirm } = textFields(await request.formData(), ['password', 'confirm']);
    // The password is never sent back to the page; what was typed in the confirmation field is.
    const values = { confirm };
    const checked = checkForm(DeleteAccountSchema, { password, confirm });
    if (!checked.ok) return failWithFieldErrors(checked.fields, values);
    const { error, response } = await locals.api.DELETE('/api/me', { body: checked.data });
    if (!response.ok) return failWithApiError(apiError(error, response), values);
    // The API ended every session of the account; this browser forgets its cookie too.
    clearSessionCookie(event);
    locals.user = null;
    redirect(303, '/?konto-slettet=1');
  },
};
