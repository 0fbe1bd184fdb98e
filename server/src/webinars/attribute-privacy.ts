import type { ContentKind } from '@infraforum/shared';
import { isKombitStaff, type ContentViewer } from '../common/access-policy.js';

/**
 * A suggester's contact details are opt-in (GDPR): always for KOMBIT's moderators and the suggester, for
 * logged-in members when the suggester chose so, never for anonymous visitors. Every read path (list, detail,
 * revisions) passes attributes through here; search never indexes them.
 */
export function visibleAttributes(
  kind: ContentKind,
  attributes: Record<string, unknown>,
  viewer: ContentViewer | undefined,
  authorId: string | null,
): Record<string, unknown> {
  if (kind !== 'suggestion' || !('contact' in attributes)) return attributes;
  const contact = attributes.contact as { shownTo?: unknown } | null;
  const allowed = !!viewer && (isKombitStaff(viewer) || viewer.id === authorId || contact?.shownTo === 'members');
  if (allowed) return attributes;
  const { contact: _hidden, ...rest } = attributes;
  return rest;
}
