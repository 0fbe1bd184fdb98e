import { contentPath, type ToolboxItem, type ToolboxProposal, type ToolboxSection } from '@infraforum/shared';
import type { ItemRow, ProposalRow, SectionRow } from './toolbox.repository.js';

/** An external link, or content of the forum: KOMBIT's own material is "published", a municipality's "recommended". */
export function toToolboxItem(row: ItemRow): ToolboxItem {
  const base = { id: Number(row.id), position: row.position, description: row.description };
  if (row.content_id === null || row.content_kind === null || row.content_slug === null) {
    return {
      ...base,
      contentId: null,
      url: row.url ?? '',
      title: row.title ?? '',
      kind: 'link',
      summary: null,
      organization: null,
      badge: 'published_by_kombit',
      external: true,
    };
  }
  const contentId = Number(row.content_id);
  return {
    ...base,
    contentId,
    url: contentPath({ kind: row.content_kind, id: contentId, slug: row.content_slug }),
    title: row.content_title ?? '',
    kind: row.content_kind,
    summary: row.content_summary,
    organization:
      row.organization_code === null || row.organization_name === null
        ? null
        : { code: row.organization_code, name: row.organization_name },
    badge: row.organization_type === 'kombit' ? 'published_by_kombit' : 'recommended_by_kombit',
    external: false,
  };
}

export function toToolboxSection(row: SectionRow, items: readonly ItemRow[]): ToolboxSection {
  return {
    slug: row.slug,
    title: row.title,
    intro: row.intro,
    introHtml: row.intro_html,
    position: row.position,
    items: items.map(toToolboxItem),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toToolboxProposal(row: ProposalRow): ToolboxProposal {
  const contentId = Number(row.content_id);
  return {
    id: Number(row.id),
    section: { slug: row.section_slug, title: row.section_title },
    content: {
      id: contentId,
      kind: row.content_kind,
      title: row.content_title,
      path: contentPath({ kind: row.content_kind, id: contentId, slug: row.content_slug }),
      summary: row.content_summary,
    },
    note: row.note,
    proposer:
      row.proposer_name === null
        ? null
        : { name: row.proposer_name, organization: { code: row.organization_code, name: row.organization_name } },
    status: row.status,
    reason: row.reason,
    createdAt: row.created_at.toISOString(),
    decidedAt: row.decided_at === null ? null : row.decided_at.toISOString(),
  };
}
