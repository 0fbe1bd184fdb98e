import type { SubmitFunction } from '@sveltejs/kit';

/** With JavaScript as without: what was typed stays in the form when the action answers (a preview, an error). */
export const keepValues: SubmitFunction =
  () =>
  async ({ update }) =>
    update({ reset: false });

/** The form is emptied once its action succeeded (it redirects), and keeps what was typed when it failed. */
export const clearOnSuccess: SubmitFunction =
  ({ formElement }) =>
  async ({ result, update }) => {
    if (result.type === 'redirect') formElement.reset();
    await update({ reset: false });
  };
