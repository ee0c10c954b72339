import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection.ts';
import { checkPersonalId } from '../../lib/personal-id.ts';
import { freshDatabase } from '../../../test/helpers/db.ts';
import { planDemo, type DemoSchool } from './generate.ts';
import { seedDemo } from './seed.ts';

const options = { schools: 40, students: 4_000, seed: 7, schoolYear: '2025-2026' };

function generateAll(opts = options): DemoSchool[] {
  const plan = planDemo(opts);
  return Array.from({ length: plan.schoolCount }, (_, i) => plan.school(i));
}

describe('demo generator', () => {
  const schools = generateAll();
  const students = schools.flatMap((s) => s.students);

  it('is deterministic for a seed and differs for another', () => {
    expect(generateAll()).toEqual(schools);
    const other = generateAll({ ...options, seed: 8 });
    expect(
      other[0]!.students[0]!.fullName === schools[0]!.students[0]!.fullName &&
        other[0]!.unit.name === schools[0]!.unit.name,
    ).toBe(false);
  });

  it('makes the requested numbers and a tree of 20–30 communes', () => {
    expect(students).toHaveLength(options.students);
    const plan = planDemo(options);
    expect(plan.communes.length).toBeGreaterThanOrEqual(20);
    expect(plan.communes.length).toBeLessThanOrEqual(30);
    const levels = new Set(schools.flatMap((s) => s.unit.levels));
    expect(levels).toEqual(new Set(['preschool', 'primary', 'lower_secondary', 'upper_secondary']));
    expect(schools.some((s) => s.unit.ownership === 'private')).toBe(true);
    expect(schools.some((s) => s.unit.levels.length > 1)).toBe(true);
    expect(new Set(schools.map((s) => s.unit.code)).size).toBe(schools.length);
  });

  it('gives plausible students: ages fit grades, valid personal ids, both genders, several ethnic groups', () => {
    const classOf = new Map(schools.flatMap((s) => s.classes).map((c) => [c.id, c]));
    for (const s of students) {
      const cls = classOf.get(s.classId)!;
      const age = 2025 - Number(s.birthDate.slice(0, 4));
      if (cls.grade === null) expect(age).toBeGreaterThanOrEqual(3);
      else {
        expect(age - cls.grade, s.fullName).toBeGreaterThanOrEqual(5);
        expect(age - cls.grade, s.fullName).toBeLessThanOrEqual(6);
      }
      expect(
        checkPersonalId(s.personalId, {
          birthYear: Number(s.birthDate.slice(0, 4)),
          gender: s.gender,
        }),
      ).toBeNull();
      expect(s.fullName.split(' ').length).toBeGreaterThanOrEqual(3);
    }
    expect(new Set(students.map((s) => s.personalId)).size).toBe(students.length);
    expect(new Set(students.map((s) => s.gender)).size).toBe(2);
    expect(new Set(students.map((s) => s.ethnicity)).size).toBeGreaterThanOrEqual(4);
  });

  it('keeps class sizes within the school charters', () => {
    const sizes = new Map<string, number>();
    for (const s of students) sizes.set(s.classId, (sizes.get(s.classId) ?? 0) + 1);
    for (const school of schools)
      for (const c of school.classes) {
        const max = c.grade === null ? 35 : c.grade <= 5 ? 35 : 45;
        expect(sizes.get(c.id) ?? 0, c.name).toBeLessThanOrEqual(max);
      }
  });

  it('gives schools a plausible profile and rooms, and classes a homeroom teacher', () => {
    const many = generateAll({ ...options, schools: 300, students: 30_000 });
    const standard = many.filter((s) => s.profile.nationalStandardLevel > 0).length / many.length;
    expect(standard).toBeGreaterThan(0.75);
    expect(standard).toBeLessThan(0.93);
    const primary = many.filter((s) => s.unit.levels.join() === 'primary' && s.classes.length);
    const twoSessions = primary.filter((s) => s.profile.twoSessionsADay).length / primary.length;
    expect(twoSessions).toBeGreaterThan(0.7);
    for (const school of many) {
      const { profile, facilities, classes, staff } = school;
      if (profile.nationalStandardLevel > 0) {
        expect(profile.nationalStandardDecision).toMatch(/^\d+\/QĐ-UBND$/);
        expect(profile.accreditationLevel).toBeGreaterThanOrEqual(
          profile.nationalStandardLevel + 1,
        );
      } else expect(profile.nationalStandardDecision).toBeNull();
      const classrooms = facilities
        .filter((f) => f.roomType === 'classroom')
        .reduce((sum, f) => sum + f.count, 0);
      expect(classrooms).toBe(Math.max(1, classes.length));
      const keys = facilities.map((f) => `${f.roomType}|${f.condition}`);
      expect(new Set(keys).size).toBe(keys.length);
      const teachers = new Set(staff.filter((p) => p.position === 'teacher').map((p) => p.id));
      for (const c of classes) expect(teachers.has(c.homeroomStaffId!)).toBe(true);
    }
  });
});

describe('seeding a database', () => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await freshDatabase());
  });
  afterAll(async () => close?.());

  it('writes the province in one audited transaction and refuses a second time', async () => {
    const result = await seedDemo(db, { schools: 20, students: 2_000, seed: 3 });
    expect(result.students).toBe(2_000);
    const count = async (
      table: 'student' | 'enrolment' | 'org_unit' | 'staff' | 'class' | 'school_year_profile',
    ) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('student')).toBe(2_000);
    expect(await count('enrolment')).toBe(2_000);
    expect(await count('org_unit')).toBe(result.units);
    expect(await count('school_year_profile')).toBe(20);
    // Students as list imports are audited: one 'insert_many' entry per
    // statement and school, naming every new row; units one entry each.
    const audited = await db
      .selectFrom('audit_log')
      .select(['action', 'entity_ids'])
      .where('entity_type', '=', 'student')
      .where('actor_name', '=', 'hệ thống: tạo tỉnh mẫu')
      .execute();
    expect(new Set(audited.map((a) => a.action))).toEqual(new Set(['insert_many']));
    expect(audited.flatMap((a) => a.entity_ids ?? [])).toHaveLength(2_000);
    const units = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('entity_type', '=', 'org_unit')
      .where('action', '=', 'insert')
      .executeTakeFirstOrThrow();
    expect(Number(units.n)).toBe(result.units);
    // The admissions demo: a grade-1 entry campaign open now, with seats and catchments (issue #15).
    const entry = await db
      .selectFrom('admission_campaign')
      .select(['id', 'status', 'entry_rules'])
      .where('grade', '=', 1)
      .execute();
    expect(entry).toHaveLength(1);
    expect(entry[0]).toMatchObject({ status: 'open', entry_rules: { seed: 20_260_615 } });
    const seats = await db
      .selectFrom('admission_program')
      .select(['id', 'unzoned'])
      .where('campaign_id', '=', entry[0]!.id)
      .execute();
    expect(seats.length).toBeGreaterThan(0);
    const served = await db
      .selectFrom('entry_catchment')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('grade', '=', 1)
      .executeTakeFirstOrThrow();
    expect(Number(served.n)).toBeGreaterThanOrEqual(2 * seats.length);
    // Schools have locations inside Viet Nam (the entry-grade distance criterion), other units
    // none; the entry demo's served areas lie within a few km of a school serving them.
    const units2 = await db
      .selectFrom('org_unit')
      .select(['id', 'kind', 'latitude', 'longitude'])
      .execute();
    for (const u of units2)
      if (u.kind === 'school') {
        expect(u.latitude).toBeGreaterThanOrEqual(8);
        expect(u.latitude).toBeLessThanOrEqual(24);
        expect(u.longitude).toBeGreaterThanOrEqual(102);
        expect(u.longitude).toBeLessThanOrEqual(118);
      } else expect([u.latitude, u.longitude]).toEqual([null, null]);
    const at = new Map(units2.map((u) => [u.id, u]));
    const areas = await db
      .selectFrom('entry_catchment as c')
      .innerJoin('entry_area as a', 'a.id', 'c.area_id')
      .select(['c.school_id', 'a.latitude', 'a.longitude'])
      .where('c.grade', '=', 1)
      .execute();
    expect(areas.length).toBeGreaterThan(0);
    for (const a of areas) {
      const school = at.get(a.school_id)!;
      // Degrees, roughly: 0.05° is about 5 km here.
      expect(Math.abs(a.latitude! - school.latitude!)).toBeLessThan(0.05);
      expect(Math.abs(a.longitude! - school.longitude!)).toBeLessThan(0.05);
    }
    await expect(seedDemo(db, { schools: 5, students: 100 })).rejects.toThrow(/đã có dữ liệu/);
    expect(await count('student')).toBe(2_000);
  });
});
