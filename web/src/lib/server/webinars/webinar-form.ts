import {
  CreateWebinarSchema,
  DEFAULT_WEBINAR_SERIES,
  PROGRAMME_MAX,
  UpdateContentSchema,
  WebinarAttributesSchema,
  copenhagenDateAndTime,
  type ContentDetail,
  type CreateContent,
  type UpdateContent,
  type WebinarAttributes,
} from '@infraforum/shared';
import {
  PROGRAMME_FIELDS,
  emptyProgrammeRow,
  type ProgrammeField,
  type ProgrammeRowValues,
  type WebinarFormValues,
} from '../../components/webinars/form-types';
import { checkInput } from '../content/content-form';
import { clockOf, copenhagenInstant } from '../copenhagen-input';

export type { WebinarFormState, WebinarFormValues } from '../../components/webinars/form-types';

/** Empty programme rows offered below the filled ones (and added by "Tilføj flere rækker"). */
export const EMPTY_ROWS = 3;

type Checked<Output> = { ok: true; data: Output } | { ok: false; fields: Record<string, string[]> };

export function emptyWebinarForm(overrides: Partial<WebinarFormValues> = {}): WebinarFormValues {
  return {
    title: '',
    series: DEFAULT_WEBINAR_SERIES,
    date: '',
    startTime: '',
    endTime: '',
    onlineUrl: '',
    hosts: [],
    body: '',
    programme: [],
    emptyRows: EMPTY_ROWS,
    recordingUrl: '',
    recap: '',
    visibility: 'public',
    reason: '',
    expectedVersion: '',
    ...overrides,
  };
}

const TEXT_FIELDS = [
  'title',
  'series',
  'date',
  'startTime',
  'endTime',
  'onlineUrl',
  'body',
  'recordingUrl',
  'recap',
  'visibility',
  'reason',
  'expectedVersion',
] as const;

const isProgrammeField = (name: string): name is ProgrammeField => (PROGRAMME_FIELDS as readonly string[]).includes(name);
const isBlankRow = (row: ProgrammeRowValues) => PROGRAMME_FIELDS.every((field) => row[field].trim() === '');
/**
 * The filled programme rows, by start time when every start can be read (the API keeps them in that order, so
 * its per-row messages, "attributes.programme.2.end", point at the row shown in that place), else as typed.
 */
function readProgramme(data: FormData): { rows: ProgrammeRowValues[]; blankRows: number } {
  const byIndex = new Map<number, ProgrammeRowValues>();
  for (const [name, value] of data.entries()) {
    const match = /^programme\.(\d{1,3})\.(\w+)$/.exec(name);
    if (!match || typeof value !== 'string' || !isProgrammeField(match[2]!)) continue;
    const index = Number(match[1]);
    const row = byIndex.get(index) ?? emptyProgrammeRow();
    row[match[2]] = value;
    byIndex.set(index, row);
  }
  const posted = [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
  const rows = posted.filter((row) => !isBlankRow(row));
  const starts = rows.map((row) => clockOf(row.start));
  const sortable = starts.every((start) => start !== undefined);
  return {
    rows: sortable
      ? rows
          .map((row, index) => ({ row, start: starts[index]! }))
          .sort((a, b) => a.start.localeCompare(b.start))
          .map(({ row }) => row)
      : rows,
    blankRows: posted.length - rows.length,
  };
}

/** The posted form; `emptyRows` is how many blank programme rows came with it. */
export function readWebinarForm(data: FormData): WebinarFormValues {
  const values = emptyWebinarForm({ series: '', visibility: '' });
  for (const name of TEXT_FIELDS) {
    const value = data.get(name);
    values[name] = typeof value === 'string' ? value : '';
  }
  values.hosts = data.getAll('hosts').filter((value): value is string => typeof value === 'string');
  const { rows, blankRows } = readProgramme(data);
  values.programme = rows;
  values.emptyRows = blankRows;
  return values;
}

/** The form shown again (a preview, a failed save): at least the usual blank rows, or `extra` more than were posted. */
export function withBlankRows(values: WebinarFormValues, extra = 0): WebinarFormValues {
  const wanted = extra > 0 ? values.emptyRows + extra : Math.max(EMPTY_ROWS, values.emptyRows);
  return { ...values, emptyRows: Math.max(0, Math.min(wanted, PROGRAMME_MAX - values.programme.length)) };
}

/** The form as it starts when editing: the stored webinar, its times on a Copenhagen clock. */
export function valuesFromDetail(detail: ContentDetail): WebinarFormValues {
  const attributes: Partial<WebinarAttributes> = WebinarAttributesSchema.safeParse(detail.attributes).data ?? {};
  const start = attributes.startsAt ? copenhagenDateAndTime(attributes.startsAt) : { date: '', time: '' };
  const end = attributes.endsAt ? copenhagenDateAndTime(attributes.endsAt) : { date: '', time: '' };
  return emptyWebinarForm({
    title: detail.title,
    series: attributes.series ?? DEFAULT_WEBINAR_SERIES,
    date: start.date,
    startTime: start.time,
    endTime: end.time,
    onlineUrl: attributes.onlineUrl ?? '',
    hosts: attributes.hosts ?? [],
    body: detail.body,
    programme: (attributes.programme ?? []).map((item) => ({
      start: item.start,
      end: item.end,
      title: item.title,
      speaker: item.speaker ?? '',
      speakerOrganization: item.speakerOrganization ?? '',
      content: item.contentId ? String(item.contentId) : '',
    })),
    recordingUrl: attributes.recordingUrl ?? '',
    recap: attributes.recap ?? '',
    visibility: detail.visibility,
    expectedVersion: String(detail.version),
  });
}

/** "12", "#12", "/vejledninger/12-titel" or a whole address → 12; blank → null; anything else → undefined. */
export function parseContentReference(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const match = /^(?:#?(\d{1,9})|(?:https?:\/\/[^/\s]+)?\/[a-z]+\/(\d{1,9})(?:-[^/?#\s]*)?\/?(?:[?#]\S*)?)$/.exec(trimmed);
  const digits = match?.[1] ?? match?.[2];
  return digits ? Number(digits) : undefined;
}

/** Blank means "not given", so the schema answers "Angiv …" rather than a length or format rule. */
const given = (value: string): string | undefined => (value.trim() === '' ? undefined : value);

/** The form's date and clock times as instants with the Copenhagen offset, and what could not be read. */
function instantsOf(values: WebinarFormValues): { startsAt?: string; endsAt?: string; fields: Record<string, string[]> } {
  const fields: Record<string, string[]> = {};
  const date = values.date.trim();
  if (date === '') fields.date = ['Angiv datoen for webinaret'];
  const at = (time: string, field: 'startTime' | 'endTime', label: string): string | undefined => {
    if (time.trim() === '') return undefined;
    const wallClock = clockOf(time);
    if (!wallClock) {
      fields[field] = [`Angiv ${label} som tt:mm, fx 10:00`];
      return undefined;
    }
    if (date === '') return undefined;
    const instant = copenhagenInstant(date, wallClock);
    if (!instant) fields.date = ['Angiv datoen som åååå-mm-dd, fx 2027-01-14'];
    return instant;
  };
  const startsAt = at(values.startTime, 'startTime', 'starttidspunktet');
  const endsAt = at(values.endTime, 'endTime', 'sluttidspunktet');
  return { startsAt, endsAt, fields };
}

function attributesInput(values: WebinarFormValues): { input: Record<string, unknown>; fields: Record<string, string[]> } {
  const { startsAt, endsAt, fields } = instantsOf(values);
  const programme = values.programme.map((row, index) => {
    const contentId = parseContentReference(row.content);
    if (contentId === undefined) {
      fields[`programme.${index}.content`] = ['Skriv nummeret eller adressen på en vejledning eller case, fx /vejledninger/12'];
    }
    return {
      start: given(row.start),
      end: given(row.end),
      title: given(row.title),
      speaker: given(row.speaker),
      speakerOrganization: given(row.speakerOrganization),
      ...(typeof contentId === 'number' ? { contentId } : {}),
    };
  });
  return {
    input: {
      series: given(values.series),
      startsAt,
      endsAt,
      onlineUrl: given(values.onlineUrl),
      hosts: values.hosts,
      programme,
      recordingUrl: given(values.recordingUrl),
      recap: given(values.recap),
    },
    fields,
  };
}

/** Schema messages about a time the form already complained about (a missing date, a garbled clock) are left out. */
function withoutEchoes(schemaFields: Record<string, string[]>, own: Record<string, string[]>, values: WebinarFormValues) {
  const echoes = (key: string, time: string, field: string) =>
    key === `attributes.${field === 'startTime' ? 'startsAt' : 'endsAt'}` &&
    (own[field] !== undefined || (own.date !== undefined && time.trim() !== ''));
  return Object.fromEntries(
    Object.entries(schemaFields).filter(([key]) => !echoes(key, values.startTime, 'startTime') && !echoes(key, values.endTime, 'endTime')),
  );
}

function merge(...sources: Record<string, string[]>[]): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const source of sources) for (const [key, messages] of Object.entries(source)) (fields[key] ??= []).push(...messages);
  return fields;
}

export function checkWebinarCreate(values: WebinarFormValues, status: 'draft' | 'published'): Checked<CreateContent> {
  const { input, fields } = attributesInput(values);
  const checked = checkInput<CreateContent>(CreateWebinarSchema, {
    kind: 'webinar',
    title: given(values.title),
    body: given(values.body),
    visibility: given(values.visibility),
    status,
    attributes: input,
  });
  if (!checked.ok) return { ok: false, fields: merge(fields, withoutEchoes(checked.fields, fields, values)) };
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return checked;
}

export function checkWebinarUpdate(
  values: WebinarFormValues,
  options: { status: 'draft' | 'published' | undefined },
): Checked<UpdateContent> {
  const { input, fields } = attributesInput(values);
  const attributes = checkInput<WebinarAttributes>(WebinarAttributesSchema, input, 'attributes.');
  const expectedVersion = Number(values.expectedVersion);
  const checked = checkInput<UpdateContent>(UpdateContentSchema, {
    title: given(values.title) ?? '',
    body: given(values.body) ?? '',
    visibility: given(values.visibility),
    ...(options.status ? { status: options.status } : {}),
    ...(attributes.ok ? { attributes: attributes.data } : {}),
    ...(Number.isInteger(expectedVersion) && expectedVersion > 0 ? { expectedVersion } : {}),
    ...(values.reason.trim() ? { reason: values.reason } : {}),
  });
  const problems = merge(fields, attributes.ok ? {} : withoutEchoes(attributes.fields, fields, values), checked.ok ? {} : checked.fields);
  if (!checked.ok || Object.keys(problems).length > 0) return { ok: false, fields: problems };
  return checked;
}

/** The form field an API (or schema) field error belongs to: "attributes.programme.2.end" → "programme.2.end". */
function formFieldOf(key: string): string {
  const [head, name, index, sub] = key.split('.');
  if (head === 'attributes') {
    if (name === 'startsAt') return 'startTime';
    if (name === 'endsAt') return 'endTime';
    if (name === 'programme') {
      if (index === undefined || !/^\d+$/.test(index)) return 'programme';
      if (sub === 'contentId') return `programme.${index}.content`;
      return `programme.${index}.${sub && isProgrammeField(sub) ? sub : 'title'}`;
    }
    return name && ['series', 'onlineUrl', 'hosts', 'recordingUrl', 'recap'].includes(name) ? name : '_';
  }
  if (head && ['title', 'body', 'visibility', 'status', 'reason', 'date', 'startTime', 'endTime', 'hosts'].includes(head)) return head;
  // The form's own messages about a row ("programme.0.content") are keyed by the form field already.
  if (head === 'programme' && name !== undefined && /^\d+$/.test(name) && index !== undefined && isProgrammeField(index)) return key;
  return '_';
}

/** API (or schema) field errors moved onto the form's fields. */
export function webinarFieldErrors(apiFields: Record<string, string[]>): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(apiFields)) {
    const field = formFieldOf(key);
    const list = (fields[field] ??= []);
    for (const message of messages) if (!list.includes(message)) list.push(message);
  }
  return fields;
}
