/** Data-quality lists of a unit's subtree, live (issue #16, point 6). */
import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import type { DataQuality, QualityCheckId } from './contract.ts';
import { brief, drillUnit } from './drill.ts';
import { referenceDate } from './norms.ts';
import {
  agesOutOfRange,
  classesOverOrEmpty,
  duplicateStudents,
  schoolsWithoutManager,
  staffPastRetirement,
  studentsWithoutClass,
  type QualityItem,
} from './repo.ts';
import { retirementMonths } from './retirement.ts';

export async function getDataQuality(
  db: Db,
  scope: Scope,
  input: { year: string; unitId?: string | undefined },
): Promise<DataQuality> {
  const { unit, ancestors } = await drillUnit(db, scope, input.unitId);
  const onDate = referenceDate(input.year);
  const calendarYear = Number(onDate.slice(0, 4));
  const none = Promise.resolve({ count: 0, items: [] as QualityItem[] });
  const male = retirementMonths(calendarYear, 'male');
  const female = retirementMonths(calendarYear, 'female');
  const checks: [QualityCheckId, Promise<{ count: number; items: QualityItem[] }>][] = [
    ['duplicate_students', duplicateStudents(db, unit.path)],
    ['age_out_of_range', agesOutOfRange(db, unit.path, input.year)],
    ['classes_over_max', classesOverOrEmpty(db, unit.path, input.year, false)],
    ['empty_classes', classesOverOrEmpty(db, unit.path, input.year, true)],
    ['schools_without_manager', schoolsWithoutManager(db, unit.path)],
    ['students_without_class', studentsWithoutClass(db, unit.path, input.year)],
    [
      'staff_past_retirement',
      male === null || female === null
        ? none
        : staffPastRetirement(db, unit.path, onDate, { male, female }),
    ],
  ];
  const results = await Promise.all(checks.map(([, p]) => p));
  return {
    year: input.year,
    unit: brief(unit),
    ancestors,
    checks: checks.map(([id], i) => ({
      id,
      count: results[i]!.count,
      items: results[i]!.items.map((item) => ({
        id: item.id,
        schoolId: item.school_id,
        schoolName: item.school_name,
        name: item.name,
        detail: item.detail,
      })),
    })),
  };
}
