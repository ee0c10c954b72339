// Whether dist/ (the compiled server and CLI, `npm run build`) is at least as
// new as everything it is compiled from. Shared by bin/sogd.js, which runs
// dist/ only when it is, and scripts/build.js, which rebuilds when it is not.
// Modification times, not hashes: the check runs on every `sogd` command
// (about 2 ms for src/). A directory's own time changes when a file is
// added, removed or renamed in it, so those count too.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname;
export const DIST = join(ROOT, 'dist');
/** Written last by a successful build: its time is the build's. */
export const STAMP = join(DIST, '.build-stamp');
export const CONFIGS = ['tsconfig.json', 'tsconfig.build.json'].map((f) => join(ROOT, f));

/** Newest modification time under `dir` among the files tsc compiles (tests are not). */
function newest(dir) {
  let latest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

/** 'fresh', 'stale' (built, then a source changed) or 'missing' (never built). */
export function distState() {
  let built;
  try {
    built = statSync(STAMP).mtimeMs;
  } catch {
    return 'missing';
  }
  const sources = Math.max(newest(join(ROOT, 'src')), ...CONFIGS.map((f) => statSync(f).mtimeMs));
  return built >= sources ? 'fresh' : 'stale';
}
