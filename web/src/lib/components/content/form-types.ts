/** The shapes the content forms and their server actions share (no server code here: components import it). */

/** Everything the question and guide forms hold, as typed (lists from checkboxes as arrays). */
export interface ContentFormValues {
  title: string;
  body: string;
  /** Comma- or space-separated, as typed. */
  tags: string;
  components: string[];
  visibility: string;
  // Guide attributes
  component: string;
  purpose: string;
  severity: string;
  /** Catalog systems ticked. */
  affectedSystems: string[];
  /** Other systems, comma-separated. */
  otherSystems: string;
  action: string;
  intranetOutage: string;
  intranetMaintenance: string;
  // Edit only
  duplicateOf: string;
  reason: string;
  expectedVersion: string;
}

/** What a content form page gets back from its actions. */
export interface ContentFormState {
  values: ContentFormValues;
  fields: Record<string, string[]>;
  message?: string;
  /** Rendered Markdown from "Vis forhåndsvisning". */
  preview?: string;
  /** Someone saved a newer version meanwhile; the form now carries that version, so saving again overwrites it. */
  conflict?: boolean;
}
