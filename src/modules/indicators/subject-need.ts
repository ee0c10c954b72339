/**
 * The teacher need per subject (issue #16, point 3): for the unit's
 * subtree, each subject's periods a year (classes per grade × the
 * programme's periods, curriculum.ts) over a full load (TT 05/2025), against
 * the teachers whose main subject it is.
 */
import type { Scope } from '../../core/access/scope.ts';
import { badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import type { SchoolLevel } from '../../db/schema.ts';
import type { SubjectNeed } from './contract.ts';
import { curriculumOn, subjectOf, teachingLoadOn, WEEKS_A_YEAR } from './curriculum.ts';
import { brief, drillUnit } from './drill.ts';
import { LEVEL_ORDER, referenceDate } from './norms.ts';
import { schoolsUnder, teacherSubjectCounts } from './repo.ts';
import { refreshSummary } from './summary/refresh.ts';
import { summaryGradeCounts } from './summary/repo.ts';

type General = Exclude<SchoolLevel, 'preschool'>;
const GENERAL: readonly General[] = ['primary', 'lower_secondary', 'upper_secondary'];

export async function getSubjectNeed(
  db: Db,
  scope: Scope,
  input: { year: string; unitId?: string | undefined },
): Promise<SubjectNeed> {
  const { unit, ancestors } = await drillUnit(db, scope, input.unitId);
  const date = referenceDate(input.year);
  const curriculum = curriculumOn(date);
  const load = teachingLoadOn(date);
  if (!curriculum || !load)
    throw badRequest(
      `Chưa có chương trình hoặc định mức tiết dạy áp dụng cho năm học ${input.year}.`,
    );
  await refreshSummary(db, unit.path);
  const [schools, classes, teachers] = await Promise.all([
    schoolsUnder(db, unit.path, input.year),
    summaryGradeCounts(db, unit.path, input.year),
    teacherSubjectCounts(db, unit.path),
  ]);
  const inSubtree = new Map(schools.map((s) => [s.id, s]));
  const periods = new Map<string, number>(curriculum.subjects.map((s) => [s.id, 0]));
  const subjectTeachers = new Map<string, number>();
  const levelTeachers = new Map<General, number>();
  const unmatched = new Map<General, number>();
  for (const c of classes) {
    if (!inSubtree.has(c.school_id)) continue;
    for (const s of curriculum.subjects)
      if (s.level === c.level)
        periods.set(s.id, periods.get(s.id)! + c.classes * (s.periods[c.grade] ?? 0));
  }
  const levelsWithClasses = new Map<string, Set<SchoolLevel>>();
  for (const c of classes) {
    let set = levelsWithClasses.get(c.school_id);
    if (!set) levelsWithClasses.set(c.school_id, (set = new Set()));
    set.add(c.level);
  }
  for (const t of teachers) {
    const school = inSubtree.get(t.school_id);
    if (!school) continue;
    // No level recorded: the school's highest level (as the norm report counts them).
    const known = school.levels.length
      ? school.levels
      : [...(levelsWithClasses.get(school.id) ?? [])];
    const level = t.level_taught ?? LEVEL_ORDER.filter((l) => known.includes(l)).at(-1);
    if (!level || level === 'preschool') continue;
    levelTeachers.set(level, (levelTeachers.get(level) ?? 0) + t.teachers);
    const subject = subjectOf(curriculum.subjects, level, t.main_subject);
    if (subject)
      subjectTeachers.set(subject.id, (subjectTeachers.get(subject.id) ?? 0) + t.teachers);
    else unmatched.set(level, (unmatched.get(level) ?? 0) + t.teachers);
  }
  const need = (level: General, p: number) => p / (load.perWeek[level] * WEEKS_A_YEAR);
  const subjects = curriculum.subjects
    .filter((s) => periods.get(s.id)! > 0 || (subjectTeachers.get(s.id) ?? 0) > 0)
    .map((s) => {
      const p = periods.get(s.id)!;
      const n = need(s.level, p);
      const shared = s.teachers.length === 0;
      const count = shared ? null : (subjectTeachers.get(s.id) ?? 0);
      return {
        id: s.id,
        name: s.name,
        level: s.level,
        periods: p,
        need: n,
        teachers: count,
        difference: count === null ? null : count - n,
        group: s.group ?? false,
      };
    });
  const levels = GENERAL.filter((l) => subjects.some((s) => s.level === l)).map((level) => {
    const p = subjects.filter((s) => s.level === level).reduce((sum, s) => sum + s.periods, 0);
    const n = need(level, p);
    const count = levelTeachers.get(level) ?? 0;
    return {
      level,
      periods: p,
      need: n,
      teachers: count,
      difference: count - n,
      unmatched: unmatched.get(level) ?? 0,
    };
  });
  return {
    year: input.year,
    unit: brief(unit),
    ancestors,
    sources: [...curriculum.sources, load.source],
    loads: load.perWeek,
    subjects,
    levels,
  };
}
