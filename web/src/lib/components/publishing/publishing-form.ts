/** The shapes the publishing panel's forms and their server action share (no server code here: components import it). */
import type { PublishingAction } from '@infraforum/shared';

/** What one of the panel's forms sends, as typed. */
export interface PublishingFormValues {
  /** The Værktøjskassen section's slug; "" for none. */
  toolboxSection: string;
  /** "2027-01-14" and "10:00", Copenhagen: when it goes out. */
  date: string;
  time: string;
  note: string;
  reason: string;
}

/** A refused step: which form it came from, what was typed, and why (per field and in sum). */
export interface PublishingFormState {
  form: 'publishing';
  /** The step that was refused; undefined when the form named none we know. */
  action: PublishingAction | undefined;
  values: PublishingFormValues;
  /** Keyed by form field: "toolboxSection", "date", "time", "note", "reason". */
  fields: Record<string, string[]>;
  message: string;
}

export const emptyPublishingForm = (): PublishingFormValues => ({ toolboxSection: '', date: '', time: '', note: '', reason: '' });

/** The id of a field in the form of `action` (each step has its own form, so its fields have their own ids). */
export const publishingFieldId = (action: PublishingAction, field: keyof PublishingFormValues): string => `udgivelse-${action}-${field}`;
