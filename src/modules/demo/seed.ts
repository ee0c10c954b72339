import { sql, type Insertable } from 'kysely';
import { systemActor, writeTransaction, type Tx } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { FacilityTable, SchoolYearProfileTable } from '../../db/schema.ts';
import { seedOfficeDemo } from '../office/index.ts';
import { seedDiplomasDemo } from '../diplomas/index.ts';
import { savePlan, seedReportsDemo } from '../indicators/index.ts';
import { seedAdmissionsDemo } from '../admissions/index.ts';
import { seedAccreditationDemo } from '../accreditation/index.ts';
import { seedServicesDemo } from '../services/index.ts';
import { seedSurveysDemo } from '../surveys/index.ts';
import { unitSearchName } from '../orgs/index.ts';
import { DEFAULT_DEMO, planDemo, type DemoOptions, type DemoUnit } from './generate.ts';

export interface SeedResult {
  rootId: string;
  units: number;
  classes: number;
  students: number;
  staff: number;
  ms: number;
}

/** The plans whose targets the indicators page draws (issue #16: seeds 002 and 004). */
async function seedDemoPlans(db: Db, departmentId: string, schoolYear: string): Promise<void> {
  const start = Number(schoolYear.slice(0, 4));
  const actor = systemActor('tạo tỉnh mẫu');
  await savePlan(db, actor, {
    unitId: departmentId,
    name: 'Kế hoạch thực hiện Kết luận 91-KL/TW về đổi mới căn bản, toàn diện giáo dục và đào tạo',
    decision: '298/KH-UBND',
    decisionDate: '2024-12-30',
    targets: [
      { indicatorId: 'two_sessions_primary_students', schoolYear: '2025-2026', value: 100 },
      { indicatorId: 'national_standard_rate', schoolYear: `${start}-${start + 1}`, value: 91 },
    ],
  });
  await savePlan(db, actor, {
    unitId: departmentId,
    name: 'Nghị quyết 71-NQ/TW về đột phá phát triển giáo dục và đào tạo',
    decision: '71-NQ/TW',
    decisionDate: '2025-08-22',
    targets: [{ indicatorId: 'national_standard_rate', schoolYear: '2030-2031', value: 80 }],
  });
}

export type Progress = (phase: string, done: number, total: number) => void;

// PostgreSQL allows 65,535 bind parameters per statement; a student row has 20.
const BATCH = 2_000;

async function insertBatched<T>(
  rows: T[],
  insert: (batch: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/** An org_unit row of a generated unit (also used by the registry benchmark). */
export function unitRow(u: DemoUnit) {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    search_name: unitSearchName(u.code, u.name),
    kind: u.kind,
    parent_id: u.parentId,
    path: u.path,
    depth: u.depth,
    levels: u.levels,
    ownership: u.ownership,
    address: u.address,
    latitude: u.latitude,
    longitude: u.longitude,
    merged_into_id: null,
  };
}

/** Rows added by each statement from here on audited as one entry (or, off, one each). */
const groupedAudit = (tx: Tx, on: boolean) =>
  sql`SELECT set_config('sogd.audit_grouped', ${on ? 'on' : 'off'}, true)`.execute(tx);

/**
 * Writes a generated demo province into an empty database, all in one
 * transaction: a crash half-way leaves nothing, and the next start seeds again.
 */
export async function seedDemo(
  db: Db,
  options: Partial<DemoOptions> = {},
  onProgress?: Progress,
): Promise<SeedResult> {
  const started = performance.now();
  const opts: DemoOptions = { ...DEFAULT_DEMO, ...options };
  const plan = planDemo(opts);
  const counts = { units: 0, classes: 0, students: 0, staff: 0 };
  await writeTransaction(db, systemActor('tạo tỉnh mẫu'), async (tx: Tx) => {
    const existing = await tx.selectFrom('org_unit').select('id').limit(1).execute();
    if (existing.length)
      throw new Error(
        'Cơ sở dữ liệu đã có dữ liệu đơn vị: chỉ tạo tỉnh mẫu trên cơ sở dữ liệu trống.',
      );
    // Bulk load: the per-row constraint checks of a fresh database are deferred to commit.
    await sql`SET CONSTRAINTS ALL DEFERRED`.execute(tx);
    await tx
      .insertInto('org_unit')
      .values([plan.department, ...plan.communes].map(unitRow))
      .execute();
    counts.units += 1 + plan.communes.length;
    let studentsDone = 0;
    const profiles: Insertable<SchoolYearProfileTable>[] = [];
    const facilities: Insertable<FacilityTable>[] = [];
    for (let i = 0; i < plan.schoolCount; i++) {
      const school = plan.school(i);
      // Units keep an entry each; the school's people are audited as one
      // 'insert_many' entry per statement, as a list import is (migration
      // 2026112504): one jsonb copy per row was ~4.5 s of a 100,000-student seed.
      await groupedAudit(tx, false);
      await tx.insertInto('org_unit').values(unitRow(school.unit)).execute();
      counts.units++;
      await groupedAudit(tx, true);
      await insertBatched(school.staff, (batch) =>
        tx
          .insertInto('staff')
          .values(
            batch.map((s) => ({
              id: s.id,
              school_id: s.schoolId,
              full_name: s.fullName,
              family_name: s.familyName,
              middle_name: s.middleName,
              given_name: s.givenName,
              search_name: s.searchName,
              birth_date: s.birthDate,
              gender: s.gender,
              personal_id: s.personalId,
              position: s.position,
              main_subject: s.mainSubject,
              qualification: s.qualification,
              employment_type: s.employmentType,
              level_taught: s.levelTaught,
              rank: s.rank,
            })),
          )
          .execute(),
      );
      if (school.classes.length)
        await tx
          .insertInto('class')
          .values(
            school.classes.map((c) => ({
              school_id: c.schoolId,
              id: c.id,
              school_year: opts.schoolYear,
              name: c.name,
              grade: c.grade,
              sessions_per_day: c.sessionsPerDay,
              homeroom_staff_id: c.homeroomStaffId,
            })),
          )
          .execute();
      await insertBatched(school.students, async (batch) => {
        await tx
          .insertInto('student')
          .values(
            batch.map((s) => ({
              id: s.id,
              school_id: s.schoolId,
              personal_id: s.personalId,
              student_code: s.studentCode,
              full_name: s.fullName,
              family_name: s.familyName,
              middle_name: s.middleName,
              given_name: s.givenName,
              search_name: s.searchName,
              birth_date: s.birthDate,
              gender: s.gender,
              ethnicity: s.ethnicity,
              birth_place: s.birthPlace,
              address: s.address,
              guardian_name: s.guardianName,
              phone: s.phone,
            })),
          )
          .execute();
        await tx
          .insertInto('enrolment')
          .values(
            batch.map((s) => ({
              student_id: s.id,
              school_year: opts.schoolYear,
              school_id: s.schoolId,
              class_id: s.classId,
            })),
          )
          .execute();
      });
      // Profiles and rooms are small: collected and written in a few statements at the end.
      profiles.push({
        school_id: school.unit.id,
        school_year: opts.schoolYear,
        id: school.profile.id,
        national_standard_level: school.profile.nationalStandardLevel,
        national_standard_decision: school.profile.nationalStandardDecision,
        national_standard_date: school.profile.nationalStandardDate,
        accreditation_level: school.profile.accreditationLevel,
        two_sessions_a_day: school.profile.twoSessionsADay,
        notes: null,
      });
      for (const f of school.facilities)
        facilities.push({
          school_id: school.unit.id,
          school_year: opts.schoolYear,
          room_type: f.roomType,
          condition: f.condition,
          id: f.id,
          room_count: f.count,
          area_m2: f.areaM2,
        });
      counts.classes += school.classes.length;
      counts.students += school.students.length;
      counts.staff += school.staff.length;
      studentsDone += school.students.length;
      onProgress?.('Tạo tỉnh mẫu', studentsDone, opts.students);
    }
    await groupedAudit(tx, false);
    await insertBatched(profiles, (batch) =>
      tx.insertInto('school_year_profile').values(batch).execute(),
    );
    await insertBatched(facilities, (batch) => tx.insertInto('facility').values(batch).execute());
    await seedOfficeDemo(tx, plan.department.id);
    await seedDiplomasDemo(tx, plan.department.id, opts.schoolYear);
  });
  await seedDemoPlans(db, plan.department.id, opts.schoolYear);
  await seedReportsDemo(db, plan.department.path, opts.schoolYear);
  // Statistics after the bulk load: PGlite runs no autovacuum, and without them
  // the planner takes every table for one row (report queries ran 5× slower).
  await sql`ANALYZE`.execute(db);
  // A grade-10 campaign open now, so that the admissions pages show something at once.
  await seedAdmissionsDemo(db, plan.department);
  // A self-assessment campaign with one school's cycle under way (issue #18).
  await seedAccreditationDemo(db, plan.department, opts.schoolYear);
  // A parent survey with known codes for the first school (docs/surveys.md).
  await seedSurveysDemo(db, plan.department.id, opts.schoolYear);
  // Two applications at the one-stop desk, one overdue (docs/services.md).
  await seedServicesDemo(db, plan.department.id);
  return { rootId: plan.department.id, ...counts, ms: Math.round(performance.now() - started) };
}
