import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection.ts';
import { buildApp, type App } from '../../app/app.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import { makeTree, makeUser, scopeAt, SMALL_PROVINCE } from '../../../test/helpers/fixtures.ts';
import { signIn, type Client } from '../../../test/helpers/client.ts';
import {
  makeClasses,
  makeStudent,
  makeStudents,
} from '../../../test/helpers/factories/registry.ts';
import { STUDENT_HEADERS } from './imports/import-students.ts';
import { studentExportRows } from './students/export-students.ts';
import { searchStudents } from './students/search-students.ts';

let db: Db;
let close: () => Promise<void>;
let app: App;
let clerkA: Client;
let ids: Record<string, string>;

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  await makeClasses(db, [
    { schoolId: ids.THA!, schoolYear: '2025-2026', name: '3A' },
    { schoolId: ids.THB!, schoolYear: '2025-2026', name: '6A1' },
  ]);
  await makeUser(db, ids.THA!, 'school_staff', 'vanthu.a');
  app = await buildApp({ db, webDir: null });
  clerkA = await signIn(app, 'vanthu.a', 'mat-khau-rat-dai-1');
});
afterAll(async () => {
  await app?.close();
  await close?.();
});

async function upload(path: string, rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('HS');
  ws.addRow(Object.values(STUDENT_HEADERS));
  for (const r of rows) ws.addRow(r);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const boundary = '----sogd';
  return app.inject({
    method: 'POST',
    url: path,
    headers: {
      cookie: clerkA.cookie,
      'x-csrf-token': clerkA.csrfToken,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="hs.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
}

describe('student import over HTTP', () => {
  const own = ['THA', '3A', 'Vũ Minh Châu', '10/10/2017', 'Nữ', '', '', '', '', '', '', ''];
  const other = ['THB', '6A1', 'Đinh Văn Nam', '02/02/2014', 'Nam', '', '', '', '', '', '', ''];

  it('lets a clerk import into their school only, and gives the annotated copy', async () => {
    const refused = await upload('/api/registry/imports/students?year=2025-2026&dryRun=0', [
      own,
      other,
    ]);
    expect(refused.statusCode).toBe(422);
    const body = refused.json<{ errorList: { row: number; column: string; message: string }[] }>();
    expect(body.errorList).toEqual([expect.objectContaining({ row: 3, column: 'Mã trường' })]);
    expect(await db.selectFrom('student').selectAll().execute()).toEqual([]);
    const annotated = await upload('/api/registry/imports/students/annotated?year=2025-2026', [
      own,
      other,
    ]);
    expect(annotated.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(annotated.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(3).getCell(13).text).toContain('ngoài phạm vi');
    const ok = await upload('/api/registry/imports/students?year=2025-2026&dryRun=0', [own]);
    expect(ok.statusCode).toBe(200);
    expect(ok.json<{ summary: { added: number } }>().summary.added).toBe(1);
  });

  it('finds students by name without diacritics, within scope only, and exports the list', async () => {
    const found = await clerkA.get('/api/registry/students?q=vu%20minh&year=2025-2026');
    expect(found.status).toBe(200);
    const body = found.body as {
      total: number;
      items: { fullName: string; className: string; personalIdMasked: string | null }[];
    };
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ fullName: 'Vũ Minh Châu', className: '3A' });
    // Three letters or more match inside words; one or two only at a word's start.
    const partial = await clerkA.get('/api/registry/students?q=inh%20cha&year=2025-2026');
    expect((partial.body as { total: number }).total).toBe(1);
    const inside = await clerkA.get('/api/registry/students?q=u%20minh&year=2025-2026');
    expect((inside.body as { total: number }).total).toBe(0);
    const byDate = await clerkA.get('/api/registry/students?birthDate=10/10/2017&year=2025-2026');
    expect((byDate.body as { total: number }).total).toBe(1);
    const exported = await app.inject({
      method: 'GET',
      url: '/api/registry/students/export.xlsx?year=2025-2026',
      headers: { cookie: clerkA.cookie },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(4).text).toBe('Họ và tên');
    expect(sheet.getRow(2).getCell(4).text).toBe('Vũ Minh Châu');
    expect(sheet.getRow(2).getCell(5).text).toBe('10/10/2017');
  });

  it('counts broad searches up to a cap and says there are more, the page still in name order', async () => {
    const scope = await scopeAt(db, ids.SGD!, 'department_staff');
    const all = await searchStudents(db, scope, {
      schoolYear: '2025-2026',
      page: 1,
      pageSize: 50,
    });
    expect(all.totalCapped).toBe(false);
    expect(all.total).toBeGreaterThanOrEqual(1);
    const capped = await searchStudents(db, scope, {
      schoolYear: '2025-2026',
      page: 1,
      pageSize: 1,
      countCap: all.total - 1,
    });
    expect(capped).toMatchObject({ total: all.total - 1, totalCapped: true });
    expect(capped.items.map((i) => i.id)).toEqual([all.items[0]!.id]);
    // An export over the limit is refused whole, never cut short.
    await expect(
      studentExportRows(db, scope, { schoolYear: '2025-2026' }, all.total - 1),
    ).rejects.toThrow(/quá giới hạn của một tệp xuất/);
    expect(await studentExportRows(db, scope, { schoolYear: '2025-2026' }, all.total)).toHaveLength(
      all.total,
    );
  });

  it('ranks an exact full name first, then the words in order, then the rest, each alphabetical', async () => {
    await makeStudents(
      db,
      [
        'Nguyễn Anh Văn Duy',
        'Nguyễn Văn Anh',
        'Nguyễn Văn An',
        'Nguyen Van An',
        'An Văn Nguyễn',
        'Nguyễn Văn Bình An',
        'Đỗ Nguyễn Văn Ân',
      ].map((fullName, i) => ({
        schoolId: ids.THB!,
        fullName,
        birthDate: i === 2 ? '2011-12-19' : '2012-01-0' + (i + 1),
      })),
    );
    const scope = await scopeAt(db, ids.SGD!, 'department_staff');
    const search = async (q: string, countCap?: number) =>
      (
        await searchStudents(db, scope, {
          q,
          schoolYear: '2025-2026',
          page: 1,
          pageSize: 20,
          countCap,
        })
      ).items.map((i) => i.fullName);
    expect(await search('Nguyễn Văn An')).toEqual([
      'Nguyễn Văn An', // exact, as typed
      'Nguyen Van An', // exact without diacritics
      'Đỗ Nguyễn Văn Ân', // every word in order
      'Nguyễn Văn Anh',
      'Nguyễn Văn Bình An',
      'An Văn Nguyễn', // the rest, alphabetical
      'Nguyễn Anh Văn Duy',
    ]);
    // The best matches come first even when only the first matches found are read.
    expect((await search('nguyen van an', 2)).slice(0, 2)).toEqual([
      'Nguyen Van An',
      'Nguyễn Văn An',
    ]);
    // A date of birth typed in the same box, alone or with the name.
    expect(await search('19/12/2011')).toEqual(['Nguyễn Văn An']);
    expect(await search('nguyen 19/12/2011')).toEqual(['Nguyễn Văn An']);
    expect(await search('an 9/12/2011')).toEqual([]);
    const bad = await clerkA.get(
      `/api/registry/students?q=${encodeURIComponent('31/02/2024')}&year=2025-2026`,
    );
    expect(bad.status).toBe(400);
    expect((bad.body as { detail: string }).detail).toBe('Ngày sinh 31/02/2024 không có thật.');
  });

  it('gives a template with dropdowns that imports back as filled', async () => {
    const template = await app.inject({
      method: 'GET',
      url: '/api/registry/imports/students/template.xlsx',
      headers: { cookie: clerkA.cookie },
    });
    expect(template.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).text).toBe('Mã trường');
    expect(sheet.getCell(2, 5).dataValidation.formulae).toEqual(['"Nam,Nữ"']);
    const hidden = wb.getWorksheet('Danh mục')!;
    expect(hidden.getCell(1, 1).text).toBe('THA'); // only the clerk's own school
    expect(hidden.getCell(2, 1).text).toBe('');
    sheet.getRow(2).values = ['THA', '3A', 'Hồ Thị Yến', '20/01/2017', 'Nữ'];
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const boundary = '----sogd';
    const r = await app.inject({
      method: 'POST',
      url: '/api/registry/imports/students?year=2025-2026&dryRun=1',
      headers: {
        cookie: clerkA.cookie,
        'x-csrf-token': clerkA.csrfToken,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="t.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        filled,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(
      r.json<{ summary: { rows: number; added: number; errors: number } }>().summary,
    ).toMatchObject({ rows: 1, added: 1, errors: 0 });
  });

  it('changes a status with a reason instead of deleting, audited', async () => {
    const student = await db
      .selectFrom('student')
      .select(['id'])
      .where('full_name', '=', 'Vũ Minh Châu')
      .executeTakeFirstOrThrow();
    const noReason = await clerkA.send('POST', `/api/registry/students/${student.id}/status`, {
      status: 'dropped_out',
      reason: ' ',
    });
    expect(noReason.status).toBe(400);
    const changed = await clerkA.send('POST', `/api/registry/students/${student.id}/status`, {
      status: 'transferred',
      reason: 'Chuyển theo gia đình vào TP. Hồ Chí Minh',
    });
    expect(changed.status).toBe(200);
    const row = await db
      .selectFrom('student')
      .selectAll()
      .where('id', '=', student.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'transferred',
      status_reason: 'Chuyển theo gia đình vào TP. Hồ Chí Minh',
    });
    const audit = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', student.id)
      .where('action', '=', 'update')
      .execute();
    expect(audit.at(-1)?.actor_name).toContain('vanthu.a');
    const other = await db
      .selectFrom('org_unit')
      .select('id')
      .where('code', '=', 'THB')
      .executeTakeFirstOrThrow();
    const outside = await makeStudent(db, {
      schoolId: other.id,
      fullName: 'Mai Văn Đạt',
      birthDate: '2014-01-01',
    });
    expect(
      (
        await clerkA.send('POST', `/api/registry/students/${outside}/status`, {
          status: 'dropped_out',
          reason: 'x',
        })
      ).status,
    ).toBe(403);
  });
});
