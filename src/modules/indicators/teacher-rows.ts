/**
 * The teacher norm rows (docs/formats/reports-teachers.md): one per school and
 * level under a unit, with the norm and the difference in exact hundredths.
 * Shared by the CLI and the web use case; access is checked by the callers.
 */
import type { Db } from '../../db/connection.ts';
import type { SchoolLevel } from '../../db/schema.ts';
import { classKind, LEVEL_ORDER, normCents, normsFor } from './norms.ts';
import { schoolsUnder, teacherCounts } from './repo.ts';
import { refreshSummary } from './summary/refresh.ts';
import { summaryClassCounts } from './summary/repo.ts';

export interface TeacherRow {
  schoolId: string;
  schoolCode: string;
  schoolName: string;
  /** The school's org path: drill-down sums rows by the child unit it lies under. */
  schoolPath: string;
  ownership: 'public' | 'private' | null;
  level: SchoolLevel;
  classes: number;
  classesTwoSessions: number;
  teachers: number;
  /** Hundredths of a teacher: exact integers, rounded nowhere. */
  normCents: number;
  differenceCents: number;
}

export class NoNormsError extends Error {}

export async function teacherRows(
  db: Db,
  path: string,
  schoolYear: string,
  /** The caller refreshed the summary under `path` already. */
  options: { refreshed?: boolean } = {},
): Promise<TeacherRow[]> {
  const norms = normsFor(schoolYear);
  if (!norms) throw new NoNormsError(schoolYear);
  if (!options.refreshed) await refreshSummary(db, path);
  const [schools, classes, teachers] = await Promise.all([
    schoolsUnder(db, path, schoolYear),
    summaryClassCounts(db, path, schoolYear),
    teacherCounts(db, path),
  ]);
  const bySchool = new Map(
    schools.map((s) => [
      s.id,
      {
        school: s,
        levels: new Map<
          SchoolLevel,
          { classes: number; two: number; teachers: number; norm: number }
        >(),
      },
    ]),
  );
  const cell = (schoolId: string, level: SchoolLevel) => {
    const entry = bySchool.get(schoolId);
    if (!entry) return null;
    let c = entry.levels.get(level);
    if (!c) entry.levels.set(level, (c = { classes: 0, two: 0, teachers: 0, norm: 0 }));
    return c;
  };
  for (const s of schools) for (const level of s.levels) cell(s.id, level);
  for (const c of classes) {
    const target = cell(c.school_id, c.level);
    if (!target) continue;
    target.classes += c.classes;
    if (c.sessions_per_day === 2) target.two += c.classes;
    const type = bySchool.get(c.school_id)!.school.school_type;
    target.norm +=
      c.classes * normCents(norms, type, classKind(c.level, c.sessions_per_day, c.preschool_group));
  }
  for (const t of teachers) {
    const entry = bySchool.get(t.school_id);
    if (!entry) continue;
    // No level recorded: the school's highest level (contract), from its
    // declared levels, else from the levels it has classes in.
    const known = entry.school.levels.length ? entry.school.levels : [...entry.levels.keys()];
    const level = t.level_taught ?? LEVEL_ORDER.filter((l) => known.includes(l)).at(-1);
    if (!level) continue;
    cell(t.school_id, level)!.teachers += t.teachers;
  }
  const rows: TeacherRow[] = [];
  for (const { school, levels } of bySchool.values())
    for (const level of LEVEL_ORDER) {
      const c = levels.get(level);
      if (!c) continue;
      rows.push({
        schoolId: school.id,
        schoolCode: school.code,
        schoolName: school.name,
        schoolPath: school.path,
        ownership: school.ownership,
        level,
        classes: c.classes,
        classesTwoSessions: c.two,
        teachers: c.teachers,
        normCents: c.norm,
        differenceCents: c.teachers * 100 - c.norm,
      });
    }
  // Sorted by school_code then level (contract); levels sort by name as the file does.
  rows.sort((a, b) =>
    a.schoolCode < b.schoolCode
      ? -1
      : a.schoolCode > b.schoolCode
        ? 1
        : a.level < b.level
          ? -1
          : a.level > b.level
            ? 1
            : 0,
  );
  return rows;
}
