/** A failed form on a dialogue page, as its action sends it back (see dialogueForm in the server helpers). */
export interface DialogueFormFailure {
  form?: string;
  values: Record<string, string>;
  fields: Record<string, string[]>;
  message: string;
}
