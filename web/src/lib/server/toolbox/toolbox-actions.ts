import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { ApiError } from '@infraforum/shared';
import { apiError } from '$lib/server/api';
import { requireRole, requireUser } from '$lib/server/auth';
import { textFields } from '$lib/server/forms';
import {
  ACCEPT_FIELDS,
  CONTENT_ITEM_FIELDS,
  EDIT_ITEM_FIELDS,
  LINK_ITEM_FIELDS,
  PROPOSAL_FIELDS,
  SECTION_FIELDS,
  checkAccept,
  checkContentItem,
  checkDecline,
  checkItemUpdate,
  checkLinkItem,
  checkPosition,
  checkProposal,
  checkSectionCreate,
  checkSectionUpdate,
} from './toolbox-form';
import { TOOLBOX_PATH, curatesToolbox, fetchSection, findItem, sectionPath, sectionSlugOf } from './toolbox-page';

const INVALID = 'Nogle felter er ikke udfyldt korrekt.';
const STAFF = ['moderator', 'admin'] as const;

/** What a failed toolbox form sends back; `form` says which of the page's forms, `target` which item or proposal. */
export interface ToolboxFormFailure {
  form: string;
  target?: number;
  values: Record<string, string>;
  fields: Record<string, string[]>;
  message: string;
}

const statusOf = (problem: ApiError) => (problem.statusCode >= 400 && problem.statusCode <= 599 ? problem.statusCode : 500);

function failure(status: number, body: ToolboxFormFailure) {
  return fail(status, body);
}

/** The API's refusal, on the form that asked; field errors the form has no field for are shown in the summary. */
function apiFailure(problem: ApiError, form: string, values: Record<string, string>, target?: number) {
  return failure(statusOf(problem), {
    form,
    ...(target !== undefined ? { target } : {}),
    values,
    fields: problem.fields ?? {},
    message: problem.message,
  });
}

function invalid(form: string, values: Record<string, string>, fields: Record<string, string[]>, target?: number) {
  return failure(400, { form, ...(target !== undefined ? { target } : {}), values, fields, message: INVALID });
}

function idFrom(value: string, what: string): number {
  if (!/^\d{1,12}$/.test(value.trim())) error(400, `${what} mangler.`);
  return Number(value.trim());
}

// ---- Sections ----

export async function createSection({ locals, url, request }: RequestEvent) {
  requireRole(locals, url, STAFF);
  const values = textFields(await request.formData(), SECTION_FIELDS);
  const checked = checkSectionCreate(values);
  if (!checked.ok) return invalid('createSection', values, checked.fields);
  const { data, error: problem, response } = await locals.api.POST('/api/toolbox/sections', { body: checked.data });
  if (!data) return apiFailure(apiError(problem, response), 'createSection', values);
  redirect(303, sectionPath(data.slug));
}

/** "Vis forhåndsvisning" of the introduction on the edit page: the form back with the rendered text. */
export async function previewSectionIntro({ locals, url, request }: RequestEvent) {
  requireRole(locals, url, STAFF);
  const values = textFields(await request.formData(), SECTION_FIELDS);
  const { data, error: problem, response } = await locals.api.POST('/api/markdown/preview', { body: { body: values.intro } });
  if (!data) return apiFailure(apiError(problem, response), 'section', values);
  return { form: 'section', values, fields: {}, preview: data.html };
}

export async function updateSection({ locals, url, request, params }: RequestEvent) {
  requireRole(locals, url, STAFF);
  const slug = sectionSlugOf(params.slug ?? '');
  const values = textFields(await request.formData(), SECTION_FIELDS);
  const checked = checkSectionUpdate(values);
  if (!checked.ok) return invalid('section', values, checked.fields);
  const {
    data,
    error: problem,
    response,
  } = await locals.api.PATCH('/api/toolbox/sections/{slug}', {
    params: { path: { slug } },
    body: checked.data,
  });
  if (!data) return apiFailure(apiError(problem, response), 'section', values);
  redirect(303, sectionPath(data.slug));
}

export async function deleteSection({ locals, url, params }: RequestEvent) {
  requireRole(locals, url, STAFF);
  const slug = sectionSlugOf(params.slug ?? '');
  const { error: problem, response } = await locals.api.DELETE('/api/toolbox/sections/{slug}', { params: { path: { slug } } });
  if (!response.ok) return apiFailure(apiError(problem, response), 'delete', {});
  redirect(303, `${TOOLBOX_PATH}?slettet=1`);
}

// ---- Items ----

export async function addContentItem({ locals, url, request, params }: RequestEvent) {
  requireRole(locals, url, STAFF);
  const slug = sectionSlugOf(params.slug ?? '');
  const values = textFields(await request.formData(), CONTENT_ITEM_FIELDS);
  const checked = checkContentItem(values);
  if (!checked.ok) return invalid('addContent', values, checked.fields);
  const { error: problem, response } = await locals.api.POST('/api/toolbox/sections/{slug}/items', {
    params: { path: { slug } },
    body: checked.data,
  });
  if (!response.ok) return apiFailure(apiError(problem, response), 'addContent', values);
  redirect(303, `${sectionPath(slug)}?tilfoejet=1#punkter`);
}

export async function addLinkItem({ locals, url, request, params }: RequestEvent) {
  requireRole(locals, url, STAFF);
  const slug = sectionSlugOf(params.slug ?? '');
  const values = textFields(await request.formData(), LINK_ITEM_FIELDS);
  const checked = checkLinkItem(values);
  if (!checked.ok) return invalid('addLink', values, checked.fields);
  const { error: problem, response } = await locals.api.POST('/api/toolbox/sections/{slug}/items', {
    params: { path: { slug } },
    body: checked.data,
  });
  if (!response.ok) return apiFailure(apiError(problem, response), 'addLink', values);
  redirect(303, `${sectionPath(slug)}?tilfoejet=1#punkter`);
}

/** "Flyt op" / "Flyt ned": the button sends the item's new position; back to the item afterwards. */
export async function moveItem({ locals, url, request, params }: RequestEvent) {
  requireRole(locals, url, STAFF);
  const slug = sectionSlugOf(params.slug ?? '');
  const values = textFields(await request.formData(), ['itemId', 'position']);
  const itemId = idFrom(values.itemId, 'Punktet');
  const checked = checkPosition(values.position);
  if (!checked.ok) return invalid('move', values, checked.fields, itemId);
  const { error: problem, response } = await locals.api.PATCH('/api/toolbox/sections/{slug}/items/{itemId}', {
    params: { path: { slug, itemId: String(itemId) } },
    body: checked.data,
  });
  if (!response.ok) return apiFailure(apiError(problem, response), 'move', values, itemId);
  redirect(303, `${sectionPath(slug)}#punkt-${itemId}`);
}

export async function updateItem({ locals, url, request, params }: RequestEvent) {
  requireRole(locals, url, STAFF);
  const section = await fetchSection(locals, params.slug ?? '');
  const item = findItem(section, params.itemId ?? '');
  const values = textFields(await request.formData(), EDIT_ITEM_FIELDS);
  const checked = checkItemUpdate(values, item.external);
  if (!checked.ok) return invalid('item', values, checked.fields, item.id);
  const { error: problem, response } = await locals.api.PATCH('/api/toolbox/sections/{slug}/items/{itemId}', {
    params: { path: { slug: section.slug, itemId: String(item.id) } },
    body: checked.data,
  });
  if (!response.ok) return apiFailure(apiError(problem, response), 'item', values, item.id);
  redirect(303, `${sectionPath(section.slug)}#punkt-${item.id}`);
}

export async function removeItem({ locals, url, params }: RequestEvent) {
  requireRole(locals, url, STAFF);
  const section = await fetchSection(locals, params.slug ?? '');
  const item = findItem(section, params.itemId ?? '');
  const { error: problem, response } = await locals.api.DELETE('/api/toolbox/sections/{slug}/items/{itemId}', {
    params: { path: { slug: section.slug, itemId: String(item.id) } },
  });
  if (!response.ok) return apiFailure(apiError(problem, response), 'remove', {}, item.id);
  redirect(303, `${sectionPath(section.slug)}?fjernet=1#punkter`);
}

// ---- Proposals ----

/**
 * "Foreslå til Værktøjskassen": a member proposes an item of the forum for a section (the section from the route,
 * or chosen on the form). A moderator, on the chooser page, adds it to the section straight away instead.
 */
export async function proposeItem({ locals, url, request, params }: RequestEvent) {
  const user = requireUser(locals, url);
  const form = await request.formData();
  const values = { ...textFields(form, PROPOSAL_FIELDS), ...textFields(form, ['section']) };
  const chosen = params.slug ?? values.section;
  const sectionFields: Record<string, string[]> = chosen.trim() === '' ? { section: ['Vælg det afsnit, indholdet hører hjemme i'] } : {};
  if (curatesToolbox(user)) return addChosenItem(locals, values, chosen, sectionFields);
  const checked = checkProposal(values);
  if (!checked.ok || chosen.trim() === '') return invalid('propose', values, { ...sectionFields, ...(checked.ok ? {} : checked.fields) });
  const slug = sectionSlugOf(chosen);
  const { error: problem, response } = await locals.api.POST('/api/toolbox/sections/{slug}/proposals', {
    params: { path: { slug } },
    body: checked.data,
  });
  if (!response.ok) return apiFailure(apiError(problem, response), 'propose', values);
  redirect(303, `${sectionPath(slug)}?forslag=sendt`);
}

/** The chooser page for a moderator: the note is the item's description in the section. */
async function addChosenItem(locals: App.Locals, values: Record<string, string>, chosen: string, sectionFields: Record<string, string[]>) {
  const checked = checkContentItem({ contentId: values.contentId ?? '', description: values.note ?? '', position: '' });
  if (!checked.ok || chosen.trim() === '') {
    return invalid('propose', values, { ...sectionFields, ...(checked.ok ? {} : renameField(checked.fields, 'description', 'note')) });
  }
  const slug = sectionSlugOf(chosen);
  const { error: problem, response } = await locals.api.POST('/api/toolbox/sections/{slug}/items', {
    params: { path: { slug } },
    body: checked.data,
  });
  if (!response.ok) {
    const problemBody = apiError(problem, response);
    return apiFailure({ ...problemBody, fields: renameField(problemBody.fields ?? {}, 'description', 'note') }, 'propose', values);
  }
  redirect(303, `${sectionPath(slug)}?tilfoejet=1#punkter`);
}

function renameField(fields: Record<string, string[]>, from: string, to: string): Record<string, string[]> {
  return Object.fromEntries(Object.entries(fields).map(([key, messages]) => [key === from ? to : key, messages]));
}

/** "Optag": the proposal becomes an item of its section (at the given position, or last). */
export async function acceptProposal({ locals, url, request }: RequestEvent) {
  requireRole(locals, url, STAFF);
  const form = await request.formData();
  const values = { ...textFields(form, ACCEPT_FIELDS), ...textFields(form, ['proposalId']) };
  const id = idFrom(values.proposalId, 'Forslaget');
  const checked = checkAccept(values);
  if (!checked.ok) return invalid('accept', values, checked.fields, id);
  const { error: problem, response } = await locals.api.POST('/api/toolbox/proposals/{id}/accept', {
    params: { path: { id: String(id) } },
    body: checked.data,
  });
  if (!response.ok) return apiFailure(apiError(problem, response), 'accept', values, id);
  redirect(303, `${TOOLBOX_PATH}/forslag?optaget=${id}`);
}

/** "Afvis": the reason is required; the member sees it on their list of proposals. */
export async function declineProposal({ locals, url, request }: RequestEvent) {
  requireRole(locals, url, STAFF);
  const form = await request.formData();
  const values = textFields(form, ['proposalId', 'reason']);
  const id = idFrom(values.proposalId, 'Forslaget');
  const checked = checkDecline(values.reason);
  if (!checked.ok) return invalid('decline', values, renameField(checked.fields, '_', 'reason'), id);
  const { error: problem, response } = await locals.api.POST('/api/toolbox/proposals/{id}/decline', {
    params: { path: { id: String(id) } },
    body: checked.data,
  });
  if (!response.ok) return apiFailure(apiError(problem, response), 'decline', values, id);
  redirect(303, `${TOOLBOX_PATH}/forslag?afvist=${id}`);
}
