// The test suites: Vitest on the embedded database (PGlite) — the unit, db
// and integration projects of vitest.config.ts —, the db project again on
// the real PostgreSQL server when TEST_DATABASE_URL is set (as .ci/run does;
// the other projects use no database server), then (with --e2e) the browser
// tests. The PostgreSQL pass and the browser tests run at the same time: on
// two cores each leaves the other room (the browser tests wait on pages, the
// PostgreSQL pass on the server); the browser tests' output is held and
// printed after the PostgreSQL pass's. `--serial` runs them one after the
// other. Ends with one summary line "N passed, N failed, N skipped" over
// every pass. Other arguments (a file filter, say) go to every pass but the
// browser tests, as before.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const withE2e = process.argv.includes('--e2e');
const serial = process.argv.includes('--serial');
const extra = process.argv.slice(2).filter((a) => a !== '--e2e' && a !== '--serial');
const out = mkdtempSync(join(tmpdir(), 'sogd-vitest-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedPass = false;

/** One Vitest run; `held` writes its output to a file, printed when `print` is called. */
function run(label, env, args, { held = false, filters = true } = {}) {
  const report = join(out, `${label.replace(/\W+/g, '-')}.json`);
  const log = join(out, `${label.replace(/\W+/g, '-')}.log`);
  const started = Date.now();
  if (!held) console.log(`\n== ${label}`);
  const child = spawn(
    process.execPath,
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
      // A file filter may match nothing in one pass (a unit test, say, in the PostgreSQL pass).
      '--passWithNoTests',
      ...args,
      ...(filters ? extra : []),
    ],
    { stdio: held ? ['ignore', 'pipe', 'pipe'] : 'inherit', env },
  );
  if (held) {
    const file = createWriteStream(log);
    child.stdout.pipe(file);
    child.stderr.pipe(file);
  }
  return new Promise((resolve) => {
    child.on('close', (status) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      resolve(() => {
        if (held)
          console.log(
            `\n== ${label} (ran alongside; its output follows)\n${readFileSync(log, 'utf8')}`,
          );
        console.log(`== ${label}: ${seconds} s`);
        try {
          const json = JSON.parse(readFileSync(report, 'utf8'));
          totals.passed += json.numPassedTests;
          totals.failed += json.numFailedTests;
          totals.skipped += json.numPendingTests + (json.numTodoTests ?? 0);
        } catch {
          totals.failed += 1; // the runner itself failed before reporting
        }
        if (status !== 0) failedPass = true;
      });
    });
  });
}

// The `sogd` children the tests spawn run dist/ when it is fresh (vitest.config.ts).
{
  const build = spawnSync(process.execPath, ['scripts/build.js'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
}

const { TEST_DATABASE_URL, ...withoutPostgres } = process.env;
(
  await run('Vitest on PGlite', withoutPostgres, [
    '--project=unit',
    '--project=db',
    '--project=integration',
  ])
)();

const later = [];
const alongside = !serial && Boolean(TEST_DATABASE_URL);
if (TEST_DATABASE_URL)
  later.push(() =>
    run(
      `Vitest on PostgreSQL (${new URL(TEST_DATABASE_URL).host})`,
      { ...process.env, SOGD_TEST_TARGET: 'postgres' },
      ['--project=db'],
    ),
  );
if (withE2e)
  later.push(() =>
    run('Browser tests (chromium)', withoutPostgres, ['--project=e2e'], {
      held: alongside,
      filters: false,
    }),
  );
if (serial) for (const start of later) (await start())();
else for (const print of await Promise.all(later.map((start) => start()))) print();

rmSync(out, { recursive: true, force: true });
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedPass || totals.failed > 0 ? 1 : 0);
