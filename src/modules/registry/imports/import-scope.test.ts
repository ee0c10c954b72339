import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { systemActor, writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { uuidv7 } from '../../../lib/ids.ts';
import { buildApp, type App } from '../../../app/app.ts';
import { freshDatabase } from '../../../../test/helpers/db.ts';
import { makeTree, makeUser, SMALL_PROVINCE } from '../../../../test/helpers/fixtures.ts';
import { signIn, type Client } from '../../../../test/helpers/client.ts';
import { importStaff, STAFF_HEADERS } from './import-staff.ts';
import { annotatedWorkbook } from './annotate.ts';
import { importStudents, STUDENT_HEADERS, type StudentImportResult } from './import-students.ts';

/**
 * Issue #11, items 1–3: an import reaches only the caller's scope. A clerk of
 * school A (THA) against school B (THB), both under commune X01.
 */

let db: Db;
let close: () => Promise<void>;
let ids: Record<string, string>;
let paths: Record<string, string>;
const system = systemActor('test phạm vi nhập');
const YEAR = '2025-2026';
const CODE_MSG =
  'Mã học sinh này đã được dùng cho một học sinh không thuộc phạm vi của bạn; nếu học sinh chuyển đến, hãy dùng Chuyển trường';
const ID_MSG =
  'Số định danh cá nhân này đã được dùng cho một học sinh không thuộc phạm vi của bạn; nếu học sinh chuyển đến, hãy dùng Chuyển trường';

type Cell = string | number | null;
async function workbook(rows: Cell[][], headers: string[] = Object.values(STUDENT_HEADERS)) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Học sinh');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const importAs = (scopeCode: string | null, bytes: Buffer, dryRun: boolean) =>
  importStudents(db, bytes, {
    actor: system,
    schoolYear: YEAR,
    dryRun,
    createClasses: false,
    ...(scopeCode ? { scopePath: paths[scopeCode]! } : {}),
  });
/** The answer without its timing, to compare a dry run with the real import. */
const answer = (r: StudentImportResult) => ({
  ...r,
  applied: undefined,
  summary: { ...r.summary, ms: 0 },
});

// School B's pupil, whose code and personal id clerk A must not reach.
const khoa: Cell[] = [
  'THB',
  '6A1',
  'Phan Hữu Khoa',
  '02/02/2014',
  'Nam',
  '044214009999',
  '4400000001',
  'Kinh',
  'Đồng Hới',
  'Thôn 1',
  'Phan Văn Lực',
  '0912000001',
];
// School A's pupil.
const chau: Cell[] = [
  'THA',
  '3A',
  'Vũ Minh Châu',
  '10/10/2017',
  'Nữ',
  '044317000111',
  'A0001',
  'Kinh',
  '',
  'Thôn 7',
  '',
  '',
];
const row = (base: Cell[], changes: Partial<Record<keyof typeof STUDENT_HEADERS, Cell>>) => {
  const keys = Object.keys(STUDENT_HEADERS) as (keyof typeof STUDENT_HEADERS)[];
  return keys.map((k, i) => (k in changes ? changes[k]! : base[i]!));
};

/** Everything of B's pupil an import could change: the row, the enrolments, the audit entries. */
async function bState() {
  const student = await db
    .selectFrom('student')
    .selectAll()
    .where('student_code', '=', '4400000001')
    .executeTakeFirstOrThrow();
  const enrolments = await db
    .selectFrom('enrolment')
    .selectAll()
    .where('student_id', '=', student.id)
    .execute();
  const audit = await db.selectFrom('audit_log').select(['id', 'org_unit_id']).execute();
  return { student, enrolments, audit };
}

const addClass = (schoolId: string, name: string, grade: number) =>
  writeTransaction(db, system, (tx) =>
    tx
      .insertInto('class')
      .values({
        school_id: schoolId,
        id: uuidv7(),
        school_year: YEAR,
        name,
        grade,
        homeroom_staff_id: null,
      })
      .execute(),
  );

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  paths = Object.fromEntries(
    (await db.selectFrom('org_unit').select(['code', 'path']).execute()).map((u) => [
      u.code,
      u.path,
    ]),
  );
  await addClass(ids.THA!, '3A', 3);
  await addClass(ids.THA!, '3B', 3);
  await addClass(ids.THB!, '6A1', 6);
  const seeded = await importAs(null, await workbook([khoa, chau]), false);
  expect(seeded.summary).toMatchObject({ added: 2, errors: 0 });
});
afterAll(async () => close?.());

describe('a school clerk cannot reach another school through the student import', () => {
  it("refuses school B's student code, naming no one, and changes nothing of B's pupil", async () => {
    const before = await bState();
    const file = await workbook([
      ['THA', '3A', 'Lê Văn Tèo', '02/02/2017', 'Nam', '', '4400000001', '', '', '', '', ''],
    ]);
    for (const dryRun of [true, false]) {
      const result = await importAs('THA', file, dryRun);
      expect(result.applied).toBe(false);
      expect(result.errorList).toEqual([
        { row: 2, column: STUDENT_HEADERS.studentCode, message: CODE_MSG },
      ]);
      expect(result.summary).toMatchObject({ added: 0, updated: 0, unchanged: 0, errors: 1 });
    }
    expect(await bState()).toEqual(before);
  });

  it("refuses school B's personal id the same way", async () => {
    const before = await bState();
    const file = await workbook([
      ['THA', '3A', 'Lê Văn Tèo', '02/02/2014', 'Nam', '044214009999', '', '', '', '', '', ''],
    ]);
    for (const dryRun of [true, false]) {
      const result = await importAs('THA', file, dryRun);
      expect(result.errorList).toEqual([
        { row: 2, column: STUDENT_HEADERS.personalId, message: ID_MSG },
      ]);
    }
    expect(await bState()).toEqual(before);
  });

  it("never names B's pupil when a reachable personal id is paired with B's code", async () => {
    const file = await workbook([row(chau, { studentCode: '4400000001' })]);
    const dry = await importAs('THA', file, true);
    const real = await importAs('THA', file, false);
    const text = JSON.stringify(dry) + JSON.stringify(real);
    expect(text).not.toContain('Khoa');
    expect(text).not.toContain('THB');
    expect(dry.errorList).toEqual([
      { row: 2, column: STUDENT_HEADERS.studentCode, message: CODE_MSG },
    ]);
    expect(answer(dry)).toEqual(answer(real));
  });

  it('gives the counts of any refused file, whether the code exists elsewhere or not', async () => {
    // Châu's address changes, and a second row carries either B's code or a
    // code used nowhere, in a class that does not exist: the same summary.
    const moved = row(chau, { address: 'Thôn 8' });
    const withB = await workbook([
      moved,
      ['THA', '3A', 'Lê Văn Tèo', '02/02/2017', 'Nam', '', '4400000001', '', '', '', '', ''],
    ]);
    const withRepeat = await workbook([
      moved,
      ['THA', '3Z', 'Lê Văn Tèo', '02/02/2017', 'Nam', '', 'Z9999', '', '', '', '', ''],
    ]);
    for (const dryRun of [true, false]) {
      const a = await importAs('THA', withB, dryRun);
      const b = await importAs('THA', withRepeat, dryRun);
      expect(a.summary).toEqual({ ...b.summary, ms: a.summary.ms });
      expect(a.summary).toMatchObject({ added: 0, updated: 0, unchanged: 0, errors: 1 });
    }
  });

  it('moves no student between schools of one scope: that is a transfer', async () => {
    // A commune officer (X01 holds A and B) lists B's pupil under school A.
    const before = await bState();
    const file = await workbook([row(khoa, { schoolCode: 'THA', className: '3A' })]);
    for (const dryRun of [true, false]) {
      const result = await importAs('X01', file, dryRun);
      expect(result.errorList).toContainEqual({
        row: 2,
        column: STUDENT_HEADERS.schoolCode,
        message:
          'Học sinh này đang học ở trường THB; nhập danh sách không chuyển trường học sinh: hãy dùng Chuyển trường.',
      });
    }
    expect(await bState()).toEqual(before);
  });
});

describe('identity conflicts and the changes a dry run lists', () => {
  it('refuses a known personal id whose name and date of birth both differ', async () => {
    const file = await workbook([
      row(chau, { fullName: 'Trịnh Thu Trang', birthDate: '05/05/2017', studentCode: '' }),
    ]);
    const result = await importAs('THA', file, true);
    expect(result.errorList).toEqual([
      {
        row: 2,
        column: STUDENT_HEADERS.personalId,
        message:
          'Mã định danh cá nhân 044317000111 đã thuộc học sinh Vũ Minh Châu (sinh 10/10/2017), khác cả họ tên và ngày sinh trên dòng này: kiểm tra lại mã định danh cá nhân.',
      },
    ]);
  });

  it('keeps a change of only the name, or only the date, an update, and lists every change', async () => {
    const renamed = await importAs(
      'THA',
      await workbook([row(chau, { fullName: 'Vũ Minh Châu Anh', className: '3B' })]),
      true,
    );
    expect(renamed.summary).toMatchObject({ updated: 1, errors: 0 });
    expect(renamed.changes).toEqual([
      {
        row: 2,
        student: 'Vũ Minh Châu',
        fields: [
          { column: STUDENT_HEADERS.className, before: '3A', after: '3B' },
          { column: STUDENT_HEADERS.fullName, before: 'Vũ Minh Châu', after: 'Vũ Minh Châu Anh' },
        ],
      },
    ]);
    const redated = await importAs(
      'THA',
      await workbook([row(chau, { birthDate: '11/10/2017', phone: '0912000002' })]),
      true,
    );
    expect(redated.changes).toEqual([
      {
        row: 2,
        student: 'Vũ Minh Châu',
        fields: [
          { column: STUDENT_HEADERS.birthDate, before: '10/10/2017', after: '11/10/2017' },
          { column: STUDENT_HEADERS.phone, before: null, after: '0912000002' },
        ],
      },
    ]);
    // The annotated workbook of the dry run shows them too.
    const bytes = await workbook([row(chau, { fullName: 'Vũ Minh Châu Anh', className: '3B' })]);
    const annotated = new ExcelJS.Workbook();
    await annotated.xlsx.load(
      (await annotatedWorkbook(
        bytes,
        renamed.errorList,
        renamed.changes,
      )) as unknown as ArrayBuffer,
    );
    const sheet = annotated.worksheets[0]!;
    expect(sheet.getRow(1).getCell(14).value).toBe('Thay đổi');
    expect(sheet.getRow(2).getCell(14).text).toBe(
      'Lớp: 3A → 3B\nHọ và tên: Vũ Minh Châu → Vũ Minh Châu Anh',
    );
  });
});

describe('the staff import: a dry run and the real import agree', () => {
  const staffRow = (school: string, personalId: string) => [
    school,
    'Lương Thị Mai',
    '04/04/1988',
    'Nữ',
    personalId,
    'Giáo viên',
    'Toán',
    '',
    '',
  ];
  const staffFile = async (r: Cell[]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Cán bộ');
    ws.addRow(Object.values(STAFF_HEADERS));
    ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  it("answers another school's staff personal id with one row error naming no one", async () => {
    const seeded = await importStaff(
      db,
      Readable.from(await staffFile(staffRow('THB', '044188000321'))),
      {
        actor: system,
        dryRun: false,
      },
    );
    expect(seeded.summary).toMatchObject({ added: 1 });
    const before = await db.selectFrom('staff').selectAll().execute();
    const file = await staffFile(staffRow('THA', '044188000321'));
    const results = [];
    for (const dryRun of [true, false])
      results.push(
        await importStaff(db, Readable.from(file), {
          actor: system,
          dryRun,
          scopePath: paths.THA!,
        }),
      );
    for (const r of results) {
      expect(r.applied).toBe(false);
      expect(r.summary).toMatchObject({ added: 0, updated: 0, errors: 1 });
      expect(r.errorList).toEqual([
        {
          row: 2,
          column: STAFF_HEADERS.personalId,
          message:
            'Số định danh cá nhân này đã được dùng cho một người không thuộc phạm vi của bạn; kiểm tra lại số định danh.',
        },
      ]);
    }
    expect(await db.selectFrom('staff').selectAll().execute()).toEqual(before);
  });
});

describe('over HTTP, as school A’s clerk', () => {
  let app: App;
  let clerk: Client;
  beforeAll(async () => {
    await makeUser(db, ids.THA!, 'school_staff', 'vanthu.pham.vi');
    app = await buildApp({ db, webDir: null });
    // Signed in first: a sign-in is audited too, and the audit must not move below.
    clerk = await signIn(app, 'vanthu.pham.vi', 'mat-khau-rat-dai-1');
  });
  afterAll(async () => app?.close());

  const post = async (rows: Cell[][], dryRun: string) => {
    const bytes = await workbook(rows);
    const boundary = '----sogd';
    return app.inject({
      method: 'POST',
      url: `/api/registry/imports/students?year=${YEAR}&dryRun=${dryRun}`,
      headers: {
        cookie: clerk.cookie,
        'x-csrf-token': clerk.csrfToken,
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
  };

  it("refuses B's student code in a dry run and in the import, and B's pupil stays as it was", async () => {
    const before = await bState();
    const rows = [
      ['THA', '3A', 'Phan Hữu Khoa', '02/02/2017', 'Nam', '', '4400000001', '', '', '', '', ''],
    ];
    for (const dryRun of ['1', '0']) {
      const response = await post(rows, dryRun);
      expect(response.statusCode).toBe(422);
      const body = response.json<StudentImportResult>();
      expect(body.errorList).toEqual([
        { row: 2, column: STUDENT_HEADERS.studentCode, message: CODE_MSG },
      ]);
      expect(body.summary).toMatchObject({ added: 0, updated: 0 });
    }
    expect(await bState()).toEqual(before);
  });

  it('lists what an update changes in the dry run’s answer', async () => {
    const response = await post([row(chau, { address: 'Thôn 9' })], '1');
    expect(response.statusCode).toBe(200);
    expect(response.json<StudentImportResult>().changes).toEqual([
      {
        row: 2,
        student: 'Vũ Minh Châu',
        fields: [{ column: STUDENT_HEADERS.address, before: 'Thôn 7', after: 'Thôn 9' }],
      },
    ]);
  });
});
