import { describe, expect, it } from 'vitest';
import { activeFilters, facetGroups } from './search-facets.js';
import { readSearchState, searchHref } from './search-url.js';

const state = (query: string) => readSearchState(new URLSearchParams(query));

describe('searchHref', () => {
  it('keeps the words, the filters, the sort and the page, leaving defaults out', () => {
    expect(searchHref(state('q=context+handler&kind=guide&sort=votes&side=3'))).toBe(
      '/soeg?q=context+handler&kind=guide&sort=votes&side=3',
    );
    expect(searchHref(state('q=ch&sort=relevance&side=1'))).toBe('/soeg?q=ch');
    expect(searchHref(state(''))).toBe('/soeg');
  });

  it('starts again on page 1 when a filter changes', () => {
    expect(searchHref(state('q=certifikat&side=4'), { filters: { tag: 'foces' } })).toBe('/soeg?q=certifikat&tag=foces');
  });

  it('keeps the rest when it moves to another page', () => {
    expect(searchHref(state('q=certifikat&organization=0159'), { page: 2 })).toBe('/soeg?q=certifikat&organization=0159&side=2');
  });

  it('reads an unknown sort as the default', () => {
    expect(state('sort=alphabetical').sort).toBe('relevance');
  });
});

describe('facetGroups', () => {
  const result = {
    facets: { kind: { question: 3, guide: 1 }, component: { 'context-handler': 2 }, tag: {}, organization: { '0159': 1 } },
    labels: { component: { 'context-handler': 'Context Handler' }, organization: { '0159': 'Gladsaxe' } },
  };

  it('names the values, most first, and links each to the search narrowed by it', () => {
    const [kinds, components, organizations] = facetGroups(state('q=login'), result);
    expect(kinds?.values.map((value) => [value.label, value.count, value.href])).toEqual([
      ['Spørgsmål', 3, '/soeg?q=login&kind=question'],
      ['Vejledning', 1, '/soeg?q=login&kind=guide'],
    ]);
    expect(components?.values[0]?.label).toBe('Context Handler');
    expect(organizations?.values[0]?.label).toBe('Gladsaxe');
  });

  it('links the active value to the search without it, and keeps it listed when it counts nothing', () => {
    const kinds = facetGroups(state('q=login&kind=case'), result).find((group) => group.name === 'kind');
    const active = kinds?.values.find((value) => value.active);
    expect(active).toMatchObject({ value: 'case', count: 0, href: '/soeg?q=login' });
  });

  it('offers the solved filter only when questions are among the results', () => {
    expect(facetGroups(state('q=login'), result).map((group) => group.name)).toContain('solved');
    const guidesOnly = { ...result, facets: { ...result.facets, kind: { guide: 1 } } };
    expect(facetGroups(state('q=login'), guidesOnly).map((group) => group.name)).not.toContain('solved');
  });
});

describe('activeFilters', () => {
  it('describes each filter in use with the address that removes it', () => {
    expect(
      activeFilters(state('q=x&component=context-handler&solved=true'), {
        component: { 'context-handler': 'Context Handler' },
        organization: {},
      }),
    ).toEqual([
      { name: 'component', label: 'Komponent: Context Handler', removeHref: '/soeg?q=x&solved=true' },
      { name: 'solved', label: 'Løst: Løste spørgsmål', removeHref: '/soeg?q=x&component=context-handler' },
    ]);
  });
});
