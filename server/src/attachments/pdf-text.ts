import { Worker } from 'node:worker_threads';

export const PDF_TEXT_MAX_CHARS = 500_000;
export const PDF_TEXT_TIMEOUT_MS = 20_000;

export interface PdfTextOptions {
  timeoutMs?: number;
  maxChars?: number;
}

// NUL cannot be stored in PostgreSQL text, and other control characters only get in the way of search.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this removes
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Extracted text as stored and indexed: no control characters, runs of blanks as one, at most `maxChars`. */
export function cleanExtractedText(text: string, maxChars = PDF_TEXT_MAX_CHARS): string {
  const cleaned = text
    .replace(CONTROL_CHARACTERS, ' ')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
  if (cleaned.length <= maxChars) return cleaned;
  // Never end on half a surrogate pair.
  const cut = cleaned.slice(0, maxChars);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * The text of the PDF at `path`, read in a worker thread with a hard time limit: PDF.js parses on the thread it
 * runs on, so a large or hostile file would otherwise hold up every other request. Rejects on timeout or failure.
 */
export function extractPdfText(path: string, options: PdfTextOptions = {}): Promise<string> {
  const timeoutMs = options.timeoutMs ?? PDF_TEXT_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./pdf-text.worker.js', import.meta.url), {
      workerData: { path },
      resourceLimits: { maxOldGenerationSizeMb: 512 },
      // PDF.js talks on the console about odd fonts; that is not our log.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
    };
    const timer = setTimeout(() => {
      settle(() => reject(new Error(`PDF text extraction took longer than ${timeoutMs} ms`)));
      void worker.terminate();
    }, timeoutMs);
    worker.once('message', (text: unknown) => {
      settle(() => (typeof text === 'string' ? resolve(cleanExtractedText(text, options.maxChars)) : reject(new Error('No text'))));
      void worker.terminate();
    });
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`PDF text worker stopped (exit code ${code})`))));
  });
}
