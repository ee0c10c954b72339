import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { makeClasses, makeStudents } from '../../../test/helpers/factories/registry.ts';
import { makeTree, scopeAt } from '../../../test/helpers/fixtures.ts';
import { getDashboard } from './dashboard.ts';

// Retention within the level, by hand (definitions.ts retention_rate):
// last year TH had grade 1: 10 pupils, grade 5: 8 (it leaves the level);
// CS had grade 9: 6 (leaves). This year TH has grade 1: 12 (new entrants)
// and grade 2: 9; CS grade 6: 7 (entrants). Numerator: pupils past the
// first grade of their level this year = 9; denominator: pupils before the
// last grade of their level last year = 10. 9 / 10 = 90 %. For TH alone the
// same; for CS 0 / 0: no value.
const LAST = '2025-2026';
const THIS = '2026-2027';
let t: TestDatabase;
let ids: Record<string, string>;

beforeAll(async () => {
  t = await freshDatabase();
  ids = await makeTree(t.db, [
    { code: 'SGD', name: 'Sở', kind: 'department' },
    { code: 'TH', name: 'Trường TH', kind: 'school', parent: 'SGD', levels: ['primary'] },
    { code: 'CS', name: 'Trường THCS', kind: 'school', parent: 'SGD', levels: ['lower_secondary'] },
  ]);
  const classes = await makeClasses(t.db, [
    { schoolId: ids.TH!, name: '1A', schoolYear: LAST },
    { schoolId: ids.TH!, name: '5A', schoolYear: LAST },
    { schoolId: ids.CS!, name: '9A', schoolYear: LAST },
    { schoolId: ids.TH!, name: '1A', schoolYear: THIS },
    { schoolId: ids.TH!, name: '2A', schoolYear: THIS },
    { schoolId: ids.CS!, name: '6A', schoolYear: THIS },
  ]);
  const sizes = [10, 8, 6, 12, 9, 7];
  const schoolOf = ['TH', 'TH', 'CS', 'TH', 'TH', 'CS'];
  const yearOf = [LAST, LAST, LAST, THIS, THIS, THIS];
  let n = 0;
  for (let i = 0; i < classes.length; i++)
    await makeStudents(
      t.db,
      Array.from({ length: sizes[i]! }, () => ({
        schoolId: ids[schoolOf[i]!]!,
        fullName: `Học Sinh ${++n}`,
        classId: classes[i]!,
        schoolYear: yearOf[i]!,
      })),
    );
});
afterAll(() => t?.close());

describe('retention within the level', () => {
  it('divides this year’s pupils past the first grade by last year’s before the last', async () => {
    const scope = await scopeAt(t.db, ids.SGD!, 'department_staff');
    const dashboard = await getDashboard(t.db, scope, { year: THIS });
    const retention = dashboard.indicators.find((i) => i.id === 'retention_rate')!;
    expect(retention).toMatchObject({ numerator: 9, denominator: 10, value: 90 });
    expect(retention.trend).toEqual([
      { year: LAST, value: null },
      { year: THIS, value: 90 },
    ]);
    const child = (code: string) => dashboard.children.find((c) => c.unit.code === code)!;
    expect(child('TH').values.retention_rate).toBe(90);
    expect(child('CS').values.retention_rate).toBeNull();
    const lower = await getDashboard(t.db, scope, { year: THIS, level: 'lower_secondary' });
    expect(lower.indicators.find((i) => i.id === 'retention_rate')).toMatchObject({
      numerator: 0,
      denominator: 0,
      value: null,
    });
  });
});
