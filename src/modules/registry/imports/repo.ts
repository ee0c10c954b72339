import { sql, type Selectable } from 'kysely';
import type { Tx } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { copyRowsFor, type CopyRows } from '../../../db/copy.ts';
import type {
  Gender,
  SchoolLevel,
  StaffPosition,
  StaffTable,
  StudentTable,
} from '../../../db/schema.ts';
import { uuidv7 } from '../../../lib/ids.ts';
import type { Scope } from '../../../core/access/scope.ts';
import {
  ENROLMENT_INSERT_COLUMNS,
  STUDENT_INSERT_COLUMNS,
  studentColumns,
  type EncodedInsert,
  type KnownClass,
  type KnownSchool,
  type ParsedStudent,
} from './student-rows.ts';

/**
 * Every query of the list imports (students, staff) and their templates. The
 * import use cases decide what to write; these functions only say how.
 */

type Q = Db | Tx;

/** Every org unit, to resolve the file's school codes (the scope is checked per row). */
export function allUnits(db: Q): Promise<KnownSchool[]> {
  return db.selectFrom('org_unit').select(['id', 'code', 'kind', 'levels', 'path']).execute();
}

/** The school codes of the caller's scope, for a template's dropdown. */
export async function schoolCodesInScope(db: Db, scope: Scope): Promise<string[]> {
  const schools = await db
    .selectFrom('org_unit')
    .select('code')
    .where('kind', '=', 'school')
    .where('active', '=', true)
    .where(scope.pathCondition())
    .orderBy('code')
    .limit(5000)
    .execute();
  return schools.map((s) => s.code);
}

// ---- Students ------------------------------------------------------------

export function classesOfYear(db: Q, schoolYear: string): Promise<KnownClass[]> {
  return db
    .selectFrom('class')
    .select(['id', 'school_id', 'name', 'grade'])
    .where('school_year', '=', schoolYear)
    .execute();
}

/** Whether the registry holds any student yet (a first load has none to look up). */
export async function hasStudents(db: Q): Promise<boolean> {
  return Boolean(await db.selectFrom('student').select('id').limit(1).executeTakeFirst());
}

/** The columns an import compares and keeps (not the derived name parts, status or times). */
export const COMPARED = [
  'id',
  'school_id',
  'personal_id',
  'student_code',
  'full_name',
  'birth_date',
  'gender',
  'ethnicity',
  'birth_place',
  'address',
  'guardian_name',
  'phone',
] as const;
export type StudentRow = Pick<Selectable<StudentTable>, (typeof COMPARED)[number]>;

/**
 * Each key pair's student by personal id, and by student code when that is
 * another student (or none has the id): one probe of a unique index per
 * value, whatever the planner would estimate. Given 5,000 values at once as
 * "= ANY(…)", the server chose a parallel scan of the whole table (measured
 * on 500,000 students: 270–470 ms per chunk instead of 60 ms; a re-import
 * 44 s instead of 28 s). Two array parameters, not one per value: 10,000 bind
 * parameters cost the embedded database more than the lookup itself. LIMIT 1
 * keeps each lateral lookup an index scan.
 *
 * The scope is part of the answer, not of the search: a personal id or
 * student code is unique in the whole province (the table's unique indexes),
 * so one held outside the scope cannot be imported here either way, and the
 * row must say so rather than fail at the insert. in_scope is one
 * primary-key probe of org_unit per student found; class_id is the
 * student's class in `schoolYear`.
 */
export async function knownStudents(
  db: Q,
  keys: { personalId: string | null; studentCode: string | null }[],
  schoolYear: string,
  scopePath: string,
): Promise<(StudentRow & { class_id: string | null; in_scope: boolean | null })[]> {
  const columns = sql.join(COMPARED.map((c) => sql.ref(`s.${c}`)));
  const { rows } = await sql<StudentRow & { class_id: string | null; in_scope: boolean | null }>`
    SELECT ${columns}, (SELECT e.class_id FROM enrolment e
      WHERE e.student_id = s.id AND e.school_year = ${schoolYear}) AS class_id,
      (SELECT o.path LIKE ${scopePath + '%'} FROM org_unit o WHERE o.id = s.school_id) AS in_scope
    FROM unnest(${keys.map((p) => p.personalId)}::text[],
      ${keys.map((p) => p.studentCode)}::text[]) AS k(personal_id, student_code)
    CROSS JOIN LATERAL (
      (SELECT * FROM student WHERE personal_id = k.personal_id LIMIT 1)
      UNION ALL
      (SELECT * FROM student WHERE student_code = k.student_code
        AND (k.personal_id IS NULL OR personal_id IS DISTINCT FROM k.personal_id) LIMIT 1)
    ) s`.execute(db);
  return rows;
}

/**
 * Settings of a bulk load's transaction. New names go to the trigram index's
 * pending list (GIN "fastupdate"), which is merged into the index whenever it
 * outgrows gin_pending_list_limit (4 MB by default): in a bulk load, many
 * small merges. For this transaction the list may grow to 64 MB, and
 * mergeNameIndexPending merges it once before commit, so searches never scan
 * a long pending list. Measured on the PostgreSQL server, 200,000 students:
 * inserting them 6.2–6.3 s instead of 8.2–8.4 s, the final merge 0.35 s.
 *
 * JIT off: a chunk's lookup of known students is thousands of index probes,
 * which the planner prices above jit_above_cost: on a server built with LLVM
 * each chunk then paid 15–20 ms of compiling for a 60 ms query.
 */
export async function prepareBulkLoad(tx: Tx): Promise<void> {
  await sql`SELECT set_config('gin_pending_list_limit', '65536', true)`.execute(tx);
  await sql`SELECT set_config('jit', 'off', true)`.execute(tx);
}

/** The trigram index of student names (migration 2026112503). */
const NAME_INDEX = 'student_search_trgm_idx';

export async function mergeNameIndexPending(tx: Tx): Promise<void> {
  // Allowed to the index's owner (the account that ran the migrations) and
  // superusers; any other account leaves the merge to autovacuum.
  const { rows } = await sql<{ owner: boolean }>`
    SELECT pg_has_role(current_user, relowner, 'USAGE') AS owner
    FROM pg_class WHERE oid = to_regclass(${NAME_INDEX})`.execute(tx);
  if (rows[0]?.owner) await sql`SELECT gin_clean_pending_list(${NAME_INDEX}::regclass)`.execute(tx);
}

/**
 * Fresh planner statistics after a bulk load: PGlite has no autovacuum, and
 * without them name searches over the scope get plans meant for a few rows
 * (measured: 0.5 s instead of 50 ms on 500,000 students).
 */
export async function analyzeAfterBulkLoad(db: Db): Promise<void> {
  await sql`ANALYZE student, enrolment, class, org_unit`.execute(db);
}

/** COPY into this transaction (src/db/copy.ts), or null where it cannot reach its session. */
export const copyInto = (db: Db, tx: Tx): Promise<CopyRows | null> => copyRowsFor(db, tx);

export async function insertClasses(
  db: Q,
  classes: KnownClass[],
  schoolYear: string,
): Promise<void> {
  for (const c of classes)
    await db
      .insertInto('class')
      .values({
        school_id: c.school_id,
        id: c.id,
        school_year: schoolYear,
        name: c.name,
        grade: c.grade,
        homeroom_staff_id: null,
      })
      .execute();
}

/** New students and their enrolments, already encoded (student-rows.ts encodeInsert). */
export async function insertNewStudents(
  db: Q,
  insert: EncodedInsert,
  copyRows: CopyRows | null,
  schoolYear: string,
): Promise<void> {
  if (insert.format === 'copy' && copyRows) {
    await copyRows('student', STUDENT_INSERT_COLUMNS, insert.students);
    await copyRows('enrolment', ENROLMENT_INSERT_COLUMNS, insert.enrolments);
    return;
  }
  // One statement and one parameter per chunk: both databases unpack
  // JSON far faster than 80,000 bind parameters.
  await sql`
    INSERT INTO student (${sql.join(STUDENT_INSERT_COLUMNS.map((c) => sql.ref(c)))})
    SELECT ${sql.join(STUDENT_INSERT_COLUMNS.map((c) => sql.ref(c)))}
    FROM json_to_recordset(${insert.students}::json) AS x(id uuid, school_id uuid,
      personal_id text, student_code text, full_name text, family_name text, middle_name text,
      given_name text, search_name text, birth_date date, gender text, ethnicity text,
      birth_place text, address text, guardian_name text, phone text)`.execute(db);
  await sql`
    INSERT INTO enrolment (student_id, school_year, school_id, class_id)
    SELECT student_id, ${schoolYear}, school_id, class_id
    FROM json_to_recordset(${insert.enrolments}::json)
      AS x(student_id uuid, school_id uuid, class_id uuid)`.execute(db);
}

/**
 * A known student as the row writes them (a blank optional cell keeps the
 * stored value), and their class of the year.
 */
export async function updateKnownStudent(
  db: Q,
  p: ParsedStudent,
  e: StudentRow,
  schoolYear: string,
): Promise<void> {
  await db
    .updateTable('student')
    .set({
      ...studentColumns(p),
      personal_id: p.personalId ?? e.personal_id,
      student_code: p.studentCode ?? e.student_code,
      ethnicity: p.ethnicity ?? e.ethnicity,
      birth_place: p.birthPlace ?? e.birth_place,
      address: p.address ?? e.address,
      guardian_name: p.guardian ?? e.guardian_name,
      phone: p.phone ?? e.phone,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', e.id)
    .execute();
  const classId = p.classId!;
  await db
    .insertInto('enrolment')
    .values({
      student_id: e.id,
      school_year: schoolYear,
      school_id: p.schoolId,
      class_id: classId,
    })
    .onConflict((oc) =>
      oc
        .columns(['student_id', 'school_year'])
        .doUpdateSet({ school_id: p.schoolId, class_id: classId }),
    )
    .execute();
}

// ---- Staff ---------------------------------------------------------------

/**
 * Known staff of these schools, and anyone holding one of these personal ids
 * wherever they work (a personal id is unique in the whole province).
 */
export function knownStaff(
  db: Q,
  schoolIds: string[],
  personalIds: string[],
): Promise<Selectable<StaffTable>[]> {
  return db
    .selectFrom('staff')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('school_id', 'in', [...schoolIds, '00000000-0000-0000-0000-000000000000']),
        ...(personalIds.length ? [eb('personal_id', '=', eb.fn.any(eb.val(personalIds)))] : []),
      ]),
    )
    .execute();
}

/** The columns of `staff` an import writes. */
export interface StaffColumns {
  school_id: string;
  full_name: string;
  family_name: string;
  middle_name: string;
  given_name: string;
  search_name: string;
  birth_date: string;
  gender: Gender;
  personal_id: string | null;
  position: StaffPosition;
  main_subject: string | null;
  qualification: string | null;
  employment_type: string | null;
  level_taught: SchoolLevel | null;
}

/** New people in one multi-row insert (one statement, one audit trigger run). */
export async function insertStaff(tx: Tx, rows: StaffColumns[]): Promise<void> {
  await tx
    .insertInto('staff')
    .values(rows.map((r) => ({ id: uuidv7(), ...r })))
    .execute();
}

export async function updateStaff(tx: Tx, id: string, columns: StaffColumns): Promise<void> {
  await tx
    .updateTable('staff')
    .set({ ...columns, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}
