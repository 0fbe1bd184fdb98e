import { defineConfig } from 'vitest/config';

// The built server and web run as Node loads them in production, not through vitest's transform
// (SvelteKit's build imports its own chunks by computed paths).
const builtOutput = { deps: { external: [/\/server\/dist\//, /\/web\/build\//, /\/shared\/dist\//] } };

/**
 * Three depths (see README): unit tests beside the code; integration tests against the built server
 * on a real PostgreSQL + Meilisearch; browser e2e against the whole built app in Chromium.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/src/**/*.spec.ts', 'server/src/**/*.spec.ts', 'web/src/**/*.spec.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/api/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          server: builtOutput,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/web/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          server: builtOutput,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One browser at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
