import { error } from '@sveltejs/kit';
import { apiError } from '$lib/server/api';
import type { PageServerLoad } from './$types';

/** The selection lives in the URL (?komponent=a&komponent=b), so a result can be bookmarked and shared. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const selected = [
    ...new Set(url.searchParams.getAll('komponent').flatMap((value) => value.split(',').map((slug) => slug.trim()))),
  ].filter(Boolean);
  const [list, impact] = await Promise.all([
    locals.api.GET('/api/catalog/components'),
    selected.length > 0
      ? locals.api.GET('/api/catalog/impact', { params: { query: { components: selected.join(',') } } })
      : Promise.resolve(undefined),
  ]);
  if (!list.data) error(502, 'Kataloget over komponenter kunne ikke hentes.');
  let failure: { message: string; fields: Record<string, string[]> } | null = null;
  if (impact && !impact.data) {
    const problem = apiError(impact.error, impact.response);
    if (problem.statusCode >= 500) error(502, 'Infraforum kunne ikke finde ud af, hvad der rammes. Prøv igen om lidt.');
    failure = { message: problem.message, fields: problem.fields ?? {} };
  }
  return {
    components: list.data.items,
    names: Object.fromEntries(list.data.items.map((component) => [component.slug, component.name])),
    selected,
    impact: impact?.data ?? null,
    failure,
  };
};
