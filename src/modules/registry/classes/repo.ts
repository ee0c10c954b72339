/**
 * Every query of the classes part: classes, their enrolled students (read
 * only) and the staff a homeroom teacher is chosen from.
 */
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Tx } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { ClassTable } from '../../../db/schema.ts';
import type { ClassRow } from '../contract.ts';

/** A school's classes (of one year, or all) with their student counts, newest year first. */
export function classSummaries(db: Db, schoolId: string, schoolYear?: string) {
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
  return q.orderBy('class.school_year', 'desc').orderBy('class.grade').execute();
}

/** A class with its school's path and levels (the access check and the grade check need them). */
export function findClass(db: Db, classId: string) {
  return db
    .selectFrom('class')
    .innerJoin('orgs_unit_v as org_unit', 'org_unit.id', 'class.school_id')
    .select([
      'class.id',
      'class.school_id',
      'class.school_year',
      'class.name',
      'class.grade',
      'class.sessions_per_day',
      'class.homeroom_staff_id',
      'org_unit.path',
      'org_unit.levels',
    ])
    .where('class.id', '=', classId)
    .executeTakeFirst();
}

/** The students enrolled in a class (unsorted). */
export function classStudents(db: Db, classId: string) {
  return db
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
}

function classQuery(db: Db) {
  return db
    .selectFrom('class')
    .leftJoin('staff', 'staff.id', 'class.homeroom_staff_id')
    .select([
      'class.id',
      'class.school_id as schoolId',
      'class.school_year as schoolYear',
      'class.name',
      'class.grade',
      'class.sessions_per_day as sessionsPerDay',
      'class.version',
      'staff.id as homeroomId',
      'staff.full_name as homeroomName',
      sql<number>`(SELECT count(*)::int FROM enrolment e WHERE e.class_id = class.id AND e.school_id = class.school_id)`.as(
        'studentCount',
      ),
    ]);
}
type ClassQueryRow = Awaited<ReturnType<ReturnType<typeof classQuery>['execute']>>[number];
const toClassRow = (r: ClassQueryRow): ClassRow => ({
  id: r.id,
  schoolId: r.schoolId,
  schoolYear: r.schoolYear,
  name: r.name,
  grade: r.grade,
  sessionsPerDay: r.sessionsPerDay,
  homeroom: r.homeroomId && r.homeroomName ? { id: r.homeroomId, fullName: r.homeroomName } : null,
  studentCount: Number(r.studentCount),
  version: r.version,
  warnings: [],
});

/** A school's classes of a year with homeroom teacher and student count (unsorted). */
export async function classRows(db: Db, schoolId: string, schoolYear: string): Promise<ClassRow[]> {
  const rows = await classQuery(db)
    .where('class.school_id', '=', schoolId)
    .where('class.school_year', '=', schoolYear)
    .execute();
  return rows.map(toClassRow);
}

/** One class as its row: read in the caller's transaction when given one. */
export async function classRowById(db: Db, classId: string): Promise<ClassRow> {
  return toClassRow(await classQuery(db).where('class.id', '=', classId).executeTakeFirstOrThrow());
}

/** Active staff of a school (unsorted). */
export function activeStaff(db: Db, schoolId: string) {
  return db
    .selectFrom('staff')
    .select(['id', 'full_name as fullName', 'position', 'main_subject as mainSubject'])
    .where('school_id', '=', schoolId)
    .where('active', '=', true)
    .execute();
}

/** The school and state of the person chosen as homeroom teacher. */
export function homeroomPerson(db: Db, staffId: string) {
  return db
    .selectFrom('staff')
    .select(['school_id', 'active', 'full_name'])
    .where('id', '=', staffId)
    .executeTakeFirst();
}

/** A class of the school's year with this name, case aside. */
export function classNamed(db: Db, schoolId: string, schoolYear: string, name: string) {
  return db
    .selectFrom('class')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('school_year', '=', schoolYear)
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
}

export async function insertClass(tx: Tx, values: Insertable<ClassTable>): Promise<void> {
  await tx.insertInto('class').values(values).execute();
}

/** The class's editable fields, locked for update. */
export function lockClass(tx: Tx, schoolId: string, classId: string) {
  return tx
    .selectFrom('class')
    .select(['name', 'grade', 'sessions_per_day', 'homeroom_staff_id', 'version'])
    .where('school_id', '=', schoolId)
    .where('id', '=', classId)
    .forUpdate()
    .executeTakeFirst();
}

/** Writes `changed` if the class still has `version`; false when it moved on. */
export async function updateClassRow(
  tx: Tx,
  schoolId: string,
  classId: string,
  version: number,
  changed: Updateable<ClassTable>,
): Promise<boolean> {
  const done = await tx
    .updateTable('class')
    .set({ ...changed, version: sql`version + 1`, updated_at: sql`now()` })
    .where('school_id', '=', schoolId)
    .where('id', '=', classId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) > 0;
}

/** The other classes of the year this staff member heads, in any school (by name). */
export function homeroomClasses(
  db: Db,
  staffId: string,
  schoolYear: string,
  exceptClassId?: string,
) {
  let q = db
    .selectFrom('class')
    .select(['id', 'name'])
    .where('homeroom_staff_id', '=', staffId)
    .where('school_year', '=', schoolYear);
  if (exceptClassId) q = q.where('id', '<>', exceptClassId);
  return q.orderBy('name').execute();
}

/** Whether the school's year says a homeroom teacher heads at most one class. */
export async function homeroomOneClassRule(
  db: Db,
  schoolId: string,
  schoolYear: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('school_year_profile')
    .select('homeroom_one_class')
    .where('school_id', '=', schoolId)
    .where('school_year', '=', schoolYear)
    .executeTakeFirst();
  return row?.homeroom_one_class ?? false;
}

/**
 * Serialises the saves giving one teacher a class of one year until commit:
 * two at once would each see the other class missing and both pass the rule.
 */
export async function lockHomeroom(tx: Tx, staffId: string, schoolYear: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`homeroom|${staffId}|${schoolYear}`}, 0))`.execute(
    tx,
  );
}

/** The school years that have classes in the caller's subtree (newest first). */
export async function schoolYearsInScope(db: Db, scope: Scope): Promise<string[]> {
  const rows = await db
    .selectFrom('class')
    .select('school_year')
    .distinct()
    .where(scope.unitCondition('class.school_id'))
    .orderBy('school_year', 'desc')
    .execute();
  return rows.map((r) => r.school_year);
}
