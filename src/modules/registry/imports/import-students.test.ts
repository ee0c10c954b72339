import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { systemActor, writeTransaction } from '../../../db/actor.ts';
import { copyRowsFor } from '../../../db/copy.ts';
import type { Db } from '../../../db/connection.ts';
import { uuidv7 } from '../../../lib/ids.ts';
import { UnreadableWorkbookError } from '../../../lib/xlsx.ts';
import { freshDatabase } from '../../../../test/helpers/db.ts';
import { makeTree, scopeAt, SMALL_PROVINCE } from '../../../../test/helpers/fixtures.ts';
import { listAudit } from '../../orgs/index.ts';
import { annotatedWorkbook } from './annotate.ts';
import { importStudents, STUDENT_HEADERS } from './import-students.ts';

let db: Db;
let close: () => Promise<void>;
let ids: Record<string, string>;
const actor = systemActor('test nhập học sinh');
const YEAR = '2025-2026';
const H = Object.values(STUDENT_HEADERS);

async function workbook(
  rows: (string | number | Date | null)[][],
  headers: string[] = H,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Học sinh');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const run = (bytes: Buffer, extra: Partial<Parameters<typeof importStudents>[2]> = {}) =>
  importStudents(db, Readable.from(bytes), {
    actor,
    schoolYear: YEAR,
    dryRun: false,
    createClasses: false,
    ...extra,
  });
const count = async (table: 'student' | 'enrolment' | 'class' | 'audit_log') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A class of a school for a year, as a clerk would create it before importing. */
const addClass = (target: Db, schoolId: string, year: string, name: string, grade: number) =>
  writeTransaction(target, actor, (tx) =>
    tx
      .insertInto('class')
      .values({
        school_id: schoolId,
        id: uuidv7(),
        school_year: year,
        name,
        grade,
        homeroom_staff_id: null,
      })
      .execute(),
  );

// Two grade-6 pupils of school THB (born 2014), one with a personal id, one with a code.
const lan = [
  'THB',
  '6A1',
  'Nguyễn Thị Lan',
  '12/03/2014',
  'Nữ',
  '044314001234',
  '',
  'Kinh',
  'Đồng Hới',
  'Thôn 3',
  'Nguyễn Văn Hải',
  '0912345678',
];
const minh = [
  'THB',
  '6A1',
  'Trần Quang Minh',
  new Date(Date.UTC(2014, 6, 1)),
  'Nam',
  '',
  'HS0000123',
  "H'Mông",
  '',
  '',
  '',
  '',
];

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  await addClass(db, ids.THB!, YEAR, '6A1', 6);
});
afterAll(async () => close?.());

describe('student list import (formats/student-import.md)', () => {
  it('adds new students, and a second import of the same file changes nothing', async () => {
    const file = await workbook([lan, minh]);
    const dry = await run(file, { dryRun: true });
    expect(dry.summary).toMatchObject({ rows: 2, added: 2, errors: 0 });
    expect(await count('student')).toBe(0);
    const first = await run(file);
    expect(first.summary).toMatchObject({ rows: 2, added: 2, updated: 0, unchanged: 0, errors: 0 });
    expect(await count('enrolment')).toBe(2);
    // Audited as one entry per school for the rows a statement adds (migration 2026112504).
    const created = await db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'entity_ids', 'org_unit_id', 'actor_name'])
      .where('entity_type', '=', 'student')
      .execute();
    const studentIds = (await db.selectFrom('student').select('id').orderBy('id').execute()).map(
      (s) => s.id,
    );
    expect(created).toEqual([
      {
        action: 'insert_many',
        entity_id: '*',
        entity_ids: studentIds,
        org_unit_id: ids.THB,
        actor_name: actor.name,
      },
    ]);
    const audit = await count('audit_log');
    const again = await run(file);
    expect(again.summary).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect(await count('audit_log')).toBe(audit);
    const moved = await run(
      await workbook([[...lan.slice(0, 9), 'Thôn 5', ...lan.slice(10)], minh]),
    );
    expect(moved.summary).toMatchObject({ added: 0, updated: 1, unchanged: 1 });
    const row = await db
      .selectFrom('student')
      .selectAll()
      .where('personal_id', '=', '044314001234')
      .executeTakeFirstOrThrow();
    expect(row.address).toBe('Thôn 5');
    expect(row.given_name).toBe('Lan');
    // Her history: the change row by row, then the entry that created her with the others.
    const history = await listAudit(db, await scopeAt(db, ids.SGD!, 'department_admin'), {
      entityType: 'student',
      entityId: row.id,
      page: 1,
      pageSize: 10,
    });
    expect(history.items.map((e) => [e.action, e.rows])).toEqual([
      ['update', 1],
      ['insert_many', 2],
    ]);
    expect(history.items[0]).toMatchObject({
      entityId: row.id,
      before: { address: 'Thôn 3' },
      after: { address: 'Thôn 5' },
    });
  });

  it('reports every error at once with row and column, in Vietnamese, and writes nothing', async () => {
    const before = await count('student');
    const file = await workbook([
      ['KHONGCO', '6A1', 'Lê Văn A', '01/01/2014', 'Nam', '', '', '', '', '', '', ''],
      ['THB', '9Z9', 'Lê Văn B', '01/01/2014', 'Nam', '', '', '', '', '', '', ''],
      ['THB', '6A1', 'Lê Văn C', '31/02/2014', 'Nam', '', '', '', '', '', '', ''],
      ['THB', '6A1', 'Lê Thị D', '01/01/2014', 'Nữ', '044214000001', '', '', '', '', '', ''],
      ['THB', '6A1', 'Lê Văn E', '01/01/2014', 'Nam', '', 'HS1', '', '', '', '', '0123'],
      ['THB', '6A1', 'Lê Văn G', '01/01/2014', 'Nam', '', 'HS1', '', '', '', '', ''],
      ['THB', '6A1', 'Lê Văn H', '01/01/2020', 'Trai', '', '', '', '', '', '', ''],
    ]);
    const result = await run(file);
    expect(result.applied).toBe(false);
    const lines = result.errorList.map((e) => `${e.row}|${e.column}|${e.message}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^2\|Mã trường\|Không có trường mã "KHONGCO"/),
        expect.stringMatching(/^3\|Lớp\|Lớp "9Z9" chưa có ở trường THB năm học 2025-2026/),
        expect.stringMatching(/^4\|Ngày sinh\|"31\/02\/2014" không phải ngày có thật/),
        expect.stringMatching(/^5\|Mã định danh cá nhân\|Chữ số thứ 4 là 2/),
        expect.stringMatching(/^6\|Số điện thoại\|/),
        expect.stringMatching(/^7\|Mã học sinh\|Mã học sinh HS1 trùng với dòng 6/),
        expect.stringMatching(/^8\|Giới tính\|Giới tính "Trai" không hợp lệ/),
        expect.stringMatching(/^8\|Ngày sinh\|Tuổi 5 .* khối 6/),
      ]),
    );
    expect(result.summary.errors).toBe(result.errorList.length);
    expect(await count('student')).toBe(before);
    // The annotated copy: a "Lỗi" column with each row's messages.
    const annotated = new ExcelJS.Workbook();
    await annotated.xlsx.load(
      (await annotatedWorkbook(file, result.errorList)) as unknown as ArrayBuffer,
    );
    const sheet = annotated.worksheets[0]!;
    expect(sheet.getRow(1).getCell(13).value).toBe('Lỗi');
    expect(sheet.getRow(4).getCell(13).text).toContain('Ngày sinh: "31/02/2014"');
  });

  it('creates missing classes when asked, grade from the leading number', async () => {
    const file = await workbook([
      ['THB', '7A2', 'Phạm Thu Hà', '05/05/2013', 'Nữ', '', '', '', '', '', '', ''],
    ]);
    expect((await run(file)).errorList[0]?.column).toBe('Lớp');
    const created = await run(file, { createClasses: true });
    expect(created.summary).toMatchObject({ added: 1, errors: 0 });
    const cls = await db
      .selectFrom('class')
      .selectAll()
      .where('name', '=', '7A2')
      .executeTakeFirstOrThrow();
    expect(cls.grade).toBe(7);
  });

  it('leaves the name index merged and the pending-list setting as it was', async () => {
    const file = await workbook([
      ['THB', '6A1', 'Đinh Bảo Ngọc', '01/02/2014', 'Nữ', '', 'HS0000777', '', '', '', '', ''],
    ]);
    expect((await run(file)).summary).toMatchObject({ added: 1, errors: 0 });
    // Nothing left to move from the trigram index's pending list: the import merged it.
    const { rows } = await sql<{
      pages: string;
    }>`SELECT gin_clean_pending_list('student_search_trgm_idx'::regclass) AS pages`.execute(db);
    expect(Number(rows[0]!.pages)).toBe(0);
    const setting = await sql<{
      limit: string;
    }>`SELECT current_setting('gin_pending_list_limit') AS limit`.execute(db);
    expect(setting.rows[0]!.limit).toBe('4MB');
  });

  it("refuses another school's rows for a clerk scoped to school A", async () => {
    const a = await db
      .selectFrom('org_unit')
      .select('path')
      .where('id', '=', ids.THA!)
      .executeTakeFirstOrThrow();
    const result = await run(await workbook([lan]), { scopePath: a.path });
    expect(result.errorList[0]).toMatchObject({ row: 2, column: 'Mã trường' });
    expect(result.errorList[0]!.message).toContain('ngoài phạm vi');
  });

  it('refuses a file that is not a workbook', async () => {
    await expect(run(Buffer.from('Mã trường,Lớp\nTHB,6A1\n'))).rejects.toBeInstanceOf(
      UnreadableWorkbookError,
    );
  });

  it('enrols known students for the next school year, keeping the year before', async () => {
    const next = '2026-2027';
    await addClass(db, ids.THB!, next, '7A1', 7);
    const before = await count('student');
    const promoted = [lan, minh].map((r) => ['THB', '7A1', ...r.slice(2)]);
    const result = await run(await workbook(promoted), { schoolYear: next });
    expect(result.summary).toMatchObject({ added: 0, updated: 2, unchanged: 0, errors: 0 });
    expect(await count('student')).toBe(before);
    const years = await db
      .selectFrom('enrolment')
      .innerJoin('class', 'class.id', 'enrolment.class_id')
      .innerJoin('student', 'student.id', 'enrolment.student_id')
      .select(['student.full_name', 'enrolment.school_year', 'class.name'])
      .where('student.full_name', 'in', ['Nguyễn Thị Lan', 'Trần Quang Minh'])
      .orderBy('student.full_name')
      .orderBy('enrolment.school_year')
      .execute();
    expect(years.map((y) => [y.full_name, y.school_year, y.name])).toEqual([
      ['Nguyễn Thị Lan', YEAR, '6A1'],
      ['Nguyễn Thị Lan', next, '7A1'],
      ['Trần Quang Minh', YEAR, '6A1'],
      ['Trần Quang Minh', next, '7A1'],
    ]);
    const again = await run(await workbook(promoted), { schoolYear: next });
    expect(again.summary).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
  });

  it("refuses a row whose student code is another known student's", async () => {
    const audit = await count('audit_log');
    // Lan's personal id with Minh's student code: two different students.
    const mixed = [...lan.slice(0, 6), 'HS0000123', ...lan.slice(7)];
    const result = await run(await workbook([mixed]));
    expect(result.applied).toBe(false);
    expect(result.errorList).toEqual([
      {
        row: 2,
        column: STUDENT_HEADERS.studentCode,
        message: 'Mã học sinh HS0000123 đang thuộc học sinh khác (Trần Quang Minh).',
      },
    ]);
    expect(await count('audit_log')).toBe(audit);
  });
});

describe('a first load into an empty registry', () => {
  it('creates each missing class once and enrols its students in it', async () => {
    const empty = await freshDatabase();
    try {
      const tree = await makeTree(empty.db, SMALL_PROVINCE);
      const pupil = (cls: string, name: string, born: string, gender: string) => [
        'THB',
        cls,
        name,
        born,
        gender,
        ...Array<string>(7).fill(''),
      ];
      const file = await workbook([
        pupil('7A2', 'Phạm Thu Hà', '05/05/2013', 'Nữ'),
        pupil('8A1', 'Đỗ Văn An', '07/07/2012', 'Nam'),
        pupil('7A2', 'Lê Minh Khôi', '06/06/2013', 'Nam'),
      ]);
      const result = await importStudents(empty.db, Readable.from(file), {
        actor,
        schoolYear: YEAR,
        dryRun: false,
        createClasses: true,
      });
      expect(result.summary).toMatchObject({ added: 3, updated: 0, errors: 0 });
      const classes = await empty.db
        .selectFrom('class')
        .select(['id', 'name', 'grade'])
        .where('school_id', '=', tree.THB!)
        .orderBy('name')
        .execute();
      expect(classes.map((c) => [c.name, c.grade])).toEqual([
        ['7A2', 7],
        ['8A1', 8],
      ]);
      const classOf = new Map(classes.map((c) => [c.id, c.name]));
      const enrolled = await empty.db
        .selectFrom('enrolment')
        .innerJoin('student', 'student.id', 'enrolment.student_id')
        .select(['student.full_name', 'enrolment.class_id', 'enrolment.school_year'])
        .execute();
      // Sorted here: the two databases order Đ differently.
      expect(
        enrolled.map((e) => [e.full_name, classOf.get(e.class_id), e.school_year]).sort(),
      ).toEqual([
        ['Lê Minh Khôi', '7A2', YEAR],
        ['Phạm Thu Hà', '7A2', YEAR],
        ['Đỗ Văn An', '8A1', YEAR],
      ]);
    } finally {
      await empty.close();
    }
  });

  // A first load goes through COPY's text format; a database handle that
  // copy.ts cannot reach (as behind a connection pooler) inserts from JSON
  // instead. Both must store each cell exactly as checked.
  it.each([
    ['COPY', false],
    ['INSERT from JSON', true],
  ])(
    'stores every column as written through %s, backslashes and empty cells included',
    async (_way, untracked) => {
      const empty = await freshDatabase();
      try {
        // Same connection, another handle: unknown to copy.ts.
        const handle = untracked
          ? empty.db.withPlugin({
              transformQuery: (args) => args.node,
              transformResult: (args) => Promise.resolve(args.result),
            })
          : empty.db;
        await handle.transaction().execute(async (tx) => {
          expect((await copyRowsFor(handle, tx)) === null).toBe(untracked);
        });
        const tree = await makeTree(empty.db, SMALL_PROVINCE);
        await addClass(empty.db, tree.THB!, YEAR, '6A1', 6);
        const odd = [
          'THB',
          '6A1',
          '  Nguyễn   Thị  Lan ',
          '12/03/2014',
          'Nữ',
          '044314001234',
          'HS01',
          "H'Mông",
          'Xóm 5\\7, "Hòa Bình"',
          'Ngõ 12\\N',
          "Nguyễn Văn O'Hải",
          '0912.345.678',
        ];
        const result = await importStudents(handle, Readable.from(await workbook([odd, minh])), {
          actor,
          schoolYear: YEAR,
          dryRun: false,
          createClasses: false,
        });
        expect(result.summary).toMatchObject({ added: 2, errors: 0 });
        const stored = await empty.db
          .selectFrom('student')
          .innerJoin('enrolment', 'enrolment.student_id', 'student.id')
          .select([
            'student.school_id',
            'personal_id',
            'student_code',
            'full_name',
            'family_name',
            'middle_name',
            'given_name',
            'search_name',
            'birth_date',
            'gender',
            'ethnicity',
            'birth_place',
            'address',
            'guardian_name',
            'phone',
            'status',
            'enrolment.school_year',
            'enrolment.school_id as enrolment_school',
          ])
          .orderBy('birth_date')
          .execute();
        expect(stored).toEqual([
          {
            school_id: tree.THB,
            personal_id: '044314001234',
            student_code: 'HS01',
            full_name: 'Nguyễn Thị Lan',
            family_name: 'Nguyễn',
            middle_name: 'Thị',
            given_name: 'Lan',
            search_name: 'nguyen thi lan',
            birth_date: '2014-03-12',
            gender: 'female',
            ethnicity: "H'Mông",
            birth_place: 'Xóm 5\\7, "Hòa Bình"',
            address: 'Ngõ 12\\N',
            guardian_name: "Nguyễn Văn O'Hải",
            phone: '0912345678',
            status: 'studying',
            school_year: YEAR,
            enrolment_school: tree.THB,
          },
          {
            school_id: tree.THB,
            personal_id: null,
            student_code: 'HS0000123',
            full_name: 'Trần Quang Minh',
            family_name: 'Trần',
            middle_name: 'Quang',
            given_name: 'Minh',
            search_name: 'tran quang minh',
            birth_date: '2014-07-01',
            gender: 'male',
            ethnicity: "H'Mông",
            birth_place: null,
            address: null,
            guardian_name: null,
            phone: null,
            status: 'studying',
            school_year: YEAR,
            enrolment_school: tree.THB,
          },
        ]);
      } finally {
        await empty.close();
      }
    },
  );
});
