import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/integration/**/*.test.ts'],
    // Each file gets its own fresh database; PGlite start-up dominates, so run files in parallel.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
