// Builds the web UI with Vite unless web/dist was built from exactly the
// files it would be built from now, so that `npm start` on an unchanged
// checkout starts at once. Those files are every module of the last build's
// graph outside node_modules (the web imports src/ too: contracts, the QR
// code's fields), every file under web/ (public/ and index.html are no
// modules), vite.config.ts and package-lock.json (the dependencies'
// versions). Their SHA-256 hashes are kept in web/.dist-inputs.json: a hash,
// unlike a modification time, survives a checkout that rewrites a file
// unchanged. `--force` rebuilds anyway; `--check` only says whether it would.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const manifest = join(root, 'web/.dist-inputs.json');
const force = process.argv.includes('--force');

/** Files under web/, as paths relative to the root. */
function webFiles(dir = join(root, 'web')) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['dist', 'node_modules', '.dist-inputs.json'].includes(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...webFiles(path));
    else files.push(relative(root, path));
  }
  return files;
}

const hashOf = (file) => {
  try {
    return createHash('sha256')
      .update(readFileSync(join(root, file)))
      .digest('hex');
  } catch {
    return null; // gone since the last build: a change
  }
};

/** The inputs to hash: the last build's modules (if any) and the files always read. */
function inputs(modules = []) {
  return [...new Set([...modules, ...webFiles(), 'vite.config.ts', 'package-lock.json'])].sort();
}

/** Why web/dist must be built again, or null when it need not. */
function staleBecause() {
  if (force) return '--force';
  if (!existsSync(join(root, 'web/dist/index.html')) || !existsSync(manifest))
    return 'chưa dựng lần nào';
  const last = JSON.parse(readFileSync(manifest, 'utf8'));
  for (const file of inputs(last.modules))
    if (!(file in last.hashes)) return `tệp mới ${file}`;
    else if (hashOf(file) !== last.hashes[file]) return `tệp đã đổi ${file}`;
  for (const file of Object.keys(last.hashes))
    if (hashOf(file) === null) return `tệp đã xoá ${file}`;
  return null;
}

const reason = staleBecause();
if (process.argv.includes('--check')) {
  // Says what a build would do, builds nothing: exit 0 up to date, 1 not.
  console.log(reason ? `Cần dựng lại giao diện web: ${reason}.` : 'web/dist khớp với mã nguồn.');
  process.exit(reason ? 1 : 0);
}
if (!reason) {
  console.log('Giao diện web đã được dựng sẵn (web/dist).');
} else {
  console.log(`Đang dựng giao diện web (${reason})…`);
  const started = Date.now();
  const { build } = await import('vite');
  const result = await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  const modules = new Set();
  for (const output of Array.isArray(result) ? result : [result])
    for (const chunk of output.output)
      for (const id of chunk.type === 'chunk' ? chunk.moduleIds : [])
        // Rollup's own virtual modules start with \0; node_modules counts through package-lock.json.
        if (id.startsWith(root) && !id.split(sep).includes('node_modules'))
          modules.add(relative(root, id.split('?')[0]));
  const files = inputs([...modules]);
  const hashes = Object.fromEntries(files.map((f) => [f, hashOf(f)]));
  writeFileSync(manifest, `${JSON.stringify({ modules: [...modules].sort(), hashes }, null, 2)}\n`);
  console.log(`Đã dựng giao diện web trong ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
