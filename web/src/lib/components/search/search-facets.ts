import { CONTENT_KINDS, KIND_LABELS, type SearchResponse } from '@infraforum/shared';
import { SEARCH_FILTERS, searchHref, type SearchFilter, type SearchState } from './search-url';

export interface FacetValue {
  value: string;
  label: string;
  /** Null where the API gives no count (solved). */
  count: number | null;
  active: boolean;
  /** Sets this value as the filter, or, when it is the active one, removes the filter. */
  href: string;
}

export interface FacetGroup {
  name: SearchFilter;
  title: string;
  values: FacetValue[];
}

export interface ActiveFilter {
  name: SearchFilter;
  /** "Type: Spørgsmål" */
  label: string;
  removeHref: string;
}

export const FILTER_TITLES: Record<SearchFilter, string> = {
  kind: 'Type',
  component: 'Komponent',
  tag: 'Emneord',
  organization: 'Kommune',
  solved: 'Løst',
};

const SOLVED_LABELS: Record<string, string> = { true: 'Løste spørgsmål', false: 'Uløste spørgsmål' };

const danish = new Intl.Collator('da');

type Labels = SearchResponse['labels'];

/** The display name of a filter value: kinds and solved in Danish, components and municipalities by name, tags with #. */
export function valueLabel(name: SearchFilter, value: string, labels: Labels | undefined): string {
  switch (name) {
    case 'kind': {
      const kind = CONTENT_KINDS.find((candidate) => candidate === value);
      return kind ? KIND_LABELS[kind] : value;
    }
    case 'component':
      return labels?.component[value] ?? value;
    case 'organization':
      return labels?.organization[value] ?? value;
    case 'tag':
      return `#${value}`;
    case 'solved':
      return SOLVED_LABELS[value] ?? value;
  }
}

/**
 * The sidebar's facets: per filter, the values with their counts (most first), each a link that sets
 * the filter or, for the active value, removes it. The active value stays listed even at count 0.
 */
export function facetGroups(state: SearchState, result: Pick<SearchResponse, 'facets' | 'labels'>): FacetGroup[] {
  const counted = (['kind', 'component', 'tag', 'organization'] as const).map((name): FacetGroup => {
    const counts = { ...result.facets[name] };
    const active = state.filters[name];
    if (active && !(active in counts)) counts[active] = 0;
    const values = Object.entries(counts)
      .map(([value, count]) => facetValue(state, name, value, count, result.labels))
      .sort((a, b) => (b.count ?? 0) - (a.count ?? 0) || danish.compare(a.label, b.label));
    return { name, title: FILTER_TITLES[name], values };
  });
  // Only questions are solved or not; offer the filter when questions are among the results.
  const questions = (result.facets.kind.question ?? 0) > 0 || state.filters.solved !== '';
  const solved: FacetGroup[] = questions
    ? [
        {
          name: 'solved',
          title: FILTER_TITLES.solved,
          values: ['true', 'false'].map((value) => facetValue(state, 'solved', value, null, result.labels)),
        },
      ]
    : [];
  return [...counted, ...solved].filter((group) => group.values.length > 0);
}

function facetValue(state: SearchState, name: SearchFilter, value: string, count: number | null, labels: Labels): FacetValue {
  const active = state.filters[name] === value;
  return {
    value,
    label: valueLabel(name, value, labels),
    count,
    active,
    href: searchHref(state, { filters: { [name]: active ? '' : value } }),
  };
}

/** The filters in use, each with the address that removes it. */
export function activeFilters(state: SearchState, labels: Labels | undefined): ActiveFilter[] {
  return SEARCH_FILTERS.filter((name) => state.filters[name] !== '').map((name) => ({
    name,
    label: `${FILTER_TITLES[name]}: ${valueLabel(name, state.filters[name], labels)}`,
    removeHref: searchHref(state, { filters: { [name]: '' } }),
  }));
}

/** The address of the same search without any filter. */
export function withoutFilters(state: SearchState): string {
  return searchHref(state, { filters: Object.fromEntries(SEARCH_FILTERS.map((name) => [name, ''])) });
}
