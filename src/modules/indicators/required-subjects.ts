/**
 * Schools with no teacher of a required subject (issue #16, point 6): for
 * each school and general level it teaches in the year, the subjects of the
 * 2018 programme (curriculum.ts, Thông tư 32/2018/TT-BGDĐT) that its classes
 * have periods of and that a subject teacher teaches, with no active teacher
 * of the school whose main subject it is at that level. A teacher counts at
 * the level recorded on the staff record ("level taught", for multi-level
 * schools), else at the school's highest level, as the teacher norms and the
 * per-subject need count them. Subjects taught by every teacher (experiential
 * activities, local content) and the elective group are not checked: their
 * teachers are not recorded per subject. Pure: the caller reads the rows.
 */
import type { SchoolLevel } from '../../db/schema.ts';
import { subjectOf, type CurriculumVersion, type SubjectDefinition } from './curriculum.ts';
import { LEVEL_ORDER } from './norms.ts';

export interface SubjectGap {
  schoolId: string;
  level: SchoolLevel;
  subjects: SubjectDefinition[];
}

export function requiredSubjectGaps(
  curriculum: CurriculumVersion,
  schools: readonly { id: string; levels: readonly SchoolLevel[] }[],
  classes: readonly { school_id: string; level: SchoolLevel; grade: number; classes: number }[],
  teachers: readonly {
    school_id: string;
    level_taught: SchoolLevel | null;
    main_subject: string | null;
    teachers: number;
  }[],
): SubjectGap[] {
  const known = new Map(schools.map((s) => [s.id, s]));
  /** School → level → grades with classes. */
  const grades = new Map<string, Map<SchoolLevel, Set<number>>>();
  for (const c of classes) {
    if (!known.has(c.school_id) || c.classes <= 0) continue;
    let levels = grades.get(c.school_id);
    if (!levels) grades.set(c.school_id, (levels = new Map<SchoolLevel, Set<number>>()));
    let set = levels.get(c.level);
    if (!set) levels.set(c.level, (set = new Set()));
    set.add(c.grade);
  }
  /** School → level → subject ids with a teacher. */
  const taught = new Map<string, Map<SchoolLevel, Set<string>>>();
  for (const t of teachers) {
    const school = known.get(t.school_id);
    if (!school || t.teachers <= 0) continue;
    const levels = school.levels.length
      ? school.levels
      : [...(grades.get(school.id)?.keys() ?? [])];
    const level = t.level_taught ?? LEVEL_ORDER.filter((l) => levels.includes(l)).at(-1);
    if (!level) continue;
    const subject = subjectOf(curriculum.subjects, level, t.main_subject);
    if (!subject) continue;
    let byLevel = taught.get(t.school_id);
    if (!byLevel) taught.set(t.school_id, (byLevel = new Map<SchoolLevel, Set<string>>()));
    let set = byLevel.get(level);
    if (!set) byLevel.set(level, (set = new Set()));
    set.add(subject.id);
  }
  const gaps: SubjectGap[] = [];
  for (const [schoolId, levels] of grades)
    for (const level of LEVEL_ORDER) {
      const withClasses = levels.get(level);
      if (!withClasses) continue;
      const missing = curriculum.subjects.filter(
        (s) =>
          s.level === level &&
          s.teachers.length > 0 &&
          !s.group &&
          [...withClasses].some((g) => (s.periods[g] ?? 0) > 0) &&
          !taught.get(schoolId)?.get(level)?.has(s.id),
      );
      if (missing.length) gaps.push({ schoolId, level, subjects: missing });
    }
  return gaps;
}
