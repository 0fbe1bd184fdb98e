import { error } from '@sveltejs/kit';
import { CASE_STATUSES, CASE_STATUS_LABELS, SORT_LABELS } from '@infraforum/shared';
import { caseCardOf } from '$lib/components/cases/case-attributes';
import { CASE_SORTS, readCaseFilters } from '$lib/components/cases/case-list-url';
import { componentGroups } from '$lib/components/content/component-groups';
import { groupByRegion } from '$lib/organizations';
import { apiError } from '$lib/server/api';

export const CASE_PAGE_SIZE = 20;

/** Slug → name, for the target of a case the summary does not name. */
export const componentNamesOf = (components: readonly { slug: string; name: string }[]) =>
  new Map(components.map((component) => [component.slug, component.name]));

/** The catalog's components and IT systems and the municipalities: the choices of the case list and form. */
export async function loadCaseChoices(locals: App.Locals) {
  const [components, systems, organizations] = await Promise.all([
    locals.api.GET('/api/catalog/components'),
    locals.api.GET('/api/catalog/systems'),
    locals.api.GET('/api/organizations'),
  ]);
  return {
    components: components.data?.items ?? [],
    systemNames: (systems.data?.items ?? []).map((system) => system.name),
    organizationGroups: groupByRegion(organizations.data ?? []).map((group) => ({
      label: group.label,
      options: group.organizations.map((organization) => ({ value: organization.code, label: organization.name })),
    })),
  };
}

/** Everything the list page needs: the page of cases as cards, the filters and their choices. */
export async function loadCaseList(locals: App.Locals, url: URL) {
  const choices = await loadCaseChoices(locals);
  const filters = readCaseFilters(url.searchParams);
  if (filters.komponent && !choices.components.some((component) => component.slug === filters.komponent)) filters.komponent = '';

  const list = await locals.api.GET('/api/content', {
    params: {
      query: {
        kind: 'case',
        sort: filters.sortering,
        page: String(filters.side),
        pageSize: String(CASE_PAGE_SIZE),
        ...(filters.system ? { system: filters.system } : {}),
        ...(filters.leverandoer ? { supplier: filters.leverandoer } : {}),
        ...(filters.komponent ? { component: filters.komponent } : {}),
        ...(filters.status ? { state: filters.status } : {}),
        ...(filters.kommune ? { organization: filters.kommune } : {}),
        ...(filters.emneord ? { tag: filters.emneord } : {}),
      },
    },
  });
  if (!list.data) {
    const problem = apiError(list.error, list.response);
    error(problem.statusCode === 400 ? 400 : 502, problem.message);
  }

  const names = componentNamesOf(choices.components);
  return {
    cases: list.data.items.map((item) => caseCardOf(item, names)),
    total: list.data.total,
    page: list.data.page,
    pageSize: list.data.pageSize,
    filters,
    sortOptions: CASE_SORTS.map((value) => ({ value, label: SORT_LABELS[value] })),
    statusOptions: CASE_STATUSES.map((value) => ({ value, label: CASE_STATUS_LABELS[value] })),
    componentGroups: componentGroups(choices.components),
    organizationGroups: choices.organizationGroups,
    systemNames: choices.systemNames,
    deleted: url.searchParams.get('slettet') === '1',
  };
}
