import type { SearchQuery } from '@infraforum/shared';
import type { ContentReadScope } from '../common/access-policy.js';
import { FACETS } from './search-settings.js';

/** A Meilisearch filter string value: quoted, with quotes and backslashes escaped. */
export function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * The read scope of the access policy as a Meilisearch filter: the same branches as the SQL the
 * content lists use (`readScopeCondition`). Only published items are indexed, so of those branches
 * search shows the published ones; the others are kept so the filter stays the policy's, whole.
 */
export function readScopeFilter(scope: ContentReadScope): string {
  const published: string[] = [];
  if (scope.allPublished) {
    published.push('status = published');
  } else {
    const visibilities = scope.publishedVisibilities.map(quote).join(', ');
    const orgBranch =
      scope.ownOrganizationId !== null ? [`(visibility = organization AND organizationId = ${quote(scope.ownOrganizationId)})`] : [];
    published.push(`(status = published AND (${[`visibility IN [${visibilities}]`, ...orgBranch].join(' OR ')}))`);
  }
  const branches = [...published];
  if (scope.authorId !== null) branches.push(`(status != published AND authorId = ${quote(scope.authorId)})`);
  if (scope.managedOrganizationId !== null)
    branches.push(`(status != published AND organizationId = ${quote(scope.managedOrganizationId)})`);
  if (scope.allHidden) branches.push('status = hidden');
  if (scope.allAwaitingPublication) branches.push('status IN [in_review, scheduled]');
  return branches.length === 1 ? (branches[0] as string) : `(${branches.join(' OR ')})`;
}

/** The reader's filters (kind, component …) as Meilisearch filter clauses, ANDed with the scope. */
export function queryFilters(query: Pick<SearchQuery, 'kind' | 'component' | 'tag' | 'organization' | 'solved'>): string[] {
  const filters: string[] = [];
  if (query.kind) filters.push(`${FACETS.kind} = ${quote(query.kind)}`);
  if (query.component) filters.push(`${FACETS.component} = ${quote(query.component)}`);
  if (query.tag) filters.push(`${FACETS.tag} = ${quote(query.tag)}`);
  if (query.organization) filters.push(`${FACETS.organization} = ${quote(query.organization)}`);
  if (query.solved !== undefined) filters.push(`solved = ${query.solved}`);
  return filters;
}
