// The test suites, in order: Vitest on the embedded database (PGlite), again
// on the real PostgreSQL server when TEST_DATABASE_URL is set (as .ci/run
// does), then (with --e2e) the browser tests. Ends with one summary line
// "N passed, N failed, N skipped" over every pass.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const withE2e = process.argv.includes('--e2e');
const extra = process.argv.slice(2).filter((a) => a !== '--e2e');
const out = mkdtempSync(join(tmpdir(), 'sogd-vitest-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedPass = false;

function run(label, env, args) {
  console.log(`\n== ${label}`);
  const report = join(out, `${label.replace(/\W+/g, '-')}.json`);
  const result = spawnSync(
    process.execPath,
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
      ...args,
    ],
    { stdio: 'inherit', env },
  );
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += json.numPassedTests;
    totals.failed += json.numFailedTests;
    totals.skipped += json.numPendingTests + (json.numTodoTests ?? 0);
  } catch {
    totals.failed += 1; // the runner itself failed before reporting
  }
  if (result.status !== 0) failedPass = true;
}

const { TEST_DATABASE_URL, ...withoutPostgres } = process.env;
run('Vitest on PGlite', withoutPostgres, extra);
if (TEST_DATABASE_URL) {
  run(
    `Vitest on PostgreSQL (${new URL(TEST_DATABASE_URL).host})`,
    { ...process.env, SOGD_TEST_TARGET: 'postgres' },
    extra,
  );
}
if (withE2e) run('Browser tests (chromium)', withoutPostgres, ['--config', 'vitest.e2e.config.ts']);
rmSync(out, { recursive: true, force: true });
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedPass || totals.failed > 0 ? 1 : 0);
