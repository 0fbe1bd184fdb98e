import { error } from '@sveltejs/kit';
import {
  PROPOSAL_STATUSES,
  type ContentDetail,
  type Me,
  type ProposalStatus,
  type ToolboxItem,
  type ToolboxProposalList,
  type ToolboxSection,
} from '@infraforum/shared';
import { apiError } from '$lib/server/api';

/** KOMBIT's moderators (and admins) curate the toolbox; the API decides, this only chooses what to show. */
export const curatesToolbox = (user: Me | null): boolean => user?.role === 'moderator' || user?.role === 'admin';

export const TOOLBOX_PATH = '/vaerktoejskassen';
export const sectionPath = (slug: string): string => `${TOOLBOX_PATH}/${slug}`;

const SECTION_NOT_FOUND = 'Afsnittet findes ikke i Værktøjskassen.';

/** The slug from the route, or a 404 for what can never be a section's address. */
export function sectionSlugOf(param: string): string {
  if (!/^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/.test(param)) error(404, SECTION_NOT_FOUND);
  return param;
}

/** Every section in order, with the items the caller may read. */
export async function fetchSections(locals: App.Locals): Promise<ToolboxSection[]> {
  const { data, error: problem, response } = await locals.api.GET('/api/toolbox/sections');
  if (!data) error(502, apiError(problem, response).message);
  return data;
}

export async function fetchSection(locals: App.Locals, param: string): Promise<ToolboxSection> {
  const slug = sectionSlugOf(param);
  const { data, error: problem, response } = await locals.api.GET('/api/toolbox/sections/{slug}', { params: { path: { slug } } });
  if (!data) {
    const failure = apiError(problem, response);
    error(failure.statusCode === 404 ? 404 : 502, failure.statusCode === 404 ? SECTION_NOT_FOUND : failure.message);
  }
  return data;
}

/** One item of the section by its route parameter; an item of another section is not found here. */
export function findItem(section: ToolboxSection, param: string): ToolboxItem {
  const item = /^\d{1,12}$/.test(param) ? section.items.find((candidate) => candidate.id === Number(param)) : undefined;
  if (!item) error(404, 'Punktet findes ikke i afsnittet.');
  return item;
}

/** The status in the address (`?status=accepted`), pending when missing or unknown. */
export function proposalStatusOf(url: URL): ProposalStatus {
  const value = url.searchParams.get('status');
  return PROPOSAL_STATUSES.find((status) => status === value) ?? 'pending';
}

/** Proposals: a moderator's are everyone's, a member's only their own. */
export async function fetchProposals(locals: App.Locals, status?: ProposalStatus): Promise<ToolboxProposalList> {
  const {
    data,
    error: problem,
    response,
  } = await locals.api.GET('/api/toolbox/proposals', {
    params: { query: status ? { status } : {} },
  });
  if (!data) {
    const failure = apiError(problem, response);
    error(failure.statusCode === 403 ? 403 : 502, failure.message);
  }
  return data;
}

export type ContentPreview = Pick<ContentDetail, 'id' | 'kind' | 'title' | 'path' | 'summary'>;

/** The item an `?indhold=123` link points at, to show what is being proposed; null when it is not there for the caller. */
export async function fetchContentPreview(locals: App.Locals, id: number): Promise<ContentPreview | null> {
  const { data } = await locals.api.GET('/api/content/{id}', { params: { path: { id: String(id) } } });
  return data ? { id: data.id, kind: data.kind, title: data.title, path: data.path, summary: data.summary } : null;
}
