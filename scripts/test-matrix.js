// Runs the Vitest suite on the embedded database (PGlite), then again on the
// real PostgreSQL server when TEST_DATABASE_URL is set (as .ci/run does).
import { spawnSync } from 'node:child_process';

const vitest = ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)];

function run(label, env) {
  console.log(`\n== Vitest on ${label}`);
  const result = spawnSync(process.execPath, vitest, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const { TEST_DATABASE_URL, ...withoutPostgres } = process.env;
run('PGlite', withoutPostgres);
if (TEST_DATABASE_URL) {
  run(`PostgreSQL (${new URL(TEST_DATABASE_URL).host})`, {
    ...process.env,
    SOGD_TEST_TARGET: 'postgres',
  });
}
