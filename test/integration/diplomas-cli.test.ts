import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import QRCode from 'qrcode';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.ts';
import { GRADUATE_HEADERS } from '../../src/modules/diplomas/import.ts';
import { REPO } from '../helpers/server.ts';

// The CLI on the embedded database; the PostgreSQL pass covers the same
// service code in src/modules/diplomas/*.test.ts.
const dir = mkdtempSync(join(tmpdir(), 'sogd-dipl-'));
const dataDir = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sogd(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/sogd.js', ...args], {
    cwd: REPO,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SOGD_KEY_PASSPHRASE: 'cli-test-passphrase-1',
    },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function sheet(name: string, headers: string[], rows: (string | number | Date)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tốt nghiệp');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const lastJson = (out: string) =>
  JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number>;

describe.skipIf(process.env.SOGD_TEST_TARGET === 'postgres')(
  'sogd keys / diplomas on the command line',
  () => {
    it('issues from a graduation list all-or-nothing, idempotently, and verifies what it issued', async () => {
      const orgs = await sheet(
        'orgs.xlsx',
        ['Mã đơn vị', 'Tên đơn vị', 'Mã đơn vị cấp trên', 'Loại đơn vị'],
        [['SGD', 'Sở GD&ĐT Thử', '', 'Sở']],
      );
      expect(sogd('import', 'orgs', orgs).code).toBe(0);
      expect(sogd('keys', 'create').code).toBe(0);
      expect(sogd('keys', 'create').stderr).toContain('đã có khoá');

      const H = Object.values(GRADUATE_HEADERS);
      const good = [
        'Phạm Minh Đức',
        '05/09/2008',
        'Đồng Hới',
        'Nam',
        'Kinh',
        'Trường THPT Đào Duy Từ',
        'HĐ 01',
        2026,
        '1234/QĐ-SGDĐT',
        '15/07/2026',
        '',
      ];
      const bad = await sheet('bad.xlsx', H, [
        good,
        [
          'Lê Thị Hoa',
          '31/02/2008',
          '',
          'Nữ',
          '',
          'Trường THPT Đào Duy Từ',
          '',
          2026,
          '1234/QĐ-SGDĐT',
          '15/07/2026',
          '',
        ],
        ['Ngô Văn B', '01/01/2008', '', 'X', '', '', '', 26, '', '15/07/2026', ''],
      ]);
      const rejected = sogd(
        'diplomas',
        'issue',
        bad,
        '--signer',
        'Nguyễn Thị Thúy',
        '--issue-date',
        '20/07/2026',
      );
      expect(rejected.code).toBe(1);
      expect(rejected.stderr).toContain(
        'Dòng 3, cột Ngày sinh: Ngày sinh 31/02/2008 không có trong lịch: tháng 2/2008 có 29 ngày.',
      );
      expect(rejected.stderr).toContain('Dòng 4, cột Giới tính');
      expect(rejected.stderr).toContain('Dòng 4, cột Trường: Thiếu trường.');
      expect(lastJson(rejected.stdout)).toMatchObject({ rows: 3, added: 0 });

      const file = await sheet('good.xlsx', H, [
        good,
        [
          'Lê Thị Hoa',
          new Date(Date.UTC(2008, 1, 28)),
          '',
          'Nữ',
          'Tày',
          'Trường THPT Đào Duy Từ',
          '',
          2026,
          '1234/QĐ-SGDĐT',
          '15/07/2026',
          '',
        ],
      ]);
      expect(
        lastJson(
          sogd('diplomas', 'issue', file, '--signer', 'Nguyễn Thị Thúy', '--dry-run').stdout,
        ),
      ).toMatchObject({ added: 2 });
      const issued = sogd(
        'diplomas',
        'issue',
        file,
        '--signer',
        'Nguyễn Thị Thúy',
        '--issue-date',
        '20/07/2026',
      );
      expect(issued.code, issued.stderr).toBe(0);
      expect(lastJson(issued.stdout)).toMatchObject({ rows: 2, added: 2, unchanged: 0, errors: 0 });
      const again = sogd(
        'diplomas',
        'issue',
        file,
        '--signer',
        'Nguyễn Thị Thúy',
        '--issue-date',
        '20/07/2026',
      );
      expect(lastJson(again.stdout)).toMatchObject({ added: 0, unchanged: 2 });

      const { db, close } = await openDatabase({ dataDir });
      const rows = await db
        .selectFrom('diploma')
        .select(['credential', 'qr', 'birth_date'])
        .orderBy('serial_number')
        .execute();
      await close();
      expect(rows.map((r) => r.birth_date)).toEqual(['2008-09-05', '2008-02-28']);
      writeFileSync(join(dir, 'cred.json'), JSON.stringify(rows[0]!.credential));
      writeFileSync(join(dir, 'qr.txt'), rows[0]!.qr);
      await QRCode.toFile(join(dir, 'qr.png'), rows[0]!.qr, {
        errorCorrectionLevel: 'M',
        scale: 6,
      });
      const tampered = structuredClone(rows[0]!.credential) as {
        credentialSubject: { name: string };
      };
      tampered.credentialSubject.name = 'Phạm Minh Đúc';
      writeFileSync(join(dir, 'tampered.json'), JSON.stringify(tampered));
      writeFileSync(join(dir, 'junk.txt'), 'không phải mã QR');

      expect(sogd('diplomas', 'verify', join(dir, 'cred.json')).code).toBe(0);
      const qrText = sogd('diplomas', 'verify', join(dir, 'qr.txt'));
      expect(qrText.code, qrText.stdout).toBe(0);
      expect(qrText.stdout).toContain('Phạm Minh Đức');
      expect(sogd('diplomas', 'verify', join(dir, 'qr.png')).code).toBe(0);
      expect(sogd('diplomas', 'verify', join(dir, 'tampered.json')).code).toBe(1);
      expect(sogd('diplomas', 'verify', join(dir, 'junk.txt')).code).toBe(2);
      expect(sogd('diplomas', 'verify', join(dir, 'missing.json')).code).toBe(2);
    }, 180_000);
  },
);
