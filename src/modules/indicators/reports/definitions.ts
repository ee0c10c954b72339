/**
 * The statistical reports of Thông tư 25/2024/TT-BGDĐT (chế độ báo cáo
 * thống kê ngành Giáo dục; effective 09/02/2025) for preschool and general
 * education: a start-of-year report (reference date 30/9, due 30/10) and an
 * end-of-year report (reference date 31/5, due 30/6). The lines below are
 * the ones sogd can fill from the registry, and the ones it cannot, which
 * the school enters. The circular's own form numbers and line codes are not
 * reproduced (not confirmed: docs/indicators.md).
 */
import type { ReportPeriod, SchoolLevel } from '../../../db/schema.ts';

export const REPORT_SOURCE =
  'Thông tư 25/2024/TT-BGDĐT ngày 25/12/2024 (chế độ báo cáo thống kê ngành Giáo dục), hiệu lực 09/02/2025';
export const REPORT_EFFECTIVE_FROM = '2025-02-09';

export const REPORT_PERIODS: readonly ReportPeriod[] = ['start', 'end'];

/** Reference date and due date of a school year's report (ISO dates). */
export function reportDates(schoolYear: string, period: ReportPeriod) {
  const first = Number(schoolYear.slice(0, 4));
  return period === 'start'
    ? { referenceDate: `${first}-09-30`, dueDate: `${first}-10-30` }
    : { referenceDate: `${first + 1}-05-31`, dueDate: `${first + 1}-06-30` };
}

/** The figures per level the registry fills (classes and pupils of the year). */
export const LEVEL_FIGURES = [
  'classes',
  'classesTwoSessions',
  'students',
  'femaleStudents',
  'ethnicMinorityStudents',
] as const;
export type LevelFigure = (typeof LEVEL_FIGURES)[number];

export interface ReportLine {
  id: string;
  name: { vi: string; en: string };
  /** From sogd's records, or entered by the school (sogd does not hold it). */
  source: 'sogd' | 'entered';
  periods: readonly ReportPeriod[];
}

const BOTH: readonly ReportPeriod[] = ['start', 'end'];

export const REPORT_LINES: readonly ReportLine[] = [
  { id: 'teachers', name: { vi: 'Giáo viên', en: 'Teachers' }, source: 'sogd', periods: BOTH },
  {
    id: 'managers',
    name: { vi: 'Cán bộ quản lý', en: 'Managers' },
    source: 'sogd',
    periods: BOTH,
  },
  {
    id: 'otherStaff',
    name: { vi: 'Nhân viên', en: 'Other staff' },
    source: 'sogd',
    periods: BOTH,
  },
  {
    id: 'classrooms',
    name: { vi: 'Phòng học', en: 'Classrooms' },
    source: 'sogd',
    periods: BOTH,
  },
  {
    id: 'temporaryClassrooms',
    name: { vi: 'Trong đó: phòng học tạm', en: 'Of which temporary' },
    source: 'sogd',
    periods: BOTH,
  },
  {
    id: 'droppedOut',
    name: { vi: 'Học sinh bỏ học trong năm học', en: 'Pupils who dropped out this year' },
    source: 'sogd',
    periods: ['end'],
  },
  {
    id: 'disabledStudents',
    name: {
      vi: 'Học sinh khuyết tật học hoà nhập',
      en: 'Pupils with disabilities in inclusive classes',
    },
    source: 'entered',
    periods: BOTH,
  },
  {
    id: 'semiBoardingStudents',
    name: { vi: 'Học sinh bán trú', en: 'Semi-boarding pupils' },
    source: 'entered',
    periods: BOTH,
  },
  {
    id: 'teachersTrainedToStandard',
    name: {
      vi: 'Giáo viên đạt chuẩn trình độ đào tạo (Luật Giáo dục 2019, Điều 72)',
      en: 'Teachers trained to the standard (Education Law 2019, Art. 72)',
    },
    source: 'entered',
    periods: ['start'],
  },
  {
    id: 'repeatingStudents',
    name: { vi: 'Học sinh lưu ban', en: 'Pupils repeating the year' },
    source: 'entered',
    periods: ['end'],
  },
  {
    id: 'completedStudents',
    name: {
      vi: 'Học sinh hoàn thành chương trình lớp học / lên lớp',
      en: 'Pupils who completed the grade',
    },
    source: 'entered',
    periods: ['end'],
  },
];

export const linesOf = (period: ReportPeriod) =>
  REPORT_LINES.filter((l) => l.periods.includes(period));

export type LevelFigures = Record<LevelFigure, number> & { level: SchoolLevel };
