// Builds the web UI with Vite when its sources are newer than web/dist, so that
// `npm start` on an unchanged checkout starts at once.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'web/dist/index.html');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const sources = Math.max(newest(join(root, 'web')), statSync(join(root, 'vite.config.ts')).mtimeMs);
if (existsSync(dist) && statSync(dist).mtimeMs >= sources) {
  console.log('Giao diện web đã được dựng sẵn (web/dist).');
} else {
  console.log('Đang dựng giao diện web…');
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  console.log(`Đã dựng giao diện web trong ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
