import { ContactAudience, SuggestionStatus, type ContactAudience as Audience, type SuggestionStatus as Status } from '@infraforum/shared';

/** A suggestion's lifecycle status from its (loosely typed) attributes; one without is new. */
export function suggestionStatusOf(attributes: Record<string, unknown>): Status {
  return SuggestionStatus.safeParse(attributes.status).data ?? 'new';
}

export interface ShownContact {
  name: string;
  email: string;
  phone: string | undefined;
  shownTo: Audience;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** The suggester's contact details, when the API showed them to this viewer (never to anonymous visitors). */
export function contactOf(attributes: Record<string, unknown>): ShownContact | undefined {
  const contact = attributes.contact;
  if (typeof contact !== 'object' || contact === null) return undefined;
  const fields = contact as Record<string, unknown>;
  const name = text(fields.name);
  const email = text(fields.email);
  if (!name || !email) return undefined;
  return { name, email, phone: text(fields.phone), shownTo: ContactAudience.safeParse(fields.shownTo).data ?? 'members' };
}
