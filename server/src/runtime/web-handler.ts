import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RequestHandler } from 'express';

/** web/build, produced by `npm run build` (SvelteKit adapter-node). */
export const WEB_BUILD_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/build');

import { ATTACHMENT_MAX_BYTES } from '@infraforum/shared';

/** The largest request a SvelteKit form action takes: an attachment and the form around it. */
export const WEB_BODY_SIZE_LIMIT = String(ATTACHMENT_MAX_BYTES + 1024 * 1024);

/** Loads the SvelteKit handler; ORIGIN must be set before, since adapter-node reads it when loaded. */
export async function loadWebHandler(buildDir = WEB_BUILD_DIR): Promise<RequestHandler | undefined> {
  const file = path.join(buildDir, 'handler.js');
  if (!existsSync(file)) return undefined;
  const module = (await import(pathToFileURL(file).href)) as { handler: RequestHandler };
  return module.handler;
}
