import { sql, type Insertable } from 'kysely';
import type { Tx } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { ClassTable, EnrolmentTable, PromotionRunTable } from '../../../db/schema.ts';

/** Every query of the year-end promotion. */

type Q = Db | Tx;

/** The school's latest promotion from a year after `fromYear`, if any. */
export function laterPromotion(q: Q, schoolId: string, fromYear: string) {
  return q
    .selectFrom('promotion_run')
    .select(['from_year', 'to_year'])
    .where('school_id', '=', schoolId)
    .where('from_year', '>', fromYear)
    .orderBy('from_year', 'desc')
    .executeTakeFirst();
}

export function classesOfYear(q: Q, schoolId: string, schoolYear: string) {
  return q
    .selectFrom('class')
    .select(['id', 'name', 'grade', 'sessions_per_day'])
    .where('school_id', '=', schoolId)
    .where('school_year', '=', schoolYear)
    .execute();
}

/**
 * The school's students still studying and enrolled there in `fromYear`,
 * with their class and whether they already have a class in `toYear`.
 */
export function studentsToPromote(q: Q, schoolId: string, fromYear: string, toYear: string) {
  return q
    .selectFrom('enrolment')
    .innerJoin('student', 'student.id', 'enrolment.student_id')
    .leftJoin('enrolment as next', (join) =>
      join.onRef('next.student_id', '=', 'student.id').on('next.school_year', '=', toYear),
    )
    .select([
      'student.id',
      'student.full_name as fullName',
      'student.birth_date as birthDate',
      'enrolment.class_id as classId',
      sql<boolean>`next.student_id IS NOT NULL`.as('enrolledNext'),
    ])
    .where('enrolment.school_id', '=', schoolId)
    .where('enrolment.school_year', '=', fromYear)
    .where('student.school_id', '=', schoolId)
    .where('student.status', '=', 'studying')
    .execute();
}

/** Two runs of the same school wait for each other instead of colliding. */
export async function lockSchool(tx: Tx, schoolId: string): Promise<void> {
  await sql`SELECT id FROM org_unit WHERE id = ${schoolId} FOR UPDATE`.execute(tx);
}

export async function insertClasses(tx: Tx, rows: Insertable<ClassTable>[]): Promise<void> {
  if (rows.length) await tx.insertInto('class').values(rows).execute();
}

/** Enrolments in statements of 1,000 rows. */
export async function insertEnrolments(tx: Tx, rows: Insertable<EnrolmentTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await tx
      .insertInto('enrolment')
      .values(rows.slice(i, i + 1000))
      .execute();
}

/** Those still studying become graduated, with the reason. */
export async function graduate(tx: Tx, ids: string[], reason: string): Promise<void> {
  await tx
    .updateTable('student')
    .set({
      status: 'graduated',
      status_reason: reason,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', 'in', ids)
    .where('status', '=', 'studying')
    .execute();
}

export async function insertRun(tx: Tx, row: Insertable<PromotionRunTable>): Promise<void> {
  await tx.insertInto('promotion_run').values(row).execute();
}

/** A unit by its exact code (the CLI names the school by code). */
export function unitByCode(db: Db, code: string) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'code', 'name', 'levels'])
    .where('code', '=', code)
    .executeTakeFirst();
}

/** A student of the school by student code, personal id or id. */
export function studentOfSchoolByKey(db: Db, schoolId: string, key: string) {
  return db
    .selectFrom('student')
    .select('id')
    .where('school_id', '=', schoolId)
    .where((eb) =>
      eb.or([
        eb('student_code', '=', key),
        eb('personal_id', '=', key),
        ...(/^[0-9a-f-]{36}$/i.test(key) ? [eb('id', '=', key)] : []),
      ]),
    )
    .executeTakeFirst();
}

/**
 * A pending transfer request follows its student's promotion (issue #13
 * item 2): requests from this school for `fromYear` whose student now has a
 * class in `toYear` move to that year and class, so the receiving school
 * accepts them into its classes of the year the student is in.
 */
export async function followPromotion(
  tx: Tx,
  schoolId: string,
  fromYear: string,
  toYear: string,
): Promise<number> {
  const done = await tx
    .updateTable('student_transfer as t')
    .from('enrolment as e')
    .set({ school_year: toYear, from_class_id: sql.ref('e.class_id'), updated_at: sql`now()` })
    .whereRef('e.student_id', '=', 't.student_id')
    .where('e.school_year', '=', toYear)
    .where('e.school_id', '=', schoolId)
    .where('t.status', '=', 'requested')
    .where('t.from_school_id', '=', schoolId)
    .where('t.school_year', '=', fromYear)
    .executeTakeFirst();
  return Number(done.numUpdatedRows);
}
