import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/connection.ts';
import { buildApp, type App } from '../../../app/app.ts';
import { freshDatabase } from '../../../../test/helpers/db.ts';
import { makeTree, makeUser, scopeAt, SMALL_PROVINCE } from '../../../../test/helpers/fixtures.ts';
import { signIn, type Client } from '../../../../test/helpers/client.ts';
import { makeStaff } from '../../../../test/helpers/factories/staff.ts';
import { STAFF_HEADERS } from '../imports/staff-headers.ts';
import type { ProgressLine } from '../contract.ts';
import { staffExportRows } from './export-staff.ts';

let db: Db;
let close: () => Promise<void>;
let app: App;
let ids: Record<string, string>;
let clerkA: Client;
let clerkB: Client;
let commune: Client;

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  await makeUser(db, ids.THA!, 'school_staff', 'vanthu.a');
  await makeUser(db, ids.THB!, 'school_staff', 'vanthu.b');
  await makeUser(db, ids.X01!, 'office_staff', 'phong.x01');
  app = await buildApp({ db, webDir: null });
  clerkA = await signIn(app, 'vanthu.a', 'mat-khau-rat-dai-1');
  clerkB = await signIn(app, 'vanthu.b', 'mat-khau-rat-dai-1');
  commune = await signIn(app, 'phong.x01', 'mat-khau-rat-dai-1');
});
afterAll(async () => {
  await app?.close();
  await close?.();
});

type Row = (string | number | null)[];

async function workbook(rows: Row[], headers: string[] = Object.values(STAFF_HEADERS)) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cán bộ');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function post(client: Client, url: string, bytes: Buffer) {
  const boundary = '----sogd';
  return app.inject({
    method: 'POST',
    url,
    headers: {
      cookie: client.cookie,
      'x-csrf-token': client.csrfToken,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cb.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
}

const download = async (client: Client, url: string) => {
  const r = await app.inject({ method: 'GET', url, headers: { cookie: client.cookie } });
  expect(r.statusCode).toBe(200);
  expect(r.headers['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
  return wb;
};

interface Report {
  summary: { rows: number; added: number; updated: number; unchanged: number; errors: number };
  errorList: { row: number; column: string | null; message: string }[];
}

const hoa = ['THA', 'Nguyễn Thị Hoa', '12/03/1988', 'Nữ', '', 'Giáo viên', 'Tiếng Việt', '', ''];
const binh = ['THA', 'Trần Văn Bình', '01/06/1979', 'Nam', '', 'Cán bộ quản lý', '', 'Thạc sĩ', ''];
const an = ['THA', 'Lê Thị An', '05/11/1992', 'Nữ', '', 'Nhân viên', '', '', 'Hợp đồng'];
const staffCount = async () => (await db.selectFrom('staff').select('id').execute()).length;

describe('staff import over HTTP', () => {
  it('dry run reports and writes nothing; errors come with row and column; other schools are refused', async () => {
    const dry = await post(clerkA, '/api/registry/imports/staff?dryRun=1', await workbook([hoa]));
    expect(dry.statusCode).toBe(200);
    expect(dry.json<Report>().summary).toMatchObject({ rows: 1, added: 1, errors: 0 });
    expect(await staffCount()).toBe(0);

    const outside = ['THB', 'Phạm Văn Dũng', '02/02/1980', 'Nam', '', 'Giáo viên', '', '', ''];
    const bad = ['THA', 'Võ Thị Em', '31/02/1990', 'Nữ', '', 'Hiệu phó', '', '', ''];
    const refused = await post(
      clerkA,
      '/api/registry/imports/staff?dryRun=0',
      await workbook([hoa, outside, bad]),
    );
    expect(refused.statusCode).toBe(422);
    const lines = refused.json<Report>().errorList.map((e) => `${e.row}|${e.column}|${e.message}`);
    expect(lines).toEqual([
      expect.stringMatching(/^3\|Mã trường\|Trường "THB" nằm ngoài phạm vi quản lý/),
      expect.stringMatching(/^4\|Ngày sinh\|"31\/02\/1990" không phải ngày có thật/),
      expect.stringMatching(/^4\|Vị trí\|Vị trí "Hiệu phó" không hợp lệ/),
    ]);
    expect(await staffCount()).toBe(0);

    const annotated = await post(
      clerkA,
      '/api/registry/imports/staff/annotated',
      await workbook([hoa, outside, bad]),
    );
    expect(annotated.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(annotated.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    // The errors column follows the file's own columns.
    const errorsAt = Object.values(STAFF_HEADERS).length + 1;
    expect(sheet.getRow(1).getCell(errorsAt).text).toBe('Lỗi');
    expect(sheet.getRow(2).getCell(errorsAt).text).toBe('');
    expect(sheet.getRow(3).getCell(errorsAt).text).toContain('ngoài phạm vi');
    expect(sheet.getRow(4).getCell(errorsAt).text).toContain('Vị trí: Vị trí "Hiệu phó"');
    expect(sheet.getRow(4).getCell(6).fill).toMatchObject({ type: 'pattern' });
  });

  it('imports, and a second import of the same file changes nothing (idempotent)', async () => {
    const file = await workbook([hoa, binh, an]);
    const first = await post(clerkA, '/api/registry/imports/staff?dryRun=0', file);
    expect(first.statusCode).toBe(200);
    expect(first.json<Report>().summary).toMatchObject({ added: 3, updated: 0, errors: 0 });
    const audited = (await db.selectFrom('audit_log').select('id').execute()).length;
    const again = await post(clerkA, '/api/registry/imports/staff?dryRun=0', file);
    expect(again.json<Report>().summary).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
    expect(await staffCount()).toBe(3);
    expect((await db.selectFrom('audit_log').select('id').execute()).length).toBe(audited);
  });

  it('refuses the import to a read-only role and to an anonymous caller', async () => {
    await makeUser(db, ids.THA!, 'teacher', 'giaovien.a');
    const teacher = await signIn(app, 'giaovien.a', 'mat-khau-rat-dai-1');
    const r = await post(teacher, '/api/registry/imports/staff?dryRun=1', await workbook([hoa]));
    expect(r.statusCode).toBe(403);
    const anonymous = await app.inject({
      method: 'GET',
      url: '/api/registry/imports/staff/template.xlsx',
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('gives a template with dropdowns of the own schools that imports back cleanly', async () => {
    const wb = await download(commune, '/api/registry/imports/staff/template.xlsx');
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...Object.values(STAFF_HEADERS)]);
    expect(sheet.getCell(2, 4).dataValidation.formulae).toEqual(['"Nam,Nữ"']);
    expect(sheet.getCell(2, 6).dataValidation.formulae).toEqual([
      '"Giáo viên,Cán bộ quản lý,Nhân viên"',
    ]);
    expect(sheet.getCell(2, 1).dataValidation.formulae).toEqual(["'Danh mục'!$A$1:$A$2"]);
    const hidden = wb.getWorksheet('Danh mục')!;
    // The commune's two schools, not the other commune's.
    expect([
      hidden.getCell(1, 1).text,
      hidden.getCell(2, 1).text,
      hidden.getCell(3, 1).text,
    ]).toEqual(['THA', 'THB', '']);
    sheet.getRow(2).values = ['THB', 'Đặng Thị Giang', '09/09/1990', 'Nữ', '', 'Giáo viên', 'Toán'];
    sheet.getRow(3).values = ['THA', 'Hoàng Văn Khải', '10/10/1985', 'Nam', '', 'Nhân viên'];
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await post(commune, '/api/registry/imports/staff?dryRun=1', filled);
    expect(r.json<Report>()).toMatchObject({
      summary: { rows: 2, added: 2, errors: 0 },
      errorList: [],
    });
  });
});

describe('staff search and export', () => {
  // A's three come from the import tests above; B's two are made here.
  beforeAll(() =>
    makeStaff(
      db,
      {
        schoolId: ids.THB!,
        fullName: 'Nguyễn Thị Hoà',
        birthDate: '1987-03-12',
        personalId: '044187000123',
        mainSubject: 'Ngữ văn',
      },
      { schoolId: ids.THB!, fullName: 'Đỗ Thị Thu', birthDate: '1984-04-04', position: 'staff' },
    ),
  );

  interface Hits {
    total: number;
    items: {
      fullName: string;
      position: string;
      personalIdMasked: string | null;
      school: { code: string };
    }[];
  }
  const names = (body: unknown) => (body as Hits).items.map((i) => i.fullName);

  it('finds by partial name without diacritics, only within scope', async () => {
    const a = await clerkA.get('/api/registry/staff?q=nguyen%20th');
    expect(a.status).toBe(200);
    expect(names(a.body)).toEqual(['Nguyễn Thị Hoa']);
    const b = await clerkB.get('/api/registry/staff?q=nguyen%20th');
    expect(names(b.body)).toEqual(['Nguyễn Thị Hoà']);
    // The commune sees both schools.
    expect(names((await commune.get('/api/registry/staff?q=nguyen%20th')).body).sort()).toEqual([
      'Nguyễn Thị Hoa',
      'Nguyễn Thị Hoà',
    ]);
    // Everything A may see, page by page: never B's staff.
    const all = await clerkA.get('/api/registry/staff?pageSize=2&page=1');
    expect((all.body as Hits).total).toBe(3);
    const page2 = await clerkA.get('/api/registry/staff?pageSize=2&page=2');
    expect((page2.body as Hits).items).toHaveLength(1);
    for (const hit of [...(all.body as Hits).items, ...(page2.body as Hits).items])
      expect(hit.school.code).toBe('THA');
    expect((await clerkA.get(`/api/registry/staff?schoolId=${ids.THB!}`)).status).toBe(403);
  });

  it('finds by personal id (masked in the answer), date of birth, position and school', async () => {
    const byId = await clerkB.get('/api/registry/staff?q=044187000123');
    expect((byId.body as Hits).items).toEqual([
      expect.objectContaining({ fullName: 'Nguyễn Thị Hoà', personalIdMasked: '********0123' }),
    ]);
    expect(JSON.stringify(byId.body)).not.toContain('044187000123');
    expect((await clerkA.get('/api/registry/staff?q=044187000123')).body).toMatchObject({
      total: 0,
    });
    expect(names((await clerkA.get('/api/registry/staff?birthDate=01/06/1979')).body)).toEqual([
      'Trần Văn Bình',
    ]);
    expect((await clerkA.get('/api/registry/staff?birthDate=31/02/1979')).status).toBe(400);
    expect(names((await commune.get('/api/registry/staff?position=staff')).body).sort()).toEqual(
      ['Lê Thị An', 'Đỗ Thị Thu'].sort(),
    );
    const inB = await commune.get(`/api/registry/staff?schoolId=${ids.THB!}&active=1`);
    expect((inB.body as Hits).total).toBe(2);
    expect((await commune.get('/api/registry/staff?active=0')).body).toMatchObject({ total: 0 });
  });

  it('refuses an export over the row limit whole, never cut short', async () => {
    const scope = await scopeAt(db, ids.SGD!, 'department_staff');
    const all = await staffExportRows(db, scope, {});
    expect(all.length).toBeGreaterThan(1);
    await expect(staffExportRows(db, scope, {}, all.length - 1)).rejects.toThrow(
      /quá giới hạn của một tệp xuất/,
    );
  });

  it('exports within scope with Vietnamese headers, in Vietnamese name order', async () => {
    const wb = await download(commune, '/api/registry/staff/export.xlsx');
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'STT',
      'Mã trường',
      'Trường',
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Vị trí',
      'Môn dạy chính',
      'Trình độ',
      'Loại hợp đồng',
      'Trạng thái',
      'Cấp dạy',
    ]);
    const rows = [];
    for (let i = 2; i <= sheet.rowCount; i++)
      rows.push([sheet.getCell(i, 2).text, sheet.getCell(i, 4).text]);
    // By school, then given name (An, Bình, Hoa; Hoà, Thu).
    expect(rows).toEqual([
      ['THA', 'Lê Thị An'],
      ['THA', 'Trần Văn Bình'],
      ['THA', 'Nguyễn Thị Hoa'],
      ['THB', 'Nguyễn Thị Hoà'],
      ['THB', 'Đỗ Thị Thu'],
    ]);
    expect(sheet.getRow(3).getCell(5).text).toBe('01/06/1979');
    expect(sheet.getRow(3).getCell(7).text).toBe('Cán bộ quản lý');
    expect(sheet.getRow(2).getCell(11).text).toBe('Đang công tác');

    const own = await download(clerkA, '/api/registry/staff/export.xlsx?q=thi');
    const ownSheet = own.worksheets[0]!;
    expect(ownSheet.rowCount).toBe(3); // An and Hoa of A; never B's Hoà or Thu
    const refused = await app.inject({
      method: 'GET',
      url: `/api/registry/staff/export.xlsx?schoolId=${ids.THB!}`,
      headers: { cookie: clerkA.cookie },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('an exported list imports back unchanged', async () => {
    const exported = await app.inject({
      method: 'GET',
      url: '/api/registry/staff/export.xlsx',
      headers: { cookie: clerkA.cookie },
    });
    const r = await post(clerkA, '/api/registry/imports/staff?dryRun=1', exported.rawPayload);
    expect(r.json<Report>().summary).toMatchObject({ rows: 3, added: 0, unchanged: 3, errors: 0 });
  });
});

describe('import progress', () => {
  const lines = (body: string) =>
    body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ProgressLine);

  it('streams progress lines while a large staff list is read, checked and written', async () => {
    const rows: Row[] = [];
    for (let i = 0; i < 3000; i++)
      rows.push(['THA', `Phùng Văn Số ${i}`, '01/01/1980', 'Nam', '', 'Nhân viên']);
    const r = await post(
      clerkA,
      '/api/registry/imports/staff?dryRun=0&progress=1',
      await workbook(rows),
    );
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('application/x-ndjson');
    const steps = lines(r.body);
    expect(
      steps.map((s) => `${s.phase}:${s.rows}${'written' in s ? `:${s.written}` : ''}`),
    ).toEqual([
      'reading:0',
      'reading:1000',
      'reading:2000',
      'reading:3000',
      'reading:3000',
      'checking:3000',
      'writing:3000:0',
      'writing:3000:1000',
      'writing:3000:2000',
      'writing:3000:3000',
      'done:3000',
    ]);
    const last = steps.at(-1)!;
    expect(last.phase === 'done' && last.result.summary).toMatchObject({
      rows: 3000,
      errors: 0,
    });
    expect(await staffCount()).toBe(3005); // 3 of A, 2 of B, 3,000 new
  });

  it('streams a student file with errors to its report, and an unreadable file as failed', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('HS').addRow(['Mã trường', 'Lớp', 'Họ và tên', 'Ngày sinh', 'Giới tính']);
    wb.worksheets[0]!.addRow(['THB', '6A1', 'Đinh Văn Nam', '02/02/2014', 'Nam']);
    const r = await post(
      clerkA,
      '/api/registry/imports/students?year=2025-2026&dryRun=1&progress=1',
      Buffer.from(await wb.xlsx.writeBuffer()),
    );
    const last = lines(r.body).at(-1)!;
    expect(last.phase).toBe('done');
    expect(
      last.phase === 'done' &&
        last.result.errorList.map((e) => `${e.row}|${e.column}|${e.message}`),
    ).toContain('2|Mã trường|Trường "THB" nằm ngoài phạm vi quản lý của bạn.');

    const junk = await post(
      clerkA,
      '/api/registry/imports/staff?dryRun=1&progress=1',
      Buffer.from('không phải bảng tính'),
    );
    const failed = lines(junk.body).at(-1)!;
    expect(failed).toMatchObject({ phase: 'failed', error: { status: 400 } });
    expect(failed.phase === 'failed' && failed.error.detail).toContain('Không đọc được tệp');
    // Access is decided before the stream starts: a plain 403, no progress.
    await makeUser(db, ids.THA!, 'teacher', 'giaovien.a2');
    const teacher = await signIn(app, 'giaovien.a2', 'mat-khau-rat-dai-1');
    const refused = await post(
      teacher,
      '/api/registry/imports/staff?dryRun=1&progress=1',
      await workbook([hoa]),
    );
    expect(refused.statusCode).toBe(403);
  });
});
