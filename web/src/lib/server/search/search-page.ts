import { error } from '@sveltejs/kit';
import { SearchQuerySchema, type SearchResponse } from '@infraforum/shared';
import { hasFilters, readSearchState, SEARCH_FILTERS, type SearchState } from '$lib/components/search/search-url';
import { apiError } from '$lib/server/api';
import { checkForm } from '$lib/server/forms';

/** What the search page shows when its query cannot be searched: the API's (or the schema's) message per field. */
export interface SearchFailure {
  message: string;
  fields: Record<string, string[]>;
}

export interface SearchPageData {
  state: SearchState;
  /** Null when there is nothing to search for (no words, no filters) or the query was refused. */
  result: SearchResponse | null;
  failure: SearchFailure | null;
}

/** The API calls the page number `page`; the URL, in Danish, `side`. */
const apiField = (field: string) => (field === 'page' ? 'side' : field);

/**
 * The search page's load: reads q, the filters, sort and side from the URL and asks GET /api/search.
 * Words or a filter are needed; an empty q with filters browses. A query the API would refuse (too
 * long, an unknown kind …) comes back as a failure to show on the page, not as an error page.
 */
export async function loadSearch(locals: App.Locals, url: URL): Promise<SearchPageData> {
  const state = readSearchState(url.searchParams);
  if (state.q === '' && !hasFilters(state)) return { state, result: null, failure: null };

  // The API's own schema first, so a refusal names the field; the API checks again.
  const raw = {
    q: state.q,
    ...Object.fromEntries(SEARCH_FILTERS.map((name) => [name, state.filters[name]])),
    sort: url.searchParams.get('sort')?.trim() ?? '',
    page: state.side,
  };
  const checked = checkForm(SearchQuerySchema, raw);
  if (!checked.ok) return { state, result: null, failure: refused('Søgningen kunne ikke gennemføres.', checked.fields) };

  const query = checked.data;
  const {
    data,
    error: problem,
    response,
  } = await locals.api.GET('/api/search', {
    params: {
      query: {
        ...(query.q ? { q: query.q } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.component ? { component: query.component } : {}),
        ...(query.tag ? { tag: query.tag } : {}),
        ...(query.organization ? { organization: query.organization } : {}),
        ...(query.solved !== undefined ? { solved: query.solved ? 'true' : 'false' } : {}),
        sort: query.sort,
        page: String(query.page),
      },
    },
  });
  if (data) return { state, result: data, failure: null };
  const failed = apiError(problem, response);
  // 400: the query; 503: the fallback is busy ("prøv igen om et øjeblik") — both said on the page itself.
  if (failed.statusCode === 400 || failed.statusCode === 503)
    return { state, result: null, failure: refused(failed.message, failed.fields ?? {}) };
  error(failed.statusCode >= 500 ? 502 : failed.statusCode, failed.message);
}

function refused(message: string, fields: Record<string, string[]>): SearchFailure {
  return { message, fields: Object.fromEntries(Object.entries(fields).map(([field, messages]) => [apiField(field), messages])) };
}
