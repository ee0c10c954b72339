/** Data-quality lists of a unit's subtree, live (issue #16, point 6). */
import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import type { DataQuality, QualityCheckId } from './contract.ts';
import { curriculumOn } from './curriculum.ts';
import { LEVEL_NAMES } from './dashboard-xlsx.ts';
import { brief, drillUnit } from './drill.ts';
import { referenceDate } from './norms.ts';
import {
  agesOutOfRange,
  classesOverOrEmpty,
  duplicateStudents,
  QUALITY_LIMIT,
  schoolsUnder,
  schoolsWithoutManager,
  staffPastRetirement,
  studentsWithoutClass,
  teacherSubjectCounts,
  type QualityItem,
} from './repo.ts';
import { requiredSubjectGaps } from './required-subjects.ts';
import { retirementMonths } from './retirement.ts';
import { refreshSummary } from './summary/refresh.ts';
import { summaryGradeCounts } from './summary/repo.ts';

/**
 * Schools of the subtree with no teacher of a subject their classes have
 * (required-subjects.ts): one item per school, the levels and subjects missing
 * in its detail ("THCS: Tin học, Âm nhạc").
 */
async function schoolsMissingSubjectTeacher(
  db: Db,
  path: string,
  year: string,
  onDate: string,
): Promise<{ count: number; items: QualityItem[] }> {
  const curriculum = curriculumOn(onDate);
  if (!curriculum) return { count: 0, items: [] };
  // Exact: what the registry changed under the unit is summed again first.
  await refreshSummary(db, path);
  const [schools, classes, teachers] = await Promise.all([
    schoolsUnder(db, path, year),
    summaryGradeCounts(db, path, year),
    teacherSubjectCounts(db, path),
  ]);
  const gaps = requiredSubjectGaps(curriculum, schools, classes, teachers);
  const byId = new Map(schools.map((s) => [s.id, s]));
  const details = new Map<string, string[]>();
  for (const g of gaps) {
    const list = details.get(g.schoolId) ?? [];
    list.push(`${LEVEL_NAMES[g.level]}: ${g.subjects.map((s) => s.name.vi).join(', ')}`);
    details.set(g.schoolId, list);
  }
  const items = [...details]
    .map(([id, detail]): QualityItem => {
      const school = byId.get(id)!;
      return {
        id,
        school_id: id,
        school_name: school.name,
        name: school.name,
        detail: detail.join('; '),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return { count: items.length, items: items.slice(0, QUALITY_LIMIT) };
}

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
    [
      'schools_missing_subject_teacher',
      schoolsMissingSubjectTeacher(db, unit.path, input.year, onDate),
    ],
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
