import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { uuidv7 } from '../../../lib/ids.ts';
import { UnreadableWorkbookError } from '../../../lib/xlsx.ts';
import { freshDatabase } from '../../../../test/helpers/db.ts';
import { makeTree, SMALL_PROVINCE } from '../../../../test/helpers/fixtures.ts';
import { importStudents, MAX_LISTED_ERRORS, STUDENT_HEADERS } from './import-students.ts';

/**
 * Hostile and odd files (issue "Sector registry", errors and data safety):
 * each gives a clear Vietnamese error or a correct import, never a crash and
 * never a partial write.
 */

let db: Db;
let close: () => Promise<void>;
let dir: string;
const actor = systemActor('test tệp bất thường');
const YEAR = '2025-2026';
const H = Object.values(STUDENT_HEADERS);

type Cell = ExcelJS.CellValue;
const row = (name: string, birth: Cell = '12/03/2014', gender = 'Nữ'): Cell[] => [
  'THB',
  '6A1',
  name,
  birth,
  gender,
  '',
  '',
  'Kinh',
  '',
  '',
  '',
  '',
];

async function book(
  rows: Cell[][],
  shape: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void = () => {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Học sinh');
  ws.addRow(H);
  for (const r of rows) ws.addRow(r);
  shape(ws, wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const options = (extra: Partial<Parameters<typeof importStudents>[2]> = {}) => ({
  actor,
  schoolYear: YEAR,
  dryRun: false,
  createClasses: false,
  ...extra,
});
const run = (bytes: Buffer, extra: Partial<Parameters<typeof importStudents>[2]> = {}) =>
  importStudents(db, Readable.from(bytes), options(extra));
const file = (name: string, bytes: Buffer | string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

async function counts(): Promise<number[]> {
  const n = async (table: 'student' | 'enrolment' | 'class' | 'audit_log') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return [await n('student'), await n('enrolment'), await n('class'), await n('audit_log')];
}

/** Runs `work`, which must be refused, and checks that nothing at all was written. */
async function refusedWithoutWrites<T>(work: () => Promise<T>): Promise<T> {
  const before = await counts();
  const result = await work();
  expect(await counts()).toEqual(before);
  return result;
}
async function unreadable(work: () => Promise<unknown>): Promise<string> {
  const before = await counts();
  const error = await work().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnreadableWorkbookError);
  expect(await counts()).toEqual(before);
  return (error as Error).message;
}

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  dir = mkdtempSync(join(tmpdir(), 'sogd-hostile-'));
  const ids = await makeTree(db, SMALL_PROVINCE);
  await writeTransaction(db, actor, (tx) =>
    tx
      .insertInto('class')
      .values({
        school_id: ids.THB!,
        id: uuidv7(),
        school_year: YEAR,
        name: '6A1',
        grade: 6,
        homeroom_staff_id: null,
      })
      .execute(),
  );
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await close?.();
});

describe('files that are not a student list workbook', () => {
  it('refuses random bytes named .xlsx, in Vietnamese', async () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const path = file('ngau-nhien.xlsx', bytes);
    expect(await unreadable(() => importStudents(db, path, options()))).toMatch(
      /Không đọc được tệp dưới dạng bảng tính Excel/,
    );
  });

  it('refuses a truncated real workbook', async () => {
    const whole = await book([row('Nguyễn Thị Lan')]);
    const path = file('cat-ngang.xlsx', whole.subarray(0, Math.floor(whole.length / 2)));
    expect(await unreadable(() => importStudents(db, path, options()))).toMatch(
      /Không đọc được tệp|không có trang tính/,
    );
    expect(await unreadable(() => run(whole.subarray(0, Math.floor(whole.length * 0.8))))).toMatch(
      /Không đọc được tệp|không có trang tính/,
    );
  });

  it('refuses a PDF and a CSV renamed .xlsx', async () => {
    const pdf = file(
      'van-ban.xlsx',
      '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    );
    expect(await unreadable(() => importStudents(db, pdf, options()))).toMatch(/Excel \(\.xlsx\)/);
    const csv = file(
      'danh-sach.xlsx',
      `${H.join(',')}\nTHB,6A1,Nguyễn Thị Lan,12/03/2014,Nữ,,,,,,,\n`,
    );
    expect(await unreadable(() => importStudents(db, csv, options()))).toMatch(/Excel \(\.xlsx\)/);
  });

  it('refuses an empty workbook and a sheet without a header row', async () => {
    const none = Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer());
    expect(await unreadable(() => run(none))).toMatch(/không có trang tính|Không đọc được/);
    const blank = new ExcelJS.Workbook();
    blank.addWorksheet('Trống');
    expect(await unreadable(async () => run(Buffer.from(await blank.xlsx.writeBuffer())))).toMatch(
      /không có dòng tiêu đề/,
    );
  });

  it('names the sheet and the missing headers when the first sheet is something else', async () => {
    const wb = new ExcelJS.Workbook();
    const guide = wb.addWorksheet('Hướng dẫn');
    guide.addRow(['Bước', 'Nội dung']);
    guide.addRow([1, 'Điền danh sách ở trang sau']);
    const list = wb.addWorksheet('Học sinh');
    list.addRow(H);
    list.addRow(row('Nguyễn Thị Lan'));
    const result = await refusedWithoutWrites(async () =>
      run(Buffer.from(await wb.xlsx.writeBuffer())),
    );
    expect(result.applied).toBe(false);
    expect(result.errorList).toHaveLength(1);
    expect(result.errorList[0]!.row).toBe(1);
    expect(result.errorList[0]!.message).toContain('"Hướng dẫn"');
    for (const h of ['Mã trường', 'Lớp', 'Họ và tên', 'Ngày sinh', 'Giới tính'])
      expect(result.errorList[0]!.message).toContain(`"${h}"`);
  });
});

describe('sheet features the streamed values do not show', () => {
  it('imports a formula by its cached value (dates too), and refuses one without a value', async () => {
    const serial = (Date.UTC(2014, 2, 12) - Date.UTC(1899, 11, 30)) / 86_400_000;
    const withValues = await book([row('placeholder', null)], (ws) => {
      ws.getCell('C2').value = {
        formula: 'CONCATENATE("Đỗ Thị ","Hạnh")',
        result: 'Đỗ Thị Hạnh',
      };
      ws.getCell('D2').value = { formula: 'DATE(2014,3,12)', result: serial };
      ws.getCell('D2').numFmt = 'dd/mm/yyyy';
    });
    const ok = await run(withValues);
    expect(ok.errorList).toEqual([]);
    expect(ok.summary).toMatchObject({ added: 1 });
    const hanh = await db
      .selectFrom('student')
      .select(['full_name', 'birth_date'])
      .where('full_name', '=', 'Đỗ Thị Hạnh')
      .executeTakeFirstOrThrow();
    expect(hanh.birth_date).toBe('2014-03-12');

    const noValue = await book([row('Trần Thị Mai')], (ws) => {
      ws.getCell('C2').value = {
        formula: 'CONCATENATE(X1,Y1)',
      };
    });
    const refused = await refusedWithoutWrites(() => run(noValue));
    expect(refused.errorList[0]).toMatchObject({ row: 2, column: 'Họ và tên' });
    expect(refused.errorList[0]!.message).toMatch(/công thức chưa có giá trị.*Paste Values/);

    // A formula whose last result was an Excel error names that error.
    const failing = await book([row('Lê Thị Thu')], (ws) => {
      ws.getCell('F2').value = { formula: 'VLOOKUP(C2,Z:Z,2,0)', result: { error: '#N/A' } };
    });
    const failed = await refusedWithoutWrites(() => run(failing));
    expect(failed.errorList[0]).toMatchObject({ row: 2, column: 'Mã định danh cá nhân' });
    expect(failed.errorList[0]!.message).toMatch(/công thức cho lỗi #N\/A/);
  });

  it('refuses cells merged across data rows, naming the range and the column', async () => {
    const merged = await book([row('Lê Thị Hoa'), row('Lê Thị Huệ')], (ws) => {
      ws.getCell('B3').value = null;
      ws.mergeCells('B2:B3');
    });
    const result = await refusedWithoutWrites(() => run(merged));
    expect(result.applied).toBe(false);
    expect(result.errorList).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          row: 2,
          column: 'Lớp',
          message: expect.stringMatching(/Ô gộp B2:B3 trải qua nhiều dòng/) as string,
        }),
      ]),
    );
  });

  it('does not silently skip or import hidden rows: each is reported and nothing is written', async () => {
    const hidden = await book(
      [row('Phạm Thị Thu'), row('Phạm Thị Thảo'), row('Phạm Thị Thơ')],
      (ws) => {
        ws.getRow(3).hidden = true;
      },
    );
    const result = await refusedWithoutWrites(() => run(hidden));
    expect(result.applied).toBe(false);
    expect(result.errorList).toEqual([
      expect.objectContaining({
        row: 3,
        column: null,
        message: expect.stringMatching(/đang bị ẩn/) as string,
      }),
    ]);
    // Unhidden, the same rows import.
    const shown = await run(
      await book([row('Phạm Thị Thu'), row('Phạm Thị Thảo'), row('Phạm Thị Thơ')]),
    );
    expect(shown.summary).toMatchObject({ added: 3, errors: 0 });
  });

  it('reads Vietnamese text split across the reader’s chunks intact', async () => {
    // Thousands of rows: the sheet XML spans many decompressed chunks, so
    // some multi-byte letters fall on a boundary.
    const given = ['Ữ', 'Ưng', 'Ượng', 'Ấu', 'Ỷ', 'Ỳ', 'Ẵng', 'Ễ', 'Ộ', 'Ử'];
    const names = Array.from(
      { length: 3000 },
      (_, i) => `Nguyễn Thị Ếch ${given[i % 10]}${'ữ'.repeat(i % 7)}`,
    );
    // Addresses almost all 3-byte letters: a chunk boundary nearly always splits one.
    const address = (i: number) => `Thôn ${'Ữ'.repeat(150 + (i % 50))}`;
    const withAddress = (n: string, i: number) => {
      const r = row(n);
      r[9] = address(i);
      return r;
    };
    const result = await run(await book(names.map(withAddress)), { dryRun: true });
    expect(result.errorList).toEqual([]);
    // Inline strings (no shared-string table): the worksheet itself carries the text.
    const path = join(dir, 'nhieu-dong.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path,
      useSharedStrings: false,
    });
    const sheet = writer.addWorksheet('Học sinh');
    sheet.addRow(H).commit();
    names.forEach((n, i) => sheet.addRow(withAddress(n, i)).commit());
    sheet.commit();
    await writer.commit();
    const before = (await counts())[0]!;
    const imported = await importStudents(db, path, options());
    expect(imported.errorList).toEqual([]);
    expect(imported.summary.added).toBe(3000);
    const stored = await db
      .selectFrom('student')
      .select(['full_name', 'address'])
      .where('full_name', 'like', 'Nguyễn Thị Ếch %')
      .execute();
    expect(stored.map((s) => `${s.full_name}|${s.address}`).sort()).toEqual(
      names.map((n, i) => `${n}|${address(i)}`).sort(),
    );
    expect((await counts())[0]).toBe(before + 3000);
  });
});

describe('limits (README: file size and rows per file)', () => {
  it('refuses a file over the size limit, from a path and from an upload stream', async () => {
    const bytes = await book([row('Vũ Thị Yến')]);
    const path = file('lon.xlsx', bytes);
    const limits = { maxBytes: 1_000 };
    expect(await unreadable(() => importStudents(db, path, options({ limits })))).toMatch(
      /Tệp quá lớn .*giới hạn là 0 MB|Tệp quá lớn/,
    );
    expect(await unreadable(() => run(bytes, { limits }))).toMatch(/Tệp quá lớn \(trên/);
    // Within the limit the same file imports.
    expect((await run(bytes, { limits: { maxBytes: bytes.length } })).summary.added).toBe(1);
  });

  it('counts every error but lists the first thousand, so a wrong file cannot fill the memory', async () => {
    const wrong = await book(
      Array.from({ length: 1_003 }, (_, i) => ['KHONGCO', ...row(`Mai Thị Lan ${i}`).slice(1)]),
    );
    const result = await refusedWithoutWrites(() => run(wrong));
    expect(result.summary.errors).toBe(1_003);
    expect(result.errorList).toHaveLength(MAX_LISTED_ERRORS);
    expect(result.errorList[0]).toMatchObject({ row: 2, column: 'Mã trường' });
  });

  it('stops at the row limit with a clear error, before reading on', async () => {
    const many = await book(Array.from({ length: 9 }, (_, i) => row(`Hồ Thị Nga ${i}`)));
    const message = await unreadable(() => run(many, { limits: { maxRows: 5 } }));
    expect(message).toMatch(/có hơn 5 dòng dữ liệu \(dừng đọc ở dòng 7\)/);
    expect(message).toMatch(/chia danh sách thành nhiều tệp/);
    const within = await run(many, { limits: { maxRows: 9 }, dryRun: true });
    expect(within.summary).toMatchObject({ rows: 9, errors: 0 });
  });
});

describe('a large file, read and checked in a worker thread (README "Performance")', () => {
  it('finds exactly the errors the main thread finds', async () => {
    const bytes = await book(
      [
        row('Lý Thị Hoa'),
        ['KHONGCO', ...row('Đào Văn An').slice(1)],
        row('Phan Thị Thu', '31/02/2014'),
        row('Kim Văn Bảo', '12/03/2014', 'Nam'),
        row('Lò Thị Mai'),
      ],
      (ws) => {
        ws.getRow(5).hidden = true;
        ws.mergeCells('C3:C4');
      },
    );
    const here = await run(bytes, { dryRun: true, offThread: false });
    const there = await run(bytes, { dryRun: true, offThread: true });
    expect(here.errorList.length).toBeGreaterThanOrEqual(4);
    expect({ ...there.summary, ms: 0 }).toEqual({ ...here.summary, ms: 0 });
    expect(there.errorList).toEqual(here.errorList);
    // As bytes (an upload) and as a path (the CLI) alike.
    const fromPath = await importStudents(
      db,
      file('loi.xlsx', bytes),
      options({ dryRun: true, offThread: true }),
    );
    expect(fromPath.errorList).toEqual(here.errorList);
  });

  it('writes batch after batch while the worker reads on, with progress', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => row(`Tạ Thị Nhung ${i}`));
    const path = file('lon-hop-le.xlsx', await book(rows));
    const before = await counts();
    const progress: number[] = [];
    const written: number[] = [];
    const result = await importStudents(
      db,
      path,
      options({
        offThread: true,
        onProgress: (n) => progress.push(n),
        onWritten: (n) => written.push(n),
      }),
    );
    expect(result.summary).toMatchObject({ rows: 12_000, added: 12_000, errors: 0 });
    expect(progress.at(-1)).toBe(12_000);
    expect(progress.length).toBeGreaterThanOrEqual(12);
    expect(written).toEqual([5_000, 10_000, 12_000]);
    const after = await counts();
    expect(after[0]! - before[0]!).toBe(12_000);
    expect(after[1]! - before[1]!).toBe(12_000);
  });

  it('gives the reader’s Vietnamese errors from the worker, and writes nothing', async () => {
    const junk = file('rac.xlsx', Buffer.from('không phải bảng tính'));
    expect(await unreadable(() => importStudents(db, junk, options({ offThread: true })))).toMatch(
      /Không đọc được tệp dưới dạng bảng tính Excel/,
    );
    const many = await book(Array.from({ length: 9 }, (_, i) => row(`Hà Thị Vân ${i}`)));
    const message = await unreadable(() =>
      importStudents(db, many, options({ offThread: true, limits: { maxRows: 5 } })),
    );
    expect(message).toMatch(/có hơn 5 dòng dữ liệu \(dừng đọc ở dòng 7\)/);
  });
});
