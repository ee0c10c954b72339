// What web/dist is built from, and whether it is stale (scripts/build-web.js).
// The inputs are: every file under web/ (public/ and index.html are no
// modules); every file outside web/ that web/src imports, directly or through
// another such file, found by reading the imports (type-only ones too: a
// change to a contract.ts must rebuild, even when esbuild erases its import);
// the last build's module graph (what Rollup really bundled); vite.config.ts;
// and package-lock.json (the dependencies' versions). Their SHA-256 hashes
// are kept in web/.dist-inputs.json: a hash, unlike a modification time,
// survives a checkout that rewrites a file unchanged. Their sizes and
// modification times are kept too, for a quick first check (statsUnchanged).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

// TypeScript (to read the imports) loads only when the files' sizes and
// times differ from the last build's: loading it took 0.3 s of CPU beside
// the server's restart under `npm start` (issue #13 item 20).
const require = createRequire(import.meta.url);
let typescript = null;
const ts = () => (typescript ??= require('typescript'));

const MANIFEST = 'web/.dist-inputs.json';

/** Files under web/, as paths relative to the root. */
function webFiles(root, dir = join(root, 'web')) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['dist', 'node_modules', '.dist-inputs.json'].includes(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...webFiles(root, path));
    else files.push(relative(root, path));
  }
  return files;
}

/** A relative import's file: as written (the code names `.ts` files), else with an extension. */
function resolveImport(from, specifier) {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

/**
 * The files outside web/ that web/src imports, directly or through each
 * other, as paths relative to the root. Packages are left out: they count
 * through package-lock.json.
 */
export function importedFiles(root) {
  const queue = webFiles(root)
    .filter((f) => /\.(ts|tsx)$/.test(f) && f.startsWith(`web${sep}src${sep}`))
    .map((f) => join(root, f));
  const seen = new Set(queue);
  const outside = new Set();
  while (queue.length) {
    const file = queue.pop();
    const { importedFiles: imports } = ts().preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of imports) {
      if (!fileName.startsWith('.')) continue;
      const target = resolveImport(file, fileName);
      if (!target || seen.has(target)) continue;
      const path = relative(root, target);
      if (path.startsWith('..') || path.split(sep).includes('node_modules')) continue;
      seen.add(target);
      queue.push(target);
      if (!path.startsWith(`web${sep}`)) outside.add(path);
    }
  }
  return [...outside].sort();
}

/** The inputs to hash: the last build's modules (if any), the imported files and those always read. */
export function inputs(root, modules = []) {
  return [
    ...new Set([
      ...modules,
      ...importedFiles(root),
      ...webFiles(root),
      'vite.config.ts',
      'package-lock.json',
    ]),
  ].sort();
}

export function hashOf(root, file) {
  try {
    return createHash('sha256')
      .update(readFileSync(join(root, file)))
      .digest('hex');
  } catch {
    return null; // gone since the last build: a change
  }
}

/** Why web/dist must be built again (in Vietnamese, for the console), or null when it need not. */
export function staleBecause(root) {
  const manifest = join(root, MANIFEST);
  if (!existsSync(join(root, 'web/dist/index.html')) || !existsSync(manifest))
    return 'chưa dựng lần nào';
  const last = JSON.parse(readFileSync(manifest, 'utf8'));
  if (statsUnchanged(root, last)) return null;
  for (const file of inputs(root, last.modules))
    if (!(file in last.hashes)) return `tệp mới ${file}`;
    else if (hashOf(root, file) !== last.hashes[file]) return `tệp đã đổi ${file}`;
  for (const file of Object.keys(last.hashes))
    if (hashOf(root, file) === null) return `tệp đã xoá ${file}`;
  // Same contents under new times (a fresh checkout): the next check is the quick one.
  try {
    writeFileSync(manifest, manifestText(root, last.modules, last.hashes));
  } catch {
    // a read-only checkout: the hashes stay the check
  }
  return null;
}

/** [size, modification time] of a file, or null when it is gone. */
function statOf(root, file) {
  try {
    const { size, mtimeMs } = statSync(join(root, file));
    return [size, mtimeMs];
  } catch {
    return null;
  }
}

/**
 * The quick check: no new file under web/, and every input of the last
 * build with the size and modification time it had then. The imports are
 * then those of the last build too (an import is added by changing a file),
 * so nothing is read. Any difference goes to the hashes, which decide.
 */
function statsUnchanged(root, last) {
  if (!last.stats) return false;
  for (const file of webFiles(root)) if (!(file in last.hashes)) return false;
  for (const file of Object.keys(last.hashes)) {
    const recorded = last.stats[file];
    const now = statOf(root, file);
    if (!recorded || !now || recorded[0] !== now[0] || recorded[1] !== now[1]) return false;
  }
  return true;
}

function manifestText(root, modules, hashes) {
  const stats = Object.fromEntries(Object.keys(hashes).map((f) => [f, statOf(root, f)]));
  return `${JSON.stringify({ modules: [...modules].sort(), hashes, stats }, null, 2)}\n`;
}

/** Records what web/dist was just built from: Rollup's modules and the inputs' hashes. */
export function writeManifest(root, modules) {
  const files = inputs(root, modules);
  const hashes = Object.fromEntries(files.map((f) => [f, hashOf(root, f)]));
  writeFileSync(join(root, MANIFEST), manifestText(root, modules, hashes));
}
