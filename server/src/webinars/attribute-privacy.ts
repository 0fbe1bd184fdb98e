import type { ContentKind } from '@infraforum/shared';
import { isKombitStaff, type ContentViewer } from '../common/access-policy.js';

/**
 * Attributes not everyone who reads an item may see, on every read path (list, detail, revisions, calendar):
 * - A suggester's contact details are opt-in (GDPR): always for KOMBIT's moderators and the suggester, for
 *   logged-in members when the suggester chose so, never for anonymous visitors. Search never indexes them.
 * - A webinar's meeting link is for the municipalities' staff: logged-in viewers only.
 */
export function visibleAttributes(
  kind: ContentKind,
  attributes: Record<string, unknown>,
  viewer: ContentViewer | undefined,
  authorId: string | null,
): Record<string, unknown> {
  if (kind === 'webinar' && !viewer && 'onlineUrl' in attributes) {
    const { onlineUrl: _hidden, ...rest } = attributes;
    return rest;
  }
  if (kind !== 'suggestion' || !('contact' in attributes)) return attributes;
  const contact = attributes.contact as { shownTo?: unknown } | null;
  const allowed = !!viewer && (isKombitStaff(viewer) || viewer.id === authorId || contact?.shownTo === 'members');
  return allowed ? attributes : withoutContact(attributes);
}

/**
 * An earlier version: its contact details only for moderators and the suggester. Consent is the current one, so a
 * suggester who narrowed who sees them, or removed their phone, is not undone by the history.
 */
export function visibleRevisionAttributes(
  kind: ContentKind,
  attributes: Record<string, unknown>,
  viewer: ContentViewer | undefined,
  authorId: string | null,
): Record<string, unknown> {
  const visible = visibleAttributes(kind, attributes, viewer, authorId);
  const privileged = !!viewer && (isKombitStaff(viewer) || viewer.id === authorId);
  return kind === 'suggestion' && !privileged ? withoutContact(visible) : visible;
}

function withoutContact(attributes: Record<string, unknown>): Record<string, unknown> {
  const { contact: _hidden, ...rest } = attributes;
  return rest;
}
