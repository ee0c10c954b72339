/**
 * Indicator definitions as data (issue #16, point 1), versioned by effective
 * date. Each indicator is a numerator over a denominator, both sums of one
 * base count per school (base.ts says which view and condition each count
 * reads; docs/indicators.md lists them), times a factor. Summing counts before
 * dividing keeps a commune's rate the rate of its pupils, not the mean of its
 * schools' rates.
 */
import type { SchoolLevel } from '../../db/schema.ts';
import type { IndicatorUnit } from './labels.ts';

/** The counts kept per school and year (base.ts computes them). */
export const BASE_COUNTS = [
  'schools',
  'nationalStandardSchools',
  'accreditedSchools',
  'accreditationLevel1Schools',
  'accreditationLevel2Schools',
  'accreditationLevel3Schools',
  'accreditationLevel4Schools',
  'classes',
  'students',
  'primaryClasses',
  'primaryTwoSessionClasses',
  'primaryStudents',
  'primaryTwoSessionStudents',
  'secondaryClasses',
  'secondaryTwoSessionClasses',
  'classesOverMax',
  'emptyClasses',
  'classrooms',
  'temporaryClassrooms',
  'femaleStudents',
  'maleStudents',
  'ethnicMinorityStudents',
  'studentsAfterFirstGrade',
  'studentsBeforeLastGrade',
  'teachers',
  'normCents',
  'droppedOutStudents',
  'transfersOut',
  'transfersIn',
  'educationSpending',
  'totalSpending',
] as const;
export type BaseCount = (typeof BASE_COUNTS)[number];
export type BaseCounts = Record<BaseCount, number>;

export interface IndicatorDefinition {
  id: string;
  name: { vi: string; en: string };
  numerator: BaseCount;
  denominator: BaseCount;
  /** 100 for a percentage; teachers against the norm also counts the norm in hundredths. */
  factor: number;
  unit: IndicatorUnit;
  /** Higher is better (targets are minima) or lower is better (maxima). */
  better: 'higher' | 'lower';
  /** The legal or plan source of the indicator. */
  source: string;
  levels: readonly SchoolLevel[];
  effectiveFrom: string;
  /** The denominator is the previous school year's count (retention). */
  denominatorPreviousYear?: boolean;
}

const ALL: readonly SchoolLevel[] = ['preschool', 'primary', 'lower_secondary', 'upper_secondary'];

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'national_standard_rate',
    name: { vi: 'Tỷ lệ trường đạt chuẩn quốc gia', en: 'National-standard schools' },
    numerator: 'nationalStandardSchools',
    denominator: 'schools',
    factor: 100,
    unit: 'percent',
    better: 'higher',
    source:
      'TT 17/2018, 18/2018, 19/2018/TT-BGDĐT; Nghị quyết 71-NQ/TW (≥ 80 % trường phổ thông đến 2030)',
    levels: ALL,
    effectiveFrom: '2018-10-10',
  },
  {
    id: 'accredited_rate',
    name: {
      vi: 'Tỷ lệ trường đạt kiểm định chất lượng (cấp độ 1 trở lên)',
      en: 'Accredited schools (level 1 or above)',
    },
    numerator: 'accreditedSchools',
    denominator: 'schools',
    factor: 100,
    unit: 'percent',
    better: 'higher',
    source: 'TT 17/2018, 18/2018, 19/2018/TT-BGDĐT',
    levels: ALL,
    effectiveFrom: '2018-10-10',
  },
  // The accreditation level distribution: the share of schools at each level (exactly).
  {
    id: 'accreditation_level_1_rate',
    name: {
      vi: 'Tỷ lệ trường đạt kiểm định chất lượng cấp độ 1',
      en: 'Schools accredited at level 1',
    },
    numerator: 'accreditationLevel1Schools',
    denominator: 'schools',
    factor: 100,
    unit: 'percent',
    better: 'higher',
    source: 'TT 17/2018, 18/2018, 19/2018/TT-BGDĐT (cấp độ 1–4 của kiểm định chất lượng giáo dục)',
    levels: ALL,
    effectiveFrom: '2018-10-10',
  },
  {
    id: 'accreditation_level_2_rate',
    name: {
      vi: 'Tỷ lệ trường đạt kiểm định chất lượng cấp độ 2',
      en: 'Schools accredited at level 2',
    },
    numerator: 'accreditationLevel2Schools',
    denominator: 'schools',
    factor: 100,
    unit: 'percent',
    better: 'higher',
    source: 'TT 17/2018, 18/2018, 19/2018/TT-BGDĐT (cấp độ 1–4 của kiểm định chất lượng giáo dục)',
    levels: ALL,
    effectiveFrom: '2018-10-10',
  },
  {
    id: 'accreditation_level_3_rate',
    name: {
      vi: 'Tỷ lệ trường đạt kiểm định chất lượng cấp độ 3',
      en: 'Schools accredited at level 3',
    },
    numerator: 'accreditationLevel3Schools',
    denominator: 'schools',
    factor: 100,
    unit: 'percent',
    better: 'higher',
    source: 'TT 17/2018, 18/2018, 19/2018/TT-BGDĐT (cấp độ 1–4 của kiểm định chất lượng giáo dục)',
    levels: ALL,
    effectiveFrom: '2018-10-10',
  },
  {
    id: 'accreditation_level_4_rate',
    name: {
      vi: 'Tỷ lệ trường đạt kiểm định chất lượng cấp độ 4',
      en: 'Schools accredited at level 4',
    },
    numerator: 'accreditationLevel4Schools',
    denominator: 'schools',
    factor: 100,
    unit: 'percent',
    better: 'higher',
    source: 'TT 17/2018, 18/2018, 19/2018/TT-BGDĐT (cấp độ 1–4 của kiểm định chất lượng giáo dục)',
    levels: ALL,
    effectiveFrom: '2018-10-10',
  },
  {
    id: 'two_sessions_primary_students',
    name: {
      vi: 'Tỷ lệ học sinh tiểu học học 2 buổi/ngày',
      en: 'Primary pupils studying two sessions a day',
    },
    numerator: 'primaryTwoSessionStudents',
    denominator: 'primaryStudents',
    factor: 100,
    unit: 'percent',
    better: 'higher',
    source: 'Kế hoạch 298/KH-UBND ngày 30/12/2024 (100 % đến 2025); Chương trình GDPT 2018',
    levels: ['primary'],
    effectiveFrom: '2018-12-26',
  },
  {
    id: 'two_sessions_primary_classes',
    name: {
      vi: 'Tỷ lệ lớp tiểu học học 2 buổi/ngày',
      en: 'Primary classes with two sessions a day',
    },
    numerator: 'primaryTwoSessionClasses',
    denominator: 'primaryClasses',
    factor: 100,
    unit: 'percent',
    better: 'higher',
    source: 'Chương trình GDPT 2018 (TT 32/2018/TT-BGDĐT)',
    levels: ['primary'],
    effectiveFrom: '2018-12-26',
  },
  {
    id: 'two_sessions_secondary_classes',
    name: {
      vi: 'Tỷ lệ lớp THCS, THPT học 2 buổi/ngày',
      en: 'Secondary classes with two sessions a day',
    },
    numerator: 'secondaryTwoSessionClasses',
    denominator: 'secondaryClasses',
    factor: 100,
    unit: 'percent',
    better: 'higher',
    source: 'Chương trình GDPT 2018 (TT 32/2018/TT-BGDĐT)',
    levels: ['lower_secondary', 'upper_secondary'],
    effectiveFrom: '2018-12-26',
  },
  {
    id: 'students_per_class',
    name: { vi: 'Số học sinh bình quân một lớp', en: 'Students per class' },
    numerator: 'students',
    denominator: 'classes',
    factor: 1,
    unit: 'ratio',
    better: 'lower',
    source: 'Điều lệ trường (TT 28/2020, 32/2020, 52/2020/TT-BGDĐT)',
    levels: ALL,
    effectiveFrom: '2020-11-01',
  },
  {
    id: 'classes_over_max',
    name: {
      vi: 'Tỷ lệ lớp vượt sĩ số tối đa',
      en: 'Classes over the charter maximum',
    },
    numerator: 'classesOverMax',
    denominator: 'classes',
    factor: 100,
    unit: 'percent',
    better: 'lower',
    source:
      'Điều lệ trường tiểu học (TT 28/2020: 35), trường THCS, THPT (TT 32/2020: 45), mầm non (TT 52/2020: theo độ tuổi)',
    levels: ALL,
    effectiveFrom: '2020-11-01',
  },
  {
    id: 'teachers_against_norm',
    name: {
      vi: 'Giáo viên hiện có so với định mức',
      en: 'Teachers against the norm',
    },
    numerator: 'teachers',
    // normCents is in hundredths of a teacher: × 100 twice gives a percentage.
    denominator: 'normCents',
    factor: 10_000,
    unit: 'percent',
    better: 'higher',
    source: 'TT 20/2023/TT-BGDĐT, TT 19/2023/TT-BGDĐT',
    levels: ALL,
    effectiveFrom: '2023-12-16',
  },
  {
    id: 'classrooms_per_class',
    name: { vi: 'Số phòng học bình quân một lớp', en: 'Classrooms per class' },
    numerator: 'classrooms',
    denominator: 'classes',
    factor: 1,
    unit: 'ratio',
    better: 'higher',
    source: 'TT 25/2024/TT-BGDĐT (biểu cơ sở vật chất)',
    levels: ALL,
    effectiveFrom: '2025-02-09',
  },
  {
    id: 'temporary_classrooms',
    name: { vi: 'Tỷ lệ phòng học tạm', en: 'Temporary classrooms' },
    numerator: 'temporaryClassrooms',
    denominator: 'classrooms',
    factor: 100,
    unit: 'percent',
    better: 'lower',
    source: 'TT 25/2024/TT-BGDĐT (biểu cơ sở vật chất)',
    levels: ALL,
    effectiveFrom: '2025-02-09',
  },
  {
    id: 'gender_parity',
    name: { vi: 'Chỉ số bình đẳng giới (nữ/nam)', en: 'Gender parity index (girls/boys)' },
    numerator: 'femaleStudents',
    denominator: 'maleStudents',
    factor: 1,
    unit: 'ratio',
    better: 'higher',
    source: 'UIS 4.5.1; TT 03/2024/TT-BGDĐT (chỉ tiêu thống kê ngành)',
    levels: ALL,
    effectiveFrom: '2024-05-03',
  },
  {
    id: 'ethnic_minority_share',
    name: { vi: 'Tỷ lệ học sinh dân tộc thiểu số', en: 'Ethnic-minority students' },
    numerator: 'ethnicMinorityStudents',
    denominator: 'students',
    factor: 100,
    unit: 'percent',
    better: 'higher',
    source: 'TT 03/2024/TT-BGDĐT (chỉ tiêu thống kê ngành)',
    levels: ALL,
    effectiveFrom: '2024-05-03',
  },
  {
    id: 'retention_rate',
    name: {
      vi: 'Tỷ lệ duy trì học sinh trong cấp (lớp g+1 năm nay / lớp g năm trước)',
      en: 'Retention within the level (grade g+1 this year / grade g last year)',
    },
    // This year's pupils past the first grade of their level over last
    // year's pupils before its last grade: pupils kept in the level, before
    // transfers in and out (which the ratio does not separate).
    numerator: 'studentsAfterFirstGrade',
    denominator: 'studentsBeforeLastGrade',
    denominatorPreviousYear: true,
    factor: 100,
    unit: 'percent',
    better: 'higher',
    source: 'TT 03/2024/TT-BGDĐT (chỉ tiêu thống kê ngành: tỷ lệ lên lớp, lưu ban, bỏ học)',
    levels: ['primary', 'lower_secondary', 'upper_secondary'],
    effectiveFrom: '2024-05-03',
  },
  // Drop-outs and transfers (issue #16, point 1), from the registry's
  // registry_student_movement_v (migration 2026120510): a drop-out counts in
  // the year of the student's last enrolment; transfers are accepted
  // transfers of the year (and, out, students who left to a school outside
  // sogd). Over the year's pupils as recorded (a transferred pupil counts at
  // the receiving school).
  {
    id: 'dropout_rate',
    name: { vi: 'Tỷ lệ học sinh bỏ học', en: 'Drop-out rate' },
    numerator: 'droppedOutStudents',
    denominator: 'students',
    factor: 100,
    unit: 'percent',
    better: 'lower',
    source: 'TT 03/2024/TT-BGDĐT (chỉ tiêu thống kê ngành: tỷ lệ bỏ học)',
    levels: ['primary', 'lower_secondary', 'upper_secondary'],
    effectiveFrom: '2024-05-03',
  },
  {
    id: 'transfer_out_rate',
    name: {
      vi: 'Tỷ lệ học sinh chuyển đi (chuyển trường)',
      en: 'Students transferred out',
    },
    numerator: 'transfersOut',
    denominator: 'students',
    factor: 100,
    unit: 'percent',
    better: 'lower',
    source: 'TT 50/2021/TT-BGDĐT (chuyển trường); TT 03/2024/TT-BGDĐT',
    levels: ALL,
    effectiveFrom: '2024-05-03',
  },
  {
    id: 'transfer_in_rate',
    name: {
      vi: 'Tỷ lệ học sinh chuyển đến (chuyển trường)',
      en: 'Students transferred in',
    },
    numerator: 'transfersIn',
    denominator: 'students',
    factor: 100,
    unit: 'percent',
    better: 'higher',
    source: 'TT 50/2021/TT-BGDĐT (chuyển trường); TT 03/2024/TT-BGDĐT',
    levels: ALL,
    effectiveFrom: '2024-05-03',
  },
  // Entered per province and calendar year (budget.ts); a school year reads
  // the year it starts in. Not split by level or ownership.
  {
    id: 'budget_share',
    name: {
      vi: 'Tỷ lệ chi ngân sách cho giáo dục và đào tạo',
      en: 'Education share of total budget spending',
    },
    numerator: 'educationSpending',
    denominator: 'totalSpending',
    factor: 100,
    unit: 'percent',
    better: 'higher',
    source: 'Luật Giáo dục 2019, Điều 96; Nghị quyết 29-NQ/TW (≥ 20 % tổng chi ngân sách)',
    levels: ALL,
    effectiveFrom: '2020-07-01',
  },
];

/** Definitions in force on `date` (ISO). */
export function indicatorsOn(date: string): IndicatorDefinition[] {
  return INDICATORS.filter((d) => d.effectiveFrom <= date);
}

export function emptyCounts(): BaseCounts {
  return Object.fromEntries(BASE_COUNTS.map((k) => [k, 0])) as BaseCounts;
}

export function addCounts(into: BaseCounts, from: BaseCounts): void {
  for (const k of BASE_COUNTS) into[k] += from[k];
}

/**
 * The indicator's value, unrounded; null when the denominator is zero.
 * `previous`: the previous school year's counts (denominatorPreviousYear).
 */
export function valueOf(
  def: IndicatorDefinition,
  counts: BaseCounts,
  previous?: BaseCounts,
): number | null {
  const den = def.denominatorPreviousYear
    ? (previous?.[def.denominator] ?? 0)
    : counts[def.denominator];
  return den === 0 ? null : (counts[def.numerator] * def.factor) / den;
}

/**
 * Progress against a target (issue #16, point 2), the rule written down:
 * reached (on track) when the value meets the target in the target's
 * direction; otherwise at risk while the target's year is not yet past the
 * year shown, missed once it is the target's year or later.
 */
export function targetStatus(
  def: IndicatorDefinition,
  value: number | null,
  target: number,
  targetYear: string,
  shownYear: string,
): 'on_track' | 'at_risk' | 'missed' {
  const met = value !== null && (def.better === 'higher' ? value >= target : value <= target);
  if (met) return 'on_track';
  return shownYear < targetYear ? 'at_risk' : 'missed';
}
