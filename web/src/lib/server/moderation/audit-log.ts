import { error } from '@sveltejs/kit';
import type { AuditList, UserRole } from '@infraforum/shared';
import { apiError } from '$lib/server/api';
import { requireRole } from '$lib/server/auth';

/** Who reads the audit log (the API says the same). */
export const AUDITORS: readonly UserRole[] = ['admin'];

const FILTER_NAMES = ['q', 'action', 'from', 'to'] as const;
export type AuditFilters = Record<(typeof FILTER_NAMES)[number], string>;

/** The search form's fields from the address ("" when not set). */
export function auditFilters(url: URL): AuditFilters {
  const filters = {} as AuditFilters;
  for (const name of FILTER_NAMES) filters[name] = url.searchParams.get(name)?.trim() ?? '';
  return filters;
}

/** The filters that are set, as the API's query (and the page's links) take them. */
export function auditQuery(filters: AuditFilters): Partial<AuditFilters> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''));
}

function pageOf(url: URL): number {
  const side = url.searchParams.get('side') ?? '';
  return /^\d{1,5}$/.test(side) && Number(side) >= 1 ? Number(side) : 1;
}

export interface AuditPage {
  filters: AuditFilters;
  /** Null when the API refused the filters (see `problem`). */
  log: AuditList | null;
  problem: { message: string; fields: Record<string, string[]> } | null;
  /** The CSV download with the same filters. */
  csvHref: string;
}

export async function loadAuditLog(locals: App.Locals, url: URL): Promise<AuditPage> {
  requireRole(locals, url, AUDITORS);
  const filters = auditFilters(url);
  const query = auditQuery(filters);
  const page = pageOf(url);
  const csvQuery = new URLSearchParams(query).toString();
  const csvHref = `/admin/log/revisionslog.csv${csvQuery ? `?${csvQuery}` : ''}`;
  const {
    data,
    error: problem,
    response,
  } = await locals.api.GET('/api/audit', {
    params: { query: { ...query, ...(page > 1 ? { page: String(page) } : {}) } },
  });
  if (!data) {
    const failure = apiError(problem, response);
    if (failure.statusCode === 400)
      return { filters, log: null, problem: { message: failure.message, fields: failure.fields ?? {} }, csvHref };
    error(failure.statusCode === 403 ? 403 : 502, failure.message);
  }
  return { filters, log: data, problem: null, csvHref };
}

/** Headers of the API's CSV answer that the download keeps: type (with charset), file name, no caching. */
const CSV_HEADERS = ['content-type', 'content-disposition', 'cache-control'] as const;

/**
 * The API's CSV export with the page's filters, passed through byte for byte (its byte-order mark makes Excel read
 * UTF-8), so the link works with the session cookie the browser sends to the site.
 */
export async function auditCsv(locals: App.Locals, url: URL): Promise<Response> {
  requireRole(locals, url, AUDITORS);
  const {
    data,
    error: problem,
    response,
  } = await locals.api.GET('/api/audit', {
    params: { query: { ...auditQuery(auditFilters(url)), format: 'csv' } },
    parseAs: 'stream',
  });
  if (!data) {
    const failure = apiError(problem, response);
    error(failure.statusCode === 400 || failure.statusCode === 403 ? failure.statusCode : 502, failure.message);
  }
  const headers = new Headers();
  for (const name of CSV_HEADERS) {
    const value = response.headers.get(name);
    if (value) headers.set(name, value);
  }
  headers.set('x-content-type-options', 'nosniff');
  return new Response(data, { status: 200, headers });
}
