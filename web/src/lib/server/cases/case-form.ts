import {
  CASE_REQUIREMENTS_MAX,
  CASE_STEPS_MAX,
  CaseAttributesSchema,
  CreateCaseSchema,
  UpdateContentSchema,
  type CaseAttributes,
  type ContentDetail,
  type CreateContent,
  type UpdateContent,
} from '@infraforum/shared';
import { STEP_FIELDS, emptyStepRow, type CaseFormValues, type StepField, type StepRowValues } from '../../components/cases/form-types';
import { checkInput, splitTags } from '../content/content-form';

export type { CaseFormState, CaseFormValues } from '../../components/cases/form-types';

/** Empty step rows offered below the filled ones (and added by "Tilføj flere trin"). */
export const EMPTY_STEPS = 3;
/** Empty requirement fields offered below the filled ones. */
export const EMPTY_REQUIREMENTS = 1;

type Checked<Output> = { ok: true; data: Output } | { ok: false; fields: Record<string, string[]> };

export function emptyCaseForm(overrides: Partial<CaseFormValues> = {}): CaseFormValues {
  return {
    title: '',
    system: '',
    supplier: '',
    fromType: '',
    fromDescription: '',
    toComponent: '',
    toVersion: '',
    caseStatus: '',
    startDate: '',
    endDate: '',
    effortDays: '',
    steps: [],
    emptySteps: EMPTY_STEPS,
    obstacles: '',
    lessons: '',
    requirements: [],
    emptyRequirements: EMPTY_REQUIREMENTS,
    body: '',
    tags: '',
    visibility: 'members',
    contactOptIn: '',
    reason: '',
    expectedVersion: '',
    ...overrides,
  };
}

const TEXT_FIELDS = [
  'title',
  'system',
  'supplier',
  'fromType',
  'fromDescription',
  'toComponent',
  'toVersion',
  'caseStatus',
  'startDate',
  'endDate',
  'effortDays',
  'obstacles',
  'lessons',
  'body',
  'tags',
  'visibility',
  'contactOptIn',
  'reason',
  'expectedVersion',
] as const;

const isStepField = (name: string): name is StepField => (STEP_FIELDS as readonly string[]).includes(name);
const isBlankStep = (row: StepRowValues) => row.title.trim() === '' && row.text.trim() === '';

/** The step rows as posted, blank ones included, in the order of their numbers. */
function postedSteps(data: FormData): StepRowValues[] {
  const byIndex = new Map<number, StepRowValues>();
  for (const [name, value] of data.entries()) {
    const match = /^steps\.(\d{1,3})\.(\w+)$/.exec(name);
    if (!match || typeof value !== 'string' || !isStepField(match[2]!)) continue;
    const index = Number(match[1]);
    const row = byIndex.get(index) ?? emptyStepRow();
    row[match[2]] = value;
    byIndex.set(index, row);
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}

/** The requirement fields as posted, blank ones included. */
function postedRequirements(data: FormData): string[] {
  const byIndex = new Map<number, string>();
  for (const [name, value] of data.entries()) {
    const match = /^requirements\.(\d{1,3})$/.exec(name);
    if (match && typeof value === 'string') byIndex.set(Number(match[1]), value);
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, text]) => text);
}

/**
 * Rows with something in them keep their order; a row with only "who" chosen counts as blank (the select has a
 * value even when nobody typed in the row).
 */
function compactSteps(rows: StepRowValues[]): { steps: StepRowValues[]; blank: number } {
  const steps = rows.filter((row) => !isBlankStep(row));
  return { steps, blank: rows.length - steps.length };
}

function compactRequirements(texts: string[]): { requirements: string[]; blank: number } {
  const requirements = texts.filter((text) => text.trim() !== '');
  return { requirements, blank: texts.length - requirements.length };
}

/** The posted form; `emptySteps` and `emptyRequirements` are how many blank rows came with it. */
export function readCaseForm(data: FormData): CaseFormValues {
  const values = emptyCaseForm({ visibility: '' });
  for (const name of TEXT_FIELDS) {
    const value = data.get(name);
    values[name] = typeof value === 'string' ? value : '';
  }
  const { steps, blank } = compactSteps(postedSteps(data));
  const { requirements, blank: blankRequirements } = compactRequirements(postedRequirements(data));
  return { ...values, steps, emptySteps: blank, requirements, emptyRequirements: blankRequirements };
}

/** The form shown again (a preview, a failed save): at least the usual blank rows, never beyond the limits. */
export function withBlankRows(values: CaseFormValues, extraSteps = 0, extraRequirements = 0): CaseFormValues {
  const steps = extraSteps > 0 ? values.emptySteps + extraSteps : Math.max(EMPTY_STEPS, values.emptySteps);
  const requirements =
    extraRequirements > 0 ? values.emptyRequirements + extraRequirements : Math.max(EMPTY_REQUIREMENTS, values.emptyRequirements);
  return {
    ...values,
    emptySteps: Math.max(0, Math.min(steps, CASE_STEPS_MAX - values.steps.length)),
    emptyRequirements: Math.max(0, Math.min(requirements, CASE_REQUIREMENTS_MAX - values.requirements.length)),
  };
}

/**
 * The row buttons without JavaScript ("Tilføj flere trin", "Flyt trin 2 op", "Fjern kravtekst 1"): the same
 * form back with the rows changed. The button's value says what: "steps.add", "steps.up.2", "steps.down.2",
 * "steps.remove.2", "requirements.add", "requirements.remove.1" (indexes as the form showed them).
 */
export function rearrangeRows(data: FormData): CaseFormValues {
  const values = readCaseForm(data);
  const steps = postedSteps(data);
  const requirements = postedRequirements(data);
  const command = String(data.get('rows') ?? 'steps.add');
  const [list, action, position] = command.split('.');
  const index = Number(position);
  const swap = <Row>(rows: Row[], a: number, b: number) => {
    if (a < 0 || b < 0 || a >= rows.length || b >= rows.length) return;
    [rows[a], rows[b]] = [rows[b]!, rows[a]!];
  };
  if (list === 'steps') {
    if (action === 'add') return withBlankRows(values, EMPTY_STEPS);
    if (action === 'up') swap(steps, index - 1, index);
    else if (action === 'down') swap(steps, index, index + 1);
    else if (action === 'remove' && index >= 0 && index < steps.length) steps.splice(index, 1);
    const compacted = compactSteps(steps);
    return withBlankRows({ ...values, steps: compacted.steps, emptySteps: compacted.blank });
  }
  if (list === 'requirements') {
    if (action === 'add') return withBlankRows(values, 0, 1);
    if (action === 'remove' && index >= 0 && index < requirements.length) requirements.splice(index, 1);
    const compacted = compactRequirements(requirements);
    return withBlankRows({ ...values, requirements: compacted.requirements, emptyRequirements: compacted.blank });
  }
  return withBlankRows(values);
}

/** "12,5 persondage" as a number for the API. */
const DECIMAL = /^\d{1,5}(?:[.,]\d{1,2})?$/;

/** The form as it starts when editing: the stored case. */
export function caseValuesFromDetail(detail: ContentDetail): CaseFormValues {
  const attributes: Partial<CaseAttributes> = CaseAttributesSchema.safeParse(detail.attributes).data ?? {};
  return withBlankRows(
    emptyCaseForm({
      title: detail.title,
      system: attributes.system ?? '',
      supplier: attributes.supplier ?? '',
      fromType: attributes.from?.type ?? '',
      fromDescription: attributes.from?.description ?? '',
      toComponent: attributes.to?.component ?? '',
      toVersion: attributes.to?.version ?? '',
      caseStatus: attributes.status ?? '',
      startDate: attributes.startDate ?? '',
      endDate: attributes.endDate ?? '',
      effortDays: attributes.effortDays !== undefined ? String(attributes.effortDays).replace('.', ',') : '',
      steps: (attributes.steps ?? []).map((step) => ({ title: step.title, text: step.text, who: step.who ?? '' })),
      emptySteps: 0,
      obstacles: attributes.obstacles ?? '',
      lessons: attributes.lessons ?? '',
      requirements: attributes.requirements ?? [],
      emptyRequirements: 0,
      body: detail.body,
      tags: detail.tags.join(', '),
      visibility: detail.visibility,
      contactOptIn: attributes.contactOptIn ? 'true' : '',
      expectedVersion: String(detail.version),
    }),
  );
}

/** Blank means "not given", so the schema answers "Skriv …" / "Vælg …" rather than a length rule. */
const given = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

/** The attributes as the API takes them, and what the form could not read itself (the number of person-days). */
function attributesInput(values: CaseFormValues): { input: Record<string, unknown>; fields: Record<string, string[]> } {
  const fields: Record<string, string[]> = {};
  const effort = values.effortDays.trim();
  let effortDays: number | undefined;
  if (effort !== '') {
    if (DECIMAL.test(effort)) effortDays = Number(effort.replace(',', '.'));
    else fields.effortDays = ['Angiv antal persondage som et tal, fx 12 eller 12,5'];
  }
  return {
    input: {
      system: given(values.system),
      supplier: given(values.supplier),
      from: { type: given(values.fromType), description: given(values.fromDescription) },
      to: { component: given(values.toComponent), version: given(values.toVersion) },
      status: given(values.caseStatus),
      startDate: given(values.startDate),
      endDate: given(values.endDate),
      effortDays,
      steps: values.steps.map((step) => ({ title: given(step.title), text: step.text, who: given(step.who) })),
      obstacles: values.obstacles,
      lessons: values.lessons,
      requirements: values.requirements,
      contactOptIn: values.contactOptIn === 'true',
    },
    fields,
  };
}

function merge(...sources: Record<string, string[]>[]): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const source of sources) {
    for (const [key, messages] of Object.entries(source)) {
      const list = (fields[key] ??= []);
      for (const message of messages) if (!list.includes(message)) list.push(message);
    }
  }
  return fields;
}

export function checkCaseCreate(values: CaseFormValues, status: 'draft' | 'published'): Checked<CreateContent> {
  const { input, fields } = attributesInput(values);
  const checked = checkInput<CreateContent>(CreateCaseSchema, {
    kind: 'case',
    title: given(values.title),
    body: given(values.body),
    tags: splitTags(values.tags),
    visibility: given(values.visibility),
    status,
    attributes: input,
  });
  if (!checked.ok) return { ok: false, fields: merge(fields, checked.fields) };
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return checked;
}

export function checkCaseUpdate(values: CaseFormValues, options: { status: 'draft' | 'published' | undefined }): Checked<UpdateContent> {
  const { input, fields } = attributesInput(values);
  const attributes = checkInput<CaseAttributes>(CaseAttributesSchema, input, 'attributes.');
  const expectedVersion = Number(values.expectedVersion);
  const checked = checkInput<UpdateContent>(UpdateContentSchema, {
    title: given(values.title) ?? '',
    body: given(values.body) ?? '',
    tags: splitTags(values.tags),
    visibility: given(values.visibility),
    ...(options.status ? { status: options.status } : {}),
    ...(attributes.ok ? { attributes: attributes.data } : {}),
    ...(Number.isInteger(expectedVersion) && expectedVersion > 0 ? { expectedVersion } : {}),
    ...(values.reason.trim() ? { reason: values.reason } : {}),
  });
  const problems = merge(fields, attributes.ok ? {} : attributes.fields, checked.ok ? {} : checked.fields);
  if (!checked.ok || Object.keys(problems).length > 0) return { ok: false, fields: problems };
  return checked;
}

const ATTRIBUTE_FIELDS: Record<string, string> = {
  system: 'system',
  supplier: 'supplier',
  status: 'caseStatus',
  startDate: 'startDate',
  endDate: 'endDate',
  effortDays: 'effortDays',
  obstacles: 'obstacles',
  lessons: 'lessons',
  contactOptIn: 'contactOptIn',
};
const TOP_FIELDS = ['title', 'body', 'tags', 'visibility', 'status', 'reason'];

/** The form field an API (or schema) field error belongs to: "attributes.steps.2.text" → "steps.2.text". */
function formFieldOf(key: string): string {
  const [head, name, index, sub] = key.split('.');
  if (head === 'attributes' && name) {
    if (name === 'from') return index === 'description' ? 'fromDescription' : 'fromType';
    if (name === 'to') return index === 'version' ? 'toVersion' : 'toComponent';
    if (name === 'steps') {
      if (index === undefined || !/^\d+$/.test(index)) return 'steps';
      return `steps.${index}.${sub && isStepField(sub) ? sub : 'title'}`;
    }
    if (name === 'requirements') return index !== undefined && /^\d+$/.test(index) ? `requirements.${index}` : 'requirements';
    return ATTRIBUTE_FIELDS[name] ?? '_';
  }
  // A component the case is linked to besides its target: the only component the form names is the target.
  if (head === 'components') return 'toComponent';
  if (head && TOP_FIELDS.includes(head)) return head;
  // The form's own messages ("effortDays") are keyed by the form field already.
  if (head && Object.hasOwn(ATTRIBUTE_FIELDS, head)) return ATTRIBUTE_FIELDS[head]!;
  return '_';
}

/** API (or schema) field errors moved onto the form's fields; a tag at fault is named. */
export function caseFieldErrors(apiFields: Record<string, string[]>, values: Pick<CaseFormValues, 'tags'>): Record<string, string[]> {
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
