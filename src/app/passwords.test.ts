import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/helpers/db.ts';
import { bootstrap, ConfigurationError } from './bootstrap.ts';
import {
  loadEstimator,
  passwordProblems,
  passwordStrength,
  temporaryPassword,
} from '../lib/passwords.ts';

// Issue #11, item 11: a strength estimate (zxcvbn-ts) with its common-password
// lists, not a hand-made list.

const clerk = { username: 'vanthu.tha', fullName: 'Lê Thị Hồng' };

describe('new passwords', () => {
  it('loads the dictionaries once, on first use', async () => {
    // Not by timing the two calls: test files share a process (isolate: false),
    // so another file may have loaded them already and both calls are quick.
    const estimator = loadEstimator();
    await passwordStrength('Mot-cau-bat-ky-2026', clerk);
    await passwordStrength('Mot-cau-khac-nua-2027', clerk);
    expect(loadEstimator()).toBe(estimator);
    expect(await estimator).toBeDefined();
  });

  it('refuses trivial and common passwords with a Vietnamese explanation', async () => {
    for (const weak of ['aaaaaaaaaa', '1234567890', 'password12', 'matkhau123', 'qwertyuiop']) {
      const problems = await passwordProblems(weak, clerk);
      expect(problems, weak).toHaveLength(1);
      expect(problems[0], weak).toMatch(/^Mật khẩu quá dễ đoán\./);
      expect(problems[0], weak).toContain('Gợi ý: ghép 3–4 từ ít gặp');
      expect(problems[0], weak).not.toMatch(/easy to guess|Add more words|commonly used/);
    }
    expect((await passwordProblems('aaaaaaaaaa', clerk))[0]).toContain('Ký tự lặp lại');
    expect((await passwordProblems('password12', clerk))[0]).toContain('mật khẩu thông dụng');
  });

  it("counts the account's own names as known words", async () => {
    const own = await passwordStrength('lethihong1990', clerk);
    const other = await passwordStrength('lethihong1990', {
      username: 'gv.khoa',
      fullName: 'Phan Khoa',
    });
    expect(own.score).toBeLessThan(3);
    expect(own.score).toBeLessThanOrEqual(other.score);
    expect((await passwordProblems('lethihong1990', clerk))[0]).toContain('Mật khẩu quá dễ đoán');
  });

  it('accepts passphrases and every generated temporary password', async () => {
    for (const good of ['Hoa-phuong-do-2026', 'mây trắng bay qua đồi', 'Giao-vien-gioi-2026'])
      expect(await passwordProblems(good, clerk), good).toEqual([]);
    for (let i = 0; i < 50; i++) {
      const generated = temporaryPassword();
      expect(await passwordProblems(generated, clerk), generated).toEqual([]);
    }
  });
});

describe('SOGD_ADMIN_PASSWORD', () => {
  it('a weak one stops the first start before anything is created', async () => {
    const { db, close } = await freshDatabase();
    try {
      const start = bootstrap(db, { demo: true, demoSchools: 1, adminPassword: 'admin12345' });
      await expect(start).rejects.toThrow(ConfigurationError);
      await expect(start).rejects.toThrow(/SOGD_ADMIN_PASSWORD quá yếu/);
      const units = await db.selectFrom('org_unit').select('id').execute();
      expect(units).toEqual([]);
    } finally {
      await close();
    }
  });
});
