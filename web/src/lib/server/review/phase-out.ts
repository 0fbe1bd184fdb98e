import { error, redirect } from '@sveltejs/kit';
import { UpdateComponentSchema, copenhagenDateAndTime, type CatalogComponent, type UpdateComponent } from '@infraforum/shared';
import { CATALOG_EDITORS } from '$lib/components/catalog/catalog-access';
import { componentGroups, componentSelectGroups } from '$lib/components/content/component-groups';
import { apiError } from '$lib/server/api';
import { requireRole } from '$lib/server/auth';
import { failWithApiError, failWithFieldErrors, textFields } from '$lib/server/forms';

/** The component and the choices of what replaces it (every other component), for the phase-out page. */
export async function loadPhaseOutPage(locals: App.Locals, url: URL, slug: string) {
  requireRole(locals, url, CATALOG_EDITORS);
  const [detail, list] = await Promise.all([
    locals.api.GET('/api/catalog/components/{slug}', { params: { path: { slug } } }),
    locals.api.GET('/api/catalog/components'),
  ]);
  if (detail.response.status === 404) error(404, 'Komponenten findes ikke i kataloget.');
  if (!detail.data || !list.data) error(502, `Komponenten kunne ikke hentes (${detail.response.status}).`);
  const others: CatalogComponent[] = list.data.items.filter((candidate) => candidate.slug !== slug);
  return {
    component: detail.data,
    replacementGroups: componentSelectGroups(componentGroups(others)),
    today: copenhagenDateAndTime(new Date()).date,
  };
}

/** "phasedOut.since" → "since": the form's fields are the phase-out's own. */
function byField(fields: Record<string, string[]>): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(fields)) {
    const field = path.replace(/^phasedOut\.?/, '') || (path === 'phasedOut' ? 'since' : '_');
    grouped[field] = [...new Set([...(grouped[field] ?? []), ...messages])];
  }
  return grouped;
}

async function saveComponent(locals: App.Locals, slug: string, input: unknown, values: Record<string, string>, form: string) {
  const checked = UpdateComponentSchema.safeParse(input);
  if (!checked.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of checked.error.issues) (fields[issue.path.map(String).join('.') || '_'] ??= []).push(issue.message);
    return failWithFieldErrors(byField(fields), values, form);
  }
  const body: UpdateComponent = checked.data;
  const { data, error: problem, response } = await locals.api.PATCH('/api/catalog/components/{slug}', { params: { path: { slug } }, body });
  if (!data) {
    const failure = apiError(problem, response);
    return failWithApiError({ ...failure, fields: byField(failure.fields ?? {}) }, values, form);
  }
  redirect(303, `/komponenter/${encodeURIComponent(slug)}?gemt=1`);
}

/** "Markér som udfaset": from a day, perhaps replaced by another component, with the reason for the audit log. */
export async function phaseOut(locals: App.Locals, url: URL, request: Request, slug: string) {
  requireRole(locals, url, CATALOG_EDITORS);
  const values = textFields(await request.formData(), ['since', 'replacedBy', 'reason']);
  const input = {
    phasedOut: { ...(values.since.trim() ? { since: values.since } : {}), replacedBy: values.replacedBy || null },
    ...(values.reason.trim() ? { reason: values.reason } : {}),
  };
  return saveComponent(locals, slug, input, values, 'phaseOut');
}

/** "Ikke længere udfaset": the component is in use again. */
export async function restore(locals: App.Locals, url: URL, request: Request, slug: string) {
  requireRole(locals, url, CATALOG_EDITORS);
  const values = textFields(await request.formData(), ['reason']);
  return saveComponent(locals, slug, { phasedOut: null, ...(values.reason.trim() ? { reason: values.reason } : {}) }, values, 'restore');
}
