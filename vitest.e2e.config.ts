import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { distState } from './bin/build-state.js';

/** The browser tests; also the `e2e` project of vitest.config.ts. */
export const e2eTest: NonNullable<TestProjectInlineConfiguration['test']> = {
  include: ['test/e2e/**/*.test.ts'],
  pool: 'forks',
  // Each file starts its own server on a free port with its own data folder,
  // so files may run side by side; SOGD_E2E_WORKERS=1 runs them one by one.
  maxWorkers: Number(process.env.SOGD_E2E_WORKERS) || 2,
  // One migrated embedded database, copied into each file's data folder.
  globalSetup: ['test/helpers/pgdata-template.ts'],
  testTimeout: 120_000,
  hookTimeout: 180_000,
  // How long expect.poll waits for the page (default 1 s): a page's first
  // load after sign-in took longer than that in CI on a busy 2-core machine.
  expect: { poll: { timeout: 10_000 } },
};

export default defineConfig({
  test: { ...e2eTest, env: distState() === 'fresh' ? {} : { SOGD_FROM_SOURCES: '1' } },
});
