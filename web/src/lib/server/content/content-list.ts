import { error } from '@sveltejs/kit';
import { CONTENT_SORTS, SORT_LABELS, Tag, type ContentKind, type ContentSort } from '@infraforum/shared';
import { componentGroups } from '$lib/components/content/component-groups';
import { apiError } from '$lib/server/api';
import { groupByRegion } from '$lib/organizations';

export const PAGE_SIZE = 20;

/** The sortings that make sense per kind: only questions are answered and solved. */
const SORTS_FOR: Partial<Record<ContentKind, readonly ContentSort[]>> = {
  question: CONTENT_SORTS,
  guide: ['newest', 'active', 'votes'],
};

/** The list's state in the URL: Danish parameter names, as the links people share show them. */
export interface ListFilters {
  sortering: ContentSort;
  emneord: string;
  komponent: string;
  kommune: string;
  side: number;
}

function readFilters(url: URL, kind: ContentKind, componentSlugs: ReadonlySet<string>): ListFilters {
  const sorts = SORTS_FOR[kind] ?? ['newest'];
  const sort = url.searchParams.get('sortering');
  const tag = Tag.safeParse(url.searchParams.get('emneord') ?? '');
  const component = url.searchParams.get('komponent') ?? '';
  const organization = url.searchParams.get('kommune')?.trim() ?? '';
  const page = Number(url.searchParams.get('side'));
  return {
    sortering: sorts.find((candidate) => candidate === sort) ?? 'newest',
    emneord: tag.success ? tag.data : '',
    komponent: componentSlugs.has(component) ? component : '',
    kommune: /^(\d{4}|KOMBIT)$/.test(organization) ? organization : '',
    side: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** Everything a list page (questions, guides) needs: the page of items, the filters and their choices. */
export async function loadContentList(locals: App.Locals, url: URL, kind: ContentKind) {
  const [components, organizations] = await Promise.all([locals.api.GET('/api/catalog/components'), locals.api.GET('/api/organizations')]);
  const componentItems = components.data?.items ?? [];
  const filters = readFilters(url, kind, new Set(componentItems.map((component) => component.slug)));

  const list = await locals.api.GET('/api/content', {
    params: {
      query: {
        kind,
        sort: filters.sortering,
        page: String(filters.side),
        pageSize: String(PAGE_SIZE),
        ...(filters.emneord ? { tag: filters.emneord } : {}),
        ...(filters.komponent ? { component: filters.komponent } : {}),
        ...(filters.kommune ? { organization: filters.kommune } : {}),
      },
    },
  });
  if (!list.data) {
    const problem = apiError(list.error, list.response);
    error(problem.statusCode === 400 ? 400 : 502, problem.message);
  }

  const organizationGroups = groupByRegion(organizations.data ?? []).map((group) => ({
    label: group.label,
    options: group.organizations.map((organization) => ({ value: organization.code, label: organization.name })),
  }));
  return {
    items: list.data.items,
    total: list.data.total,
    page: list.data.page,
    pageSize: list.data.pageSize,
    filters,
    sortOptions: (SORTS_FOR[kind] ?? ['newest']).map((value) => ({ value, label: SORT_LABELS[value] })),
    componentGroups: componentGroups(componentItems),
    organizationGroups,
    deleted: url.searchParams.get('slettet') === '1',
  };
}
