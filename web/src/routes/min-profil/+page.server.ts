import { ChangePasswordSchema, PASSWORD_MIN_LENGTH, ROLE_LABELS, STATUS_LABELS, UpdateProfileSchema } from '@infraforum/shared';
import { apiError } from '$lib/server/api';
import { requireUser } from '$lib/server/auth';
import { checkForm, failWithApiError, failWithFieldErrors, textFields } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  const user = requireUser(locals, url);
  return { me: user, roleLabel: ROLE_LABELS[user.role], statusLabel: STATUS_LABELS[user.status], passwordMinLength: PASSWORD_MIN_LENGTH };
};

export const actions: Actions = {
  profile: async ({ request, locals, url }) => {
    requireUser(locals, url);
    const form = await request.formData();
    const values = {
      ...textFields(form, ['name', 'title', 'phone']),
      showContactDetails: form.get('showContactDetails') === 'true' ? 'true' : '',
    };
    // Title and phone are optional: blank means "none" (null), not missing.
    const checked = checkForm(UpdateProfileSchema, {
      name: values.name,
      title: values.title.trim() || null,
      phone: values.phone.trim() || null,
      showContactDetails: values.showContactDetails === 'true',
    });
    if (!checked.ok) return failWithFieldErrors(checked.fields, values, 'profile');
    const { data, error, response } = await locals.api.PUT('/api/profile', { body: checked.data });
    if (!data) return failWithApiError(apiError(error, response), values, 'profile');
    // The loads that run after this action (page and header) should show the saved profile, not the one read before it.
    locals.user = data;
    return { form: 'profile', saved: true };
  },

  password: async ({ request, locals, url }) => {
    requireUser(locals, url);
    const { currentPassword, newPassword, newPasswordRepeat } = textFields(await request.formData(), [
      'currentPassword',
      'newPassword',
      'newPasswordRepeat',
    ]);
    const checked = checkForm(ChangePasswordSchema, { currentPassword, newPassword });
    if (!checked.ok || newPassword !== newPasswordRepeat) {
      const fields = checked.ok ? {} : checked.fields;
      if (newPassword !== newPasswordRepeat) fields.newPasswordRepeat = ['De to nye adgangskoder er ikke ens'];
      return failWithFieldErrors(fields, {}, 'password');
    }
    const { error, response } = await locals.api.POST('/api/auth/change-password', { body: checked.data });
    if (!response.ok) return failWithApiError(apiError(error, response), {}, 'password');
    return { form: 'password', saved: true };
  },
};
