import { sql } from 'kysely';
import type { Tx } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { Gender, StudentStatus } from '../../db/schema.ts';
import { isUuid } from '../../lib/ids.ts';
import { sortByVietnameseName } from '../../lib/vietnamese.ts';
import { badRequest, conflict, forbidden, notFound } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Scope } from '../../core/access/scope.ts';
import { staleVersion } from '../../core/versions.ts';
import type { OrgTreeHooks } from '../../core/org-tree.ts';
import type { ClassStudent, ClassSummary, StatusChanged } from './contract.ts';

export type { ClassStudent, ClassSummary } from './contract.ts';
/** The school year a date falls in: a year starts on 1 September (Asia/Ho_Chi_Minh). */
export { schoolYearOf } from './contract.ts';

export async function listClasses(
  db: Db,
  scope: Scope,
  schoolId: string,
  schoolYear?: string,
): Promise<ClassSummary[]> {
  await scope.requireUnit(db, schoolId, 'registry.read');
  let q = db
    .selectFrom('class')
    .select([
      'class.id',
      'class.name',
      'class.grade',
      'class.school_year as schoolYear',
      'class.sessions_per_day as sessionsPerDay',
      sql<number>`(SELECT count(*)::int FROM enrolment e WHERE e.class_id = class.id)`.as(
        'studentCount',
      ),
    ])
    .where('class.school_id', '=', schoolId);
  if (schoolYear) q = q.where('class.school_year', '=', schoolYear);
  const rows = await q.orderBy('class.school_year', 'desc').orderBy('class.grade').execute();
  const collator = new Intl.Collator('vi', { numeric: true });
  return rows.sort(
    (a, b) =>
      b.schoolYear.localeCompare(a.schoolYear) ||
      (a.grade ?? 0) - (b.grade ?? 0) ||
      collator.compare(a.name, b.name),
  );
}

export async function listClassStudents(
  db: Db,
  scope: Scope,
  classId: string,
): Promise<ClassStudent[]> {
  scope.require('registry.read');
  if (!isUuid(classId)) throw notFound('lớp');
  const cls = await db
    .selectFrom('class')
    .innerJoin('org_unit', 'org_unit.id', 'class.school_id')
    .select(['class.id', 'org_unit.path'])
    .where('class.id', '=', classId)
    .executeTakeFirst();
  if (!cls) throw notFound('lớp');
  if (!scope.containsPath(cls.path)) throw forbidden();
  const rows = await db
    .selectFrom('enrolment')
    .innerJoin('student', 'student.id', 'enrolment.student_id')
    .select([
      'student.id',
      'student.full_name as fullName',
      'student.birth_date as birthDate',
      'student.gender',
      'student.status',
      'student.student_code as studentCode',
    ])
    .where('enrolment.class_id', '=', classId)
    .execute();
  return sortByVietnameseName(rows, (r) => r.fullName);
}

/** Lets the org tree count and move registry data without touching its tables (the app installs them). */
export const registryOrgTreeHooks: OrgTreeHooks = {
  async countUnit(db, unit) {
    const [row] = await db
      .selectFrom('org_unit as u')
      .select([
        sql<number>`(SELECT count(*)::int FROM class WHERE class.school_id IN (SELECT id FROM org_unit WHERE path LIKE ${unit.path + '%'}))`.as(
          'classes',
        ),
        sql<number>`(SELECT count(*)::int FROM student WHERE student.status = 'studying' AND student.school_id IN (SELECT id FROM org_unit WHERE path LIKE ${unit.path + '%'}))`.as(
          'students',
        ),
        sql<number>`(SELECT count(*)::int FROM staff WHERE staff.active AND staff.school_id IN (SELECT id FROM org_unit WHERE path LIKE ${unit.path + '%'}))`.as(
          'staff',
        ),
      ])
      .where('u.id', '=', unit.id)
      .execute();
    return row ?? {};
  },
  mergeUnit: mergeSchoolData,
};

/** A merged school's classes, students and staff belong to the survivor afterwards. */
async function mergeSchoolData(tx: Tx, fromId: string, intoId: string): Promise<void> {
  const clash = await tx
    .selectFrom('class as a')
    .innerJoin('class as b', (join) =>
      join.onRef('a.school_year', '=', 'b.school_year').onRef('a.name', '=', 'b.name'),
    )
    .select(['a.name', 'a.school_year'])
    .where('a.school_id', '=', fromId)
    .where('b.school_id', '=', intoId)
    .execute();
  if (clash.length)
    throw conflict(
      `Hai trường có lớp trùng tên: ${clash.map((c) => `${c.name} (${c.school_year})`).join(', ')}. Hãy đổi tên lớp trước khi sáp nhập.`,
    );
  // Enrolments follow through ON UPDATE CASCADE on (school_id, class_id).
  await tx
    .updateTable('class')
    .set({ school_id: intoId, version: sql`version + 1`, updated_at: sql`now()` })
    .where('school_id', '=', fromId)
    .execute();
  await tx
    .updateTable('student')
    .set({ school_id: intoId, version: sql`version + 1`, updated_at: sql`now()` })
    .where('school_id', '=', fromId)
    .execute();
  await tx
    .updateTable('staff')
    .set({ school_id: intoId, version: sql`version + 1`, updated_at: sql`now()` })
    .where('school_id', '=', fromId)
    .execute();
}

export interface GraduatingStudent {
  id: string;
  fullName: string;
  birthDate: string;
  gender: Gender;
  ethnicity: string | null;
  birthPlace: string | null;
  schoolName: string;
}

/**
 * Students of a school enrolled in `grade` in `schoolYear` and still there
 * (studying or graduated): the candidates for a graduation diploma.
 */
export async function graduatingStudents(
  db: Db,
  schoolId: string,
  schoolYear: string,
  grade: number,
): Promise<GraduatingStudent[]> {
  const rows = await db
    .selectFrom('enrolment')
    .innerJoin('class', (join) =>
      join
        .onRef('class.id', '=', 'enrolment.class_id')
        .onRef('class.school_id', '=', 'enrolment.school_id'),
    )
    .innerJoin('student', 'student.id', 'enrolment.student_id')
    .innerJoin('org_unit', 'org_unit.id', 'enrolment.school_id')
    .select([
      'student.id',
      'student.full_name as fullName',
      'student.birth_date as birthDate',
      'student.gender',
      'student.ethnicity',
      'student.birth_place as birthPlace',
      'org_unit.name as schoolName',
    ])
    .where('enrolment.school_id', '=', schoolId)
    .where('enrolment.school_year', '=', schoolYear)
    .where('class.grade', '=', grade)
    .where('student.status', 'in', ['studying', 'graduated'])
    .execute();
  return sortByVietnameseName(rows, (r) => r.fullName);
}

/**
 * A student leaves (transferred, dropped out, graduated) or comes back: a
 * status change with its reason, never a row deletion. Audited like every
 * change to the student. `version`, when sent, is the one the page showed:
 * a 409 if the student changed since.
 */
export async function changeStudentStatus(
  db: Db,
  scope: Scope,
  studentId: string,
  change: { status: StudentStatus; reason: string; version?: number | undefined },
): Promise<StatusChanged> {
  if (!isUuid(studentId)) throw notFound('học sinh');
  const student = await db
    .selectFrom('student')
    .select(['id', 'school_id', 'status'])
    .where('id', '=', studentId)
    .executeTakeFirst();
  if (!student) throw notFound('học sinh');
  await scope.requireUnit(db, student.school_id, 'registry.write');
  const reason = change.reason.trim();
  if (!reason)
    throw badRequest('Cần ghi lý do thay đổi trạng thái.', [
      { path: 'reason', message: 'Cần ghi lý do.' },
    ]);
  const version = await writeTransaction(db, scope.actor, async (tx) => {
    let update = tx
      .updateTable('student')
      .set({
        status: change.status,
        status_reason: reason,
        version: sql`version + 1`,
        updated_at: sql`now()`,
      })
      .where('id', '=', studentId);
    if (change.version !== undefined) update = update.where('version', '=', change.version);
    const done = await update.returning(['version', 'full_name']).executeTakeFirst();
    if (done) return done.version;
    const now = await tx
      .selectFrom('student')
      .select(['version', 'full_name'])
      .where('id', '=', studentId)
      .executeTakeFirstOrThrow();
    throw staleVersion(`Học sinh ${now.full_name}`, {
      sent: change.version ?? now.version,
      current: now.version,
    });
  });
  return { id: studentId, status: change.status, statusReason: reason, version };
}
