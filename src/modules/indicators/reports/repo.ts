/**
 * The queries of the statistical reports: the figures a school's form
 * takes from the registry's views and the summary, and the indicators
 * module's own report and reminder rows.
 */
import { sql } from 'kysely';
import { writeTransaction, type Actor } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { ReportPeriod, ReportStatus, SchoolLevel } from '../../../db/schema.ts';

export interface SchoolBrief {
  id: string;
  code: string;
  name: string;
  path: string;
  parent_id: string | null;
}

/** Active schools under `path` (inclusive), by code. */
export async function activeSchools(db: Db, path: string): Promise<SchoolBrief[]> {
  return db
    .selectFrom('orgs_unit_v')
    .select(['id', 'code', 'name', 'path', 'parent_id'])
    .where('kind', '=', 'school')
    .where('active', '=', true)
    .where('path', 'like', `${path}%`)
    .orderBy('code')
    .execute();
}

export interface LevelFigureRow {
  school_id: string;
  level: SchoolLevel;
  classes: number;
  classes_two_sessions: number;
  students: number;
  female_students: number;
  ethnic_minority_students: number;
}

/** Classes and pupils of the year per school and level, from the (refreshed) summary. */
export async function levelFigures(db: Db, path: string, schoolYear: string) {
  const rows = await sql<LevelFigureRow>`
    SELECT x.school_id, x.level,
      sum(x.classes)::integer AS classes,
      (COALESCE(sum(x.classes) FILTER (WHERE x.sessions_per_day = 2), 0))::integer
        AS classes_two_sessions,
      sum(x.students)::integer AS students,
      sum(x.female_students)::integer AS female_students,
      sum(x.ethnic_minority_students)::integer AS ethnic_minority_students
    FROM indicator_class_summary x JOIN orgs_unit_v u ON u.id = x.school_id
    WHERE x.school_year = ${schoolYear} AND u.path LIKE ${path + '%'}
    GROUP BY x.school_id, x.level
    HAVING sum(x.classes) > 0`.execute(db);
  return rows.rows;
}

export interface SchoolFigureRow {
  school_id: string;
  teachers: number;
  managers: number;
  other_staff: number;
  classrooms: number;
  temporary_classrooms: number;
  dropped_out: number;
}

/**
 * Staff in post by position (staff records carry no year: today's), the
 * year's classrooms, and pupils of the year's classes whose status is
 * dropped out.
 */
export async function schoolFigures(db: Db, path: string, schoolYear: string) {
  const rows = await sql<SchoolFigureRow>`
    WITH u AS MATERIALIZED (
      SELECT id FROM orgs_unit_v WHERE kind = 'school' AND path LIKE ${path + '%'}
    ),
    st AS (
      SELECT s.school_id,
        (count(*) FILTER (WHERE s.position = 'teacher'))::integer AS teachers,
        (count(*) FILTER (WHERE s.position = 'manager'))::integer AS managers,
        (count(*) FILTER (WHERE s.position NOT IN ('teacher', 'manager')))::integer AS other_staff
      FROM registry_staff_v s JOIN u ON u.id = s.school_id
      WHERE s.active GROUP BY s.school_id
    ),
    f AS (
      SELECT f.school_id, COALESCE(sum(f.room_count), 0)::integer AS classrooms,
        COALESCE(sum(f.room_count) FILTER (WHERE f.condition = 'temporary'), 0)::integer
          AS temporary_classrooms
      FROM registry_facility_v f JOIN u ON u.id = f.school_id
      WHERE f.school_year = ${schoolYear} AND f.room_type = 'classroom'
      GROUP BY f.school_id
    ),
    d AS (
      SELECT e.school_id, count(*)::integer AS dropped_out
      FROM registry_enrolment_v e JOIN u ON u.id = e.school_id
      WHERE e.school_year = ${schoolYear} AND e.status = 'dropped_out'
      GROUP BY e.school_id
    )
    SELECT u.id AS school_id,
      COALESCE(st.teachers, 0) AS teachers, COALESCE(st.managers, 0) AS managers,
      COALESCE(st.other_staff, 0) AS other_staff,
      COALESCE(f.classrooms, 0) AS classrooms,
      COALESCE(f.temporary_classrooms, 0) AS temporary_classrooms,
      COALESCE(d.dropped_out, 0) AS dropped_out
    FROM u LEFT JOIN st ON st.school_id = u.id LEFT JOIN f ON f.school_id = u.id
    LEFT JOIN d ON d.school_id = u.id`.execute(db);
  return rows.rows;
}

export interface ReportRow {
  id: string;
  school_id: string;
  status: ReportStatus;
  entered: Record<string, number>;
  submitted_at: Date | null;
  submitted_by: string | null;
  approved_at: Date | null;
  approved_by: string | null;
  updated_at: Date;
}

export async function reportsUnder(
  db: Db,
  path: string,
  schoolYear: string,
  period: ReportPeriod,
): Promise<ReportRow[]> {
  return db
    .selectFrom('indicator_report as r')
    .innerJoin('orgs_unit_v as u', 'u.id', 'r.school_id')
    .select([
      'r.id',
      'r.school_id',
      'r.status',
      'r.entered',
      'r.submitted_at',
      'r.submitted_by',
      'r.approved_at',
      'r.approved_by',
      'r.updated_at',
    ])
    .where('u.path', 'like', `${path}%`)
    .where('r.school_year', '=', schoolYear)
    .where('r.period', '=', period)
    .execute();
}

/** The last reminder day per school under `path` for the report. */
export async function lastReminders(
  db: Db,
  path: string,
  schoolYear: string,
  period: ReportPeriod,
): Promise<Map<string, string>> {
  const rows = await sql<{ school_id: string; day: string }>`
    SELECT r.school_id, to_char(max(r.reminded_on), 'YYYY-MM-DD') AS day
    FROM indicator_report_reminder r JOIN orgs_unit_v u ON u.id = r.school_id
    WHERE u.path LIKE ${path + '%'} AND r.school_year = ${schoolYear} AND r.period = ${period}
    GROUP BY r.school_id`.execute(db);
  return new Map(rows.rows.map((r) => [r.school_id, r.day]));
}

/**
 * Writes the school's entered figures and status. `expected`: the status
 * the caller read (null: not started); a row changed meanwhile answers
 * false and nothing is written.
 */
export async function writeReport(
  db: Db,
  actor: Actor,
  input: {
    id: string;
    schoolId: string;
    schoolYear: string;
    period: ReportPeriod;
    expected: ReportStatus | null;
    status: ReportStatus;
    entered?: Record<string, number>;
    submittedBy?: string;
    approvedBy?: string;
  },
): Promise<boolean> {
  return writeTransaction(db, actor, async (tx) => {
    const set = {
      status: input.status,
      updated_at: sql<Date>`now()`,
      ...(input.entered ? { entered: JSON.stringify(input.entered) } : {}),
      ...(input.submittedBy
        ? { submitted_by: input.submittedBy, submitted_at: sql<Date>`now()` }
        : {}),
      ...(input.approvedBy ? { approved_by: input.approvedBy, approved_at: sql<Date>`now()` } : {}),
    };
    if (input.expected === null) {
      const inserted = await tx
        .insertInto('indicator_report')
        .values({
          id: input.id,
          school_id: input.schoolId,
          school_year: input.schoolYear,
          period: input.period,
          entered: JSON.stringify(input.entered ?? {}),
          ...set,
        })
        .onConflict((oc) => oc.columns(['school_id', 'school_year', 'period']).doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
    }
    const updated = await tx
      .updateTable('indicator_report')
      .set(set)
      .where('school_id', '=', input.schoolId)
      .where('school_year', '=', input.schoolYear)
      .where('period', '=', input.period)
      .where('status', '=', input.expected)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  });
}

/** Active schools of the whole tree with no submitted or approved report. */
export async function schoolsNotReported(
  db: Db,
  schoolYear: string,
  period: ReportPeriod,
): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    SELECT u.id FROM orgs_unit_v u
    WHERE u.kind = 'school' AND u.active
      AND NOT EXISTS (SELECT 1 FROM indicator_report r WHERE r.school_id = u.id
        AND r.school_year = ${schoolYear} AND r.period = ${period}
        AND r.status IN ('submitted', 'approved'))`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** One reminder per school, report and day (a second run the same day adds none). */
export async function insertReminders(
  db: Db,
  schoolIds: readonly string[],
  schoolYear: string,
  period: ReportPeriod,
  day: string,
): Promise<number> {
  if (!schoolIds.length) return 0;
  const result = await db
    .insertInto('indicator_report_reminder')
    .values(
      schoolIds.map((id) => ({
        school_id: id,
        school_year: schoolYear,
        period,
        reminded_on: day,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
