import type { Writable } from 'node:stream';
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { formatVietnameseDate, parseVietnameseDate } from '../../lib/dates.ts';
import { searchKey, sortByVietnameseName } from '../../lib/vietnamese.ts';
import { writeSimpleWorkbook } from '../../lib/xlsx.ts';
import { badRequest } from '../../core/errors.ts';
import type { Scope } from '../../core/access/scope.ts';
import { GENDER_LABELS, STUDENT_STATUS_LABELS } from './labels.ts';
import type { StudentHit } from './contract.ts';
export type { StudentHit } from './contract.ts';

/**
 * Student search across the caller's scope: by name (diacritics ignored,
 * every word of the query part of the name), personal id, student code and
 * date of birth. Personal ids come back masked (least exposure).
 */

export interface StudentQuery {
  q?: string | undefined;
  birthDate?: string | undefined;
  schoolId?: string | undefined;
  classId?: string | undefined;
  schoolYear: string;
  page: number;
  pageSize: number;
  /** Count matches up to this many (default SEARCH_COUNT_CAP; tests lower it). */
  countCap?: number | undefined;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
export const maskPersonalId = (id: string | null) => (id ? `********${id.slice(-4)}` : null);

/** The students matching `query` inside the scope, without joins (counting needs none). */
function matching(db: Db, scope: Scope, query: StudentQuery) {
  let q = db.selectFrom('student').where(scope.unitCondition('student.school_id'));
  const text = query.q?.trim() ?? '';
  if (/^\d{12}$/.test(text)) q = q.where('student.personal_id', '=', text);
  else if (text) {
    const words = searchKey(text).split(' ').filter(Boolean);
    q = q.where((eb) =>
      eb.or([
        eb('student.student_code', '=', text),
        eb.and(
          words.map((w) =>
            // A fragment of one or two letters ("le", "vu") matches the start
            // of a word: inside words it would match nearly everyone, and the
            // trigram index could not narrow it down.
            w.length < 3
              ? eb.or([
                  eb('student.search_name', 'like', `${escapeLike(w)}%`),
                  eb('student.search_name', 'like', `% ${escapeLike(w)}%`),
                ])
              : eb('student.search_name', 'like', `%${escapeLike(w)}%`),
          ),
        ),
      ]),
    );
  }
  if (query.birthDate) {
    const iso = parseVietnameseDate(query.birthDate);
    if (!iso) throw badRequest('Ngày sinh cần dạng dd/mm/yyyy.');
    q = q.where('student.birth_date', '=', iso);
  }
  if (query.schoolId) q = q.where('student.school_id', '=', query.schoolId);
  if (query.classId)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('enrolment')
          .select(sql.lit(1).as('one'))
          .whereRef('enrolment.student_id', '=', 'student.id')
          .where('enrolment.school_year', '=', query.schoolYear)
          .where('enrolment.class_id', '=', query.classId!),
      ),
    );
  return q;
}

function baseQuery(db: Db, scope: Scope, query: StudentQuery) {
  return matching(db, scope, query)
    .innerJoin('org_unit', 'org_unit.id', 'student.school_id')
    .leftJoin('enrolment', (join) =>
      join
        .onRef('enrolment.student_id', '=', 'student.id')
        .on('enrolment.school_year', '=', query.schoolYear),
    )
    .leftJoin('class', 'class.id', 'enrolment.class_id');
}

/**
 * A search reads at most this many matches: counted exactly up to it, the
 * page sorted by name among them; beyond it the page says "more than" and
 * asks for more words.
 */
export const SEARCH_COUNT_CAP = 1_000;

export async function searchStudents(
  db: Db,
  scope: Scope,
  query: StudentQuery,
): Promise<{ items: StudentHit[]; total: number; totalCapped: boolean }> {
  scope.require('registry.read');
  if (query.schoolId) await scope.requireUnit(db, query.schoolId, 'registry.read');
  // A broad word ("anh", "nguyen van") matches tens of thousands of students:
  // counting, sorting or joining all of them is what made such searches slow.
  // So the first cap + 1 matches found are taken (the database stops there),
  // counted and sorted by name for the page, and only the page's rows are
  // joined to their school and class.
  const cap = query.countCap ?? SEARCH_COUNT_CAP;
  const page = await db
    .with('m', () =>
      matching(db, scope, query)
        .select(['student.id', 'student.search_name'])
        .limit(cap + 1),
    )
    .selectFrom('m')
    .select(['m.id', sql<string>`(SELECT count(*) FROM m)`.as('n')])
    .orderBy('m.search_name')
    .orderBy('m.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const matches = page.length
    ? Number(page[0]!.n)
    : Number(
        (
          await db
            .selectFrom(
              matching(db, scope, query)
                .select(sql.lit(1).as('one'))
                .limit(cap + 1)
                .as('m'),
            )
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
  const rows = page.length
    ? await db
        .selectFrom('student')
        .innerJoin('org_unit', 'org_unit.id', 'student.school_id')
        .leftJoin('enrolment', (join) =>
          join
            .onRef('enrolment.student_id', '=', 'student.id')
            .on('enrolment.school_year', '=', query.schoolYear),
        )
        .leftJoin('class', 'class.id', 'enrolment.class_id')
        .select([
          'student.id',
          'student.full_name',
          'student.birth_date',
          'student.gender',
          'student.status',
          'student.student_code',
          'student.personal_id',
          'student.version',
          'org_unit.id as school_id',
          'org_unit.code as school_code',
          'org_unit.name as school_name',
          'class.name as class_name',
        ])
        .where(
          'student.id',
          'in',
          page.map((r) => r.id),
        )
        .execute()
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    total: Math.min(matches, cap),
    totalCapped: matches > cap,
    items: page
      .map((p) => byId.get(p.id)!)
      .map((r) => ({
        id: r.id,
        fullName: r.full_name,
        birthDate: r.birth_date,
        gender: r.gender,
        status: r.status,
        studentCode: r.student_code,
        personalIdMasked: maskPersonalId(r.personal_id),
        school: { id: r.school_id, code: r.school_code, name: r.school_name },
        className: r.class_name,
        version: r.version,
      })),
  };
}

/**
 * Any student list (a class, a school, a search) as xlsx with Vietnamese
 * headers, in class-list order (given name, middle, family). At most 200,000
 * rows in one file.
 */
/** Rows one export file takes; a larger list is refused, never cut short. */
export const EXPORT_MAX_ROWS = 200_000;

/** The rows of an export, in class-list order; a 400 naming the count when over the limit. */
export async function studentExportRows(
  db: Db,
  scope: Scope,
  query: Omit<StudentQuery, 'page' | 'pageSize'>,
  maxRows = EXPORT_MAX_ROWS,
) {
  scope.require('registry.read');
  if (query.schoolId) await scope.requireUnit(db, query.schoolId, 'registry.read');
  const rows = await baseQuery(db, scope, { ...query, page: 1, pageSize: 1 })
    .select([
      'student.full_name',
      'student.birth_date',
      'student.gender',
      'student.status',
      'student.student_code',
      'student.ethnicity',
      'student.address',
      'org_unit.code as school_code',
      'class.name as class_name',
    ])
    .orderBy(sql`class.name`)
    .limit(maxRows + 1)
    .execute();
  if (rows.length > maxRows)
    throw badRequest(
      `Danh sách có hơn ${maxRows.toLocaleString('vi-VN')} học sinh, quá giới hạn của một tệp xuất: hãy lọc theo trường, lớp hoặc gõ thêm tên.`,
    );
  return sortByVietnameseName(rows, (r) => r.full_name).sort((a, b) =>
    (a.class_name ?? '').localeCompare(b.class_name ?? '', 'vi', { numeric: true }),
  );
}

export async function writeStudentExport(
  sorted: Awaited<ReturnType<typeof studentExportRows>>,
  out: Writable,
): Promise<number> {
  await writeSimpleWorkbook(
    out,
    'Học sinh',
    [
      'STT',
      'Mã trường',
      'Lớp',
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Dân tộc',
      'Mã học sinh',
      'Địa chỉ',
      'Trạng thái',
    ],
    sorted.map((r, i) => [
      i + 1,
      r.school_code,
      r.class_name,
      r.full_name,
      formatVietnameseDate(r.birth_date),
      GENDER_LABELS[r.gender],
      r.ethnicity,
      r.student_code,
      r.address,
      STUDENT_STATUS_LABELS[r.status],
    ]),
  );
  return sorted.length;
}

export async function exportStudents(
  db: Db,
  scope: Scope,
  query: Omit<StudentQuery, 'page' | 'pageSize'>,
  out: Writable,
): Promise<number> {
  return writeStudentExport(await studentExportRows(db, scope, query), out);
}
