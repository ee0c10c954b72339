import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/connection.ts';
import { buildApp, type App } from '../../../app/app.ts';
import { freshDatabase } from '../../../../test/helpers/db.ts';
import { makeTree, makeUser, SMALL_PROVINCE } from '../../../../test/helpers/fixtures.ts';
import { signIn, type Client } from '../../../../test/helpers/client.ts';
import { makeClass, makeStudents } from '../../../../test/helpers/factories/registry.ts';
import type { SchoolListAnswer } from '../contract.ts';
import { SCHOOL_LIST_HEADERS } from './export-schools.ts';

// Issue 13 item 8: the "Trường học" list of a department or commune officer.
const YEAR = '2025-2026';
let db: Db;
let close: () => Promise<void>;
let app: App;
let ids: Record<string, string>;
let department: Client;
let commune: Client;
let clerk: Client;

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  const c3a = await makeClass(db, { schoolId: ids.THA!, name: '3A' });
  await makeClass(db, { schoolId: ids.THA!, name: '3B' });
  // Another year's class and pupils do not count for YEAR.
  await makeClass(db, { schoolId: ids.THA!, name: '2A', schoolYear: '2024-2025' });
  const c6 = await makeClass(db, { schoolId: ids.THB!, name: '6A1' });
  await makeStudents(db, [
    ...['An', 'Bình', 'Chi'].map((n) => ({
      schoolId: ids.THA!,
      fullName: `Nguyễn Văn ${n}`,
      classId: c3a,
    })),
    { schoolId: ids.THB!, fullName: 'Lê Thị Dung', classId: c6 },
  ]);
  await makeUser(db, ids.SGD!, 'department_staff', 'so.01');
  await makeUser(db, ids.X01!, 'office_staff', 'xa.01');
  await makeUser(db, ids.THA!, 'school_staff', 'vanthu.a');
  app = await buildApp({ db, webDir: null });
  department = await signIn(app, 'so.01', 'mat-khau-rat-dai-1');
  commune = await signIn(app, 'xa.01', 'mat-khau-rat-dai-1');
  clerk = await signIn(app, 'vanthu.a', 'mat-khau-rat-dai-1');
  const put = await app.inject({
    method: 'PUT',
    url: `/api/registry/schools/${ids.THB}/profile?year=${YEAR}`,
    headers: { cookie: department.cookie, 'x-csrf-token': department.csrfToken },
    payload: { nationalStandardLevel: 1, accreditationLevel: 2, twoSessionsADay: true },
  });
  expect(put.statusCode).toBe(200);
});
afterAll(async () => {
  await app?.close();
  await close?.();
});

const list = async (client: Client, query = '') => {
  const r = await client.get(`/api/registry/schools?year=${YEAR}${query}`);
  return { status: r.status, body: r.body as SchoolListAnswer };
};

describe('the school list', () => {
  it('lists every school in scope with its figures of the year', async () => {
    const all = await list(department);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((s) => s.code)).toEqual(['THA', 'THB', 'THC']);
    expect(all.body.items[0]).toMatchObject({
      name: 'Trường Tiểu học Kim Đồng',
      levels: ['primary'],
      ownership: 'public',
      commune: { code: 'X01', name: 'Xã Hoà Bình' },
      students: 3,
      classes: 2,
      staff: 0,
      nationalStandardLevel: 0,
      twoSessionsADay: false,
    });
    expect(all.body.items[1]).toMatchObject({
      students: 1,
      nationalStandardLevel: 1,
      accreditationLevel: 2,
      twoSessionsADay: true,
    });
    expect(all.body.totals).toEqual({ students: 4, classes: 3, staff: 0 });
  });

  it("keeps a commune officer and a school's clerk inside their scope", async () => {
    expect((await list(commune)).body.items.map((s) => s.code)).toEqual(['THA', 'THB']);
    expect((await list(clerk)).body.items.map((s) => s.code)).toEqual(['THA']);
    expect((await list(commune, `&unitId=${ids.X02}`)).status).toBe(403);
    expect((await list(department, `&unitId=${ids.X02}`)).body.items.map((s) => s.code)).toEqual([
      'THC',
    ]);
  });

  it('filters, sorts and pages', async () => {
    const codes = async (q: string) => (await list(department, q)).body.items.map((s) => s.code);
    expect(await codes('&q=kim dong')).toEqual(['THA']);
    expect(await codes('&q=hoa sen')).toEqual(['THC']);
    expect(await codes('&q=THC')).toEqual(['THB', 'THC']);
    expect(await codes('&level=lower_secondary')).toEqual(['THB']);
    expect(await codes('&ownership=private')).toEqual(['THC']);
    expect(await codes('&nationalStandardLevel=1')).toEqual(['THB']);
    expect(await codes('&twoSessionsADay=0')).toEqual(['THA', 'THC']);
    expect(await codes('&sort=students&order=desc')).toEqual(['THA', 'THB', 'THC']);
    expect(await codes('&sort=name')).toEqual(['THC', 'THB', 'THA']);
    const page = await list(department, '&sort=code&pageSize=2&page=2');
    expect(page.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.body.items.map((s) => s.code)).toEqual(['THC']);
    expect((await list(department, '&sort=dropTable')).status).toBe(400);
  });

  it('exports the filtered list as xlsx with Vietnamese headers', async () => {
    const r = await app.inject({
      method: 'GET',
      url: `/api/registry/schools/export.xlsx?year=${YEAR}&unitId=${ids.X01}&sort=students&order=desc`,
      headers: { cookie: department.cookie },
    });
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...SCHOOL_LIST_HEADERS]);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      1,
      'THA',
      'Trường Tiểu học Kim Đồng',
      'Tiểu học',
      'Công lập',
      'Xã Hoà Bình',
      3,
      2,
      0,
      'Chưa đạt chuẩn quốc gia',
      'Chưa đạt kiểm định',
      'Không',
    ]);
    expect(sheet.rowCount).toBe(3);
  });
});
