import {
  AcceptToolboxProposalSchema,
  CreateToolboxProposalSchema,
  CreateToolboxSectionSchema,
  DeclineToolboxProposalSchema,
  KIND_PATHS,
  UpdateToolboxItemSchema,
  UpdateToolboxSectionSchema,
  type CreateToolboxItemInput,
  type CreateToolboxProposalInput,
  type CreateToolboxSectionInput,
  type UpdateToolboxItemInput,
  type UpdateToolboxSectionInput,
} from '@infraforum/shared';
import { checkInput } from '../content/content-form';
import type { Checked } from '../forms';

/** The form's field names; the API's own, so its field errors land on the right field. */
export const SECTION_FIELDS = ['title', 'intro', 'position'] as const;
export const CONTENT_ITEM_FIELDS = ['contentId', 'description', 'position'] as const;
export const LINK_ITEM_FIELDS = ['url', 'title', 'description'] as const;
export const EDIT_ITEM_FIELDS = ['title', 'url', 'description'] as const;
export const PROPOSAL_FIELDS = ['contentId', 'note'] as const;
export const ACCEPT_FIELDS = ['position', 'description'] as const;

export type Values<Name extends string> = Record<Name, string>;

/** The shape of a shared zod schema (structural, so the web does not import zod itself). */
interface Schema<Output> {
  safeParse(
    input: unknown,
  ): { success: true; data: Output } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/** Checks `input` with a shared schema; a blank text field or a missing number counts as not given. */
function checkFields<Output>(schema: Schema<Output>, input: Record<string, string | number | undefined>): Checked<Output> {
  const given = Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined && !(typeof value === 'string' && value.trim() === '')),
  );
  return checkInput(schema, given);
}

const MISSING_CONTENT = 'Angiv id’et på indholdet (et tal, fx 123)';

/**
 * A whole number as typed ("3" → 3); blank is missing, and anything else goes on as typed so the shared schema
 * answers with its own message ("Angiv en placering som et tal").
 */
export function numberField(value: string): number | string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  return /^-?\d{1,9}$/.test(trimmed) ? Number(trimmed) : trimmed;
}

const CONTENT_PATHS = Object.values(KIND_PATHS)
  .map((path) => path.slice(1))
  .join('|');
const CONTENT_ADDRESS = new RegExp(`^(?:https?://[^/]+)?/(?:${CONTENT_PATHS})/(\\d{1,9})(?:-[^/?#]*)?(?:[/?#].*)?$`);

/** "123", "#123" or the item's address ("/vejledninger/123-titel", a pasted https://… link) → 123. */
export function contentIdFrom(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const plain = /^#?(\d{1,9})$/.exec(trimmed);
  if (plain) return Number(plain[1]);
  const address = CONTENT_ADDRESS.exec(trimmed);
  return address ? Number(address[1]) : trimmed;
}

/** The content id as a positive whole number, or the field's error. */
function checkContentId(text: string): { ok: true; id: number } | { ok: false; message: string } {
  const id = contentIdFrom(text);
  if (id === undefined) return { ok: false, message: MISSING_CONTENT };
  if (typeof id !== 'number' || id < 1) return { ok: false, message: 'Id’et skal være et tal, fx 123, eller adressen på indholdet' };
  return { ok: true, id };
}

export function checkSectionCreate(values: Values<(typeof SECTION_FIELDS)[number]>): Checked<CreateToolboxSectionInput> {
  return checkFields(CreateToolboxSectionSchema, {
    title: values.title,
    intro: values.intro,
    position: numberField(values.position),
  });
}

/** Editing a section: the title stays required, an emptied introduction is removed (sent as ""), a blank position leaves it where it is. */
export function checkSectionUpdate(values: Values<(typeof SECTION_FIELDS)[number]>): Checked<UpdateToolboxSectionInput> {
  const checked = checkFields(UpdateToolboxSectionSchema, {
    title: values.title,
    intro: values.intro,
    position: numberField(values.position),
  });
  const fields: Record<string, string[]> = checked.ok ? {} : { ...checked.fields };
  if (values.title.trim() === '') fields.title = ['Skriv en titel'];
  if (!checked.ok || Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, data: { ...checked.data, intro: checked.data.intro ?? '' } };
}

/** An item of the forum: its id (or address), KOMBIT's description and where in the section. */
export function checkContentItem(values: Values<(typeof CONTENT_ITEM_FIELDS)[number]>): Checked<CreateToolboxItemInput> {
  const id = checkContentId(values.contentId);
  const rest = checkFields(AcceptToolboxProposalSchema, { description: values.description, position: numberField(values.position) });
  const fields: Record<string, string[]> = { ...(id.ok ? {} : { contentId: [id.message] }), ...(rest.ok ? {} : rest.fields) };
  if (!id.ok || !rest.ok) return { ok: false, fields };
  return { ok: true, data: { contentId: id.id, ...rest.data } };
}

/** An external link: address and title are required here (the shared schema's union would only say "one or the other"). */
export function checkLinkItem(values: Values<(typeof LINK_ITEM_FIELDS)[number]>): Checked<CreateToolboxItemInput> {
  const checked = checkFields(UpdateToolboxItemSchema, values);
  const fields: Record<string, string[]> = checked.ok ? {} : { ...checked.fields };
  if (values.url.trim() === '') fields.url = ['Angiv linket'];
  if (values.title.trim() === '') fields.title = ['Skriv en titel'];
  if (!checked.ok || Object.keys(fields).length > 0) return { ok: false, fields };
  const { url, title, description } = checked.data;
  if (url === undefined || title === undefined) return { ok: false, fields };
  return { ok: true, data: { url, title, ...(description ? { description } : {}) } };
}

/**
 * Editing an item: the description (emptied → removed), and for an external link its title and address too.
 */
export function checkItemUpdate(values: Values<(typeof EDIT_ITEM_FIELDS)[number]>, external: boolean): Checked<UpdateToolboxItemInput> {
  if (!external) {
    const checked = checkFields(UpdateToolboxItemSchema, { description: values.description });
    return checked.ok ? { ok: true, data: { description: checked.data.description ?? '' } } : checked;
  }
  const checked = checkFields(UpdateToolboxItemSchema, values);
  const fields: Record<string, string[]> = checked.ok ? {} : { ...checked.fields };
  if (values.url.trim() === '') fields.url = ['Angiv linket'];
  if (values.title.trim() === '') fields.title = ['Skriv en titel'];
  if (!checked.ok || Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, data: { ...checked.data, description: checked.data.description ?? '' } };
}

/** The position a move button sends: a whole number from 1. */
export function checkPosition(value: string): Checked<{ position: number }> {
  const position = numberField(value);
  if (typeof position !== 'number' || position < 1) return { ok: false, fields: { position: ['Placeringen skal være et tal fra 1'] } };
  return { ok: true, data: { position } };
}

export function checkProposal(values: Values<(typeof PROPOSAL_FIELDS)[number]>): Checked<CreateToolboxProposalInput> {
  const id = checkContentId(values.contentId);
  const note = checkFields(CreateToolboxProposalSchema, { contentId: 1, note: values.note });
  const fields: Record<string, string[]> = { ...(id.ok ? {} : { contentId: [id.message] }), ...(note.ok ? {} : note.fields) };
  if (!id.ok || !note.ok) return { ok: false, fields };
  return { ok: true, data: { contentId: id.id, ...(note.data.note ? { note: note.data.note } : {}) } };
}

export function checkAccept(values: Values<(typeof ACCEPT_FIELDS)[number]>): Checked<{ position?: number; description?: string }> {
  return checkFields(AcceptToolboxProposalSchema, { position: numberField(values.position), description: values.description });
}

export function checkDecline(reason: string): Checked<{ reason: string }> {
  if (reason.trim() === '')
    return { ok: false, fields: { reason: ['Skriv en begrundelse for at afvise forslaget. Forslagsstilleren får den at se.'] } };
  return checkFields(DeclineToolboxProposalSchema, { reason });
}
