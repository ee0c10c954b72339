import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { UnreadableWorkbookError } from '../../lib/xlsx.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import { scopeAt } from '../../../test/helpers/factories/orgs.ts';
import { exportOrgs } from './units/export-orgs.ts';
import { importOrgs } from './units/import-orgs.ts';
import { ORG_HEADERS } from './units/org-sheet.ts';

let db: Db;
let close: () => Promise<void>;
let dir: string;
const actor = systemActor('test nhập đơn vị');

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  dir = mkdtempSync(join(tmpdir(), 'sogd-orgs-'));
});
afterAll(async () => {
  await close?.();
  rmSync(dir, { recursive: true, force: true });
});

let fileNo = 0;
async function workbook(headers: string[], rows: (string | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đơn vị');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  const file = join(dir, `orgs-${++fileNo}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

const H = Object.values(ORG_HEADERS);
const unitCount = async () =>
  Number(
    (
      await db
        .selectFrom('org_unit')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('org tree import', () => {
  it('imports a tree given in any order, with headers in any case and without diacritics', async () => {
    const file = await workbook(
      [
        'MA DON VI',
        'ten don vi',
        'Mã đơn vị cấp trên',
        'Loại Đơn Vị',
        'Cấp học',
        'Loại hình',
        'Ghi chú riêng',
      ],
      [
        ['TH01', 'Trường TH&THCS Hoà Bình', 'X01', 'Trường', 'Tiểu học, THCS', 'Công lập', 'x'],
        ['X01', 'Xã Hoà Bình', 'SGD', 'Xã/Phường', null, null, null],
        ['SGD', 'Sở Giáo dục và Đào tạo Thử', null, 'Sở', null, null, null],
        ['THPT01', 'Trường THPT Lê Quý Đôn', 'SGD', 'Trường', 'THPT', 'Ngoài công lập', null],
      ],
    );
    const result = await importOrgs(db, actor, { file, dryRun: false });
    expect(result.errorList).toEqual([]);
    expect(result.unknownColumns).toEqual(['Ghi chú riêng']);
    expect(result.summary).toMatchObject({
      rows: 4,
      added: 4,
      updated: 0,
      unchanged: 0,
      errors: 0,
    });
    const school = await db
      .selectFrom('org_unit')
      .selectAll()
      .where('code', '=', 'TH01')
      .executeTakeFirstOrThrow();
    expect(school.levels).toEqual(['primary', 'lower_secondary']);
    expect(school.depth).toBe(2);
  });

  it('export followed by import changes nothing', async () => {
    const file = join(dir, 'export.xlsx');
    expect(await (await exportOrgs(db, actor, { file })).written).toBe(4);
    const before = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const result = await importOrgs(db, actor, { file, dryRun: false });
    expect(result.summary).toMatchObject({
      rows: 4,
      added: 0,
      updated: 0,
      unchanged: 4,
      errors: 0,
    });
    const after = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toEqual(before.n);
  });

  it('moves a subtree when a parent changes, keeping ids, and leaves absent units alone', async () => {
    const school = await db
      .selectFrom('org_unit')
      .select('id')
      .where('code', '=', 'TH01')
      .executeTakeFirstOrThrow();
    const file = await workbook(H, [
      ['X02', 'Phường Đông Hải', 'SGD', 'Xã/Phường', null, null, null],
      ['X01', 'Xã Hoà Bình', 'X02', 'Xã/Phường', null, null, null],
    ]);
    const dry = await importOrgs(db, actor, { file, dryRun: true });
    expect(dry.summary).toMatchObject({ added: 1, updated: 1, errors: 0 });
    expect(await unitCount()).toBe(4);
    const result = await importOrgs(db, actor, { file, dryRun: false });
    expect(result.summary).toMatchObject({
      rows: 2,
      added: 1,
      updated: 1,
      unchanged: 0,
      errors: 0,
    });
    const moved = await db
      .selectFrom('org_unit')
      .selectAll()
      .where('code', '=', 'TH01')
      .executeTakeFirstOrThrow();
    expect(moved.id).toBe(school.id);
    expect(moved.depth).toBe(3);
    const x02 = await db
      .selectFrom('org_unit')
      .select('id')
      .where('code', '=', 'X02')
      .executeTakeFirstOrThrow();
    expect(moved.path).toContain(`/${x02.id}/`);
    expect(await unitCount()).toBe(5);
  });

  it('reports every error at once with row and column, and writes nothing', async () => {
    const file = await workbook(H, [
      ['X05', 'Xã Một', 'KHONGCO', 'Xã/Phường', null, null, null],
      ['X06', 'Xã Hai', 'SGD', 'Huyện', null, null, null],
      ['X06', 'Xã Hai lặp', 'SGD', 'Xã/Phường', null, null, null],
      ['GOC2', 'Gốc thứ hai', null, 'Sở', null, null, null],
      ['TH09', 'Trường thiếu cấp học', 'SGD', 'Trường', null, 'Tư nhân', null],
      ['X01', 'Xã Hoà Bình', 'TH01', 'Xã/Phường', null, null, null],
    ]);
    const before = await unitCount();
    const result = await importOrgs(db, actor, { file, dryRun: false });
    expect(result.applied).toBe(false);
    const messages = result.errorList.map((e) => `${e.row}|${e.column}|${e.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^2\|Mã đơn vị cấp trên\|Không tìm thấy đơn vị cấp trên "KHONGCO"/),
        expect.stringMatching(/^3\|Loại đơn vị\|Loại đơn vị "Huyện" không hợp lệ/),
        expect.stringMatching(/^4\|Mã đơn vị\|Mã "X06" trùng với dòng 3/),
        expect.stringMatching(/^5\|Mã đơn vị cấp trên\|.*hai gốc/),
        expect.stringMatching(/^6\|Cấp học\|Trường phải ghi cấp học/),
        expect.stringMatching(/^6\|Loại hình\|Loại hình "Tư nhân" không hợp lệ/),
        expect.stringMatching(/^7\|Mã đơn vị cấp trên\|.*vòng lặp/),
      ]),
    );
    expect(result.summary.errors).toBe(result.errorList.length);
    expect(await unitCount()).toBe(before);
  });

  const located = (code: string) =>
    db
      .selectFrom('org_unit')
      .select(['latitude', 'longitude'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();

  it('reads the optional Vĩ độ / Kinh độ columns; without them, locations stay; the export leaves them out', async () => {
    const withLocation = [...H, 'Vĩ độ', 'Kinh độ'];
    const file = await workbook(withLocation, [
      [
        'TH01',
        'Trường TH&THCS Hoà Bình',
        'X01',
        'Trường',
        'Tiểu học, THCS',
        'Công lập',
        null,
        '20,8612',
        '106,6834',
      ],
      [
        'TH10',
        'Trường Tiểu học Đông Hải',
        'X02',
        'Trường',
        'Tiểu học',
        'Công lập',
        null,
        '20.87',
        '106.70',
      ],
    ]);
    const result = await importOrgs(db, actor, { file, dryRun: false });
    expect(result.errorList).toEqual([]);
    expect(result.unknownColumns).toEqual([]);
    expect(result.summary).toMatchObject({ added: 1, updated: 1, errors: 0 });
    expect(await located('TH01')).toEqual({ latitude: 20.8612, longitude: 106.6834 });
    expect(await located('TH10')).toEqual({ latitude: 20.87, longitude: 106.7 });

    // The contract's export has no location columns, and importing it keeps the locations.
    const exported = join(dir, 'export-located.xlsx');
    await (
      await exportOrgs(db, actor, { file: exported })
    ).written;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(exported);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([undefined, ...H]);
    const again = await importOrgs(db, actor, { file: exported, dryRun: false });
    expect(again.summary).toMatchObject({ added: 0, updated: 0, errors: 0 });
    expect(await located('TH01')).toEqual({ latitude: 20.8612, longitude: 106.6834 });

    // With the columns, the file is the truth: empty cells clear a location.
    const cleared = await workbook(withLocation, [
      [
        'TH10',
        'Trường Tiểu học Đông Hải',
        'X02',
        'Trường',
        'Tiểu học',
        'Công lập',
        null,
        null,
        null,
      ],
    ]);
    expect((await importOrgs(db, actor, { file: cleared, dryRun: false })).summary).toMatchObject({
      updated: 1,
    });
    expect(await located('TH10')).toEqual({ latitude: null, longitude: null });
  });

  it('refuses a bad or half coordinate with row, column and why, and writes nothing', async () => {
    const file = await workbook(
      [...H, 'Vĩ độ', 'Kinh độ'],
      [
        [
          'TH01',
          'Trường TH&THCS Hoà Bình',
          'X01',
          'Trường',
          'Tiểu học, THCS',
          'Công lập',
          null,
          '210,28',
          '106,6834',
        ],
        [
          'TH11',
          'Trường Tiểu học Mới',
          'X02',
          'Trường',
          'Tiểu học',
          'Công lập',
          null,
          null,
          '106,7',
        ],
        [
          'TH12',
          'Trường Tiểu học Mới Hai',
          'X02',
          'Trường',
          'Tiểu học',
          'Công lập',
          null,
          '20°52′N',
          '106,7',
        ],
      ],
    );
    const before = await unitCount();
    const result = await importOrgs(db, actor, { file, dryRun: false });
    expect(result.applied).toBe(false);
    expect(result.errorList).toEqual([
      {
        row: 2,
        column: 'Vĩ độ',
        message:
          'Vĩ độ 210,28 nằm ngoài lãnh thổ Việt Nam: cần một số thập phân từ 8 đến 24 (xem lại dấu thập phân, và vĩ độ, kinh độ có bị đổi chỗ không).',
      },
      { row: 3, column: 'Vĩ độ', message: 'Ghi cả vĩ độ và kinh độ, hoặc bỏ trống cả hai.' },
      {
        row: 4,
        column: 'Vĩ độ',
        message:
          'Vĩ độ "20°52′N" không phải số thập phân: ghi độ thập phân, ví dụ 21,0285 hoặc 21.0285 (không ghi độ, phút, giây).',
      },
    ]);
    expect(await unitCount()).toBe(before);
    expect(await located('TH01')).toEqual({ latitude: 20.8612, longitude: 106.6834 });
  });

  it('refuses a file that is not a workbook', async () => {
    const { writeFileSync } = await import('node:fs');
    const file = join(dir, 'not.xlsx');
    writeFileSync(file, 'Mã đơn vị,Tên đơn vị\nX,Y\n');
    await expect(importOrgs(db, actor, { file, dryRun: false })).rejects.toBeInstanceOf(
      UnreadableWorkbookError,
    );
  });

  it('as a signed-in user: needs org.structure, and reads and writes only their subtree', async () => {
    const units = await db.selectFrom('org_unit').select(['id', 'code']).execute();
    const idOf = (code: string) => units.find((u) => u.code === code)!.id;
    const file = await workbook(H, [
      ['X01', 'Xã Hoà Bình đổi tên', 'X02', 'Xã/Phường', null, null, null],
    ]);
    const clerk = await scopeAt(db, idOf('TH01'), 'school_admin');
    await expect(importOrgs(db, clerk, { file, dryRun: true })).rejects.toMatchObject({
      status: 403,
    });
    const commune = await scopeAt(db, idOf('X01'), 'department_admin');
    const outside = await importOrgs(db, commune, { file, dryRun: true });
    expect(outside.errorList.map((e) => e.message)).toEqual([
      'Đơn vị nằm ngoài phạm vi quản lý của bạn.',
    ]);
    const exported = join(dir, 'commune.xlsx');
    // X01 and its school: not the department, not the other commune.
    expect(await (await exportOrgs(db, commune, { file: exported })).written).toBe(2);
  });
});
