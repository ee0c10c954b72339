import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSPHRASE_FILE, keyPassphrase } from '../../src/modules/diplomas/keys.ts';
import { startServer } from '../helpers/server.ts';

// Issue #13, item 12: on a fresh `npm start` (embedded database, no
// SOGD_KEY_PASSPHRASE) diplomas work at once; on a PostgreSQL server the
// variable stays required. The server's configuration is tested here, on the
// embedded database only.
const dataDir = mkdtempSync(join(tmpdir(), 'sogd-demo-keys-'));
const onPglite = process.env.SOGD_TEST_TARGET !== 'postgres';

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe.runIf(onPglite)('the issuing key on the embedded database', () => {
  it('is protected by a generated passphrase kept in the data folder, said once', async () => {
    const env = {
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SOGD_KEY_PASSPHRASE: '',
      SOGD_ADMIN_PASSWORD: 'Canh-cua-so-mo-2026',
    };
    const first = await startServer(env, ['--demo-schools', '2', '--demo-students', '20']);
    try {
      expect(first.output()).toContain('Đã tạo mật khẩu cho khoá ký văn bằng');
      const keys = (await (await fetch(`${first.url}/api/public/keys`)).json()) as unknown[];
      expect(keys).toHaveLength(1);
      // Signing the status list decrypts the key: the passphrase works.
      expect((await fetch(`${first.url}/api/public/status/SGD`)).status).toBe(200);
    } finally {
      await first.stop();
    }
    const file = join(dataDir, DEMO_PASSPHRASE_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const again = await startServer(env);
    try {
      expect(again.output()).not.toContain('Đã tạo mật khẩu cho khoá ký văn bằng');
      expect((await fetch(`${again.url}/api/public/status/SGD`)).status).toBe(200);
      const keys = (await (await fetch(`${again.url}/api/public/keys`)).json()) as unknown[];
      expect(keys).toHaveLength(1);
    } finally {
      await again.stop();
    }
  }, 240_000);
});

describe('the passphrase on a PostgreSQL server', () => {
  it('stays required, and the message names the variable', () => {
    expect(() =>
      keyPassphrase({ DATABASE_URL: 'postgres://db.example/sogd', DATA_DIR: dataDir }),
    ).toThrow(/SOGD_KEY_PASSPHRASE/);
    expect(() => keyPassphrase({ SOGD_KEY_PASSPHRASE: 'ngan' })).toThrow(/ít nhất 12 ký tự/);
    expect(keyPassphrase({ SOGD_KEY_PASSPHRASE: 'mot-cau-dai-du-12' })).toEqual({
      passphrase: 'mot-cau-dai-du-12',
    });
  });
});
