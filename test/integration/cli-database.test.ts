import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.ts';
import { REPO, startServer } from '../helpers/server.ts';

// These commands work on the embedded database (backup/restore are PGlite's);
// the PostgreSQL pass of the suite skips them for that reason.
const dir = mkdtempSync(join(tmpdir(), 'sogd-cli-'));
const dataDir = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sogd(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/sogd.js', ...args], {
    cwd: REPO,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function orgFile(name: string, rows: string[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đơn vị');
  ws.addRow(['Mã đơn vị', 'Tên đơn vị', 'Mã đơn vị cấp trên', 'Loại đơn vị']);
  for (const r of rows) ws.addRow(r);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

async function unitCodes(): Promise<string[]> {
  const { db, close } = await openDatabase({ dataDir });
  try {
    return (await db.selectFrom('org_unit').select('code').orderBy('code').execute()).map(
      (u) => u.code,
    );
  } finally {
    await close();
  }
}

describe.skipIf(process.env.SOGD_TEST_TARGET === 'postgres')(
  'sogd CLI on the embedded database',
  () => {
    it('imports with exit codes and a closing JSON line, backs up and restores', async () => {
      expect(sogd('migrate').code).toBe(0);
      const good = await orgFile('a.xlsx', [
        ['SGD', 'Sở GD&ĐT Thử', '', 'Sở'],
        ['X01', 'Xã Một', 'SGD', 'Xã/Phường'],
      ]);
      const imported = sogd('import', 'orgs', good);
      expect(imported.code, imported.stderr).toBe(0);
      expect(JSON.parse(imported.stdout.trim().split('\n').at(-1)!)).toMatchObject({
        rows: 2,
        added: 2,
        errors: 0,
      });

      // Students: a row naming an unknown school is refused with its row and column, plus an annotated copy.
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('HS').addRows([
        ['Mã trường', 'Lớp', 'Họ và tên', 'Ngày sinh', 'Giới tính'],
        ['KHONGCO', '6A1', 'Lê Văn A', '01/01/2014', 'Nam'],
      ]);
      const students = join(dir, 'hs.xlsx');
      await wb.xlsx.writeFile(students);
      const studentImport = sogd('import', 'students', students, '--year', '2025-2026');
      expect(studentImport.code).toBe(1);
      expect(studentImport.stderr).toContain('Dòng 2, cột Mã trường: Không có trường mã "KHONGCO"');
      expect(studentImport.stderr).toContain('hs-loi.xlsx');
      expect(JSON.parse(studentImport.stdout.trim().split('\n').at(-1)!)).toMatchObject({
        rows: 1,
        errors: 1,
      });

      const bad = await orgFile('b.xlsx', [['X02', 'Xã Hai', 'KHONGCO', 'Xã/Phường']]);
      const rejected = sogd('import', 'orgs', bad);
      expect(rejected.code).toBe(1);
      expect(rejected.stderr).toContain('Dòng 2, cột Mã đơn vị cấp trên');

      const notXlsx = join(dir, 'c.xlsx');
      (await import('node:fs')).writeFileSync(notXlsx, 'not a workbook');
      expect(sogd('import', 'orgs', notXlsx).code).toBe(2);

      const backup = join(dir, 'backup.tar.gz');
      expect(sogd('backup', backup).code).toBe(0);
      const more = await orgFile('d.xlsx', [['X03', 'Xã Ba', 'SGD', 'Xã/Phường']]);
      expect(sogd('import', 'orgs', more).code).toBe(0);
      expect(await unitCodes()).toEqual(['SGD', 'X01', 'X03']);
      const restored = sogd('restore', backup);
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stdout).toContain('được giữ ở');
      expect(await unitCodes()).toEqual(['SGD', 'X01']);
    }, 120_000);

    it('refuses a damaged backup with a clear message and exit 2, leaving the data as it was', async () => {
      const backup = join(dir, 'whole.tar.gz');
      expect(sogd('backup', backup).code).toBe(0);
      const before = await unitCodes();
      const whole = readFileSync(backup);
      const cut = join(dir, 'cut.tar.gz');
      writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 3)));
      // A whole gzip of a cut tar, and a file that is no archive at all.
      const cutTar = join(dir, 'cut-tar.tar.gz');
      const tar = gunzipSync(whole);
      writeFileSync(cutTar, gzipSync(tar.subarray(0, Math.floor(tar.length / 2) + 100)));
      const junk = join(dir, 'junk.tar.gz');
      writeFileSync(junk, 'không phải tệp sao lưu'.repeat(100));
      for (const [file, says] of [
        [
          cut,
          'bị hỏng hoặc không đầy đủ (có thể bị cắt ngắn khi tải về hoặc sao chép): tệp nén kết thúc giữa chừng',
        ],
        [cutTar, 'bị hỏng hoặc không đầy đủ (có thể bị cắt ngắn khi tải về hoặc sao chép)'],
        [junk, 'không phải bản sao lưu cơ sở dữ liệu của sogd'],
        [join(dir, 'missing.tar.gz'), 'không có tệp này'],
      ] as const) {
        const r = sogd('restore', file);
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).toContain(says);
        expect(r.stderr).toContain('Dữ liệu hiện có không bị thay đổi.');
        expect(r.stderr).not.toMatch(/Z_BUF_ERROR|\n\s+at |node:internal/);
        expect(r.stdout).toBe('');
      }
      expect(await unitCodes()).toEqual(before);
      expect(
        readdirSync(dataDir).filter((f) => f.startsWith('pgdata.before-restore')),
      ).toHaveLength(
        1, // the earlier, successful restore's; none from the refused ones
      );
    }, 120_000);

    it('refuses a control character in a command-line name with exit 2', () => {
      const r = sogd('registry', 'promote', '--school', 'THA\u0001', '--from', '2025-2026');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        'Tham số --school chứa ký tự điều khiển không hợp lệ (mã U+0001): hãy gõ lại giá trị này.',
      );
    });

    it('refuses to open the embedded database while the server holds it', async () => {
      const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' }, ['--no-demo']);
      try {
        const r = sogd('migrate');
        expect(r.code).not.toBe(0);
        expect(r.stderr).toContain(`đang được tiến trình ${server.child.pid}`);
      } finally {
        await server.stop();
      }
    }, 120_000);
  },
);
