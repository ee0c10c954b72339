/**
 * The queries of the indicators' summary (docs/indicators.md, "Summaries"):
 * per school, school year, grade, sessions a day and preschool group, the
 * counts of classes and pupils, recomputed from the registry's views for
 * the schools and years its change feed (registry_change_v) names.
 */
import { sql, type Transaction } from 'kysely';
import type { BaseFilter, SchoolYearCounts } from '../repo.ts';
import type { Db } from '../../../db/connection.ts';
import type { Database, SchoolLevel } from '../../../db/schema.ts';

export interface SummaryKey {
  school_id: string;
  school_year: string;
}

/** Whether the feed names some school under `path` (null: anywhere). */
export async function changesPending(db: Db, path: string | null): Promise<boolean> {
  let q = db.selectFrom('registry_change_v as r').select('r.id').limit(1);
  if (path !== null)
    q = q.innerJoin('orgs_unit_v as u', 'u.id', 'r.school_id').where('u.path', 'like', `${path}%`);
  return (await q.executeTakeFirst()) !== undefined;
}

/**
 * One refresh at a time (PostgreSQL: concurrent refreshes of one school
 * would insert the same keys); PGlite has a single connection anyway.
 */
export async function lockRefresh(tx: Transaction<Database>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(2026120271)`.execute(tx);
}

/**
 * Removes the feed's rows for the schools under `path` (null: all) and
 * answers the schools and years they named. Rows committed after this
 * statement's snapshot stay, for the next refresh: none is lost.
 */
export async function claimChanges(
  tx: Transaction<Database>,
  path: string | null,
): Promise<SummaryKey[]> {
  const result =
    path === null
      ? await sql<SummaryKey>`
          WITH d AS (DELETE FROM registry_change_v RETURNING school_id, school_year)
          SELECT DISTINCT school_id, school_year FROM d`.execute(tx)
      : await sql<SummaryKey>`
          WITH d AS (
            DELETE FROM registry_change_v r USING orgs_unit_v u
            WHERE u.id = r.school_id AND u.path LIKE ${path + '%'}
            RETURNING r.school_id, r.school_year
          )
          SELECT DISTINCT school_id, school_year FROM d`.execute(tx);
  return result.rows;
}

/**
 * Recomputes the summary rows of `keys` from the registry's views
 * (registry_class_v, registry_enrolment_v). Classes over the maximum of the
 * charters: primary > 35 (TT 28/2020/TT-BGDĐT), lower and upper secondary
 * > 45 (TT 32/2020/TT-BGDĐT), preschool nursery groups > 25 and kindergarten
 * classes > 35 (TT 52/2020/TT-BGDĐT; the oldest age group's maximum, the
 * class's age group is not recorded). Ethnic minority: an ethnicity recorded
 * and not Kinh.
 */
export async function recomputeSummary(
  tx: Transaction<Database>,
  keys: readonly SummaryKey[],
): Promise<void> {
  if (!keys.length) return;
  const ids = keys.map((k) => k.school_id);
  const years = keys.map((k) => k.school_year);
  const k = sql`(SELECT * FROM unnest(${ids}::uuid[], ${years}::text[]) AS k(school_id, school_year))`;
  await sql`
    DELETE FROM indicator_class_summary s USING ${k} k
    WHERE s.school_id = k.school_id AND s.school_year = k.school_year`.execute(tx);
  await sql`
    INSERT INTO indicator_class_summary (school_id, school_year, grade, level, sessions_per_day,
      preschool_group, classes, students, classes_over_max, empty_classes,
      female_students, male_students, ethnic_minority_students)
    WITH k AS MATERIALIZED ${k},
    c AS MATERIALIZED (
      SELECT c.school_id, c.school_year, COALESCE(c.grade, 0)::smallint AS grade, c.level,
        c.sessions_per_day, COALESCE(c.preschool_group, '') AS preschool_group,
        count(*)::integer AS classes,
        COALESCE(sum(c.students), 0)::integer AS students,
        (count(*) FILTER (WHERE
          (c.level = 'primary' AND c.students > 35)
          OR (c.level IN ('lower_secondary', 'upper_secondary') AND c.students > 45)
          OR (c.level = 'preschool' AND c.preschool_group = 'nursery' AND c.students > 25)
          OR (c.level = 'preschool' AND c.preschool_group = 'kindergarten' AND c.students > 35)
        ))::integer AS classes_over_max,
        (count(*) FILTER (WHERE c.students = 0))::integer AS empty_classes
      FROM registry_class_v c JOIN k ON k.school_id = c.school_id AND k.school_year = c.school_year
      GROUP BY 1, 2, 3, 4, 5, 6
    ),
    e AS MATERIALIZED (
      SELECT e.school_id, e.school_year, COALESCE(cl.grade, 0)::smallint AS grade, cl.level,
        cl.sessions_per_day, COALESCE(cl.preschool_group, '') AS preschool_group,
        (count(*) FILTER (WHERE e.gender = 'female'))::integer AS female_students,
        (count(*) FILTER (WHERE e.gender = 'male'))::integer AS male_students,
        (count(*) FILTER (WHERE e.ethnicity IS NOT NULL AND e.ethnicity <> ''
          AND lower(e.ethnicity) <> 'kinh'))::integer AS ethnic_minority_students
      FROM registry_enrolment_v e
      JOIN k ON k.school_id = e.school_id AND k.school_year = e.school_year
      JOIN registry_class_v cl ON cl.class_id = e.class_id
      GROUP BY 1, 2, 3, 4, 5, 6
    )
    SELECT school_id, school_year, grade, level, sessions_per_day, preschool_group,
      COALESCE(c.classes, 0), COALESCE(c.students, 0), COALESCE(c.classes_over_max, 0),
      COALESCE(c.empty_classes, 0), COALESCE(e.female_students, 0),
      COALESCE(e.male_students, 0), COALESCE(e.ethnic_minority_students, 0)
    FROM c FULL JOIN e USING (school_id, school_year, grade, level, sessions_per_day, preschool_group)`.execute(
    tx,
  );
  await sql`
    INSERT INTO indicator_summary_stamp (school_id, school_year, refreshed_at)
    SELECT school_id, school_year, now() FROM ${k} k
    ON CONFLICT (school_id, school_year) DO UPDATE SET refreshed_at = EXCLUDED.refreshed_at`.execute(
    tx,
  );
}

/**
 * Fresh statistics after a large refresh: PGlite runs no autovacuum, and the
 * demo's ANALYZE ran while the summary was still empty.
 */
export async function analyzeSummary(db: Db): Promise<void> {
  await sql`ANALYZE indicator_class_summary, indicator_summary_stamp`.execute(db);
}

/** When the summary of the schools under `path` was last recomputed (null: never). */
export async function lastRefreshed(db: Db, path: string): Promise<Date | null> {
  const row = await db
    .selectFrom('indicator_summary_stamp as s')
    .innerJoin('orgs_unit_v as u', 'u.id', 's.school_id')
    .select((eb) => eb.fn.max('s.refreshed_at').as('at'))
    .where('u.path', 'like', `${path}%`)
    .executeTakeFirst();
  return row?.at ?? null;
}

/**
 * The summary answers the same shapes as the from-scratch count over the
 * registry's views (../repo.ts), which the summary test compares it with.
 */
export type SummaryFilter = BaseFilter;
/** The base counts per school and year (the dashboard's SchoolYearCounts), from the summary. */
export type SchoolYearCountsRow = SchoolYearCounts;

/** The sums the dashboard reads, per `group` (a child unit's id) and school year. */
export type GroupCounts = Omit<SchoolYearCountsRow, 'school_id' | 'school_path'> & {
  group: string;
};

/**
 * The base counts under `filter`, summed per child unit of `filter.path`
 * (the id after the path in each school's path; '' for the school itself)
 * and school year, from the summary, the school-year profiles and the
 * facilities (both small: one row per school and year, a few per school).
 */
export async function summaryCounts(db: Db, filter: SummaryFilter): Promise<GroupCounts[]> {
  if (!filter.years.length) return [];
  const level = filter.level ?? null;
  const ownership = filter.ownership ?? null;
  const years = sql.join(filter.years.map((y) => sql`${y}`));
  const result = await sql<GroupCounts>`
    WITH s AS MATERIALIZED (
      SELECT id, path FROM orgs_unit_v
      WHERE kind = 'school' AND path LIKE ${filter.path + '%'}
        AND (${ownership}::text IS NULL OR ownership = ${ownership})
    ),
    c AS MATERIALIZED (
      SELECT x.school_id, x.school_year,
        sum(x.classes) AS classes, sum(x.students) AS students,
        sum(x.classes) FILTER (WHERE x.level = 'primary') AS primary_classes,
        sum(x.classes) FILTER (WHERE x.level = 'primary' AND x.sessions_per_day = 2)
          AS primary_two_session_classes,
        sum(x.students) FILTER (WHERE x.level = 'primary') AS primary_students,
        sum(x.students) FILTER (WHERE x.level = 'primary' AND x.sessions_per_day = 2)
          AS primary_two_session_students,
        sum(x.classes) FILTER (WHERE x.level IN ('lower_secondary', 'upper_secondary'))
          AS secondary_classes,
        sum(x.classes) FILTER (WHERE x.level IN ('lower_secondary', 'upper_secondary')
          AND x.sessions_per_day = 2) AS secondary_two_session_classes,
        sum(x.classes_over_max) AS classes_over_max, sum(x.empty_classes) AS empty_classes,
        sum(x.female_students) AS female_students, sum(x.male_students) AS male_students,
        sum(x.ethnic_minority_students) AS ethnic_minority_students,
        sum(x.students) FILTER (WHERE x.grade IN (2, 3, 4, 5, 7, 8, 9, 11, 12))
          AS students_after_first_grade,
        sum(x.students) FILTER (WHERE x.grade IN (1, 2, 3, 4, 6, 7, 8, 10, 11))
          AS students_before_last_grade
      FROM indicator_class_summary x JOIN s ON s.id = x.school_id
      WHERE x.school_year IN (${years}) AND (${level}::text IS NULL OR x.level = ${level})
      GROUP BY x.school_id, x.school_year
      HAVING sum(x.classes) > 0
    ),
    f AS MATERIALIZED (
      SELECT f.school_id, f.school_year,
        sum(f.room_count) AS classrooms,
        sum(f.room_count) FILTER (WHERE f.condition = 'temporary') AS temporary_classrooms
      FROM registry_facility_v f JOIN s ON s.id = f.school_id
      WHERE f.school_year IN (${years}) AND f.room_type = 'classroom'
      GROUP BY f.school_id, f.school_year
    )
    SELECT split_part(substr(s.path, ${filter.path.length + 1}), '/', 1) AS "group",
      c.school_year,
      count(*)::integer AS schools,
      (count(*) FILTER (WHERE p.national_standard_level >= 1))::integer AS national_standard_schools,
      (count(*) FILTER (WHERE p.accreditation_level >= 1))::integer AS accredited_schools,
      (count(*) FILTER (WHERE p.accreditation_level = 1))::integer
        AS accreditation_level_1_schools,
      (count(*) FILTER (WHERE p.accreditation_level = 2))::integer
        AS accreditation_level_2_schools,
      (count(*) FILTER (WHERE p.accreditation_level = 3))::integer
        AS accreditation_level_3_schools,
      (count(*) FILTER (WHERE p.accreditation_level = 4))::integer
        AS accreditation_level_4_schools,
      sum(c.classes)::integer AS classes, sum(c.students)::integer AS students,
      COALESCE(sum(c.primary_classes), 0)::integer AS primary_classes,
      COALESCE(sum(c.primary_two_session_classes), 0)::integer AS primary_two_session_classes,
      COALESCE(sum(c.primary_students), 0)::integer AS primary_students,
      COALESCE(sum(c.primary_two_session_students), 0)::integer AS primary_two_session_students,
      COALESCE(sum(c.secondary_classes), 0)::integer AS secondary_classes,
      COALESCE(sum(c.secondary_two_session_classes), 0)::integer AS secondary_two_session_classes,
      sum(c.classes_over_max)::integer AS classes_over_max,
      sum(c.empty_classes)::integer AS empty_classes,
      COALESCE(sum(f.classrooms), 0)::integer AS classrooms,
      COALESCE(sum(f.temporary_classrooms), 0)::integer AS temporary_classrooms,
      sum(c.female_students)::integer AS female_students,
      sum(c.male_students)::integer AS male_students,
      sum(c.ethnic_minority_students)::integer AS ethnic_minority_students,
      COALESCE(sum(c.students_after_first_grade), 0)::integer AS students_after_first_grade,
      COALESCE(sum(c.students_before_last_grade), 0)::integer AS students_before_last_grade
    FROM c
    JOIN s ON s.id = c.school_id
    LEFT JOIN registry_school_year_v p ON p.school_id = c.school_id AND p.school_year = c.school_year
    LEFT JOIN f ON f.school_id = c.school_id AND f.school_year = c.school_year
    GROUP BY 1, 2`.execute(db);
  return result.rows;
}

/** School years with classes under `path`, newest first (from the summary). */
export async function summaryYears(db: Db, path: string): Promise<string[]> {
  const rows = await sql<{ school_year: string }>`
    SELECT DISTINCT x.school_year FROM indicator_class_summary x
    JOIN orgs_unit_v u ON u.id = x.school_id
    WHERE u.path LIKE ${path + '%'} AND x.classes > 0
    ORDER BY x.school_year DESC`.execute(db);
  return rows.rows.map((r) => r.school_year);
}

export interface GradeClassCount {
  school_id: string;
  grade: number;
  level: SchoolLevel;
  sessions_per_day: number;
  preschool_group: 'nursery' | 'kindergarten' | null;
  classes: number;
}

/** Classes of the year under `path` by school, grade and level (the per-subject need). */
export async function summaryGradeCounts(
  db: Db,
  path: string,
  schoolYear: string,
): Promise<Omit<GradeClassCount, 'sessions_per_day' | 'preschool_group'>[]> {
  const rows = await sql<Omit<GradeClassCount, 'sessions_per_day' | 'preschool_group'>>`
    SELECT x.school_id, x.grade, x.level, sum(x.classes)::integer AS classes
    FROM indicator_class_summary x JOIN orgs_unit_v u ON u.id = x.school_id
    WHERE x.school_year = ${schoolYear} AND u.path LIKE ${path + '%'} AND x.classes > 0
    GROUP BY x.school_id, x.grade, x.level`.execute(db);
  return rows.rows;
}

/**
 * Classes of the year under `path` by school, level, sessions and preschool
 * group (the teacher norms; grades summed in SQL: fewer rows to read).
 */
export async function summaryClassCounts(
  db: Db,
  path: string,
  schoolYear: string,
): Promise<Omit<GradeClassCount, 'grade'>[]> {
  const rows = await sql<Omit<GradeClassCount, 'grade'>>`
    SELECT x.school_id, x.level, x.sessions_per_day,
      NULLIF(x.preschool_group, '') AS preschool_group, sum(x.classes)::integer AS classes
    FROM indicator_class_summary x JOIN orgs_unit_v u ON u.id = x.school_id
    WHERE x.school_year = ${schoolYear} AND u.path LIKE ${path + '%'} AND x.classes > 0
    GROUP BY x.school_id, x.level, x.sessions_per_day, x.preschool_group`.execute(db);
  return rows.rows;
}
