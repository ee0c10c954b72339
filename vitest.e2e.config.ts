import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { distState } from './bin/build-state.js';

/** The browser tests; also the `e2e` project of vitest.config.ts. */
export const e2eTest: NonNullable<TestProjectInlineConfiguration['test']> = {
  include: ['test/e2e/**/*.test.ts'],
  pool: 'forks',
  fileParallelism: false,
  testTimeout: 120_000,
  hookTimeout: 180_000,
  // How long expect.poll waits for the page (default 1 s): a page's first
  // load after sign-in took longer than that in CI on a busy 2-core machine.
  expect: { poll: { timeout: 10_000 } },
};

export default defineConfig({
  test: { ...e2eTest, env: distState() === 'fresh' ? {} : { SOGD_FROM_SOURCES: '1' } },
});
