// Regenerates the OpenAPI document and the web's typed client types from the server's zod-described routes.
// Usage: npm run build -w @infraforum/shared -w @infraforum/server && npm run api:generate
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderApiTypes } from './render-api-types.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { startEmbeddedPostgres } = await import(path.join(root, 'server/dist/database/embedded-postgres.js'));
const { createApp, buildOpenApiDocument } = await import(path.join(root, 'server/dist/app.js'));
const { loadConfig } = await import(path.join(root, 'server/dist/config/config.js'));
const { pino } = await import('pino');

const { temporaryPostgresDir } = await import(path.join(root, 'server/dist/database/embedded-postgres.js'));
const dir = temporaryPostgresDir('infraforum-api');
const pg = await startEmbeddedPostgres({ dir: path.join(dir, 'pg') });
try {
  const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: dir, LOG_LEVEL: 'silent' });
  const runtime = { ...config, databaseUrl: pg.url, meili: undefined, publicUrl: 'http://localhost:3000', sessionSecret: 'x'.repeat(32) };
  const app = await createApp(runtime, { logger: pino({ level: 'silent' }) });
  const document = buildOpenApiDocument(app);
  await app.close();
  const out = path.join(root, 'web/src/lib/api');
  writeFileSync(path.join(out, 'openapi.json'), JSON.stringify(document, null, 2) + '\n');
  writeFileSync(path.join(out, 'schema.d.ts'), await renderApiTypes(document));
  console.log(`Wrote ${path.relative(root, out)}/openapi.json and schema.d.ts (${Object.keys(document.paths).length} paths)`);
} finally {
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
}
