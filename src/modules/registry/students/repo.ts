/**
 * Every query of the students part: search and export within a scope,
 * status changes, and the graduating students diplomas are issued to.
 */
import { sql, type Insertable, type Updateable } from 'kysely';
import type { Tx } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { EnrolmentTable, StudentStatus, StudentTable } from '../../../db/schema.ts';
import { searchKey } from '../../../lib/vietnamese.ts';
import type { Scope } from '../../../core/access/scope.ts';

/** What a search or an export matches; `birthDate` already ISO (yyyy-mm-dd). */
export interface StudentMatch {
  q?: string | undefined;
  birthDate?: string | null | undefined;
  schoolId?: string | undefined;
  classId?: string | undefined;
  schoolYear: string;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The students matching `query` inside the scope, without joins (counting needs none). */
function matching(db: Db, scope: Scope, query: StudentMatch) {
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
  if (query.birthDate) q = q.where('student.birth_date', '=', query.birthDate);
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

/**
 * The words of a name search, in order, as search keys; null for a search
 * that is not by name (a personal id, or no text).
 */
function nameWords(query: StudentMatch): string[] | null {
  const text = query.q?.trim() ?? '';
  if (!text || /^\d{12}$/.test(text)) return null;
  return searchKey(text).split(' ').filter(Boolean);
}

/**
 * One page of the matches, ranked (issue #13 item 6): the exact full name
 * first (as typed, then without diacritics), then names holding every word
 * in the order typed (each at the start of a word), then the rest; within a
 * rank, alphabetical. Each row has `n`, the number of matches read.
 *
 * A broad word matches tens of thousands of students, so the database still
 * stops early: it reads the first `cap` + 1 matches of the strong ranks
 * (exact or in order, which the trigram index narrows down) and the first
 * `cap` + 1 of all, never every match; so the best matches are on the first
 * page however many weaker ones there are.
 */
export function searchPage(
  db: Db,
  scope: Scope,
  query: StudentMatch,
  cap: number,
  page: { limit: number; offset: number },
) {
  const words = nameWords(query);
  const typed = (query.q ?? '').trim().replace(/\s+/g, ' ');
  const key = words?.join(' ') ?? '';
  const inOrder = words?.length ? `% ${words.map(escapeLike).join('% ')}%` : null;
  const rank = sql<number>`CASE WHEN m.full_name = ${typed} THEN 0 WHEN m.search_name = ${key} THEN 1 WHEN ' ' || m.search_name LIKE ${inOrder ?? ''} THEN 2 ELSE 3 END`;
  return db
    .with('strong', () => {
      const q = matching(db, scope, query).select([
        'student.id',
        'student.search_name',
        'student.full_name',
      ]);
      return (
        inOrder
          ? q.where(sql<boolean>`' ' || student.search_name LIKE ${inOrder}`)
          : q.where(sql<boolean>`false`)
      ).limit(cap + 1);
    })
    .with('weak', () =>
      matching(db, scope, query)
        .select(['student.id', 'student.search_name', 'student.full_name'])
        .limit(cap + 1),
    )
    .with('m', (qb) =>
      qb
        .selectFrom('strong')
        .select(['strong.id', 'strong.search_name', 'strong.full_name'])
        .union(qb.selectFrom('weak').select(['weak.id', 'weak.search_name', 'weak.full_name'])),
    )
    .selectFrom('m')
    .select(['m.id', sql<string>`(SELECT count(*) FROM m)`.as('n')])
    .orderBy(rank)
    .orderBy('m.search_name')
    .orderBy('m.full_name')
    .orderBy('m.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** The matches counted up to `cap` + 1 (for a page past the last one). */
export async function countMatches(
  db: Db,
  scope: Scope,
  query: StudentMatch,
  cap: number,
): Promise<number> {
  const row = await db
    .selectFrom(
      matching(db, scope, query)
        .select(sql.lit(1).as('one'))
        .limit(cap + 1)
        .as('m'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The search answer's columns of these students, with their school and class of the year. */
export function hitRows(db: Db, ids: string[], schoolYear: string) {
  return db
    .selectFrom('student')
    .innerJoin('orgs_unit_v as org_unit', 'org_unit.id', 'student.school_id')
    .leftJoin('enrolment', (join) =>
      join
        .onRef('enrolment.student_id', '=', 'student.id')
        .on('enrolment.school_year', '=', schoolYear),
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
    .where('student.id', 'in', ids)
    .execute();
}

/** An export's columns of the matches, at most `limit` rows, by class name. */
export function exportRows(db: Db, scope: Scope, query: StudentMatch, limit: number) {
  return matching(db, scope, query)
    .innerJoin('orgs_unit_v as org_unit', 'org_unit.id', 'student.school_id')
    .leftJoin('enrolment', (join) =>
      join
        .onRef('enrolment.student_id', '=', 'student.id')
        .on('enrolment.school_year', '=', query.schoolYear),
    )
    .leftJoin('class', 'class.id', 'enrolment.class_id')
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
    .limit(limit)
    .execute();
}

export function findStudent(db: Db, studentId: string) {
  return db
    .selectFrom('student')
    .select(['id', 'school_id', 'status'])
    .where('id', '=', studentId)
    .executeTakeFirst();
}

/**
 * Sets the status and its reason, if the student still has `version` (when
 * given); the new version, or undefined when it moved on.
 */
export async function updateStatus(
  tx: Tx,
  studentId: string,
  change: { status: StudentStatus; reason: string },
  version: number | undefined,
): Promise<number | undefined> {
  let update = tx
    .updateTable('student')
    .set({
      status: change.status,
      status_reason: change.reason,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', studentId);
  if (version !== undefined) update = update.where('version', '=', version);
  const done = await update.returning(['version', 'full_name']).executeTakeFirst();
  return done?.version;
}

export function studentVersion(tx: Tx, studentId: string) {
  return tx
    .selectFrom('student')
    .select(['version', 'full_name'])
    .where('id', '=', studentId)
    .executeTakeFirstOrThrow();
}

/** A school's students enrolled in `grade` in the year and still there (studying or graduated). */
export function graduatingRows(db: Db, schoolId: string, schoolYear: string, grade: number) {
  return db
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
}

// ---------------------------------------------------------------- the student record

/** A student's own fields with their school and its path (the access check needs it). */
export function studentRecordRow(db: Db, studentId: string) {
  return db
    .selectFrom('student')
    .innerJoin('orgs_unit_v as org_unit', 'org_unit.id', 'student.school_id')
    .select([
      'student.id',
      'student.school_id',
      'student.full_name',
      'student.birth_date',
      'student.gender',
      'student.ethnicity',
      'student.birth_place',
      'student.student_code',
      'student.personal_id',
      'student.guardian_name',
      'student.address',
      'student.phone',
      'student.status',
      'student.status_reason',
      'student.version',
      'org_unit.code as school_code',
      'org_unit.name as school_name',
      'org_unit.path',
    ])
    .where('student.id', '=', studentId)
    .executeTakeFirst();
}

/** The student's diplomas, through the diploma module's view (oldest first). */
export function studentDiplomas(db: Db, studentId: string) {
  return db
    .selectFrom('student_diploma')
    .selectAll()
    .where('student_id', '=', studentId)
    .orderBy('issue_date')
    .execute();
}

/** Another student holding this personal id or student code, if any. */
export function studentHolding(
  db: Db,
  column: 'personal_id' | 'student_code',
  value: string,
  exceptId?: string,
) {
  let q = db
    .selectFrom('student')
    .innerJoin('orgs_unit_v as org_unit', 'org_unit.id', 'student.school_id')
    .select(['student.id', 'student.full_name', 'org_unit.path'])
    .where(`student.${column}`, '=', value);
  if (exceptId) q = q.where('student.id', '<>', exceptId);
  return q.executeTakeFirst();
}

export async function insertStudent(
  tx: Tx,
  student: Insertable<StudentTable>,
  enrolment: Insertable<EnrolmentTable>,
): Promise<void> {
  await tx.insertInto('student').values(student).execute();
  await tx.insertInto('enrolment').values(enrolment).execute();
}

/** The student's editable fields, locked for update. */
export function lockStudent(tx: Tx, studentId: string) {
  return tx
    .selectFrom('student')
    .select([
      'full_name',
      'family_name',
      'middle_name',
      'given_name',
      'search_name',
      'birth_date',
      'gender',
      'personal_id',
      'student_code',
      'ethnicity',
      'birth_place',
      'address',
      'guardian_name',
      'phone',
      'version',
    ])
    .where('id', '=', studentId)
    .forUpdate()
    .executeTakeFirst();
}

/** Writes `changed` if the student still has `version`; false when it moved on. */
export async function updateStudentRow(
  tx: Tx,
  studentId: string,
  version: number,
  changed: Updateable<StudentTable>,
): Promise<boolean> {
  const done = await tx
    .updateTable('student')
    .set({ ...changed, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', studentId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) > 0;
}
