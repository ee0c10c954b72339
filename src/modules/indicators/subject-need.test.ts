import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, writeTransaction } from '../../db/actor.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { freshDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { makeClasses } from '../../../test/helpers/factories/registry.ts';
import { makeTree, scopeAt } from '../../../test/helpers/fixtures.ts';
import { getSubjectNeed } from './subject-need.ts';

const YEAR = '2026-2027';

// Hand-computed from the programme's periods a year (TT 32/2018, amended by
// TT 13/2022) and a full load of 23 (primary) / 19 (lower secondary)
// periods a week over 35 weeks (TT 05/2025):
// - TH: two grade-1 classes and one grade-4 class. Class teacher: 2 × 735 +
//   700 = 2,170 periods, 2,170 / 805 teachers; foreign language: grade 4
//   only, 140 / 805. All subjects: 2 × 875 + 1,050 = 2,800 / 805.
// - CS: two grade-6 classes and one grade-8 class. Mathematics: 3 × 140 =
//   420 / 665; technology: 2 × 35 + 52 = 122 / 665; natural sciences 420 /
//   665, taught by the chemistry and the physics teacher. All subjects:
//   3 × 1,015 + 17 = 3,062 / 665.
let t: TestDatabase;
let ids: Record<string, string>;

beforeAll(async () => {
  t = await freshDatabase();
  ids = await makeTree(t.db, [
    { code: 'SGD', name: 'Sở', kind: 'department' },
    { code: 'TH', name: 'Trường TH', kind: 'school', parent: 'SGD', levels: ['primary'] },
    { code: 'CS', name: 'Trường THCS', kind: 'school', parent: 'SGD', levels: ['lower_secondary'] },
  ]);
  await makeClasses(t.db, [
    { schoolId: ids.TH!, name: '1A', schoolYear: YEAR },
    { schoolId: ids.TH!, name: '1B', schoolYear: YEAR, sessionsPerDay: 2 },
    { schoolId: ids.TH!, name: '4A', schoolYear: YEAR },
    { schoolId: ids.CS!, name: '6A', schoolYear: YEAR },
    { schoolId: ids.CS!, name: '6B', schoolYear: YEAR },
    { schoolId: ids.CS!, name: '8A', schoolYear: YEAR },
    // Another year's class counts nowhere here.
    { schoolId: ids.CS!, name: '9A', schoolYear: '2025-2026' },
  ]);
  let n = 0;
  const staff = (school: string, mainSubject: string, active = true) => ({
    id: uuidv7(),
    school_id: ids[school]!,
    full_name: `Giáo Viên ${++n}`,
    family_name: 'Giáo',
    middle_name: 'Viên',
    given_name: String(n),
    search_name: `giao vien ${n}`,
    birth_date: '1985-01-01',
    gender: 'female' as const,
    position: 'teacher' as const,
    main_subject: mainSubject,
    active,
  });
  await writeTransaction(t.db, systemActor('test'), (tx) =>
    tx
      .insertInto('staff')
      .values([
        staff('TH', 'Giáo viên tiểu học'),
        staff('TH', 'Giáo viên tiểu học'),
        staff('TH', 'giáo viên TIỂU HỌC'),
        staff('TH', 'Tiếng Anh'),
        staff('CS', 'Toán'),
        staff('CS', 'Toán'),
        staff('CS', 'Toán', false),
        staff('CS', 'Hoá học'),
        staff('CS', 'Vật lý'),
        staff('CS', 'Ngữ văn'),
        staff('CS', 'Thư viện'),
      ])
      .execute(),
  );
});
afterAll(() => t?.close());

describe('teacher need per subject', () => {
  it('divides the programme periods of the classes by the load, against the teachers', async () => {
    const scope = await scopeAt(t.db, ids.SGD!, 'department_staff');
    const answer = await getSubjectNeed(t.db, scope, { year: YEAR });
    const subject = (id: string) => answer.subjects.find((s) => s.id === id)!;
    expect(answer.loads).toEqual({ primary: 23, lower_secondary: 19, upper_secondary: 17 });
    expect(subject('primary_class_teacher')).toMatchObject({ periods: 2170, teachers: 3 });
    expect(subject('primary_class_teacher').need).toBeCloseTo(2170 / 805, 12);
    expect(subject('primary_class_teacher').difference).toBeCloseTo(3 - 2170 / 805, 12);
    expect(subject('primary_foreign_language')).toMatchObject({ periods: 140, teachers: 1 });
    expect(subject('primary_it_technology')).toMatchObject({ periods: 70, teachers: 0 });
    expect(subject('lower_mathematics')).toMatchObject({ periods: 420, teachers: 2 });
    expect(subject('lower_mathematics').need).toBeCloseTo(420 / 665, 12);
    expect(subject('lower_technology')).toMatchObject({ periods: 122, teachers: 0 });
    expect(subject('lower_natural_sciences')).toMatchObject({ periods: 420, teachers: 2 });
    expect(subject('lower_literature')).toMatchObject({ periods: 420, teachers: 1 });
    expect(subject('lower_shared')).toMatchObject({
      periods: 420,
      teachers: null,
      difference: null,
    });
    expect(answer.subjects.some((s) => s.level === 'upper_secondary')).toBe(false);

    const level = (l: string) => answer.levels.find((x) => x.level === l)!;
    expect(level('primary')).toMatchObject({ periods: 2800, teachers: 4, unmatched: 0 });
    expect(level('primary').need).toBeCloseTo(2800 / 805, 12);
    expect(level('lower_secondary')).toMatchObject({ periods: 3062, teachers: 6, unmatched: 1 });
    expect(level('lower_secondary').difference).toBeCloseTo(6 - 3062 / 665, 12);
    expect(answer.sources.join(' ')).toMatch(/32\/2018.*05\/2025/);
  });

  it('answers a school only its own subjects, and refuses outside the scope', async () => {
    const school = await scopeAt(t.db, ids.TH!, 'school_admin');
    const own = await getSubjectNeed(t.db, school, { year: YEAR });
    expect(own.levels.map((l) => l.level)).toEqual(['primary']);
    await expect(
      getSubjectNeed(t.db, school, { year: YEAR, unitId: ids.CS! }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(getSubjectNeed(t.db, school, { year: '2019-2020' })).rejects.toMatchObject({
      status: 400,
    });
  });
});
