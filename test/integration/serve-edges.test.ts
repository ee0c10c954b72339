import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, REPO, startServer, type RunningServer } from '../helpers/server.ts';

// Issue #11, items 7 and 14, through a real `sogd serve`: TRUST_PROXY=1 means
// one proxy in front (the test itself, on 127.0.0.1), and the server listens on
// loopback unless HOST says otherwise. The embedded database only: what is
// tested here is the server's configuration, not the database.
const dataDir = mkdtempSync(join(tmpdir(), 'sogd-edges-'));
const ADMIN_PASSWORD = 'Canh-cua-so-mo-2026';
const onPglite = process.env.SOGD_TEST_TARGET !== 'postgres';
let server: RunningServer;

beforeAll(async () => {
  if (!onPglite) return;
  server = await startServer(
    {
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      HOST: '',
      TRUST_PROXY: '1',
      SOGD_LOOKUPS_PER_MINUTE: '3',
      SOGD_ADMIN_PASSWORD: ADMIN_PASSWORD,
    },
    ['--demo-schools', '2', '--demo-students', '20'],
  );
}, 180_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const forwarded = (forged: string, client = '5.6.7.8') => ({
  'x-forwarded-for': `${forged}, ${client}`,
});

describe.skipIf(!onPglite)('sogd serve', () => {
  it('listens on 127.0.0.1 by default and says so', () => {
    expect(server.output()).toMatch(/sogd đang chạy tại http:\/\/127\.0\.0\.1:\d+/);
    expect(server.output()).toContain('Chỉ nhận kết nối từ chính máy này');
  });

  it('with TRUST_PROXY=1, a client cannot reset the lookup limit by rotating X-Forwarded-For', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await fetch(
        `${server.url}/api/public/diplomas/lookup?serial=A1&fullName=Nguyen%20An&birthDate=2008-01-01`,
        { headers: forwarded(`10.9.${i}.1`) },
      );
      statuses.push(r.status);
    }
    expect(statuses.slice(3)).toEqual([429, 429]);
  });

  it('records the address the proxy saw in the audit log, not the one the client wrote', async () => {
    const r = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...forwarded('9.9.9.9', '5.6.7.10') },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    expect(r.status).toBe(200);
    const admin = await apiSignIn(server.url, 'admin', ADMIN_PASSWORD);
    const log = (await (await admin.get('/api/audit?entityType=app_user&pageSize=20')).json()) as {
      items: { action: string; ip: string | null }[];
    };
    const ips = log.items.filter((e) => e.action === 'login').map((e) => e.ip);
    expect(ips).toContain('5.6.7.10');
    expect(ips).not.toContain('9.9.9.9');
  });

  it('sends the security headers on the API and on /docs', async () => {
    for (const path of ['/api/auth/me', '/docs/']) {
      const r = await fetch(`${server.url}${path}`);
      expect(r.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(r.headers.get('x-frame-options'), path).toBe('DENY');
      expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(r.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
    }
  });

  it('refuses to start on a TRUST_PROXY it cannot read, before touching the database', () => {
    const r = spawnSync(process.execPath, ['bin/sogd.js', 'serve', '--no-demo'], {
      cwd: REPO,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', TRUST_PROXY: 'true' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('TRUST_PROXY: "true" không phải số proxy');
  });

  it('refuses to start with a weak SOGD_ADMIN_PASSWORD, saying what to do', () => {
    const empty = mkdtempSync(join(tmpdir(), 'sogd-weak-'));
    try {
      const r = spawnSync(process.execPath, ['bin/sogd.js', 'serve', '--no-demo'], {
        cwd: REPO,
        env: {
          ...process.env,
          DATA_DIR: empty,
          DATABASE_URL: '',
          SOGD_ADMIN_PASSWORD: 'password12',
        },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('SOGD_ADMIN_PASSWORD quá yếu');
      expect(r.stderr).toContain('bỏ trống SOGD_ADMIN_PASSWORD');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  }, 120_000);
});
