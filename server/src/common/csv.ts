import { toCopenhagenIso } from '@infraforum/shared';

/**
 * Spreadsheets for Danish Excel: UTF-8 with a byte-order mark (or Excel guesses another encoding), ";" between
 * cells (the comma is the decimal sign), CRLF between rows.
 */

export type CsvCell = string | number | boolean | null;

/** A text cell Excel would run as a formula (= + - @, or a tab or CR first) gets a leading apostrophe (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(';');
}

/** A whole file: the header, then the rows. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  return `\uFEFF${[csvRow(header), ...rows.map(csvRow)].join('\r\n')}\r\n`;
}

/** "2023-11-02 10:15:03" on a Copenhagen clock. */
export function copenhagenTimestamp(date: Date): string {
  return toCopenhagenIso(date).slice(0, 19).replace('T', ' ');
}

/** `attachment; filename="tilmeldte-12.csv"` (the name reduced to safe characters). */
export const attachmentDisposition = (filename: string): string => `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`;
