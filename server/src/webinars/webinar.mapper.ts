import { contentPath, type ContentRef, type TimelineEntry } from '@infraforum/shared';
import type { RefRow, TimelineRow } from './webinar.repository.js';

export function toContentRef(row: RefRow): ContentRef {
  const id = Number(row.id);
  return { id, kind: row.kind, title: row.title, path: contentPath({ kind: row.kind, id, slug: row.slug }) };
}

export function toTimelineEntry(row: TimelineRow): TimelineEntry {
  return {
    from: row.from_status,
    to: row.to_status,
    reason: row.reason,
    webinar:
      row.webinar_id !== null && row.webinar_kind !== null && row.webinar_title !== null && row.webinar_slug !== null
        ? toContentRef({ id: row.webinar_id, kind: row.webinar_kind, title: row.webinar_title, slug: row.webinar_slug })
        : null,
    actor:
      row.actor_name === null
        ? null
        : { name: row.actor_name, organization: { code: row.actor_organization_code ?? '', name: row.actor_organization_name ?? '' } },
    at: row.created_at.toISOString(),
  };
}
