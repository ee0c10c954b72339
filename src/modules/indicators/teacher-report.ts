/** The teacher norm report on the web: the CLI's rows summed for a drill-down. */
import type { Scope } from '../../core/access/scope.ts';
import { badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import type { SchoolLevel } from '../../db/schema.ts';
import type { TeacherFigures, TeacherReport } from './contract.ts';
import { brief, childHolding, drillUnit } from './drill.ts';
import { LEVEL_ORDER, normsFor } from './norms.ts';
import { childUnits } from './repo.ts';
import { teacherRows, type TeacherRow } from './teacher-rows.ts';

interface Sum {
  classes: number;
  two: number;
  teachers: number;
  norm: number;
}
const zero = (): Sum => ({ classes: 0, two: 0, teachers: 0, norm: 0 });
const add = (s: Sum, r: TeacherRow) => {
  s.classes += r.classes;
  s.two += r.classesTwoSessions;
  s.teachers += r.teachers;
  s.norm += r.normCents;
};
// Hundredths to a number: the value is exact to the hundredth, rounding none.
const figures = (s: Sum): TeacherFigures => ({
  classes: s.classes,
  classesTwoSessions: s.two,
  teachers: s.teachers,
  norm: s.norm / 100,
  difference: (s.teachers * 100 - s.norm) / 100,
});
function byLevel(rows: readonly TeacherRow[]) {
  const sums = new Map<SchoolLevel, Sum>();
  for (const r of rows) {
    let s = sums.get(r.level);
    if (!s) sums.set(r.level, (s = zero()));
    add(s, r);
  }
  return LEVEL_ORDER.filter((l) => sums.has(l)).map((level) => ({
    level,
    ...figures(sums.get(level)!),
  }));
}

export async function getTeacherReport(
  db: Db,
  scope: Scope,
  input: { year: string; unitId?: string | undefined },
): Promise<TeacherReport> {
  const { unit, ancestors } = await drillUnit(db, scope, input.unitId);
  const norms = normsFor(input.year);
  if (!norms) throw badRequest(`Chưa có định mức giáo viên áp dụng cho năm học ${input.year}.`);
  const rows = await teacherRows(db, unit.path, input.year);
  const children = unit.kind === 'school' ? [] : await childUnits(db, unit.id);
  const grouped = new Map<string, TeacherRow[]>();
  for (const r of rows) {
    const child = childHolding(children, r.schoolPath);
    if (!child) continue;
    grouped.set(child.id, [...(grouped.get(child.id) ?? []), r]);
  }
  return {
    year: input.year,
    unit: brief(unit),
    ancestors,
    total: byLevel(rows),
    children: children
      .filter((c) => grouped.has(c.id))
      .map((c) => {
        const own = grouped.get(c.id)!;
        const total = zero();
        for (const r of own) add(total, r);
        return { unit: brief(c), levels: byLevel(own), total: figures(total) };
      }),
    schoolRows: unit.kind === 'school' ? byLevel(rows) : [],
    sources: norms.sources,
  };
}
