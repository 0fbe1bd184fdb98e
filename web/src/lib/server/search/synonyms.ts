import { error, redirect } from '@sveltejs/kit';
import { SynonymGroupInputSchema, type SynonymGroup, type UserRole } from '@infraforum/shared';
import { apiError } from '$lib/server/api';
import { requireRole } from '$lib/server/auth';
import { failWithApiError, failWithFieldErrors, textFields } from '$lib/server/forms';

/** Who edits the search's synonyms (the API says the same). */
export const SYNONYM_EDITORS: readonly UserRole[] = ['moderator', 'admin'];

/** What the list page says after a change (`?gemt=…`), and that search picks it up by itself. */
export const SAVED_MESSAGES = {
  oprettet: 'Synonymgruppen er tilføjet.',
  rettet: 'Synonymgruppen er rettet.',
  slettet: 'Synonymgruppen er slettet.',
} as const;
export type SavedKey = keyof typeof SAVED_MESSAGES;

export const isSavedKey = (value: string | null): value is SavedKey => value !== null && Object.hasOwn(SAVED_MESSAGES, value);

/** "FKA, Fælleskommunal Adgangsstyring ,," → ["FKA", "Fælleskommunal Adgangsstyring"]: blanks between commas are dropped. */
export function termList(text: string): string[] {
  return text
    .split(',')
    .map((term) => term.trim())
    .filter(Boolean);
}

/** Field errors keyed by the form's field: "terms.2" (one term too long) belongs to the terms field. */
export function byField(fields: Record<string, string[]>): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(fields)) {
    const field = path.split('.')[0] || '_';
    grouped[field] = [...new Set([...(grouped[field] ?? []), ...messages])];
  }
  return grouped;
}

export async function listSynonyms(locals: App.Locals): Promise<SynonymGroup[]> {
  const { data, error: problem, response } = await locals.api.GET('/api/search/synonyms');
  if (!data) {
    const failed = apiError(problem, response);
    error(failed.statusCode === 403 ? 403 : 502, failed.message);
  }
  return data.groups;
}

/** One group, for its edit and delete pages (the API lists them; there are few). */
export async function findSynonymGroup(locals: App.Locals, id: string): Promise<SynonymGroup> {
  const group = (await listSynonyms(locals)).find((candidate) => candidate.id === id);
  if (!group) error(404, 'Synonymgruppen findes ikke.');
  return group;
}

/**
 * The add and edit forms' action: checks the terms with the API's schema, saves them (POST for a
 * new group, PUT for an existing one) and goes back to the list, or shows the form again with the
 * messages (a term already in another group comes back from the API as a 409 on `terms`).
 */
export async function saveSynonymGroup(locals: App.Locals, url: URL, request: Request, id: string | null) {
  requireRole(locals, url, SYNONYM_EDITORS);
  const values = textFields(await request.formData(), ['terms']);
  const checked = SynonymGroupInputSchema.safeParse({ terms: termList(values.terms) });
  if (!checked.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of checked.error.issues) (fields[issue.path.map(String).join('.') || 'terms'] ??= []).push(issue.message);
    return failWithFieldErrors(byField(fields), values);
  }
  const body = { terms: checked.data.terms };
  const {
    data,
    error: problem,
    response,
  } = id === null
    ? await locals.api.POST('/api/search/synonyms', { body })
    : await locals.api.PUT('/api/search/synonyms/{id}', { params: { path: { id } }, body });
  if (!data) {
    const failed = apiError(problem, response);
    return failWithApiError({ ...failed, fields: byField(failed.fields ?? {}) }, values);
  }
  redirect(303, `/admin/synonymer?gemt=${id === null ? 'oprettet' : 'rettet'}`);
}
