import { error, fail, redirect } from '@sveltejs/kit';
import { NotificationSettingsSchema, SubscriptionType } from '@infraforum/shared';
import { apiError } from '$lib/server/api';
import { requireUser } from '$lib/server/auth';
import { groupSubscriptions } from '$lib/server/follows/follows';
import { checkForm, failWithApiError, failWithFieldErrors, textFields } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const PAGE = '/min-profil/notifikationer';
/** The list's section, where one lands after stopping to follow something. */
const FOLLOWING_ANCHOR = 'det-foelger-du';

export const load: PageServerLoad = async ({ locals, url }) => {
  requireUser(locals, url);
  const [settings, subscriptions] = await Promise.all([
    locals.api.GET('/api/me/notification-settings'),
    locals.api.GET('/api/me/subscriptions'),
  ]);
  if (!settings.data) error(502, apiError(settings.error, settings.response).message);
  if (!subscriptions.data) error(502, apiError(subscriptions.error, subscriptions.response).message);
  return {
    settings: settings.data,
    groups: groupSubscriptions(subscriptions.data.items),
    saved: url.searchParams.has('gemt'),
    removed: url.searchParams.has('fjernet'),
  };
};

export const actions: Actions = {
  settings: async ({ locals, url, request }) => {
    requireUser(locals, url);
    const form = await request.formData();
    const values = { ...textFields(form, ['digest']), emailImmediate: form.get('emailImmediate') === 'true' ? 'true' : '' };
    const checked = checkForm(NotificationSettingsSchema, { emailImmediate: values.emailImmediate === 'true', digest: values.digest });
    if (!checked.ok) return failWithFieldErrors(checked.fields, values, 'settings');
    const { data, error: problem, response } = await locals.api.PUT('/api/me/notification-settings', { body: checked.data });
    if (!data) return failWithApiError(apiError(problem, response), values, 'settings');
    redirect(303, `${PAGE}?gemt=1`);
  },

  /** "Stop med at følge" on one row; back at the list. */
  unfollow: async ({ locals, url, request }) => {
    requireUser(locals, url);
    const { type, key } = textFields(await request.formData(), ['type', 'key']);
    const parsed = SubscriptionType.safeParse(type);
    if (!parsed.success || key.trim() === '') return fail(400, { form: 'unfollow', message: 'Vælg det, du vil stoppe med at følge.' });
    const { error: problem, response } = await locals.api.DELETE('/api/me/subscriptions/{type}/{key}', {
      params: { path: { type: parsed.data, key: key.trim().toLowerCase() } },
    });
    if (!response.ok && response.status !== 404) {
      const failure = apiError(problem, response);
      return fail(failure.statusCode >= 400 && failure.statusCode <= 599 ? failure.statusCode : 500, {
        form: 'unfollow',
        message: failure.message,
      });
    }
    redirect(303, `${PAGE}?fjernet=1#${FOLLOWING_ANCHOR}`);
  },
};
