import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/server.ts';

// The two commands of docs/formats/office.md on the embedded database; the
// PostgreSQL pass covers the same use cases in src/modules/office/*.test.ts.
const dir = mkdtempSync(join(tmpdir(), 'sogd-office-'));
const dataDir = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sogd(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/sogd.js', ...args], {
    cwd: REPO,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', SOGD_KEY_PASSPHRASE: '' },
    encoding: 'utf8',
  });
  const last = r.stdout.trim().split('\n').at(-1) ?? '';
  return { code: r.status, json: JSON.parse(last) as Record<string, unknown>, stderr: r.stderr };
}

function pdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text('Thông báo kết luận cuộc họp');
    doc.end();
  });
}

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

describe.skipIf(process.env.SOGD_TEST_TARGET === 'postgres')('sogd office', () => {
  // Each run opens the embedded database from the sources: seconds apiece on a busy machine.
  it('register-outgoing numbers from 01 with the notation of the contract, exit codes included', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Đơn vị');
    ws.addRow([
      'Mã đơn vị',
      'Tên đơn vị',
      'Mã đơn vị cấp trên',
      'Loại đơn vị',
      'Cấp học',
      'Loại hình',
    ]);
    ws.addRow(['SGD', 'Sở Giáo dục và Đào tạo Thử Nghiệm', '', 'Sở']);
    ws.addRow(['THA', 'Trường THCS Kim Đồng', 'SGD', 'Trường', 'THCS', 'Công lập']);
    const orgs = join(dir, 'orgs.xlsx');
    await wb.xlsx.writeFile(orgs);
    const imported = spawnSync(process.execPath, ['bin/sogd.js', 'import', 'orgs', orgs], {
      cwd: REPO,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
    });
    expect(imported.status, imported.stderr).toBe(0);

    const first = sogd(
      'office',
      'register-outgoing',
      '--unit',
      'SGD',
      '--type',
      'QĐ',
      '--subject',
      'Quyết định thành lập tổ công tác',
    );
    expect(first.code, first.stderr).toBe(0);
    expect(first.json).toMatchObject({
      number: 1,
      notation: '01/QĐ-SGDĐT',
      year: Number(today.slice(0, 4)),
    });
    expect(typeof first.json.id).toBe('string');
    const letter = sogd(
      'office',
      'register-outgoing',
      '--unit',
      'SGD',
      '--type',
      'CV',
      '--subject',
      'Về việc báo cáo',
      '--drafting-unit',
      'VP',
      '--date',
      today,
    );
    expect(letter.json).toMatchObject({ number: 2, notation: '02/SGDĐT-VP' });

    // Refused (exit 1, nothing numbered): an unknown type, a unit with no abbreviation, an unknown unit.
    const badType = sogd(
      'office',
      'register-outgoing',
      '--unit',
      'SGD',
      '--type',
      'XYZ',
      '--subject',
      'Sai',
    );
    expect(badType.code).toBe(1);
    expect(badType.stderr).toContain('Phụ lục III');
    const noAbbr = sogd(
      'office',
      'register-outgoing',
      '--unit',
      'THA',
      '--type',
      'TB',
      '--subject',
      'Thông báo',
    );
    expect(noAbbr.code).toBe(1);
    expect(noAbbr.stderr).toContain('chưa có tên viết tắt');
    expect(
      sogd('office', 'register-outgoing', '--unit', 'KHONGCO', '--type', 'TB', '--subject', 'X')
        .code,
    ).toBe(1);
    expect(
      sogd('office', 'set-abbreviation', '--unit', 'THA', '--abbreviation', 'THCSKĐ').code,
    ).toBe(0);
    const school = sogd(
      'office',
      'register-outgoing',
      '--unit',
      'THA',
      '--type',
      'TB',
      '--subject',
      'Thông báo',
    );
    expect(school.json.notation).toBe('01/TB-THCSKĐ');
    const third = sogd(
      'office',
      'register-outgoing',
      '--unit',
      'SGD',
      '--type',
      'KH',
      '--subject',
      'Kế hoạch',
    );
    expect(third.json.notation).toBe('03/KH-SGDĐT');
    // Usage: a missing option.
    const usage = spawnSync(
      process.execPath,
      ['bin/sogd.js', 'office', 'register-outgoing', '--unit', 'SGD'],
      {
        cwd: REPO,
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
        encoding: 'utf8',
      },
    );
    expect(usage.status).toBe(2);
  }, 400_000);

  it('sign writes a PAdES-signed copy that pdfsig verifies; a non-PDF is unreadable (exit 2)', async () => {
    const input = join(dir, 'in.pdf');
    const out = join(dir, 'out.pdf');
    const bytes = await pdf();
    writeFileSync(input, bytes);
    const signed = sogd('office', 'sign', input, '--out', out, '--unit', 'SGD');
    expect(signed.code, signed.stderr).toBe(0);
    expect(signed.json.out).toBe(out);
    const written = readFileSync(out);
    expect(written.subarray(0, bytes.length).equals(bytes)).toBe(true);
    const report = spawnSync('/usr/bin/pdfsig', [out], { encoding: 'utf8' }).stdout;
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('ETSI.CAdES.detached');

    const notPdf = join(dir, 'not.pdf');
    writeFileSync(notPdf, 'đây không phải PDF '.repeat(20));
    const unreadable = sogd('office', 'sign', notPdf, '--out', join(dir, 'x.pdf'), '--unit', 'SGD');
    expect(unreadable.code).toBe(2);
    expect(unreadable.json.error).toContain('không phải PDF');
    expect(
      sogd('office', 'sign', join(dir, 'missing.pdf'), '--out', out, '--unit', 'SGD').code,
    ).toBe(2);
  }, 400_000);
});
