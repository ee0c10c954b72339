/** Every query of the incoming students (admissions hand-over). */
import { sql, type Insertable } from 'kysely';
import type { Tx } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { RegistryIntakeTable, StudentTable } from '../../../db/schema.ts';

export async function schoolIdsAmong(tx: Tx, ids: string[]): Promise<Set<string>> {
  const found = await tx
    .selectFrom('orgs_unit_v')
    .select('id')
    .where('id', 'in', ids)
    .where('kind', '=', 'school')
    .execute();
  return new Set(found.map((r) => r.id));
}

/** Personal id → student id, for the given personal ids that the registry holds. */
export async function studentsByPersonalId(tx: Tx, personalIds: string[]) {
  if (!personalIds.length) return new Map<string, string>();
  const rows = await tx
    .selectFrom('student')
    .select(['id', 'personal_id'])
    .where('personal_id', 'in', personalIds)
    .execute();
  return new Map(rows.map((r) => [r.personal_id!, r.id]));
}

export async function existingStudentIds(tx: Tx, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await tx.selectFrom('student').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** Earlier receipts of these references from `source`, or of these students in the year. */
export function earlierIntakes(
  tx: Tx,
  query: { source: string; references: string[]; schoolYear: string; studentIds: string[] },
) {
  return tx
    .selectFrom('registry_intake')
    .select(['id', 'student_id', 'school_id', 'source', 'reference'])
    .where((eb) =>
      eb.or([
        eb.and([eb('source', '=', query.source), eb('reference', 'in', query.references)]),
        ...(query.studentIds.length
          ? [
              eb.and([
                eb('school_year', '=', query.schoolYear),
                eb('student_id', 'in', query.studentIds),
              ]),
            ]
          : []),
      ]),
    )
    .execute();
}

/** A student of the registry moves to the admitting school, studying. */
export async function moveAdmittedStudent(
  tx: Tx,
  studentId: string,
  schoolId: string,
  reason: string,
): Promise<void> {
  await tx
    .updateTable('student')
    .set({
      school_id: schoolId,
      status: 'studying',
      status_reason: reason,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', studentId)
    .execute();
}

export async function insertStudents(tx: Tx, rows: Insertable<StudentTable>[]): Promise<void> {
  if (rows.length) await tx.insertInto('student').values(rows).execute();
}

export async function insertIntakes(
  tx: Tx,
  rows: Insertable<RegistryIntakeTable>[],
): Promise<void> {
  if (rows.length) await tx.insertInto('registry_intake').values(rows).execute();
}

export function incomingRows(db: Db, schoolId: string, schoolYear: string) {
  return db
    .selectFrom('registry_intake as i')
    .innerJoin('student as s', 's.id', 'i.student_id')
    .leftJoin('class as c', 'c.id', 'i.class_id')
    .select([
      'i.id',
      'i.student_id as studentId',
      's.full_name as fullName',
      's.birth_date as birthDate',
      's.gender',
      'i.grade',
      'i.source',
      'i.reference',
      'i.received_at as receivedAt',
      'i.class_id as classId',
      'c.name as className',
    ])
    .where('i.school_id', '=', schoolId)
    .where('i.school_year', '=', schoolYear)
    .execute();
}

/** The school's intakes among `ids`, locked for the class assignment. */
export function lockIntakes(tx: Tx, schoolId: string, ids: string[]) {
  return tx
    .selectFrom('registry_intake')
    .select(['id', 'student_id', 'school_year', 'grade', 'reference'])
    .where('id', 'in', ids)
    .where('school_id', '=', schoolId)
    .forUpdate()
    .execute();
}

/** Enrols the students in the class for their year (moving one already in a class), marks the intakes. */
export async function enrolIntakes(
  tx: Tx,
  school: string,
  classId: string,
  rows: { id: string; student_id: string; school_year: string }[],
): Promise<void> {
  await tx
    .insertInto('enrolment')
    .values(
      rows.map((r) => ({
        student_id: r.student_id,
        school_year: r.school_year,
        school_id: school,
        class_id: classId,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['student_id', 'school_year'])
        .doUpdateSet({ school_id: school, class_id: classId }),
    )
    .execute();
  await tx
    .updateTable('registry_intake')
    .set({ class_id: classId, assigned_at: sql`now()` })
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
}
