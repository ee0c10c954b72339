import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../..');

/** Where the browser tests' migrated, empty embedded database waits (set by setup below). */
export const PGDATA_TEMPLATE_ENV = 'SOGD_TEST_PGDATA_TEMPLATE';

/**
 * Gives a new data folder the run's migrated database, when there is one and
 * the folder has none yet: `sogd serve` then finds nothing to migrate and
 * goes straight to the demo. Migrating a fresh embedded database took about
 * 6 CPU-seconds per browser-test file, on a machine whose two cores are the
 * suite's limit.
 */
export function seedDataDir(env: Record<string, string>): void {
  const template = process.env[PGDATA_TEMPLATE_ENV];
  if (!template || !env.DATA_DIR || env.DATABASE_URL) return;
  const target = join(env.DATA_DIR, 'pgdata');
  if (!existsSync(target)) cpSync(template, target, { recursive: true });
}

/**
 * Vitest globalSetup of the browser tests: migrates one embedded database
 * with the `sogd` the tests run (so the same migrations), and hands its
 * folder to the test processes through the environment they inherit.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'sogd-pgdata-template-'));
  const migrate = spawnSync(process.execPath, ['bin/sogd.js', 'migrate'], {
    cwd: REPO,
    // The embedded database, as the tests' servers use (DATABASE_URL empty).
    env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' },
    encoding: 'utf8',
  });
  if (migrate.status !== 0) throw new Error(`sogd migrate failed:\n${migrate.stderr}`);
  process.env[PGDATA_TEMPLATE_ENV] = join(dir, 'pgdata');
  return () => rmSync(dir, { recursive: true, force: true });
}
