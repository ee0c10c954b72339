/**
 * The statistical report forms of the schools under a unit (TT 25/2024):
 * the figures from the registry (through the refreshed summary and the
 * views), the figures each school entered, its status and last reminder.
 * Access is checked by the callers.
 */
import type { Db } from '../../../db/connection.ts';
import type { ReportPeriod } from '../../../db/schema.ts';
import type { ReportForm } from '../contract.ts';
import { LEVEL_ORDER } from '../norms.ts';
import { refreshSummary } from '../summary/refresh.ts';
import { linesOf, REPORT_SOURCE, reportDates } from './definitions.ts';
import {
  activeSchools,
  lastReminders,
  levelFigures,
  reportsUnder,
  schoolFigures,
  type ReportRow,
  type SchoolBrief,
} from './repo.ts';

export type SchoolForm = Omit<ReportForm, 'canEdit' | 'canDecide'> & { row: ReportRow | null };

const SCHOOL_LINE_COLUMNS = {
  teachers: 'teachers',
  managers: 'managers',
  otherStaff: 'other_staff',
  classrooms: 'classrooms',
  temporaryClassrooms: 'temporary_classrooms',
  droppedOut: 'dropped_out',
} as const;

export async function schoolForms(
  db: Db,
  path: string,
  schoolYear: string,
  period: ReportPeriod,
): Promise<{ school: SchoolBrief; form: SchoolForm }[]> {
  await refreshSummary(db, path);
  const [schools, levels, figures, reports, reminders] = await Promise.all([
    activeSchools(db, path),
    levelFigures(db, path, schoolYear),
    schoolFigures(db, path, schoolYear),
    reportsUnder(db, path, schoolYear, period),
    lastReminders(db, path, schoolYear, period),
  ]);
  const dates = reportDates(schoolYear, period);
  const lines = linesOf(period);
  const figuresOf = new Map(figures.map((f) => [f.school_id, f]));
  const reportOf = new Map(reports.map((r) => [r.school_id, r]));
  return schools.map((school) => {
    const row = reportOf.get(school.id) ?? null;
    const f = figuresOf.get(school.id);
    return {
      school,
      form: {
        year: schoolYear,
        period,
        ...dates,
        school: { id: school.id, code: school.code, name: school.name, kind: 'school' },
        status: row?.status ?? 'not_started',
        submittedAt: row?.submitted_at?.toISOString() ?? null,
        submittedBy: row?.submitted_by ?? null,
        approvedAt: row?.approved_at?.toISOString() ?? null,
        approvedBy: row?.approved_by ?? null,
        remindedOn: reminders.get(school.id) ?? null,
        levels: levels
          .filter((l) => l.school_id === school.id)
          .sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level))
          .map((l) => ({
            level: l.level,
            classes: l.classes,
            classesTwoSessions: l.classes_two_sessions,
            students: l.students,
            femaleStudents: l.female_students,
            ethnicMinorityStudents: l.ethnic_minority_students,
          })),
        lines: lines.map((l) => ({
          id: l.id,
          name: l.name,
          source: l.source,
          value:
            l.source === 'sogd'
              ? (f?.[SCHOOL_LINE_COLUMNS[l.id as keyof typeof SCHOOL_LINE_COLUMNS]] ?? 0)
              : (row?.entered[l.id] ?? null),
        })),
        source: REPORT_SOURCE,
        row,
      },
    };
  });
}
