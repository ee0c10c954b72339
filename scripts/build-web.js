// Builds the web UI with Vite unless web/dist was built from exactly the
// files it would be built from now, so that `npm start` on an unchanged
// checkout starts at once. Which files those are, and how a change is seen:
// scripts/web-inputs.js (every file under web/, every file the web imports
// from src/ — contracts, labels, the QR verifier and what they import —,
// vite.config.ts, package-lock.json). `--force` rebuilds anyway; `--check`
// only says whether it would.
import { join, relative, sep } from 'node:path';
import { staleBecause, writeManifest } from './web-inputs.js';

const root = new URL('..', import.meta.url).pathname;
const reason = process.argv.includes('--force') ? '--force' : staleBecause(root);
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
  writeManifest(root, [...modules]);
  console.log(`Đã dựng giao diện web trong ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
