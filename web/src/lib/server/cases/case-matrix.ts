import { error } from '@sveltejs/kit';
import type { CaseMatrix } from '@infraforum/shared';
import { componentGroups } from '$lib/components/content/component-groups';
import { apiError } from '$lib/server/api';

/** The matrix's filters in the URL: one supplier, one target component. */
export interface MatrixFilters {
  leverandoer: string;
  komponent: string;
}

function readMatrixFilters(params: URLSearchParams): MatrixFilters {
  const supplier = (params.get('leverandoer') ?? '').replace(/\s+/g, ' ').trim();
  const component = params.get('komponent') ?? '';
  return {
    leverandoer: supplier.length <= 100 ? supplier : '',
    komponent: /^[a-z0-9-]{1,100}$/.test(component) ? component : '',
  };
}

async function fetchMatrix(locals: App.Locals, filters: Partial<MatrixFilters>): Promise<CaseMatrix> {
  const {
    data,
    error: problem,
    response,
  } = await locals.api.GET('/api/cases/matrix', {
    params: {
      query: {
        ...(filters.leverandoer ? { supplier: filters.leverandoer } : {}),
        ...(filters.komponent ? { component: filters.komponent } : {}),
      },
    },
  });
  if (!data) {
    const failure = apiError(problem, response);
    error(failure.statusCode === 400 ? 400 : 502, failure.message);
  }
  return data;
}

/**
 * The matrix as the caller may see it, narrowed by the filters. The suppliers to choose from come from the whole
 * matrix (a second call only when a filter is set), so a filter never hides the other choices.
 */
export async function loadCaseMatrix(locals: App.Locals, url: URL) {
  const filters = readMatrixFilters(url.searchParams);
  const filtered = Boolean(filters.leverandoer || filters.komponent);
  const [components, matrix, whole] = await Promise.all([
    locals.api.GET('/api/catalog/components'),
    fetchMatrix(locals, filters),
    filtered ? fetchMatrix(locals, {}) : undefined,
  ]);
  const catalog = components.data?.items ?? [];
  const suppliers = [...new Set((whole ?? matrix).systems.flatMap((system) => system.suppliers))].sort((a, b) => a.localeCompare(b, 'da'));
  return {
    matrix,
    filters,
    filtered,
    suppliers,
    componentGroups: componentGroups(catalog),
  };
}
