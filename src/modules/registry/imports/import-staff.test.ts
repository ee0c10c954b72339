import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { freshDatabase } from '../../../../test/helpers/db.ts';
import { makeTree, SMALL_PROVINCE } from '../../../../test/helpers/fixtures.ts';
import { importStaff, STAFF_HEADERS } from './import-staff.ts';

let db: Db;
let close: () => Promise<void>;
const actor = systemActor('test nhập cán bộ');

async function workbook(
  rows: (string | null)[][],
  shape?: (ws: ExcelJS.Worksheet) => void,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cán bộ');
  ws.addRow(Object.values(STAFF_HEADERS));
  for (const r of rows) ws.addRow(r);
  shape?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const run = (bytes: Buffer, dryRun = false) =>
  importStaff(db, Readable.from(bytes), { actor, dryRun });

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  await makeTree(db, SMALL_PROVINCE);
});
afterAll(async () => close?.());

describe('staff list import', () => {
  const teacher = [
    'THB',
    'Phan Thị Hồng Nhung',
    '15/08/1985',
    'Nữ',
    '044185012345',
    'Giáo viên',
    'Toán',
    'Đại học sư phạm',
    'Biên chế',
  ];
  const principal = [
    'THB',
    'Đỗ Văn Quang',
    '02/01/1975',
    'Nam',
    '',
    'Cán bộ quản lý',
    '',
    'Thạc sĩ',
    'Biên chế',
  ];

  it('adds, then finds nothing to change on a second import, then updates', async () => {
    const file = await workbook([teacher, principal]);
    expect((await run(file, true)).summary).toMatchObject({ rows: 2, added: 2 });
    expect((await run(file)).summary).toMatchObject({
      added: 2,
      updated: 0,
      unchanged: 0,
      errors: 0,
    });
    expect((await run(file)).summary).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    const changed = await run(
      await workbook([[...teacher.slice(0, 6), 'Tin học', ...teacher.slice(7)], principal]),
    );
    expect(changed.summary).toMatchObject({ updated: 1, unchanged: 1 });
    const row = await db
      .selectFrom('staff')
      .selectAll()
      .where('personal_id', '=', '044185012345')
      .executeTakeFirstOrThrow();
    expect(row.main_subject).toBe('Tin học');
    expect(row.position).toBe('teacher');
  });

  it('reports every mistake with row and column and writes nothing', async () => {
    const before = (await db.selectFrom('staff').selectAll().execute()).length;
    const result = await run(
      await workbook([
        ['THB', 'Lý Văn A', '01/01/2015', 'Nam', '', 'Giáo viên', '', '', ''],
        ['THB', 'Lý Thị B', '01/01/1990', 'Nữ', '', 'Hiệu phó', '', '', ''],
        ['XX', 'Lý Văn C', '01/01/1990', 'Nam', '044090000001', 'Nhân viên', '', '', ''],
      ]),
    );
    const lines = result.errorList.map((e) => `${e.row}|${e.column}|${e.message}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^2\|Ngày sinh\|Tuổi/),
        expect.stringMatching(/^3\|Vị trí\|Vị trí "Hiệu phó" không hợp lệ/),
        expect.stringMatching(/^4\|Mã trường\|Không có trường mã "XX"/),
      ]),
    );
    expect((await db.selectFrom('staff').selectAll().execute()).length).toBe(before);
  });

  it('reports hidden rows and merged cells like the student import, and writes nothing', async () => {
    const before = await db.selectFrom('staff').select('id').execute();
    const other = ['THB', 'Lò Văn Sơn', '03/03/1990', 'Nam', '', 'Nhân viên', '', '', 'Hợp đồng'];
    const hidden = await workbook([teacher, other], (ws) => (ws.getRow(3).hidden = true));
    const refused = await run(hidden);
    expect(refused.applied).toBe(false);
    expect(refused.errorList.map((e) => [e.row, e.column])).toEqual([[3, null]]);
    expect(refused.errorList[0]!.message).toContain('bị ẩn');
    const merged = await workbook([teacher, other], (ws) => ws.mergeCells('A2:A3'));
    const mergeError = (await run(merged)).errorList.find((e) => e.message.includes('A2:A3'));
    expect(mergeError).toMatchObject({ row: 2, column: 'Mã trường' });
    expect(await db.selectFrom('staff').select('id').execute()).toHaveLength(before.length);
  });

  it('reads the level taught (Cấp dạy), checked against the school’s levels', async () => {
    const person = (name: string, id: string, level: string) => [
      'THB',
      name,
      '10/10/1988',
      'Nữ',
      id,
      'Giáo viên',
      'Toán',
      '',
      '',
      level,
    ];
    const refused = await run(
      await workbook([
        person('Hà Thị Một', '044188000001', 'Trung học phổ thông'),
        person('Hà Thị Hai', '044188000002', 'Đại học'),
      ]),
    );
    expect(refused.applied).toBe(false);
    expect(refused.errorList.map((e) => `${e.row}|${e.column}|${e.message}`)).toEqual([
      '2|Cấp dạy|Trường không có cấp THPT: chọn một cấp học của trường.',
      '3|Cấp dạy|Cấp dạy "Đại học" không hợp lệ: cần "Mầm non", "Tiểu học", "THCS" hoặc "THPT".',
    ]);
    const level = async () =>
      (
        await db
          .selectFrom('staff')
          .select('level_taught')
          .where('personal_id', '=', '044188000001')
          .executeTakeFirstOrThrow()
      ).level_taught;
    expect(
      (await run(await workbook([person('Hà Thị Một', '044188000001', 'thcs')]))).summary,
    ).toMatchObject({ added: 1, errors: 0 });
    expect(await level()).toBe('lower_secondary');
    // A blank cell keeps what is recorded; the same file again changes nothing.
    const blank = await run(await workbook([person('Hà Thị Một', '044188000001', '')]));
    expect(blank.summary).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
    expect(await level()).toBe('lower_secondary');
  });
});
