import { fail } from '@sveltejs/kit';
import type { ApiError } from '@infraforum/shared';

/** What a failed form action sends back: the entered values (never passwords), per-field messages and a summary. */
export type FormFailure = {
  /** Which form on the page failed, when a page has more than one. */
  form?: string;
  values: Record<string, string>;
  fields: Record<string, string[]>;
  message: string;
};

/** The named text fields of a submitted form ("" for a missing one). */
export function textFields<const Name extends string>(data: FormData, names: readonly Name[]): Record<Name, string> {
  const values = {} as Record<Name, string>;
  for (const name of names) {
    const value = data.get(name);
    values[name] = typeof value === 'string' ? value : '';
  }
  return values;
}

/** The shape of a shared zod schema that forms need (structural, so the web does not import zod itself). */
interface FormSchema<Output> {
  safeParse(
    input: unknown,
  ): { success: true; data: Output } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

export type Checked<Output> = { ok: true; data: Output } | { ok: false; fields: Record<string, string[]> };

/**
 * Checks a form with the API's own shared schema before calling the API. A blank field is passed as
 * missing, so the schema answers "Skriv dit navn" / "Vælg en kommune" rather than a length rule.
 */
export function checkForm<Output>(schema: FormSchema<Output>, values: Record<string, string | number | boolean | null>): Checked<Output> {
  const input = Object.fromEntries(Object.entries(values).filter(([, value]) => !(typeof value === 'string' && value.trim() === '')));
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const fields: Record<string, string[]> = {};
  for (const issue of result.error.issues) (fields[issue.path.map(String).join('.') || '_'] ??= []).push(issue.message);
  return { ok: false, fields };
}

/** Redisplays the form with the API's error: its status, its per-field messages and its message. */
export function failWithApiError(error: ApiError, values: Record<string, string>, form?: string) {
  const status = error.statusCode >= 400 && error.statusCode <= 599 ? error.statusCode : 500;
  const body: FormFailure = { ...(form ? { form } : {}), values, fields: error.fields ?? {}, message: error.message };
  return fail(status, body);
}

/** Field errors found by the web itself (checkForm, a repeated password), shown like the API's. */
export function failWithFieldErrors(fields: Record<string, string[]>, values: Record<string, string>, form?: string) {
  const body: FormFailure = { ...(form ? { form } : {}), values, fields, message: 'Nogle felter er ikke udfyldt korrekt.' };
  return fail(400, body);
}
