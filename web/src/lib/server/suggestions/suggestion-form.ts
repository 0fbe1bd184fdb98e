import {
  CreateSuggestionSchema,
  MergeSchema,
  StatusChangeSchema,
  SuggestionContactSchema,
  UpdateContentSchema,
  type ContentDetail,
  type CreateContent,
  type Me,
  type MergeInput,
  type StatusChange,
  type SuggestionContact,
  type UpdateContent,
} from '@infraforum/shared';
// Relative imports, so the unit tests (plain vitest, without SvelteKit's aliases) can load this module.
import type {
  MergeFormValues,
  StatusFormValues,
  SuggestionFormState,
  SuggestionFormValues,
} from '../../components/suggestions/suggestion-form-types';
import { contactOf } from '../../components/suggestions/suggestion-attributes';
import { checkInput, splitTags } from '../content/content-form';
import { textFields, type Checked } from '../forms';

export type { MergeFormValues, StatusFormValues, SuggestionFormState, SuggestionFormValues };

const TEXT_FIELDS = [
  'title',
  'body',
  'tags',
  'visibility',
  'contactName',
  'contactEmail',
  'contactPhone',
  'contactShownTo',
  'contactHidden',
  'reason',
  'expectedVersion',
] as const;

export function emptySuggestionForm(overrides: Partial<SuggestionFormValues> = {}): SuggestionFormValues {
  return {
    title: '',
    body: '',
    tags: '',
    components: [],
    visibility: 'members',
    contactName: '',
    contactEmail: '',
    contactPhone: '',
    contactShownTo: 'members',
    contactHidden: '',
    reason: '',
    expectedVersion: '',
    ...overrides,
  };
}

/** A new suggestion's form: the contact details start as the profile's, which the suggester may change. */
export function newSuggestionForm(user: Me, components: string[]): SuggestionFormValues {
  return emptySuggestionForm({ components, contactName: user.name, contactEmail: user.email, contactPhone: user.phone ?? '' });
}

export function readSuggestionForm(data: FormData): SuggestionFormValues {
  const values = emptySuggestionForm(textFields(data, TEXT_FIELDS));
  values.components = data.getAll('components').filter((value): value is string => typeof value === 'string');
  return values;
}

/** The form as it starts when editing: the stored suggestion (its contact details as the author sees them). */
export function suggestionValuesFromDetail(detail: ContentDetail): SuggestionFormValues {
  const contact = contactOf(detail.attributes);
  return emptySuggestionForm({
    title: detail.title,
    body: detail.body,
    tags: detail.tags.join(', '),
    components: detail.components.map((component) => component.slug),
    visibility: detail.visibility,
    contactName: contact?.name ?? '',
    contactEmail: contact?.email ?? '',
    contactPhone: contact?.phone ?? '',
    contactShownTo: contact?.shownTo ?? 'members',
    contactHidden: contact ? '' : '1',
    expectedVersion: String(detail.version),
  });
}

/** Blank means "not given", so the schema answers "Skriv et navn" rather than a length rule. */
const given = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

function contactInput(values: SuggestionFormValues) {
  return {
    name: given(values.contactName),
    email: given(values.contactEmail),
    phone: values.contactPhone,
    shownTo: given(values.contactShownTo),
  };
}

export function checkCreateSuggestion(values: SuggestionFormValues): Checked<CreateContent> {
  return checkInput<CreateContent>(CreateSuggestionSchema, {
    kind: 'suggestion',
    title: given(values.title),
    body: given(values.body),
    tags: splitTags(values.tags),
    components: values.components,
    visibility: given(values.visibility),
    status: 'published',
    attributes: { contact: contactInput(values) },
  });
}

export function checkUpdateSuggestion(values: SuggestionFormValues): Checked<UpdateContent> {
  // Contact details the editor was not shown are left out of the update, so the stored ones stay.
  const contact =
    values.contactHidden === '1'
      ? { ok: false as const, hidden: true as const, fields: {} }
      : checkInput<SuggestionContact>(SuggestionContactSchema, contactInput(values), 'attributes.contact.');
  const expectedVersion = Number(values.expectedVersion);
  const checked = checkInput<UpdateContent>(UpdateContentSchema, {
    title: given(values.title) ?? '',
    body: given(values.body) ?? '',
    tags: splitTags(values.tags),
    components: values.components,
    visibility: given(values.visibility),
    ...(contact.ok ? { attributes: { contact: contact.data } } : {}),
    ...(Number.isInteger(expectedVersion) && expectedVersion > 0 ? { expectedVersion } : {}),
    ...(values.reason.trim() ? { reason: values.reason } : {}),
  });
  if (!contact.ok && !('hidden' in contact)) return { ok: false, fields: { ...contact.fields, ...(checked.ok ? {} : checked.fields) } };
  return checked;
}

const CONTACT_FIELDS: Record<string, keyof SuggestionFormValues> = {
  name: 'contactName',
  email: 'contactEmail',
  phone: 'contactPhone',
  shownTo: 'contactShownTo',
};
const PLAIN_FIELDS = new Set(['title', 'body', 'tags', 'components', 'visibility', 'reason']);

/** The form field an API field error belongs to ("attributes.contact.email" → "contactEmail"). */
function formFieldOf(key: string): string {
  const [head, second, third] = key.split('.');
  if (head === 'attributes') {
    if (second === 'contact') return (third && CONTACT_FIELDS[third]) || 'contactName';
    return '_';
  }
  return head && PLAIN_FIELDS.has(head) ? head : '_';
}

/** API (or schema) field errors, keyed like `attributes.contact.email` or `tags.2`, moved onto the form's fields. */
export function suggestionFieldErrors(apiFields: Record<string, string[]>, values: SuggestionFormValues): Record<string, string[]> {
  const tags = splitTags(values.tags);
  const fields: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(apiFields)) {
    const tagIndex = /^tags\.(\d+)$/.exec(key)?.[1];
    const tag = tagIndex !== undefined ? tags[Number(tagIndex)] : undefined;
    const list = (fields[formFieldOf(key)] ??= []);
    for (const message of messages) {
      const text = tag !== undefined ? `«${tag}»: ${message}` : message;
      if (!list.includes(text)) list.push(text);
    }
  }
  return fields;
}

export function readStatusForm(data: FormData): StatusFormValues {
  return textFields(data, ['status', 'reason', 'webinarId']);
}

/**
 * The status form checked as the API would: a declined suggestion needs a reason, a planned one a webinar
 * (said here, so the moderator hears it before a round trip, in the same words as the API).
 */
export function checkStatusForm(values: StatusFormValues): Checked<StatusChange> {
  const webinarId = /^\d{1,9}$/.test(values.webinarId) ? Number(values.webinarId) : undefined;
  const planned = values.status === 'planned' || values.status === 'held';
  const checked = checkInput<StatusChange>(StatusChangeSchema, {
    status: values.status,
    reason: values.reason,
    ...(planned && webinarId !== undefined ? { webinarId } : {}),
  });
  const fields: Record<string, string[]> = checked.ok ? {} : { ...checked.fields };
  if (values.status === 'declined' && values.reason.trim() === '') fields.reason = ['Skriv en begrundelse, når et forslag afvises'];
  if (values.status === 'planned' && webinarId === undefined) fields.webinarId = ['Vælg det webinar, forslaget er planlagt til'];
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return checked;
}

export function readMergeForm(data: FormData): MergeFormValues {
  return textFields(data, ['intoId', 'reason']);
}

/** "123", "#123", "/emneforslag/123-titel" or a whole address → 123; anything else stays as typed, for the schema to refuse. */
export function suggestionIdFrom(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const match = /^(?:#?(\d{1,9})|(?:https?:\/\/[^/]+)?\/emneforslag\/(\d{1,9})(?:-[^/?#]*)?\/?(?:[?#].*)?)$/.exec(trimmed);
  const digits = match?.[1] ?? match?.[2];
  return digits ? Number(digits) : trimmed;
}

export function checkMergeForm(values: MergeFormValues, currentId: number): Checked<MergeInput> {
  const intoId = suggestionIdFrom(values.intoId);
  if (intoId === currentId) return { ok: false, fields: { intoId: ['Vælg et andet forslag end dette'] } };
  return checkInput<MergeInput>(MergeSchema, { ...(intoId !== undefined ? { intoId } : {}), reason: values.reason });
}
