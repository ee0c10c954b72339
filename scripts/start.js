// `npm start`: compiles the server if needed (scripts/build.js), then builds
// the web UI (scripts/build-web.js) *while* the server migrates and seeds the
// demo database: on a fresh clone the two took 14.5 s and 29 s one after the
// other (issue #13 item 20), now about the longer of the two. The server
// waits for the web build's "ready" (over IPC) before it starts listening, so
// its first page is always the new build; a failed web build stops it.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const node = process.execPath;

const server = spawnSync(node, [join(root, 'scripts/build.js')], { stdio: 'inherit', cwd: root });
if (server.status !== 0) process.exit(server.status ?? 1);

const web = spawn(node, [join(root, 'scripts/build-web.js')], { stdio: 'inherit', cwd: root });
const serve = spawn(node, [join(root, 'bin/sogd.js'), 'serve', ...process.argv.slice(2)], {
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  cwd: root,
  env: { ...process.env, SOGD_AWAIT_WEB_BUILD: '1' },
});

web.on('exit', (code) => {
  if (code === 0) {
    if (serve.connected) serve.send('web-ready');
    return;
  }
  console.error('LỖI: dựng giao diện web thất bại; dừng máy chủ.');
  serve.kill('SIGTERM');
  process.exitCode = 1;
});
serve.on('exit', (code, signal) => {
  if (web.exitCode === null) web.kill('SIGTERM');
  process.exit(process.exitCode || (code ?? (signal ? 1 : 0)));
});
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    web.kill(signal);
    serve.kill(signal);
  });
