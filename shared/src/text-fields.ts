import { z } from 'zod';
import { noControlCharacters } from './auth.js';

/** Field builders shared by every kind's schema: Danish messages that name the field. */

export const singleLine = (label: string, min: number, max: number) =>
  z
    .string({ error: `Skriv ${label}` })
    .trim()
    .min(min, { error: min <= 1 ? `Skriv ${label}` : `${capitalize(label)} skal være på mindst ${min} tegn` })
    .max(max, { error: `${capitalize(label)} må højst være på ${max} tegn` })
    .refine(noControlCharacters, { error: `${capitalize(label)} må ikke indeholde linjeskift eller kontroltegn` });

/** Markdown may hold line breaks and tabs, never other control characters (NUL cannot even be stored). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const MARKDOWN_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
export const markdownText = (label: string, min: number, max: number) =>
  z
    .string({ error: `Skriv ${label}` })
    .max(max, { error: `${capitalize(label)} må højst være på ${max} tegn` })
    .refine((value) => !MARKDOWN_CONTROL.test(value), { error: `${capitalize(label)} indeholder kontroltegn, der ikke kan gemmes` })
    .transform((value) => value.replace(/\r\n?/g, '\n').trim())
    .refine((value) => value.length >= min, {
      error: min <= 1 ? `Skriv ${label}` : `${capitalize(label)} skal være på mindst ${min} tegn`,
    });

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const NOTICE_MAX = 2000;
export const noticeText = (label: string, max = NOTICE_MAX) =>
  z
    .string({ error: `Skriv ${label}` })
    .max(max, { error: `${capitalize(label)} må højst være på ${max} tegn` })
    .refine((value) => !MARKDOWN_CONTROL.test(value), { error: `${capitalize(label)} indeholder kontroltegn, der ikke kan gemmes` })
    .transform((value) => value.replace(/\r\n?/g, '\n').trim());
