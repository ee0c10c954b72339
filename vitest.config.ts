import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { distState } from './bin/build-state.js';
import { e2eTest } from './vitest.e2e.config.ts';

/**
 * Four projects (docs/ENGINEERING.md, "Tests"):
 * - unit: src tests that need neither a database nor the `sogd` command —
 *   the inner loop, `npx vitest run --project unit`;
 * - db: src tests on a database (they import test/helpers/db.ts);
 * - integration: tests that run the `sogd` command as a child process
 *   (test/integration/, and a src test that spawns bin/sogd.js);
 * - e2e: the browser tests (test/e2e/, after `npm run build:web`).
 * A src test lands in its project by what it imports or spawns, read here,
 * so a new file needs no entry.
 */
function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name).slice(import.meta.dirname.length + 1));
}
const kinds = { unit: [] as string[], db: [] as string[], cli: [] as string[] };
for (const file of testFiles(join(import.meta.dirname, 'src'))) {
  const text = readFileSync(file, 'utf8');
  if (text.includes('bin/sogd.js')) kinds.cli.push(file);
  else if (/from '(\.\.\/)+test\/helpers\/db\.ts'/.test(text)) kinds.db.push(file);
  else kinds.unit.push(file);
}

/**
 * The `sogd` children tests spawn run dist/ when it is up to date with src/
 * (`npm test` builds it first): what users run, and a third of the start-up
 * CPU of compiling the sources again in every child. Otherwise the sources,
 * without bin/sogd.js's "stale" note.
 */
export const SPAWNED_SOGD: Record<string, string> =
  distState() === 'fresh' ? {} : { SOGD_FROM_SOURCES: '1' };

/** Per-file settings shared by the Node projects. */
const node = {
  pool: 'forks',
  testTimeout: 60_000,
  hookTimeout: 120_000,
  // Tests run the TypeScript sources, also in the `sogd` children they spawn (bin/sogd.js).
  env: {
    ...SPAWNED_SOGD,
    // Uploaded files go to one temporary store (content-addressed, so tests may share it).
    FILES_DIR: join(tmpdir(), 'sogd-test-files'),
  },
} as const;
/**
 * The unit and db files share their worker's module cache (no isolation):
 * each file's import of the app, its modules and PGlite's WASM was about
 * half of the CPU of those passes (measured: 24 db files, 124 → 69 CPU-s).
 * Files there keep no state between them but SOGD_KEY_PASSPHRASE, which they
 * all set to the same test value. The integration files spawn `sogd`
 * children that inherit the environment, so they stay isolated.
 */
const shared = { isolate: false } as const;
/** Installs every module's permissions and org-tree hooks, as the app does (unit tests need none). */
const modules = ['test/helpers/modules.ts'];

export default defineConfig({
  test: {
    // Vitest's default in a run is one worker fewer than the cores: one, on
    // this 2-core machine. The tests spend much of their time waiting (on
    // the database, a child \`sogd\`, the browser), so two workers per pass
    // use both cores; SOGD_TEST_WORKERS overrides it.
    maxWorkers: Number(process.env.SOGD_TEST_WORKERS) || 2,
    projects: [
      { test: { ...node, ...shared, name: 'unit', include: kinds.unit } },
      {
        test: {
          ...node,
          ...shared,
          name: 'db',
          include: kinds.db,
          setupFiles: modules,
          // Migrates once per run; each file starts from that snapshot (test/helpers/db.ts).
          globalSetup: ['test/helpers/db-setup.ts'],
        },
      },
      {
        test: {
          ...node,
          name: 'integration',
          setupFiles: modules,
          include: ['test/integration/**/*.test.ts', ...kinds.cli],
        },
      },
      { test: { ...e2eTest, name: 'e2e', env: node.env, setupFiles: modules } },
    ],
  },
});
