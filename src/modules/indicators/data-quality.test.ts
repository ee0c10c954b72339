import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, writeTransaction } from '../../db/actor.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { freshDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { makeTree, scopeAt } from '../../../test/helpers/fixtures.ts';
import { getDataQuality } from './data-quality.ts';
import { retirementMonths } from './retirement.ts';

const YEAR = '2026-2027';

describe('data-quality lists on a hand-built tree', () => {
  let t: TestDatabase;
  let ids: Record<string, string>;
  const expected: Record<string, string[]> = {};
  beforeAll(async () => {
    t = await freshDatabase();
    ids = await makeTree(t.db, [
      { code: 'SGD', name: 'Sở Thử', kind: 'department' },
      { code: 'X01', name: 'Xã Một', kind: 'commune', parent: 'SGD' },
      { code: 'A', name: 'Trường A', kind: 'school', parent: 'X01', levels: ['primary'] },
      { code: 'B', name: 'Trường B', kind: 'school', parent: 'SGD', levels: ['primary'] },
    ]);
    let n = 0;
    const student = (school: string, name: string, birth: string) => ({
      id: uuidv7(),
      school_id: ids[school]!,
      full_name: name,
      family_name: name.split(' ')[0]!,
      middle_name: '',
      given_name: name.split(' ').at(-1)!,
      search_name: name.toLowerCase(),
      birth_date: birth,
      gender: 'female' as const,
      student_code: `HS${++n}`,
    });
    const staff = (
      school: string,
      name: string,
      birth: string,
      gender: 'male' | 'female',
      position: 'teacher' | 'manager',
    ) => ({
      id: uuidv7(),
      school_id: ids[school]!,
      full_name: name,
      family_name: 'Lê',
      middle_name: '',
      given_name: name,
      search_name: name.toLowerCase(),
      birth_date: birth,
      gender,
      position,
    });
    await writeTransaction(t.db, systemActor('test'), async (tx) => {
      const classA = uuidv7();
      const emptyB = uuidv7();
      const bigB = uuidv7();
      await tx
        .insertInto('class')
        .values([
          { school_id: ids.A!, id: classA, school_year: YEAR, name: '1A', grade: 1 },
          { school_id: ids.B!, id: emptyB, school_year: YEAR, name: '2A', grade: 2 },
          { school_id: ids.B!, id: bigB, school_year: YEAR, name: '3A', grade: 3 },
        ])
        .execute();
      // Same normalised name and birth date in two schools: both listed.
      const dupA = student('A', 'an nguyen', '2020-03-01');
      const dupB = student('B', 'an nguyen', '2020-03-01');
      // Grade 1 in 2026: usual age 6 (born 2020); born 2021 is too young, 2016 too old.
      const young = student('A', 'binh tran', '2021-01-01');
      const old = student('A', 'cuong le', '2016-05-05');
      const unplaced = student('A', 'dung pham', '2020-07-07');
      await tx.insertInto('student').values([dupA, dupB, young, old, unplaced]).execute();
      const big = Array.from({ length: 36 }, (_, i) => student('B', `hoc sinh ${i}`, '2018-01-01'));
      await tx.insertInto('student').values(big).execute();
      await tx
        .insertInto('enrolment')
        .values([
          ...[dupA, young, old].map((s) => ({
            student_id: s.id,
            school_year: YEAR,
            school_id: ids.A!,
            class_id: classA,
          })),
          ...[dupB, ...big].map((s) => ({
            student_id: s.id,
            school_year: YEAR,
            school_id: ids.B!,
            class_id: bigB,
          })),
        ])
        .execute();
      // Reference date 30/9/2026: men retire at 61 y 6 m, women at 57 y (Điều 169).
      const retiredMan = staff('A', 'Ông Hưu', '1965-03-01', 'male', 'manager');
      const workingMan = staff('A', 'Ông Làm', '1965-04-15', 'male', 'teacher');
      const retiredWoman = staff('B', 'Bà Hưu', '1969-09-30', 'female', 'teacher');
      const workingWoman = staff('B', 'Bà Làm', '1969-10-01', 'female', 'teacher');
      await tx
        .insertInto('staff')
        .values([retiredMan, workingMan, retiredWoman, workingWoman])
        .execute();
      expected.duplicate_students = [dupA.id, dupB.id].sort();
      // dupB, born 2020, sits in grade 3 (usual age 8): too young as well.
      expected.age_out_of_range = [young.id, old.id, dupB.id].sort();
      expected.classes_over_max = [bigB];
      expected.empty_classes = [emptyB];
      expected.schools_without_manager = [ids.B!];
      // No teacher has a recorded main subject: both schools miss every required subject.
      expected.schools_missing_subject_teacher = [ids.A!, ids.B!].sort();
      expected.students_without_class = [unplaced.id];
      expected.staff_past_retirement = [retiredMan.id, retiredWoman.id].sort();
    });
  });
  afterAll(() => t.close());

  it('reads the retirement ages of Điều 169 by year', () => {
    expect(retirementMonths(2021, 'male')).toBe(60 * 12 + 3);
    expect(retirementMonths(2026, 'male')).toBe(61 * 12 + 6);
    expect(retirementMonths(2028, 'male')).toBe(62 * 12);
    expect(retirementMonths(2040, 'male')).toBe(62 * 12);
    expect(retirementMonths(2026, 'female')).toBe(57 * 12);
    expect(retirementMonths(2035, 'female')).toBe(60 * 12);
    expect(retirementMonths(2020, 'female')).toBeNull();
  });

  it('lists each problem with its count, inside the caller scope', async () => {
    const scope = await scopeAt(t.db, ids.SGD!, 'department_staff');
    const all = await getDataQuality(t.db, scope, { year: YEAR });
    const got = Object.fromEntries(all.checks.map((c) => [c.id, c.items.map((i) => i.id).sort()]));
    expect(got).toEqual(expected);
    expect(all.checks.every((c) => c.count === c.items.length)).toBe(true);
    // School A has grade 1 only: the subjects of grade 1, not the foreign language (grades 3–5).
    const missing = all.checks.find((c) => c.id === 'schools_missing_subject_teacher')!;
    const a = missing.items.find((i) => i.id === ids.A)!;
    expect(a).toMatchObject({ schoolId: ids.A, schoolName: 'Trường A', name: 'Trường A' });
    expect(a.detail).toMatch(/^Tiểu học: Giáo viên văn hoá .*Giáo dục thể chất \(tiểu học\)/);
    expect(a.detail).not.toContain('Ngoại ngữ');
    expect(missing.items.find((i) => i.id === ids.B)!.detail).toContain('Ngoại ngữ 1 (tiểu học)');

    // A commune's officer sees only school A's records.
    const commune = await scopeAt(t.db, ids.X01!, 'office_staff');
    const own = await getDataQuality(t.db, commune, { year: YEAR });
    const ownDuplicates = own.checks.find((c) => c.id === 'duplicate_students')!;
    expect(ownDuplicates.count).toBe(0);
    expect(own.checks.flatMap((c) => c.items).every((i) => i.schoolId === ids.A)).toBe(true);
    await expect(
      getDataQuality(t.db, commune, { year: YEAR, unitId: ids.B! }),
    ).rejects.toMatchObject({ status: 403 });
  });
});
