// Compiles src/ to dist/ with tsc (tsconfig.build.json) when dist/ is older
// than its sources (bin/build-state.js), so that `npm start` on an unchanged
// checkout starts at once. `--force` rebuilds anyway.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT, STAMP, distState } from '../bin/build-state.js';

const force = process.argv.includes('--force');
const tscPath = join(ROOT, 'node_modules/typescript/bin/tsc');
if (!existsSync(tscPath)) {
  // An install without dev dependencies (npm ci --omit=dev runs this as `prepare`):
  // bin/sogd.js then runs the sources through tsx, a dependency.
  console.log(
    'Không có TypeScript (cài không kèm devDependencies): bỏ qua biên dịch, sogd chạy mã nguồn qua tsx.',
  );
} else if (!force && distState() === 'fresh') {
  console.log('Máy chủ đã được biên dịch sẵn (dist).');
} else {
  console.log('Đang biên dịch máy chủ (src → dist)…');
  const started = Date.now();
  // Before compiling: a build that fails half-way must not leave a stamp.
  rmSync(STAMP, { force: true });
  if (force) rmSync(DIST, { recursive: true, force: true });
  const tsc = spawnSync(process.execPath, [tscPath, '-p', join(ROOT, 'tsconfig.build.json')], {
    stdio: 'inherit',
    cwd: ROOT,
  });
  if (tsc.status !== 0) {
    console.error('LỖI: biên dịch thất bại; dist/ không được dùng.');
    process.exit(tsc.status ?? 1);
  }
  // Dated when compiling began: a source saved during the build is newer.
  writeFileSync(STAMP, `${new Date(started).toISOString()}\n`);
  utimesSync(STAMP, new Date(started), new Date(started));
  console.log(`Đã biên dịch máy chủ trong ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
