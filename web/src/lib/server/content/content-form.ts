import {
  CreateGuideSchema,
  CreateQuestionSchema,
  GuideAttributesSchema,
  UpdateContentSchema,
  type ContentDetail,
  type CreateContent,
  type GuideAttributes,
  type UpdateContent,
  type WritableKind,
} from '@infraforum/shared';
import type { ContentFormValues } from '$lib/components/content/form-types';

export type { ContentFormState, ContentFormValues } from '$lib/components/content/form-types';

const TEXT_FIELDS = [
  'title',
  'body',
  'tags',
  'visibility',
  'component',
  'purpose',
  'severity',
  'otherSystems',
  'action',
  'intranetOutage',
  'intranetMaintenance',
  'duplicateOf',
  'reason',
  'expectedVersion',
] as const;

export function emptyContentForm(overrides: Partial<ContentFormValues> = {}): ContentFormValues {
  return {
    title: '',
    body: '',
    tags: '',
    components: [],
    visibility: 'members',
    component: '',
    purpose: '',
    severity: '',
    affectedSystems: [],
    otherSystems: '',
    action: '',
    intranetOutage: '',
    intranetMaintenance: '',
    duplicateOf: '',
    reason: '',
    expectedVersion: '',
    ...overrides,
  };
}

export function readContentForm(data: FormData): ContentFormValues {
  const values = emptyContentForm({ visibility: '' });
  for (const name of TEXT_FIELDS) {
    const value = data.get(name);
    values[name] = typeof value === 'string' ? value : '';
  }
  values.components = data.getAll('components').filter((value): value is string => typeof value === 'string');
  values.affectedSystems = data.getAll('affectedSystems').filter((value): value is string => typeof value === 'string');
  return values;
}

/** The form as it starts when editing: the stored item. Systems the catalog does not know go to the free-text field. */
export function valuesFromDetail(detail: ContentDetail, catalogSystemNames: readonly string[]): ContentFormValues {
  const guide = detail.kind === 'guide' ? GuideAttributesSchema.safeParse(detail.attributes).data : undefined;
  const systems = guide?.affectedSystems ?? [];
  return emptyContentForm({
    title: detail.title,
    body: detail.body,
    tags: detail.tags.join(', '),
    // A guide's own component is its `component` attribute; only other linked components ride along (as hidden fields).
    components: detail.components.map((component) => component.slug).filter((slug) => slug !== guide?.component),
    visibility: detail.visibility,
    component: guide?.component ?? '',
    purpose: guide?.purpose ?? '',
    severity: guide?.severity ?? '',
    affectedSystems: systems.filter((name) => catalogSystemNames.includes(name)),
    otherSystems: systems.filter((name) => !catalogSystemNames.includes(name)).join(', '),
    action: guide?.action ?? '',
    intranetOutage: guide?.intranetNotice.outage ?? '',
    intranetMaintenance: guide?.intranetNotice.maintenance ?? '',
    duplicateOf: detail.duplicateOf ? String(detail.duplicateOf.id) : '',
    expectedVersion: String(detail.version),
  });
}

/** "context-handler, hotline beskedfordeler" → ["context-handler", "hotline", "beskedfordeler"]. */
export function splitTags(text: string): string[] {
  return text.split(/[\s,;]+/).filter(Boolean);
}

/** "KMD Nexus, Fasit" → ["KMD Nexus", "Fasit"]. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;\n]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * "123", "#123", "/spoergsmaal/123-titel" or a full address → 123; blank → null; anything else → undefined.
 */
export function parseQuestionReference(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const match = /^(?:#?(\d{1,9})|(?:https?:\/\/[^/]+)?\/spoergsmaal\/(\d{1,9})(?:-[^/?#]*)?\/?(?:[?#].*)?)$/.exec(trimmed);
  const digits = match?.[1] ?? match?.[2];
  return digits ? Number(digits) : undefined;
}

/** The shape of a shared zod schema (structural, so the web does not import zod itself). */
interface Schema<Output> {
  safeParse(
    input: unknown,
  ): { success: true; data: Output } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

type Checked<Output> = { ok: true; data: Output } | { ok: false; fields: Record<string, string[]> };

/** Checks with the API's own schema first: the same messages, keyed like the API's, without a round trip. */
export function checkInput<Output>(schema: Schema<Output>, input: unknown, prefix = ''): Checked<Output> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const fields: Record<string, string[]> = {};
  for (const issue of result.error.issues) (fields[prefix + (issue.path.map(String).join('.') || '_')] ??= []).push(issue.message);
  return { ok: false, fields };
}

/** Blank means "not given", so the schema answers "Skriv en titel" rather than a length rule. */
const given = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

function guideAttributesInput(values: ContentFormValues) {
  return {
    component: given(values.component),
    purpose: given(values.purpose),
    severity: given(values.severity),
    affectedSystems: [...values.affectedSystems, ...splitList(values.otherSystems)],
    action: given(values.action),
    intranetNotice: { outage: values.intranetOutage, maintenance: values.intranetMaintenance },
  };
}

/** The guide's component is required; zod's own message for a missing one is English. */
function requireComponent(values: ContentFormValues, fields: Record<string, string[]>, key: string): void {
  if (values.component.trim() === '') fields[key] = ['Vælg den komponent, vejledningen handler om'];
}

export function checkCreate(kind: WritableKind, values: ContentFormValues, status: 'draft' | 'published'): Checked<CreateContent> {
  const common = {
    kind,
    title: given(values.title),
    body: given(values.body),
    tags: splitTags(values.tags),
    components: values.components,
    visibility: given(values.visibility),
    status,
  };
  if (kind === 'question') return checkInput<CreateContent>(CreateQuestionSchema, common);
  const checked = checkInput<CreateContent>(CreateGuideSchema, { ...common, attributes: guideAttributesInput(values) });
  if (!checked.ok) requireComponent(values, checked.fields, 'attributes.component');
  return checked;
}

export function checkUpdate(
  kind: string,
  values: ContentFormValues,
  options: { status: 'draft' | 'published' | undefined; currentDuplicateOfId: number | null },
): Checked<UpdateContent> {
  const fields: Record<string, string[]> = {};
  let attributes: GuideAttributes | undefined;
  if (kind === 'guide') {
    const checkedAttributes = checkInput<GuideAttributes>(GuideAttributesSchema, guideAttributesInput(values), 'attributes.');
    if (checkedAttributes.ok) attributes = checkedAttributes.data;
    else Object.assign(fields, checkedAttributes.fields);
    requireComponent(values, fields, 'attributes.component');
  }
  let duplicateOfId: number | null | undefined;
  if (kind === 'question') {
    const reference = parseQuestionReference(values.duplicateOf);
    if (reference === undefined) fields.duplicateOfId = ['Skriv nummeret eller adressen på det andet spørgsmål'];
    // Sent only when it changes: an edit must not touch a link it did not mean to.
    else if (reference !== options.currentDuplicateOfId) duplicateOfId = reference;
  }
  const expectedVersion = Number(values.expectedVersion);
  const checked = checkInput<UpdateContent>(UpdateContentSchema, {
    title: given(values.title) ?? '',
    body: given(values.body) ?? '',
    tags: splitTags(values.tags),
    components: values.components,
    visibility: given(values.visibility),
    ...(options.status ? { status: options.status } : {}),
    ...(attributes ? { attributes } : {}),
    ...(duplicateOfId !== undefined ? { duplicateOfId } : {}),
    ...(Number.isInteger(expectedVersion) && expectedVersion > 0 ? { expectedVersion } : {}),
    ...(values.reason.trim() ? { reason: values.reason } : {}),
  });
  if (!checked.ok) return { ok: false, fields: { ...fields, ...checked.fields } };
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return checked;
}

/** The form field an API field error belongs to. */
function formFieldOf(key: string): string {
  const [head, second, third] = key.split('.');
  if (head === 'attributes') {
    if (second === 'intranetNotice') return third === 'maintenance' ? 'intranetMaintenance' : 'intranetOutage';
    if (second === 'affectedSystems') return 'affectedSystems';
    return second && ['component', 'purpose', 'severity', 'action'].includes(second) ? second : '_';
  }
  if (head === 'duplicateOfId') return 'duplicateOf';
  if (head && ['title', 'body', 'tags', 'components', 'visibility', 'status', 'reason'].includes(head)) return head;
  return '_';
}

/** API (or schema) field errors, keyed like `attributes.severity` or `tags.2`, moved onto the form's fields. */
export function formFieldErrors(apiFields: Record<string, string[]>, values: ContentFormValues): Record<string, string[]> {
  const tags = splitTags(values.tags);
  const fields: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(apiFields)) {
    const field = formFieldOf(key);
    const tagIndex = /^tags\.(\d+)$/.exec(key)?.[1];
    const tag = tagIndex !== undefined ? tags[Number(tagIndex)] : undefined;
    const list = (fields[field] ??= []);
    for (const message of messages) {
      const text = tag !== undefined ? `«${tag}»: ${message}` : message;
      if (!list.includes(text)) list.push(text);
    }
  }
  return fields;
}
