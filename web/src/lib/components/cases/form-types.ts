/** The shapes the case form and its server actions share (no server code here: components import it). */

/** One step as typed. */
export interface StepRowValues {
  title: string;
  text: string;
  /** "municipality", "supplier", "kombit" or "" (not said). */
  who: string;
}

export interface CaseFormValues {
  title: string;
  system: string;
  supplier: string;
  /** CASE_ORIGIN_TYPES, or "" before one is chosen. */
  fromType: string;
  fromDescription: string;
  /** A catalog slug. */
  toComponent: string;
  toVersion: string;
  /** CASE_STATUSES. Not "status": the save buttons send draft or published under that name. */
  caseStatus: string;
  /** "2024-03-01". */
  startDate: string;
  endDate: string;
  /** As typed: "12" or "12,5". */
  effortDays: string;
  /** The steps with anything in them, in the order the form shows them. */
  steps: StepRowValues[];
  /** Empty step rows shown after them. */
  emptySteps: number;
  obstacles: string;
  lessons: string;
  /** The requirement texts with anything in them. */
  requirements: string[];
  /** Empty requirement fields shown after them. */
  emptyRequirements: number;
  body: string;
  tags: string;
  visibility: string;
  /** "true" when ticked. */
  contactOptIn: string;
  reason: string;
  expectedVersion: string;
}

/** What the case form pages get back from their actions. */
export interface CaseFormState {
  values: CaseFormValues;
  /** Keyed by form field: "title", "toComponent", "steps.2.text", "requirements.0". */
  fields: Record<string, string[]>;
  message?: string;
  /** Rendered Markdown from "Vis forhåndsvisning". */
  preview?: string;
  /** Someone saved a newer version meanwhile; the form now carries that version, so saving again overwrites it. */
  conflict?: boolean;
}

export const STEP_FIELDS = ['title', 'text', 'who'] as const;
export type StepField = (typeof STEP_FIELDS)[number];

export const emptyStepRow = (): StepRowValues => ({ title: '', text: '', who: '' });

/** The id of a step's input, e.g. "steps-2-text" (its name is "steps.2.text"). */
export const stepInputId = (index: number, field: StepField): string => `steps-${index}-${field}`;

/** The id of a requirement's text area, e.g. "requirements-0" (its name is "requirements.0"). */
export const requirementInputId = (index: number): string => `requirements-${index}`;

/** The anchor of a requirement text on the case page: "krav-1" (counted from 1, as shown). */
export const requirementAnchor = (index: number): string => `krav-${index + 1}`;
