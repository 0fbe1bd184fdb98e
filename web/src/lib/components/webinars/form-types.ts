/** The shapes the webinar form and its server actions share (no server code here: components import it). */

/** One programme row as typed. */
export interface ProgrammeRowValues {
  start: string;
  end: string;
  title: string;
  speaker: string;
  speakerOrganization: string;
  /** A guide, case or other item the talk is about: its number or address, as typed. */
  content: string;
}

export interface WebinarFormValues {
  title: string;
  series: string;
  /** "2027-01-14", Copenhagen. */
  date: string;
  /** "10:00", Copenhagen. */
  startTime: string;
  endTime: string;
  onlineUrl: string;
  /** Municipality codes ticked. */
  hosts: string[];
  body: string;
  /** The rows with anything in them, in the order the form shows them. */
  programme: ProgrammeRowValues[];
  /** Empty rows shown after them (without JavaScript, "Tilføj flere rækker" adds three). */
  emptyRows: number;
  recordingUrl: string;
  recap: string;
  visibility: string;
  reason: string;
  expectedVersion: string;
}

/** What the webinar form page gets back from its actions. */
export interface WebinarFormState {
  values: WebinarFormValues;
  /** Keyed by form field: "title", "startTime", "programme.2.end". */
  fields: Record<string, string[]>;
  message?: string;
  /** Rendered Markdown from "Vis forhåndsvisning". */
  preview?: string;
  /** Someone saved a newer version meanwhile; the form now carries that version, so saving again overwrites it. */
  conflict?: boolean;
}

export const PROGRAMME_FIELDS = ['start', 'end', 'title', 'speaker', 'speakerOrganization', 'content'] as const;
export type ProgrammeField = (typeof PROGRAMME_FIELDS)[number];

export const emptyProgrammeRow = (): ProgrammeRowValues => ({
  start: '',
  end: '',
  title: '',
  speaker: '',
  speakerOrganization: '',
  content: '',
});

/** The id of a programme input, e.g. "programme-2-end" (its name is "programme.2.end"). */
export const programmeInputId = (index: number, field: ProgrammeField): string => `programme-${index}-${field}`;
