import { error, fail, redirect } from '@sveltejs/kit';
import {
  PUBLISHING_ACTIONS,
  PUBLISHING_KINDS,
  PublishingRequestSchema,
  type ContentDetail,
  type ContentKind,
  type Me,
  type PublishingAction,
} from '@infraforum/shared';
import type { PublishingFormState, PublishingFormValues } from '$lib/components/publishing/publishing-form';
import { apiError } from '$lib/server/api';
import { requireUser } from '$lib/server/auth';
import { clockOf, copenhagenInstant } from '$lib/server/copenhagen-input';
import { checkForm, textFields } from '$lib/server/forms';
import { contentIdOf } from './content-page';

const INVALID = 'Nogle felter er ikke udfyldt korrekt.';
const FORM_FIELDS = ['toolboxSection', 'date', 'time', 'note', 'reason'] as const;
/** The steps whose form has a date and a time. */
const TIMED: readonly PublishingAction[] = ['submit', 'approve', 'schedule'];

const isAction = (value: string): value is PublishingAction => (PUBLISHING_ACTIONS as readonly string[]).includes(value);

/**
 * Creating KOMBIT material (a guide, case or webinar written in KOMBIT's organization) as someone who is not a
 * moderator: it cannot be published directly, only saved as a draft and sent to review (the API says the same).
 */
export function reviewRequiredToCreate(user: Me | null, kind: ContentKind): boolean {
  return (
    user !== null &&
    (user.role === 'member' || user.role === 'org_admin') &&
    user.organization.type === 'kombit' &&
    (PUBLISHING_KINDS as readonly string[]).includes(kind)
  );
}

/** The sections the submit form offers, when the caller may submit the item (else none are fetched). */
export async function toolboxSectionChoices(locals: App.Locals, item: ContentDetail): Promise<{ slug: string; title: string }[]> {
  if (!item.publishing?.actions.submit) return [];
  const { data } = await locals.api.GET('/api/toolbox/sections');
  // Without the list the form still works: the material is then sent without a section.
  return (data ?? []).map(({ slug, title }) => ({ slug, title }));
}

/** The date and time fields as the instant they name: null when both are blank; what is wrong with them otherwise. */
function publishAtOf(values: PublishingFormValues): { publishAt: string | null; fields: Record<string, string[]> } {
  const date = values.date.trim();
  const time = values.time.trim();
  if (date === '' && time === '') return { publishAt: null, fields: {} };
  const fields: Record<string, string[]> = {};
  const wallClock = clockOf(time);
  if (date === '') fields.date = ['Angiv datoen, fx 2027-01-14'];
  if (time === '') fields.time = ['Angiv klokkeslættet, fx 10:00'];
  else if (!wallClock) fields.time = ['Angiv klokkeslættet som tt:mm, fx 10:00'];
  if (date === '' || !wallClock) return { publishAt: null, fields };
  const publishAt = copenhagenInstant(date, wallClock);
  if (!publishAt) return { publishAt: null, fields: { ...fields, date: ['Angiv datoen som åååå-mm-dd, fx 2027-01-14'] } };
  return { publishAt, fields };
}

/** The version a moderator's form was shown with (approve, return); anything but a positive whole number is left out. */
function versionOf(form: FormData): { expectedVersion: number } | Record<string, never> {
  const raw = form.get('expectedVersion');
  return typeof raw === 'string' && /^[1-9]\d{0,8}$/.test(raw) ? { expectedVersion: Number(raw) } : {};
}

/** The request for `action`: only the fields its form has. */
function requestOf(
  action: PublishingAction,
  values: PublishingFormValues,
  publishAt: string | null,
  version: { expectedVersion: number } | Record<string, never>,
): Record<string, string | number | null> {
  switch (action) {
    case 'submit':
      return { action, toolboxSection: values.toolboxSection, note: values.note, ...(publishAt ? { publishAt } : {}) };
    // Blank fields on the approval form mean "now", also when the submitter wished for a time.
    case 'approve':
      return { action, publishAt, ...version };
    case 'schedule':
      return { action, ...(publishAt ? { publishAt } : {}) };
    case 'return':
      return { action, reason: values.reason, ...version };
    case 'withdraw':
    case 'unschedule':
      return { action };
  }
}

/** The API's fields as the form's: the time it goes out is the date and time fields. */
function formFields(apiFields: Record<string, string[]>): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(apiFields)) (fields[key === 'publishAt' ? 'date' : key] ??= []).push(...messages);
  return fields;
}

/**
 * One step of the publishing workflow from the panel on an item's page (form action `publishing`, the step in the
 * hidden field `action`): submit to review, withdraw, approve, return, schedule or unschedule. Afterwards back to the
 * item; a refusal (400 with fields, 403, 409 when someone else acted first) shows the panel's form again, values kept.
 */
export async function publishingStep(locals: App.Locals, url: URL, request: Request, param: string) {
  requireUser(locals, url);
  const id = contentIdOf(param);
  if (id === undefined) error(404, 'Indholdet findes ikke.');
  const form = await request.formData();
  const values = textFields(form, FORM_FIELDS);
  const requested = textFields(form, ['action']).action;
  const action = isAction(requested) ? requested : undefined;
  const failure = (status: number, fields: Record<string, string[]>, message: string) => {
    const body: PublishingFormState = { form: 'publishing', action, values, fields, message };
    return fail(status, body);
  };
  if (!action) return failure(400, {}, 'Vælg en gyldig handling.');

  const timed = TIMED.includes(action) ? publishAtOf(values) : { publishAt: null, fields: {} };
  const checked = checkForm(PublishingRequestSchema, requestOf(action, values, timed.publishAt, versionOf(form)));
  if (!checked.ok || Object.keys(timed.fields).length > 0) {
    const schemaFields = checked.ok ? {} : formFields(checked.fields);
    // The form's own word on the date and time is enough; the schema's "Angiv hvornår …" would only repeat it.
    if (Object.keys(timed.fields).length > 0) delete schemaFields.date;
    return failure(400, { ...schemaFields, ...timed.fields }, INVALID);
  }

  const {
    data,
    error: problem,
    response,
  } = await locals.api.POST('/api/content/{id}/publishing', {
    params: { path: { id: String(id) } },
    body: checked.data,
  });
  if (!data) {
    const refusal = apiError(problem, response);
    const status = refusal.statusCode >= 400 && refusal.statusCode <= 599 ? refusal.statusCode : 500;
    return failure(status, formFields(refusal.fields ?? {}), refusal.message);
  }
  // Still on its way (in review, scheduled, a draft again): back to the panel; published: to the top of the item.
  redirect(303, data.publishing ? `${data.path}#udgivelse` : data.path);
}
