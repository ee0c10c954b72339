import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { uuidv7 } from '../../../lib/ids.ts';
import { freshDatabase } from '../../../../test/helpers/db.ts';
import { makeTree, SMALL_PROVINCE } from '../../../../test/helpers/fixtures.ts';
import { importStudents, STUDENT_HEADERS } from './import-students.ts';

// Issue 13 item 19 in the student list import: the ethnic group is one of
// the 54 (or "Người nước ngoài"), a usual spelling kept under the list's
// name, anything else an error on its row and column.
let db: Db;
let close: () => Promise<void>;
let ids: Record<string, string>;
const actor = systemActor('test dân tộc');
const YEAR = '2025-2026';

async function workbook(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Học sinh');
  ws.addRow(Object.values(STUDENT_HEADERS));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const pupil = (name: string, ethnicity: string) => {
  const row = Object.keys(STUDENT_HEADERS).map(() => '');
  const set = (field: keyof typeof STUDENT_HEADERS, value: string) =>
    (row[Object.keys(STUDENT_HEADERS).indexOf(field)] = value);
  set('schoolCode', 'THB');
  set('className', '6A1');
  set('fullName', name);
  set('birthDate', '12/03/2014');
  set('gender', 'Nữ');
  set('ethnicity', ethnicity);
  return row;
};
const run = async (rows: string[][]) =>
  importStudents(db, Readable.from(await workbook(rows)), {
    actor,
    schoolYear: YEAR,
    dryRun: false,
    createClasses: false,
  });

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
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
afterAll(async () => close?.());

describe('ethnic group in the student list import', () => {
  it('refuses a name that is not a group, on its row and column, writing nothing', async () => {
    const result = await run([pupil('Hồ Thị Mai', 'Mông'), pupil('Lò Thị Hoa', 'Kinh tế')]);
    expect(result.applied).toBe(false);
    expect(result.errorList.map((e) => [e.row, e.column])).toEqual([[3, 'Dân tộc']]);
    expect(result.errorList[0]!.message).toContain('không có trong danh mục 54 dân tộc');
  });

  it('keeps a usual spelling under the list’s name', async () => {
    const result = await run([pupil('Hồ Thị Mai', 'Mông'), pupil('Y Niê', 'ede')]);
    expect(result.summary).toMatchObject({ added: 2, errors: 0 });
    const rows = await db.selectFrom('student').select(['full_name', 'ethnicity']).execute();
    expect(Object.fromEntries(rows.map((r) => [r.full_name, r.ethnicity]))).toEqual({
      'Hồ Thị Mai': "H'Mông",
      'Y Niê': 'Ê Đê',
    });
  });
});
