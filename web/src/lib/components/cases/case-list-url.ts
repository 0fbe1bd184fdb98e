import { CaseStatus, Tag, type CaseStatus as Status } from '@infraforum/shared';

export const CASE_SORTS = ['newest', 'active'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];
export const DEFAULT_CASE_SORT: CaseSort = 'newest';

/** The list's state in the URL, with Danish parameter names as the links people share show them. */
export interface CaseListFilters {
  sortering: CaseSort;
  /** The IT system, as typed ("KMD Nexus"). */
  system: string;
  leverandoer: string;
  /** A catalog slug (checked against the catalog by the page). */
  komponent: string;
  status: Status | '';
  /** A municipality code ("0159") or "KOMBIT". */
  kommune: string;
  /** A tag, as the tags under each case link to it. */
  emneord: string;
  side: number;
}

/** One line of free text, as the API takes it (at most 100 characters, no control characters). */
function freeText(value: string | null): string {
  const text = (value ?? '').replace(/\s+/g, ' ').trim();
  return text.length <= 100 ? text : '';
}

/** The filters in a query string; unknown values fall back to the defaults. */
export function readCaseFilters(params: URLSearchParams): CaseListFilters {
  const sort = params.get('sortering');
  const page = Number(params.get('side'));
  const component = params.get('komponent') ?? '';
  const organization = params.get('kommune')?.trim() ?? '';
  const tag = Tag.safeParse(params.get('emneord') ?? '');
  return {
    sortering: CASE_SORTS.find((candidate) => candidate === sort) ?? DEFAULT_CASE_SORT,
    system: freeText(params.get('system')),
    leverandoer: freeText(params.get('leverandoer')),
    komponent: /^[a-z0-9-]{1,100}$/.test(component) ? component : '',
    status: CaseStatus.safeParse(params.get('status')).data ?? '',
    kommune: /^(\d{4}|KOMBIT)$/.test(organization) ? organization : '',
    emneord: tag.success ? tag.data : '',
    side: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The list's query string for these filters; defaults are left out, so addresses stay short. */
export function caseListQuery(filters: CaseListFilters): string {
  const query = new URLSearchParams();
  if (filters.sortering !== DEFAULT_CASE_SORT) query.set('sortering', filters.sortering);
  if (filters.system) query.set('system', filters.system);
  if (filters.leverandoer) query.set('leverandoer', filters.leverandoer);
  if (filters.komponent) query.set('komponent', filters.komponent);
  if (filters.status) query.set('status', filters.status);
  if (filters.kommune) query.set('kommune', filters.kommune);
  if (filters.emneord) query.set('emneord', filters.emneord);
  if (filters.side > 1) query.set('side', String(filters.side));
  return query.toString();
}

export function caseListHref(filters: CaseListFilters): string {
  const query = caseListQuery(filters);
  return query ? `/cases?${query}` : '/cases';
}
