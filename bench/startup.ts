/**
 * Start-up figures for the README:
 *   - first start on an empty embedded database (migrations + default demo province + admin);
 *   - restart on that existing database.
 * Each is the time from running `npm start` until GET / answers 200. The
 * first start begins without web/dist, so it includes building the web UI,
 * as on a fresh clone after `npm ci`.
 * `npm start` is scripts/start.js: the web build runs beside the server's
 * migrations and demo seed, and the server listens once both are done.
 * Run when the machine is quiet: npx tsx bench/startup.ts
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const port = 3900 + Math.floor(Math.random() * 50);
const dataDir = mkdtempSync(join(tmpdir(), 'sogd-bench-start-'));

/** How busy the machine was (1-minute load average over the cores): figures are only comparable on a quiet one. */
const load = () =>
  `load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;

async function timeToFirstAnswer(label: string): Promise<number> {
  console.log(`${label}: starting, ${load()}`);
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      SOGD_ADMIN_PASSWORD: 'bench-password-123',
      // The server prints each start step's time ("[start] open: 560 ms").
      SOGD_STARTUP_TIMING: '1',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${label}: server exited ${child.exitCode}`);
      try {
        const r = await fetch(`http://127.0.0.1:${port}/`);
        if (r.ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`${label}: ${seconds.toFixed(1)} s (${load()})`);
    return seconds;
  } finally {
    // npm runs the server as its child: signal the whole process group.
    process.kill(-child.pid!, 'SIGTERM');
    await new Promise((done) => child.once('exit', done));
  }
}

rmSync(resolve(import.meta.dirname, '../web/dist'), { recursive: true, force: true });
try {
  const first = await timeToFirstAnswer('first start (empty database, default demo)');
  const restart = await timeToFirstAnswer('restart (existing demo database)');
  console.log(JSON.stringify({ firstStartSeconds: first, restartSeconds: restart }));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
