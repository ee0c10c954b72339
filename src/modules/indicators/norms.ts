/**
 * Teacher norms (định mức giáo viên) as data, versioned by effective date.
 * Values are in hundredths of a teacher per class so that sums stay exact
 * integers; rounding happens only at display (issue #16, correctness).
 * Sources and what is not confirmed: docs/indicators.md and
 * ../shared/reference/vn-regulations.md §1.
 */
import type { SchoolLevel, SchoolType } from '../../db/schema.ts';

/** The kind of class a norm is given for. */
export type NormClassKind =
  | 'nursery' // nhóm trẻ (preschool, under 3)
  | 'kindergarten_one_session' // lớp mẫu giáo học 1 buổi/ngày
  | 'kindergarten_two_sessions' // lớp mẫu giáo học 2 buổi/ngày
  | 'primary_one_session'
  | 'primary_two_sessions'
  | 'lower_secondary'
  | 'upper_secondary';

export interface NormVersion {
  /** First day the version applies (ISO date). */
  effectiveFrom: string;
  /** Circulars and articles the values come from. */
  sources: string[];
  /** Maximum teachers per class, in hundredths, for an ordinary school. */
  perClass: Record<NormClassKind, number>;
  /** Own norms of some school types; a kind missing here takes `perClass`. */
  bySchoolType: Partial<Record<SchoolType, Partial<Record<NormClassKind, number>>>>;
}

export const TEACHER_NORMS: readonly NormVersion[] = [
  {
    effectiveFrom: '2023-12-16',
    sources: [
      // Article numbers are not confirmed against the official text (docs/indicators.md).
      'Thông tư 20/2023/TT-BGDĐT ngày 30/10/2023 (vị trí việc làm, định mức giáo viên phổ thông), hiệu lực 16/12/2023',
      'Thông tư 19/2023/TT-BGDĐT ngày 30/10/2023 (định mức giáo viên mầm non)',
    ],
    perClass: {
      nursery: 250,
      kindergarten_one_session: 120,
      kindergarten_two_sessions: 220,
      primary_one_session: 120,
      primary_two_sessions: 150,
      lower_secondary: 190,
      upper_secondary: 225,
    },
    bySchoolType: {
      // Trường PTDTNT: 2,20 giáo viên/lớp ở cấp THCS, 2,40 ở cấp THPT.
      boarding_ethnic: { lower_secondary: 220, upper_secondary: 240 },
      // Trường THPT chuyên: 3,10 giáo viên/lớp.
      specialised: { upper_secondary: 310 },
      // Trường PTDT bán trú: the norm of its level (extra posts are outside the per-class norm).
      semi_boarding_ethnic: {},
    },
  },
];

/** The school year's reference date (TT 25/2024: 30/9 of the first year). */
export function referenceDate(schoolYear: string): string {
  return `${schoolYear.slice(0, 4)}-09-30`;
}

/** The version in force on the year's reference date, or null before the first one. */
export function normsFor(schoolYear: string): NormVersion | null {
  const date = referenceDate(schoolYear);
  let found: NormVersion | null = null;
  for (const v of TEACHER_NORMS) if (v.effectiveFrom <= date) found = v;
  return found;
}

export function classKind(
  level: SchoolLevel,
  sessionsPerDay: number,
  preschoolGroup: 'nursery' | 'kindergarten' | null,
): NormClassKind {
  switch (level) {
    case 'preschool':
      if (preschoolGroup === 'nursery') return 'nursery';
      return sessionsPerDay === 2 ? 'kindergarten_two_sessions' : 'kindergarten_one_session';
    case 'primary':
      return sessionsPerDay === 2 ? 'primary_two_sessions' : 'primary_one_session';
    case 'lower_secondary':
      return 'lower_secondary';
    case 'upper_secondary':
      return 'upper_secondary';
  }
}

/** Hundredths of a teacher allowed for one class of `kind` at a school of `type`. */
export function normCents(version: NormVersion, type: SchoolType, kind: NormClassKind): number {
  return version.bySchoolType[type]?.[kind] ?? version.perClass[kind];
}

/** Levels from youngest to oldest: "the school's highest level" is the last it has. */
export const LEVEL_ORDER: readonly SchoolLevel[] = [
  'preschool',
  'primary',
  'lower_secondary',
  'upper_secondary',
];

/** `2520` → `25.20`, `-20` → `-0.20`: exact, from integer hundredths. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
