// The test suites, as `npm test` runs them:
// - Vitest on the embedded database (PGlite): the unit, db and integration
//   projects of vitest.config.ts; the db project again on the real
//   PostgreSQL server when TEST_DATABASE_URL is set (as .ci/run does; the
//   other projects use no database server), after the PGlite pass, or with
//   --checks after the checks;
// - with --e2e, the browser tests (after building the web UI);
// - with --checks, the linter, the formatter's check and both typechecks.
// These three chains run at the same time: on two cores each fills the
// other's waits (the browser tests wait on pages, the PostgreSQL pass on the
// server, the integration tests on `sogd` children), which a one-after-the-
// other run leaves idle. The first chain prints as it goes; the others'
// output is held and printed after it. `--serial` runs everything one after
// the other. Ends with one summary line "N passed, N failed, N skipped" over
// every Vitest pass. Other arguments (a file filter, say) go to every Vitest
// pass but the browser tests, as before.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const flags = new Set(['--e2e', '--checks', '--serial']);
const withE2e = process.argv.includes('--e2e');
const withChecks = process.argv.includes('--checks');
const serial = process.argv.includes('--serial');
const extra = process.argv.slice(2).filter((a) => !flags.has(a));
const out = mkdtempSync(join(tmpdir(), 'sogd-vitest-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failed = [];
const startedAll = Date.now();

/**
 * Runs one command; `held` writes its output to a file, printed by the
 * returned function. `vitest` reads the pass's JSON report into the totals.
 */
function run(label, command, args, { env = process.env, held = false, vitest = false } = {}) {
  const slug = label.replace(/\W+/g, '-');
  const report = join(out, `${slug}.json`);
  const log = join(out, `${slug}.log`);
  const started = Date.now();
  if (!held) console.log(`\n== ${label}`);
  const fullArgs = vitest
    ? [
        'node_modules/vitest/vitest.mjs',
        'run',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${report}`,
        // A file filter may match nothing in one pass (a unit test, say, in the PostgreSQL pass).
        '--passWithNoTests',
        ...args,
      ]
    : args;
  const child = spawn(command, fullArgs, {
    stdio: held ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env,
  });
  if (held) {
    const file = createWriteStream(log);
    child.stdout.pipe(file);
    child.stderr.pipe(file);
  }
  return new Promise((resolve) => {
    child.on('close', (status) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      if (status !== 0) failed.push(label);
      if (vitest) {
        try {
          const json = JSON.parse(readFileSync(report, 'utf8'));
          totals.passed += json.numPassedTests;
          totals.failed += json.numFailedTests;
          totals.skipped += json.numPendingTests + (json.numTodoTests ?? 0);
        } catch {
          totals.failed += 1; // the runner itself failed before reporting
        }
      }
      resolve(() => {
        if (held)
          console.log(
            `\n== ${label} (ran alongside; its output follows)\n${readFileSync(log, 'utf8')}`,
          );
        console.log(`== ${label}: ${seconds} s`);
      });
    });
  });
}

/** Runs steps one after the other; resolves to their printers, in order. */
async function chain(steps) {
  const printers = [];
  for (const step of steps) printers.push(await step());
  return printers;
}

// The `sogd` children the tests spawn run dist/ when it is fresh (vitest.config.ts).
const build = spawnSync(process.execPath, ['scripts/build.js'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

const { TEST_DATABASE_URL, ...withoutPostgres } = process.env;
const node = process.execPath;
const bin = (name) => join('node_modules', '.bin', name);
const held = !serial;

const postgresPass = TEST_DATABASE_URL
  ? [
      () =>
        run(
          `Vitest on PostgreSQL (${new URL(TEST_DATABASE_URL).host})`,
          node,
          ['--project=db', ...extra],
          { env: { ...process.env, SOGD_TEST_TARGET: 'postgres' }, vitest: true, held },
        ),
    ]
  : [];
const checks = withChecks
  ? [
      () => run('ESLint', bin('eslint'), ['--max-warnings', '0', '.'], { held }),
      () => run('Prettier', bin('prettier'), ['--check', '.'], { held }),
      () => run('TypeScript (server)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], { held }),
      () => run('TypeScript (web)', bin('tsc'), ['--noEmit', '-p', 'web/tsconfig.json'], { held }),
    ]
  : [];

// Each chain starts when called: all at once, or (--serial) one after the other.
// With --checks the PostgreSQL pass follows the checks (about 10 minutes in CI)
// rather than the PGlite pass (about 15): after the PGlite pass it made the
// longest chain, past 20 minutes.
const chains = [
  // The first chain prints as it runs.
  () =>
    chain([
      () =>
        run(
          'Vitest on PGlite',
          node,
          ['--project=unit', '--project=db', '--project=integration', ...extra],
          { env: withoutPostgres, vitest: true },
        ),
      ...(withChecks ? [] : postgresPass),
    ]),
];
if (withE2e)
  chains.push(() =>
    chain([
      // The browser tests need the web UI built: first in their own chain, so
      // the other chains use the second core meanwhile (about a minute in CI).
      () => run('Web build', node, ['scripts/build-web.js'], { held }),
      () =>
        run('Browser tests (chromium)', node, ['--project=e2e'], {
          env: withoutPostgres,
          held,
          vitest: true,
        }),
    ]),
  );
if (withChecks) chains.push(() => chain([...checks, ...postgresPass]));

const printers = [];
if (serial) for (const start of chains) printers.push(...(await start()));
else printers.push(...(await Promise.all(chains.map((start) => start()))).flat());
for (const print of printers) print();

rmSync(out, { recursive: true, force: true });
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
console.log(`in ${((Date.now() - startedAll) / 1000).toFixed(0)} s`);
if (failed.length) console.log(`failed: ${failed.join(', ')}`);
process.exit(failed.length || totals.failed > 0 ? 1 : 0);
