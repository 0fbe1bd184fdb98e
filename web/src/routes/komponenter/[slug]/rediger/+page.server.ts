import { error, redirect } from '@sveltejs/kit';
import { SEVERITIES, SEVERITY_LABELS, UpdateComponentSchema, type UpdateComponent } from '@infraforum/shared';
import { CATALOG_EDITORS } from '$lib/components/catalog/catalog-access';
import { apiError } from '$lib/server/api';
import { requireRole } from '$lib/server/auth';
import { failWithApiError, failWithFieldErrors, textFields } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['name', 'shortName', 'description', 'impact', 'severity', 'aliases', 'reason'] as const;

export const load: PageServerLoad = async ({ locals, params, url }) => {
  requireRole(locals, url, CATALOG_EDITORS);
  const { data, response } = await locals.api.GET('/api/catalog/components/{slug}', { params: { path: { slug: params.slug } } });
  if (response.status === 404) error(404, 'Komponenten findes ikke i kataloget.');
  if (!data) error(502, `Komponenten kunne ikke hentes (${response.status}).`);
  return {
    component: data,
    severityOptions: SEVERITIES.map((value) => ({ value, label: SEVERITY_LABELS[value] })),
  };
};

/** The catalog's texts are single lines: line breaks typed in a text area become spaces. */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ');

/** "CH, Contexthandler , ,Login" → ["CH", "Contexthandler", "Login"] */
const aliasList = (text: string) =>
  text
    .split(',')
    .map((alias) => alias.trim())
    .filter(Boolean);

/** Field errors keyed by the form's field: "aliases.3" belongs to the aliases field. */
function byField(fields: Record<string, string[]>): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(fields)) {
    const field = path.split('.')[0] || '_';
    grouped[field] = [...new Set([...(grouped[field] ?? []), ...messages])];
  }
  return grouped;
}

export const actions: Actions = {
  default: async ({ locals, params, request, url }) => {
    requireRole(locals, url, CATALOG_EDITORS);
    const values = textFields(await request.formData(), FIELDS);
    const input = {
      name: oneLine(values.name),
      shortName: values.shortName.trim() === '' ? null : oneLine(values.shortName),
      description: oneLine(values.description),
      impact: oneLine(values.impact),
      ...(values.severity ? { severity: values.severity } : {}),
      aliases: aliasList(oneLine(values.aliases)),
      ...(values.reason.trim() ? { reason: oneLine(values.reason) } : {}),
    };
    const fields: Record<string, string[]> = {};
    const checked = UpdateComponentSchema.safeParse(input);
    if (!checked.success)
      for (const issue of checked.error.issues) (fields[issue.path.map(String).join('.') || '_'] ??= []).push(issue.message);
    // The contract lets these be left out (unchanged); a form that sends them blank means a mistake, not "keep".
    if (!values.severity) fields.severity = ['Vælg hvor kritisk det er, hvis komponenten er nede'];
    if (!input.description.trim()) fields.description = ['Skriv en beskrivelse'];
    if (!input.impact.trim()) fields.impact = ['Skriv hvad der sker, når komponenten er nede'];
    if (!checked.success || Object.keys(fields).length > 0) return failWithFieldErrors(byField(fields), values);

    const body: UpdateComponent = checked.data;
    const { data, error, response } = await locals.api.PATCH('/api/catalog/components/{slug}', {
      params: { path: { slug: params.slug } },
      body,
    });
    if (!data) {
      const problem = apiError(error, response);
      return failWithApiError({ ...problem, fields: byField(problem.fields ?? {}) }, values);
    }
    redirect(303, `/komponenter/${encodeURIComponent(params.slug)}?gemt=1`);
  },
};
