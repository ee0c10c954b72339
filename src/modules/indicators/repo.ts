/**
 * Every query of the indicators module. It reads other modules' data only
 * through the views they publish (orgs_unit_v, registry_*_v) and its own
 * tables (indicator_*), never their tables (docs/ARCHITECTURE.md).
 */
import { sql } from 'kysely';
import { writeTransaction, type Actor } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { OrgsUnitView, SchoolLevel, SchoolType } from '../../db/schema.ts';

export type UnitRow = OrgsUnitView;

export async function unitByCode(db: Db, code: string): Promise<UnitRow | undefined> {
  return db.selectFrom('orgs_unit_v').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function unitById(db: Db, id: string): Promise<UnitRow | undefined> {
  return db.selectFrom('orgs_unit_v').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function rootUnit(db: Db): Promise<UnitRow | undefined> {
  return db.selectFrom('orgs_unit_v').selectAll().where('parent_id', 'is', null).executeTakeFirst();
}

/** The units on the way from `path`'s root to the unit itself, top first. */
export async function unitsOnPath(db: Db, path: string): Promise<UnitRow[]> {
  const ids = path.split('/').filter(Boolean);
  if (!ids.length) return [];
  return db.selectFrom('orgs_unit_v').selectAll().where('id', 'in', ids).orderBy('depth').execute();
}

export async function childUnits(db: Db, parentId: string): Promise<UnitRow[]> {
  return db
    .selectFrom('orgs_unit_v')
    .selectAll()
    .where('parent_id', '=', parentId)
    .orderBy('code')
    .execute();
}

/** A school year is known when some class of it is recorded anywhere. */
export async function yearKnown(db: Db, schoolYear: string): Promise<boolean> {
  const row = await db
    .selectFrom('registry_class_v')
    .select('class_id')
    .where('school_year', '=', schoolYear)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Schools under `path` (inclusive), active ones and any with classes that year. */
export async function schoolsUnder(
  db: Db,
  path: string,
  schoolYear: string,
): Promise<
  (Pick<UnitRow, 'id' | 'code' | 'name' | 'path' | 'levels' | 'ownership'> & {
    school_type: SchoolType;
  })[]
> {
  return db
    .selectFrom('orgs_unit_v as u')
    .leftJoin('registry_school_year_v as p', (j) =>
      j.onRef('p.school_id', '=', 'u.id').on('p.school_year', '=', schoolYear),
    )
    .select(['u.id', 'u.code', 'u.name', 'u.path', 'u.levels', 'u.ownership'])
    .select(sql<SchoolType>`COALESCE(p.school_type, 'ordinary')`.as('school_type'))
    .where('u.kind', '=', 'school')
    .where('u.path', 'like', `${path}%`)
    .where((eb) =>
      eb.or([
        eb('u.active', '=', true),
        eb.exists(
          eb
            .selectFrom('registry_class_v as c')
            .select('c.class_id')
            .whereRef('c.school_id', '=', 'u.id')
            .where('c.school_year', '=', schoolYear),
        ),
      ]),
    )
    .orderBy('u.code')
    .execute();
}

export interface ClassCount {
  school_id: string;
  level: SchoolLevel;
  sessions_per_day: number;
  preschool_group: 'nursery' | 'kindergarten' | null;
  classes: number;
}

/**
 * Classes of the year under `path`, counted by school, level, sessions and
 * preschool group, straight from the views: the reference the summary's
 * test compares summaryClassCounts with (answers read the summary).
 */
export async function classCounts(db: Db, path: string, schoolYear: string): Promise<ClassCount[]> {
  return db
    .selectFrom('registry_class_v as c')
    .innerJoin('orgs_unit_v as u', 'u.id', 'c.school_id')
    .select(['c.school_id', 'c.level', 'c.sessions_per_day', 'c.preschool_group'])
    .select(sql<number>`count(*)::integer`.as('classes'))
    .where('c.school_year', '=', schoolYear)
    .where('u.path', 'like', `${path}%`)
    .groupBy(['c.school_id', 'c.level', 'c.sessions_per_day', 'c.preschool_group'])
    .execute();
}

export interface TeacherCount {
  school_id: string;
  level_taught: SchoolLevel | null;
  teachers: number;
}

/** Active staff whose position is teacher, by school and recorded level. */
export async function teacherCounts(db: Db, path: string): Promise<TeacherCount[]> {
  return db
    .selectFrom('registry_staff_v as s')
    .innerJoin('orgs_unit_v as u', 'u.id', 's.school_id')
    .select(['s.school_id', 's.level_taught'])
    .select(sql<number>`count(*)::integer`.as('teachers'))
    .where('s.active', '=', true)
    .where('s.position', '=', 'teacher')
    .where('u.path', 'like', `${path}%`)
    .groupBy(['s.school_id', 's.level_taught'])
    .execute();
}

export interface BaseFilter {
  path: string;
  years: readonly string[];
  level?: SchoolLevel | undefined;
  ownership?: 'public' | 'private' | undefined;
}

export interface SchoolYearCounts {
  school_id: string;
  school_path: string;
  school_year: string;
  schools: number;
  national_standard_schools: number;
  accredited_schools: number;
  accreditation_level_1_schools: number;
  accreditation_level_2_schools: number;
  accreditation_level_3_schools: number;
  accreditation_level_4_schools: number;
  classes: number;
  students: number;
  primary_classes: number;
  primary_two_session_classes: number;
  primary_students: number;
  primary_two_session_students: number;
  secondary_classes: number;
  secondary_two_session_classes: number;
  classes_over_max: number;
  empty_classes: number;
  classrooms: number;
  temporary_classrooms: number;
  female_students: number;
  male_students: number;
  ethnic_minority_students: number;
  /** Pupils not in the first grade of their level (grades 2–5, 7–9, 11–12). */
  students_after_first_grade: number;
  /** Pupils not in the last grade of their level (grades 1–4, 6–8, 10–11). */
  students_before_last_grade: number;
}

/**
 * The base counts of every school under the filter, per school year
 * (definitions.ts BASE_COUNTS, docs/indicators.md), recomputed from scratch
 * over the views: the reference the summary must equal (summary.test.ts;
 * answers read summary/repo.ts summaryCounts). One statement: each CTE
 * reads one published view and groups by school and year.
 * - schools: schools with classes that year (of the level, when filtered);
 *   national standard: those whose profile has level ≥ 1; accredited: ≥ 1.
 * - classes over the maximum: primary > 35, secondary > 45, preschool
 *   nursery groups > 25 and kindergarten classes > 35 (the oldest age
 *   group's maximum: the class's age group is not recorded).
 * - ethnic minority: an ethnicity recorded and not Kinh.
 * The CTEs are MATERIALIZED: inlined, the planner (without statistics on
 * PGlite) re-ran the enrolment aggregate once per school (17 s for 50,000
 * students instead of well under one).
 */
export async function schoolYearCounts(db: Db, filter: BaseFilter): Promise<SchoolYearCounts[]> {
  if (!filter.years.length) return [];
  const level = filter.level ?? null;
  const ownership = filter.ownership ?? null;
  const years = sql.join(filter.years.map((y) => sql`${y}`));
  const grades =
    level === null
      ? sql`true`
      : level === 'preschool'
        ? sql`e.grade IS NULL`
        : level === 'primary'
          ? sql`e.grade BETWEEN 1 AND 5`
          : level === 'lower_secondary'
            ? sql`e.grade BETWEEN 6 AND 9`
            : sql`e.grade BETWEEN 10 AND 12`;
  const result = await sql<SchoolYearCounts>`
    WITH s AS MATERIALIZED (
      SELECT id, path FROM orgs_unit_v
      WHERE kind = 'school' AND path LIKE ${filter.path + '%'}
        AND (${ownership}::text IS NULL OR ownership = ${ownership})
    ),
    c AS MATERIALIZED (
      SELECT c.school_id, c.school_year,
        count(*)::integer AS classes,
        COALESCE(sum(c.students), 0)::integer AS students,
        (count(*) FILTER (WHERE c.level = 'primary'))::integer AS primary_classes,
        (count(*) FILTER (WHERE c.level = 'primary' AND c.sessions_per_day = 2))::integer
          AS primary_two_session_classes,
        COALESCE(sum(c.students) FILTER (WHERE c.level = 'primary'), 0)::integer AS primary_students,
        COALESCE(sum(c.students) FILTER (WHERE c.level = 'primary' AND c.sessions_per_day = 2), 0)::integer
          AS primary_two_session_students,
        (count(*) FILTER (WHERE c.level IN ('lower_secondary', 'upper_secondary')))::integer
          AS secondary_classes,
        (count(*) FILTER (WHERE c.level IN ('lower_secondary', 'upper_secondary')
          AND c.sessions_per_day = 2))::integer AS secondary_two_session_classes,
        (count(*) FILTER (WHERE
          (c.level = 'primary' AND c.students > 35)
          OR (c.level IN ('lower_secondary', 'upper_secondary') AND c.students > 45)
          OR (c.level = 'preschool' AND c.preschool_group = 'nursery' AND c.students > 25)
          OR (c.level = 'preschool' AND c.preschool_group = 'kindergarten' AND c.students > 35)
        ))::integer AS classes_over_max,
        (count(*) FILTER (WHERE c.students = 0))::integer AS empty_classes,
        COALESCE(sum(c.students) FILTER (WHERE c.grade IN (2, 3, 4, 5, 7, 8, 9, 11, 12)), 0)::integer
          AS students_after_first_grade,
        COALESCE(sum(c.students) FILTER (WHERE c.grade IN (1, 2, 3, 4, 6, 7, 8, 10, 11)), 0)::integer
          AS students_before_last_grade
      FROM registry_class_v c JOIN s ON s.id = c.school_id
      WHERE c.school_year IN (${years}) AND (${level}::text IS NULL OR c.level = ${level})
      GROUP BY c.school_id, c.school_year
    ),
    f AS MATERIALIZED (
      SELECT f.school_id, f.school_year,
        COALESCE(sum(f.room_count), 0)::integer AS classrooms,
        COALESCE(sum(f.room_count) FILTER (WHERE f.condition = 'temporary'), 0)::integer
          AS temporary_classrooms
      FROM registry_facility_v f JOIN s ON s.id = f.school_id
      WHERE f.school_year IN (${years}) AND f.room_type = 'classroom'
      GROUP BY f.school_id, f.school_year
    ),
    e AS MATERIALIZED (
      SELECT e.school_id, e.school_year,
        (count(*) FILTER (WHERE e.gender = 'female'))::integer AS female_students,
        (count(*) FILTER (WHERE e.gender = 'male'))::integer AS male_students,
        (count(*) FILTER (WHERE e.ethnicity IS NOT NULL AND e.ethnicity <> ''
          AND lower(e.ethnicity) <> 'kinh'))::integer AS ethnic_minority_students
      FROM registry_enrolment_v e JOIN s ON s.id = e.school_id
      WHERE e.school_year IN (${years}) AND ${grades}
      GROUP BY e.school_id, e.school_year
    )
    SELECT c.school_id, s.path AS school_path, c.school_year,
      1 AS schools,
      (CASE WHEN p.national_standard_level >= 1 THEN 1 ELSE 0 END) AS national_standard_schools,
      (CASE WHEN p.accreditation_level >= 1 THEN 1 ELSE 0 END) AS accredited_schools,
      (CASE WHEN p.accreditation_level = 1 THEN 1 ELSE 0 END) AS accreditation_level_1_schools,
      (CASE WHEN p.accreditation_level = 2 THEN 1 ELSE 0 END) AS accreditation_level_2_schools,
      (CASE WHEN p.accreditation_level = 3 THEN 1 ELSE 0 END) AS accreditation_level_3_schools,
      (CASE WHEN p.accreditation_level = 4 THEN 1 ELSE 0 END) AS accreditation_level_4_schools,
      c.classes, c.students, c.primary_classes, c.primary_two_session_classes,
      c.primary_students, c.primary_two_session_students, c.secondary_classes,
      c.secondary_two_session_classes, c.classes_over_max, c.empty_classes,
      COALESCE(f.classrooms, 0) AS classrooms,
      COALESCE(f.temporary_classrooms, 0) AS temporary_classrooms,
      COALESCE(e.female_students, 0) AS female_students,
      COALESCE(e.male_students, 0) AS male_students,
      COALESCE(e.ethnic_minority_students, 0) AS ethnic_minority_students,
      c.students_after_first_grade, c.students_before_last_grade
    FROM c
    JOIN s ON s.id = c.school_id
    LEFT JOIN registry_school_year_v p ON p.school_id = c.school_id AND p.school_year = c.school_year
    LEFT JOIN f ON f.school_id = c.school_id AND f.school_year = c.school_year
    LEFT JOIN e ON e.school_id = c.school_id AND e.school_year = c.school_year`.execute(db);
  return result.rows;
}

export interface TargetRow {
  plan_id: string;
  plan_name: string;
  decision: string;
  decision_date: Date;
  unit_id: string;
  indicator_id: string;
  school_year: string;
  value: number;
}

/** Targets of the plans of the units on `path` (the unit and those above it). */
export async function targetsOnPath(db: Db, path: string): Promise<TargetRow[]> {
  const ids = path.split('/').filter(Boolean);
  if (!ids.length) return [];
  return db
    .selectFrom('indicator_target as t')
    .innerJoin('indicator_plan as p', 'p.id', 't.plan_id')
    .select([
      't.plan_id',
      'p.name as plan_name',
      'p.decision',
      'p.decision_date',
      'p.unit_id',
      't.indicator_id',
      't.school_year',
      't.value',
    ])
    .where('p.unit_id', 'in', ids)
    .orderBy('p.decision_date')
    .orderBy('t.school_year')
    .execute();
}

export async function insertPlan(
  db: Db,
  actor: Actor,
  plan: { id: string; unitId: string; name: string; decision: string; decisionDate: string },
  targets: { indicatorId: string; schoolYear: string; value: number }[],
): Promise<void> {
  await writeTransaction(db, actor, async (tx) => {
    await tx
      .insertInto('indicator_plan')
      .values({
        id: plan.id,
        unit_id: plan.unitId,
        name: plan.name,
        decision: plan.decision,
        decision_date: plan.decisionDate,
      })
      .execute();
    if (targets.length)
      await tx
        .insertInto('indicator_target')
        .values(
          targets.map((t) => ({
            plan_id: plan.id,
            unit_id: plan.unitId,
            indicator_id: t.indicatorId,
            school_year: t.schoolYear,
            value: t.value,
          })),
        )
        .execute();
  });
}

export async function planByDecision(
  db: Db,
  unitId: string,
  decision: string,
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('indicator_plan')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('decision', '=', decision)
    .executeTakeFirst();
}

/**
 * The plan's name and date updated and its targets made exactly `targets`, in
 * one transaction. Written as the difference (targets gone deleted, values
 * changed updated, new ones inserted, the same ones untouched), so the audit
 * log says which target changed from what to what, not "all deleted, all added".
 */
export async function replacePlan(
  db: Db,
  actor: Actor,
  planId: string,
  plan: { unitId: string; name: string; decisionDate: string },
  targets: { indicatorId: string; schoolYear: string; value: number }[],
): Promise<void> {
  await writeTransaction(db, actor, async (tx) => {
    await tx
      .updateTable('indicator_plan')
      .set({ name: plan.name, decision_date: plan.decisionDate })
      .where('id', '=', planId)
      .where((eb) =>
        eb.or([
          eb('name', '<>', plan.name),
          eb('decision_date', '<>', sql<Date>`${plan.decisionDate}::date`),
        ]),
      )
      .execute();
    const keep = new Set(targets.map((t) => `${t.indicatorId}|${t.schoolYear}`));
    const current = await tx
      .selectFrom('indicator_target')
      .select(['id', 'indicator_id', 'school_year'])
      .where('plan_id', '=', planId)
      .execute();
    const gone = current.filter((c) => !keep.has(`${c.indicator_id}|${c.school_year}`));
    if (gone.length)
      await tx
        .deleteFrom('indicator_target')
        .where(
          'id',
          'in',
          gone.map((g) => g.id),
        )
        .execute();
    if (targets.length)
      await tx
        .insertInto('indicator_target')
        .values(
          targets.map((t) => ({
            plan_id: planId,
            unit_id: plan.unitId,
            indicator_id: t.indicatorId,
            school_year: t.schoolYear,
            value: t.value,
          })),
        )
        .onConflict((oc) =>
          oc
            .columns(['plan_id', 'indicator_id', 'school_year'])
            .doUpdateSet({ value: (eb) => eb.ref('excluded.value') })
            .where('indicator_target.value', 'is distinct from', (eb) => eb.ref('excluded.value')),
        )
        .execute();
  });
}

export async function planExists(db: Db, unitId: string, decision: string): Promise<boolean> {
  const row = await db
    .selectFrom('indicator_plan')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('decision', '=', decision)
    .executeTakeFirst();
  return row !== undefined;
}

/** One record a data-quality check lists (issue #16, point 6). */
export interface QualityItem {
  id: string;
  school_id: string;
  school_name: string;
  name: string;
  detail: string;
}

/** Lists are cut at this many items; the count is always complete. */
export const QUALITY_LIMIT = 200;

async function listed(
  db: Db,
  query: ReturnType<typeof sql<QualityItem & { total: number }>>,
): Promise<{ count: number; items: QualityItem[] }> {
  const rows = (await query.execute(db)).rows;
  return {
    count: rows[0]?.total ?? 0,
    items: rows.map(({ total: _total, ...item }) => item),
  };
}

/** Studying students of the subtree sharing a normalised name and birth date with another. */
export function duplicateStudents(db: Db, path: string) {
  return listed(
    db,
    sql<QualityItem & { total: number }>`
      WITH s AS (
        SELECT st.*, u.name AS school_name FROM registry_student_v st
        JOIN orgs_unit_v u ON u.id = st.school_id
        WHERE u.path LIKE ${path + '%'} AND st.status = 'studying'
      ),
      d AS (
        SELECT s.*, count(*) OVER (PARTITION BY search_name, birth_date) AS n FROM s
      )
      SELECT student_id AS id, school_id, school_name, full_name AS name,
        to_char(birth_date, 'DD/MM/YYYY') AS detail, (count(*) OVER ())::integer AS total
      FROM d WHERE n > 1
      ORDER BY search_name, birth_date, school_name
      LIMIT ${QUALITY_LIMIT}`,
  );
}

/**
 * Students whose age in the year (first calendar year − birth year) is below
 * the grade's usual age (grade + 5) or more than 3 years above it (Điều lệ
 * trường tiểu học TT 28/2020: entry at 6, up to 3 years later for some
 * pupils; the secondary charters follow the same rule).
 */
export function agesOutOfRange(db: Db, path: string, schoolYear: string) {
  const start = Number(schoolYear.slice(0, 4));
  return listed(
    db,
    sql<QualityItem & { total: number }>`
      SELECT e.student_id AS id, e.school_id, u.name AS school_name, st.full_name AS name,
        ('lớp ' || e.grade || ', sinh năm ' || extract(year FROM e.birth_date)::integer) AS detail,
        (count(*) OVER ())::integer AS total
      FROM registry_enrolment_v e
      JOIN orgs_unit_v u ON u.id = e.school_id
      JOIN registry_student_v st ON st.student_id = e.student_id
      WHERE u.path LIKE ${path + '%'} AND e.school_year = ${schoolYear} AND e.grade IS NOT NULL
        AND (${start} - extract(year FROM e.birth_date)::integer < e.grade + 5
          OR ${start} - extract(year FROM e.birth_date)::integer > e.grade + 8)
      ORDER BY u.name, st.full_name
      LIMIT ${QUALITY_LIMIT}`,
  );
}

/** Classes above the charter maximum (the same rule as the indicator) or with no student. */
export function classesOverOrEmpty(db: Db, path: string, schoolYear: string, empty: boolean) {
  const condition = empty
    ? sql`c.students = 0`
    : sql`((c.level = 'primary' AND c.students > 35)
        OR (c.level IN ('lower_secondary', 'upper_secondary') AND c.students > 45)
        OR (c.level = 'preschool' AND c.preschool_group = 'nursery' AND c.students > 25)
        OR (c.level = 'preschool' AND c.preschool_group = 'kindergarten' AND c.students > 35))`;
  return listed(
    db,
    sql<QualityItem & { total: number }>`
      SELECT c.class_id AS id, c.school_id, u.name AS school_name, c.name,
        (c.students || ' học sinh') AS detail, (count(*) OVER ())::integer AS total
      FROM registry_class_v c JOIN orgs_unit_v u ON u.id = c.school_id
      WHERE u.path LIKE ${path + '%'} AND c.school_year = ${schoolYear} AND ${condition}
      ORDER BY u.name, c.name
      LIMIT ${QUALITY_LIMIT}`,
  );
}

/** Active schools with no active manager (cán bộ quản lý: the principal is one). */
export function schoolsWithoutManager(db: Db, path: string) {
  return listed(
    db,
    sql<QualityItem & { total: number }>`
      SELECT u.id, u.id AS school_id, u.name AS school_name, u.name, u.code AS detail,
        (count(*) OVER ())::integer AS total
      FROM orgs_unit_v u
      WHERE u.path LIKE ${path + '%'} AND u.kind = 'school' AND u.active
        AND NOT EXISTS (SELECT 1 FROM registry_staff_person_v s
          WHERE s.school_id = u.id AND s.active AND s.position = 'manager')
      ORDER BY u.name
      LIMIT ${QUALITY_LIMIT}`,
  );
}

/** Studying students with no class in the year. */
export function studentsWithoutClass(db: Db, path: string, schoolYear: string) {
  return listed(
    db,
    sql<QualityItem & { total: number }>`
      SELECT st.student_id AS id, st.school_id, u.name AS school_name, st.full_name AS name,
        COALESCE(st.student_code, '') AS detail, (count(*) OVER ())::integer AS total
      FROM registry_student_v st JOIN orgs_unit_v u ON u.id = st.school_id
      WHERE u.path LIKE ${path + '%'} AND st.status = 'studying'
        AND NOT EXISTS (SELECT 1 FROM registry_enrolment_v e
          WHERE e.student_id = st.student_id AND e.school_year = ${schoolYear})
      ORDER BY u.name, st.full_name
      LIMIT ${QUALITY_LIMIT}`,
  );
}

/** Active staff who reached the retirement age (months by gender) by `onDate`. */
export function staffPastRetirement(
  db: Db,
  path: string,
  onDate: string,
  months: { male: number; female: number },
) {
  return listed(
    db,
    sql<QualityItem & { total: number }>`
      SELECT s.staff_id AS id, s.school_id, u.name AS school_name, s.full_name AS name,
        to_char(s.birth_date, 'DD/MM/YYYY') AS detail, (count(*) OVER ())::integer AS total
      FROM registry_staff_person_v s JOIN orgs_unit_v u ON u.id = s.school_id
      WHERE u.path LIKE ${path + '%'} AND s.active
        AND s.birth_date + make_interval(months => CASE s.gender WHEN 'male'
          THEN ${months.male}::integer ELSE ${months.female}::integer END) <= ${onDate}::date
      ORDER BY u.name, s.full_name
      LIMIT ${QUALITY_LIMIT}`,
  );
}

export interface TeacherSubjectCount {
  school_id: string;
  level_taught: SchoolLevel | null;
  main_subject: string | null;
  teachers: number;
}

/** Active teachers by school, recorded level and main subject (the per-subject need). */
export async function teacherSubjectCounts(db: Db, path: string): Promise<TeacherSubjectCount[]> {
  return db
    .selectFrom('registry_staff_v as s')
    .innerJoin('orgs_unit_v as u', 'u.id', 's.school_id')
    .select(['s.school_id', 's.level_taught', 's.main_subject'])
    .select(sql<number>`count(*)::integer`.as('teachers'))
    .where('s.active', '=', true)
    .where('s.position', '=', 'teacher')
    .where('u.path', 'like', `${path}%`)
    .groupBy(['s.school_id', 's.level_taught', 's.main_subject'])
    .execute();
}

export interface MovementCounts {
  /** The child unit of the path holding the school ('' for the school itself). */
  group: string;
  school_year: string;
  dropped_out: number;
  /** Accepted transfers out of the school, and students who left to a school outside sogd. */
  transfers_out: number;
  transfers_in: number;
}

/**
 * Drop-outs and transfers under `filter`, per child unit and school year,
 * from the registry's registry_student_movement_v (migration 2026120510).
 * A level filter reads the grade (no grade: preschool).
 */
export async function movementCounts(db: Db, filter: BaseFilter): Promise<MovementCounts[]> {
  if (!filter.years.length) return [];
  const level = filter.level ?? null;
  const ownership = filter.ownership ?? null;
  const years = sql.join(filter.years.map((y) => sql`${y}`));
  const result = await sql<MovementCounts>`
    SELECT split_part(substr(u.path, ${filter.path.length + 1}), '/', 1) AS "group",
      m.school_year,
      (count(*) FILTER (WHERE m.kind = 'dropped_out'))::integer AS dropped_out,
      (count(*) FILTER (WHERE m.kind IN ('transfer_out', 'left')))::integer AS transfers_out,
      (count(*) FILTER (WHERE m.kind = 'transfer_in'))::integer AS transfers_in
    FROM registry_student_movement_v m
    JOIN orgs_unit_v u ON u.id = m.school_id
    WHERE u.kind = 'school' AND u.path LIKE ${filter.path + '%'}
      AND m.school_year IN (${years})
      AND (${ownership}::text IS NULL OR u.ownership = ${ownership})
      AND (${level}::text IS NULL OR ${level} = CASE
        WHEN m.grade IS NULL THEN 'preschool' WHEN m.grade <= 5 THEN 'primary'
        WHEN m.grade <= 9 THEN 'lower_secondary' ELSE 'upper_secondary' END)
    GROUP BY 1, 2`.execute(db);
  return result.rows;
}

export interface BudgetRow {
  year: number;
  education_spending: number;
  total_spending: number;
  source: string;
  updated_at: Date;
}

export async function budgetsOf(db: Db, unitId: string): Promise<BudgetRow[]> {
  return db
    .selectFrom('indicator_budget')
    .select(['year', 'education_spending', 'total_spending', 'source', 'updated_at'])
    .where('unit_id', '=', unitId)
    .orderBy('year')
    .execute();
}

/** The figures of the unit's year, entered or replaced (audited by the table's triggers). */
export async function upsertBudget(
  db: Db,
  actor: Actor,
  row: { unitId: string; year: number; education: number; total: number; source: string },
): Promise<void> {
  await writeTransaction(db, actor, (tx) =>
    tx
      .insertInto('indicator_budget')
      .values({
        unit_id: row.unitId,
        year: row.year,
        education_spending: row.education,
        total_spending: row.total,
        source: row.source,
      })
      .onConflict((oc) =>
        oc.columns(['unit_id', 'year']).doUpdateSet({
          education_spending: row.education,
          total_spending: row.total,
          source: row.source,
          updated_at: sql`now()`,
        }),
      )
      .execute(),
  );
}

/** Budget figures of the units under `path` (inclusive) for calendar years, per child unit. */
export async function budgetCounts(
  db: Db,
  path: string,
  years: readonly number[],
): Promise<{ group: string; year: number; education: number; total: number }[]> {
  if (!years.length) return [];
  const list = sql.join(years.map((y) => sql`${y}`));
  const result = await sql<{ group: string; year: number; education: number; total: number }>`
    SELECT split_part(substr(u.path, ${path.length + 1}), '/', 1) AS "group", b.year,
      sum(b.education_spending)::double precision AS education,
      sum(b.total_spending)::double precision AS total
    FROM indicator_budget b JOIN orgs_unit_v u ON u.id = b.unit_id
    WHERE u.path LIKE ${path + '%'} AND b.year IN (${list})
    GROUP BY 1, 2`.execute(db);
  return result.rows;
}

/**
 * The surveys' results per school under `path` for a school year, from the
 * view the surveys module publishes for the indicators
 * (survey_school_result_v: schools with 10 answers or more only).
 */
export async function surveyResultsUnder(db: Db, path: string, schoolYear: string) {
  return db
    .selectFrom('survey_school_result_v as v')
    .innerJoin('orgs_unit_v as u', 'u.id', 'v.school_id')
    .select([
      'v.survey_id',
      'v.title',
      'v.status',
      'v.answers',
      'v.mean_score',
      'u.id as school_id',
      'u.code as school_code',
      'u.name as school_name',
      'u.kind as school_kind',
    ])
    .where('v.school_year', '=', schoolYear)
    .where('u.path', 'like', `${path}%`)
    .orderBy('v.title')
    .orderBy('v.survey_id')
    .orderBy('u.code')
    .execute();
}
