/** The shapes the suggestion forms and their server actions share (no server code here: components import it). */

/** Everything the suggestion form holds, as typed (components from checkboxes as an array). */
export interface SuggestionFormValues {
  title: string;
  body: string;
  /** Comma- or space-separated, as typed. */
  tags: string;
  components: string[];
  visibility: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  /** "moderators" or "members" (CONTACT_AUDIENCES). */
  contactShownTo: string;
  // Edit only
  /** "1" when the editor may not see the contact details (another municipality's org admin …): they stay as stored. */
  contactHidden: string;
  reason: string;
  expectedVersion: string;
}

/** What the new and edit pages get back from their actions. */
export interface SuggestionFormState {
  values: SuggestionFormValues;
  fields: Record<string, string[]>;
  message?: string;
  /** Rendered Markdown from "Vis forhåndsvisning". */
  preview?: string;
  /** Someone saved a newer version meanwhile; the form now carries that version, so saving again overwrites it. */
  conflict?: boolean;
}

/** The moderators' status form, as sent. */
export interface StatusFormValues {
  status: string;
  reason: string;
  webinarId: string;
}

/** The moderators' merge form, as sent. */
export interface MergeFormValues {
  intoId: string;
  reason: string;
}
