import { error, redirect } from '@sveltejs/kit';
import { PASSWORD_MIN_LENGTH, RegisterSchema } from '@infraforum/shared';
import { apiError } from '$lib/server/api';
import { checkForm, failWithApiError, failWithFieldErrors, textFields } from '$lib/server/forms';
import { groupByRegion } from '$lib/organizations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  if (locals.user) redirect(303, '/min-profil');
  const { data, response } = await locals.api.GET('/api/organizations');
  if (!data) error(502, `Listen over kommuner kunne ikke hentes (${response.status}).`);
  return { organizationGroups: groupByRegion(data), passwordMinLength: PASSWORD_MIN_LENGTH };
};

export const actions: Actions = {
  default: async ({ request, locals }) => {
    const form = await request.formData();
    const values = textFields(form, ['name', 'email', 'organizationCode']);
    const { password } = textFields(form, ['password']);
    const checked = checkForm(RegisterSchema, { ...values, password });
    if (!checked.ok) return failWithFieldErrors(checked.fields, values);
    const { data, error: failure, response } = await locals.api.POST('/api/auth/register', { body: checked.data });
    if (!data) {
      const problem = apiError(failure, response);
      // An address that already has an account belongs next to the e-mail field.
      if (response.status === 409 && !problem.fields?.email) problem.fields = { ...problem.fields, email: [problem.message] };
      return failWithApiError(problem, values);
    }
    return { registered: { email: checked.data.email, needsApproval: data.needsApproval } };
  },
};
