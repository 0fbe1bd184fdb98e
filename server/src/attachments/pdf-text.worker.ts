import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { extractText, getDocumentProxy } from 'unpdf';

/** Runs in a worker thread (see pdf-text.ts): a hostile PDF can spin or swell here, and the thread is simply ended. */
const { path } = workerData as { path: string };
const pdf = await getDocumentProxy(new Uint8Array(await readFile(path)), { verbosity: 0 });
try {
  const { text } = await extractText(pdf, { mergePages: true });
  parentPort?.postMessage(text);
} finally {
  await pdf.destroy();
}
