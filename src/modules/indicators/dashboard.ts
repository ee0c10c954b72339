/**
 * The indicators of a unit's subtree for one school year (issue #16, point 4):
 * live values from the published views, one column per child unit for the
 * drill-down, the trend over the recorded years and the plan targets.
 */
import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import type { SchoolLevel } from '../../db/schema.ts';
import type { Dashboard } from './contract.ts';
import {
  addCounts,
  emptyCounts,
  indicatorsOn,
  targetStatus,
  valueOf,
  type BaseCounts,
} from './definitions.ts';
import { brief, childHolding, drillUnit } from './drill.ts';
import { referenceDate } from './norms.ts';
import { budgetYearOf } from './budget.ts';
import { budgetCounts, childUnits, movementCounts, targetsOnPath } from './repo.ts';
import { refreshSummary } from './summary/refresh.ts';
import {
  lastRefreshed,
  summaryCounts,
  summaryYears,
  type SchoolYearCountsRow,
} from './summary/repo.ts';
import { NoNormsError, teacherRows } from './teacher-rows.ts';

/** '2026-2027' → '2025-2026'. */
export function previousYear(schoolYear: string): string {
  const first = Number(schoolYear.slice(0, 4));
  return `${first - 1}-${first}`;
}

/** At most this many years in a trend (the chart's width). */
const TREND_YEARS = 5;

export function counts(r: Omit<SchoolYearCountsRow, 'school_id' | 'school_path'>): BaseCounts {
  return {
    schools: r.schools,
    nationalStandardSchools: r.national_standard_schools,
    accreditedSchools: r.accredited_schools,
    accreditationLevel1Schools: r.accreditation_level_1_schools,
    accreditationLevel2Schools: r.accreditation_level_2_schools,
    accreditationLevel3Schools: r.accreditation_level_3_schools,
    accreditationLevel4Schools: r.accreditation_level_4_schools,
    classes: r.classes,
    students: r.students,
    primaryClasses: r.primary_classes,
    primaryTwoSessionClasses: r.primary_two_session_classes,
    primaryStudents: r.primary_students,
    primaryTwoSessionStudents: r.primary_two_session_students,
    secondaryClasses: r.secondary_classes,
    secondaryTwoSessionClasses: r.secondary_two_session_classes,
    classesOverMax: r.classes_over_max,
    emptyClasses: r.empty_classes,
    classrooms: r.classrooms,
    temporaryClassrooms: r.temporary_classrooms,
    femaleStudents: r.female_students,
    maleStudents: r.male_students,
    ethnicMinorityStudents: r.ethnic_minority_students,
    studentsAfterFirstGrade: r.students_after_first_grade,
    studentsBeforeLastGrade: r.students_before_last_grade,
    teachers: 0,
    normCents: 0,
    droppedOutStudents: 0,
    transfersOut: 0,
    transfersIn: 0,
    educationSpending: 0,
    totalSpending: 0,
  };
}

export async function getDashboard(
  db: Db,
  scope: Scope,
  input: {
    year: string;
    unitId?: string | undefined;
    level?: SchoolLevel | undefined;
    ownership?: 'public' | 'private' | undefined;
  },
): Promise<Dashboard> {
  const { unit, ancestors } = await drillUnit(db, scope, input.unitId);
  // Exact: what the registry changed under the unit is summed again first.
  await refreshSummary(db, unit.path);
  const [recorded, refreshedAt] = await Promise.all([
    summaryYears(db, unit.path),
    lastRefreshed(db, unit.path),
  ]);
  const trendYears = [...new Set([input.year, ...recorded])]
    .filter((y) => y <= input.year)
    .sort()
    .slice(-TREND_YEARS);
  // Retention divides by the year before: each trend year's previous one is read too.
  const queried = [...new Set([...trendYears, ...trendYears.map(previousYear)])];
  const filter = {
    path: unit.path,
    years: queried,
    level: input.level,
    ownership: input.ownership,
  };
  const [rows, movements, budgets, children, targets, teachers] = await Promise.all([
    summaryCounts(db, filter),
    // Few rows (pupils who left or moved), read live from the registry's view.
    movementCounts(db, filter),
    // Entered per province and calendar year: read for the years shown.
    budgetCounts(db, unit.path, [...new Set(queried.map(budgetYearOf))]),
    unit.kind === 'school' ? Promise.resolve([]) : childUnits(db, unit.id),
    targetsOnPath(db, unit.path),
    // Staff records carry no year: teachers count for the year shown only.
    // A year before the first norms has no teacher figures (the indicator shows none).
    teacherRows(db, unit.path, input.year, { refreshed: true }).catch((error: unknown) => {
      if (error instanceof NoNormsError) return [];
      throw error;
    }),
  ]);

  const lastYear = previousYear(input.year);
  const byYear = new Map<string, BaseCounts>(queried.map((y) => [y, emptyCounts()]));
  const byChild = new Map<string, BaseCounts>(children.map((c) => [c.id, emptyCounts()]));
  const byChildBefore = new Map<string, BaseCounts>(children.map((c) => [c.id, emptyCounts()]));
  for (const r of rows) {
    const c = counts(r);
    addCounts(byYear.get(r.school_year)!, c);
    // r.group: the child unit's id (the school itself: no child).
    const into =
      r.school_year === input.year
        ? byChild.get(r.group)
        : r.school_year === lastYear
          ? byChildBefore.get(r.group)
          : undefined;
    if (into) addCounts(into, c);
  }
  for (const r of movements) {
    const into = [
      byYear.get(r.school_year),
      r.school_year === input.year
        ? byChild.get(r.group)
        : r.school_year === lastYear
          ? byChildBefore.get(r.group)
          : undefined,
    ];
    for (const c of into) {
      if (!c) continue;
      c.droppedOutStudents += r.dropped_out;
      c.transfersOut += r.transfers_out;
      c.transfersIn += r.transfers_in;
    }
  }
  for (const b of budgets)
    for (const y of queried) {
      if (budgetYearOf(y) !== b.year) continue;
      const into = [byYear.get(y), y === input.year ? byChild.get(b.group) : undefined];
      for (const c of into) {
        if (!c) continue;
        c.educationSpending += b.education;
        c.totalSpending += b.total;
      }
    }
  for (const t of teachers) {
    if (input.level && t.level !== input.level) continue;
    if (input.ownership && t.ownership !== input.ownership) continue;
    const year = byYear.get(input.year)!;
    year.teachers += t.teachers;
    year.normCents += t.normCents;
    const child = childHolding(children, t.schoolPath);
    if (child) {
      byChild.get(child.id)!.teachers += t.teachers;
      byChild.get(child.id)!.normCents += t.normCents;
    }
  }

  const definitions = indicatorsOn(referenceDate(input.year)).filter(
    (d) => !input.level || d.levels.includes(input.level),
  );
  const current = byYear.get(input.year)!;
  const before = byYear.get(lastYear)!;
  return {
    year: input.year,
    unit: brief(unit),
    ancestors,
    years: recorded,
    refreshedAt: refreshedAt?.toISOString() ?? null,
    indicators: definitions.map((d) => {
      const value = valueOf(d, current, before);
      return {
        id: d.id,
        name: d.name,
        unit: d.unit,
        source: d.source,
        numerator: current[d.numerator],
        denominator: (d.denominatorPreviousYear ? before : current)[d.denominator],
        value,
        trend: trendYears.map((y) => ({
          year: y,
          value: valueOf(d, byYear.get(y)!, byYear.get(previousYear(y))),
        })),
        targets: targets
          .filter((t) => t.indicator_id === d.id)
          .map((t) => ({
            plan: t.plan_name,
            decision: t.decision,
            year: t.school_year,
            value: t.value,
            status: targetStatus(d, value, t.value, t.school_year, input.year),
          })),
      };
    }),
    children: children
      .filter((c) => byChild.get(c.id)!.schools > 0)
      .map((c) => ({
        unit: brief(c),
        values: Object.fromEntries(
          definitions.map((d) => [d.id, valueOf(d, byChild.get(c.id)!, byChildBefore.get(c.id))]),
        ),
      })),
  };
}
