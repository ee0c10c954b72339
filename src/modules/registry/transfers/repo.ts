import { sql, type Insertable, type Updateable } from 'kysely';
import type { Actor, Tx } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { StudentTransferTable, TransferStatus } from '../../../db/schema.ts';

/** Every query of the transfers between schools and of a student's history. */

type Q = Db | Tx;

/** Active schools and centres by exact code or by every word of the name: code and name only. */
export function schoolsMatching(
  db: Db,
  text: string,
  words: string[],
): Promise<{ code: string; name: string }[]> {
  return db
    .selectFrom('org_unit')
    .select(['code', 'name'])
    .where('kind', 'in', ['school', 'centre'])
    .where('active', '=', true)
    .where((eb) =>
      eb.or([
        eb(sql`upper(code)`, '=', text.trim().toUpperCase()),
        eb.and(words.map((w) => eb('search_name', 'like', `%${w.replace(/[\\%_]/g, '')}%`))),
      ]),
    )
    .orderBy('code')
    .limit(20)
    .execute();
}

/** An active school or centre by its code, in any case. */
export function activeSchoolByCode(db: Db, code: string) {
  return db
    .selectFrom('org_unit')
    .selectAll()
    .where(sql`upper(code)`, '=', code.toUpperCase())
    .where('kind', 'in', ['school', 'centre'])
    .where('active', '=', true)
    .executeTakeFirst();
}

/** A transfer with its student, schools and classes, as a view is made of it. */
function transferRows(db: Q) {
  return db
    .selectFrom('student_transfer as t')
    .innerJoin('student', 'student.id', 't.student_id')
    .innerJoin('org_unit as cur', 'cur.id', 'student.school_id')
    .innerJoin('org_unit as fs', 'fs.id', 't.from_school_id')
    .innerJoin('org_unit as ts', 'ts.id', 't.to_school_id')
    .leftJoin('class as fc', 'fc.id', 't.from_class_id')
    .leftJoin('class as tc', 'tc.id', 't.to_class_id')
    .select([
      't.id',
      't.status',
      // A pending request is shown (and accepted) for the year the student is in
      // now at the sending school: see currentTransferYear.
      sql<string>`CASE WHEN t.status = 'requested' THEN COALESCE((SELECT max(e.school_year) FROM enrolment e WHERE e.student_id = t.student_id AND e.school_id = t.from_school_id AND e.school_year > t.school_year), t.school_year) ELSE t.school_year END`.as(
        'school_year',
      ),
      't.student_id',
      'student.full_name',
      'student.birth_date',
      'cur.path as current_path',
      'fs.id as fs_id',
      'fs.code as fs_code',
      'fs.name as fs_name',
      'ts.id as ts_id',
      'ts.code as ts_code',
      'ts.name as ts_name',
      'ts.path as ts_path',
      'fc.name as fc_name',
      'tc.name as tc_name',
      't.reason',
      't.decision_number',
      't.decision_reason',
      't.requested_at',
      't.requested_by_name',
      't.decided_at',
      't.decided_by_name',
    ]);
}
export type TransferRow = Awaited<
  ReturnType<ReturnType<typeof transferRows>['executeTakeFirstOrThrow']>
>;

export function transferRow(db: Db, id: string): Promise<TransferRow> {
  return transferRows(db).where('t.id', '=', id).executeTakeFirstOrThrow();
}

/** A school's incoming or outgoing transfers, newest first (at most 500). */
export function transfersOfSchool(
  db: Db,
  query: { schoolId: string; direction: 'incoming' | 'outgoing'; status?: TransferStatus },
): Promise<TransferRow[]> {
  let q = transferRows(db).where(
    query.direction === 'incoming' ? 't.to_school_id' : 't.from_school_id',
    '=',
    query.schoolId,
  );
  if (query.status) q = q.where('t.status', '=', query.status);
  return q.orderBy('t.requested_at', 'desc').limit(500).execute();
}

export function transfersOfStudent(db: Db, studentId: string): Promise<TransferRow[]> {
  return transferRows(db).where('t.student_id', '=', studentId).orderBy('t.requested_at').execute();
}

/** The transfer's own row. */
export function transferRecord(db: Db, id: string) {
  return db.selectFrom('student_transfer').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The student's pending request, if any (one at a time). */
export function pendingTransferOf(db: Db, studentId: string) {
  return db
    .selectFrom('student_transfer')
    .select('id')
    .where('student_id', '=', studentId)
    .where('status', '=', 'requested')
    .executeTakeFirst();
}

export function insertTransfer(tx: Tx, row: Insertable<StudentTransferTable>): Promise<unknown> {
  return tx.insertInto('student_transfer').values(row).execute();
}

/** Records a decision on a still pending transfer; false when it was decided meanwhile. */
export async function decideTransfer(
  tx: Tx,
  id: string,
  actor: Actor,
  fields: Updateable<StudentTransferTable>,
): Promise<boolean> {
  const done = await tx
    .updateTable('student_transfer')
    .set({
      ...fields,
      decided_at: sql`now()`,
      decided_by: actor.id,
      decided_by_name: actor.name,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('status', '=', 'requested')
    .executeTakeFirst();
  return Boolean(done.numUpdatedRows);
}

export function studentForTransfer(db: Db, id: string) {
  return db
    .selectFrom('student')
    .select(['id', 'school_id', 'status', 'full_name'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A class of that school and school year. */
export function classOfSchoolYear(q: Q, classId: string, schoolId: string, schoolYear: string) {
  return q
    .selectFrom('class')
    .select('id')
    .where('id', '=', classId)
    .where('school_id', '=', schoolId)
    .where('school_year', '=', schoolYear)
    .executeTakeFirst();
}

/** The student's class in that year and school, if enrolled there. */
export function enrolledClass(db: Db, studentId: string, schoolYear: string, schoolId: string) {
  return db
    .selectFrom('enrolment')
    .select('class_id')
    .where('student_id', '=', studentId)
    .where('school_year', '=', schoolYear)
    .where('school_id', '=', schoolId)
    .executeTakeFirst();
}

/**
 * The student's latest enrolment at the sending school after `schoolYear`
 * (a promotion made after the request), if any: with its class.
 */
export function latestEnrolmentAfter(
  q: Q,
  studentId: string,
  schoolId: string,
  schoolYear: string,
) {
  return q
    .selectFrom('enrolment')
    .select(['school_year', 'class_id'])
    .where('student_id', '=', studentId)
    .where('school_id', '=', schoolId)
    .where('school_year', '>', schoolYear)
    .orderBy('school_year', 'desc')
    .executeTakeFirst();
}

/** Moves a pending request to the year the student is in now (and that year's class). */
export async function moveRequestToYear(
  tx: Tx,
  id: string,
  schoolYear: string,
  fromClassId: string,
): Promise<void> {
  await tx
    .updateTable('student_transfer')
    .set({ school_year: schoolYear, from_class_id: fromClassId, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('status', '=', 'requested')
    .execute();
}

/** The student's first enrolment after that year, if any. */
export function laterEnrolment(q: Q, studentId: string, schoolYear: string) {
  return q
    .selectFrom('enrolment')
    .select('school_year')
    .where('student_id', '=', studentId)
    .where('school_year', '>', schoolYear)
    .orderBy('school_year')
    .executeTakeFirst();
}

/** Moves a student still studying at `from` to `to`; false when they are not (any more). */
export async function moveStudentSchool(
  tx: Tx,
  studentId: string,
  from: string,
  to: string,
): Promise<boolean> {
  const moved = await tx
    .updateTable('student')
    .set({ school_id: to, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', studentId)
    .where('school_id', '=', from)
    .where('status', '=', 'studying')
    .executeTakeFirst();
  return Boolean(moved.numUpdatedRows);
}

export function enrolmentOf(tx: Tx, studentId: string, schoolYear: string) {
  return tx
    .selectFrom('enrolment')
    .select(['school_id', 'class_id'])
    .where('student_id', '=', studentId)
    .where('school_year', '=', schoolYear)
    .executeTakeFirst();
}

/** The year's enrolment moved to (or made in) the new school's class. */
export async function enrolInClass(
  tx: Tx,
  e: { studentId: string; schoolYear: string; schoolId: string; classId: string },
  existing: boolean,
): Promise<void> {
  if (existing)
    await tx
      .updateTable('enrolment')
      .set({ school_id: e.schoolId, class_id: e.classId })
      .where('student_id', '=', e.studentId)
      .where('school_year', '=', e.schoolYear)
      .execute();
  else
    await tx
      .insertInto('enrolment')
      .values({
        student_id: e.studentId,
        school_year: e.schoolYear,
        school_id: e.schoolId,
        class_id: e.classId,
      })
      .execute();
}

export function studentWithSchool(db: Db, studentId: string) {
  return db
    .selectFrom('student')
    .innerJoin('orgs_unit_v as org_unit', 'org_unit.id', 'student.school_id')
    .select([
      'student.id',
      'student.full_name',
      'student.birth_date',
      'student.status',
      'student.status_reason',
      'org_unit.id as school_id',
      'org_unit.code as school_code',
      'org_unit.name as school_name',
      'org_unit.path',
    ])
    .where('student.id', '=', studentId)
    .executeTakeFirst();
}

/** The student's classes by school year. */
export function enrolmentsOf(db: Db, studentId: string) {
  return db
    .selectFrom('enrolment')
    .innerJoin('class', 'class.id', 'enrolment.class_id')
    .innerJoin('org_unit', 'org_unit.id', 'enrolment.school_id')
    .select([
      'enrolment.school_year',
      'org_unit.id',
      'org_unit.code',
      'org_unit.name',
      'class.name as class_name',
      'class.grade',
    ])
    .where('enrolment.student_id', '=', studentId)
    .orderBy('enrolment.school_year')
    .execute();
}
