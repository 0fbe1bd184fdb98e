/** Addresses of the moderation pages with their state in the query; defaults are left out, so addresses stay short. */

function withQuery(path: string, entries: [string, string][]): string {
  const query = new URLSearchParams(entries.filter(([, value]) => value !== '')).toString();
  return query ? `${path}?${query}` : path;
}

/** A page of the moderators' queue: open flags (the default) or resolved ones. */
export function queueHref(status: 'open' | 'resolved', page = 1): string {
  return withQuery('/admin/moderation', [
    ['status', status === 'resolved' ? 'resolved' : ''],
    ['side', page > 1 ? String(page) : ''],
  ]);
}

/** A page of the audit log with the search form's filters. */
export function auditLogHref(filters: Record<string, string>, page = 1): string {
  return withQuery('/admin/log', [...Object.entries(filters), ['side', page > 1 ? String(page) : '']]);
}
