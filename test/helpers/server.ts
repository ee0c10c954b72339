import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { seedDataDir } from './pgdata-template.ts';

export const REPO = resolve(import.meta.dirname, '../..');

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => ok(port));
    });
  });
}

export interface RunningServer {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** Starts `sogd serve` as a real child process and waits until /healthz answers. */
export async function startServer(
  env: Record<string, string>,
  args: string[] = [],
  timeoutMs = 120_000,
): Promise<RunningServer> {
  const port = await freePort();
  seedDataDir(env);
  // SOGD_SERVE_NODE_ARGS: Node flags for the server only (a bench's `--cpu-prof`, which NODE_OPTIONS refuses).
  const nodeArgs = (process.env.SOGD_SERVE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const serveArgs = ['bin/sogd.js', 'serve', '--port', String(port), ...args];
  const child = spawn(process.execPath, [...nodeArgs, ...serveArgs], {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`sogd serve exited ${child.exitCode}:\n${log}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`sogd serve did not answer in time:\n${log}`);
    }
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    child,
    output: () => log,
    stop: (signal = 'SIGTERM') => {
      return new Promise((ok) => {
        if (child.exitCode !== null) return ok(child.exitCode);
        child.once('exit', (code) => ok(code));
        child.kill(signal);
      });
    },
  };
}

/** A minimal API client over fetch: session cookie and CSRF token kept. */
export async function apiSignIn(url: string, username: string, password: string) {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!r.ok) throw new Error(`sign-in failed ${r.status}: ${await r.text()}`);
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  /** Any method, with the session and its CSRF token; a JSON body when one is given. */
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${url}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    get: (path: string) => fetch(`${url}${path}`, { headers: { cookie } }),
    post: (path: string, body: unknown) => call('POST', path, body),
    call,
  };
}
