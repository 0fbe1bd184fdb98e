/** What a failed toolbox form brings back to the page (`ToolboxFormFailure` on the server), or a preview. */
export interface ToolboxFormState {
  /** Which of the page's forms. */
  form: string;
  /** The item or proposal the form was about. */
  target?: number;
  values: Record<string, string>;
  fields: Record<string, string[]>;
  message?: string;
  preview?: string;
}

/** The failure of one form on a page with several (`form`, and for per-item forms `target`). */
export function failureOf(state: unknown, form: string, target?: number): ToolboxFormState | undefined {
  if (!state || typeof state !== 'object') return undefined;
  const candidate = state as Partial<ToolboxFormState>;
  if (candidate.form !== form || (target !== undefined && candidate.target !== target)) return undefined;
  return { form, values: candidate.values ?? {}, fields: candidate.fields ?? {}, ...pick(candidate) };
}

function pick(candidate: Partial<ToolboxFormState>): Partial<ToolboxFormState> {
  return {
    ...(candidate.target !== undefined ? { target: candidate.target } : {}),
    ...(candidate.message !== undefined ? { message: candidate.message } : {}),
    ...(candidate.preview !== undefined ? { preview: candidate.preview } : {}),
  };
}
