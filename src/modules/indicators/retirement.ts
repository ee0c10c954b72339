/**
 * Retirement ages as data (Bộ luật Lao động 2019, Điều 169; Nghị định
 * 135/2020/NĐ-CP): from 2021, 60 years 3 months for men and 55 years 4 months
 * for women, rising by 3 and 4 months a year until 62 (2028) and 60 (2035).
 * The data-quality list flags active staff past the age of the reference
 * date's year (normal working conditions; early or late retirement and the
 * exceptions of the decree are not recorded in sogd).
 */
export interface RetirementRule {
  effectiveFrom: number; // calendar year
  menMonths: (year: number) => number;
  womenMonths: (year: number) => number;
  source: string;
}

export const RETIREMENT_RULES: readonly RetirementRule[] = [
  {
    effectiveFrom: 2021,
    menMonths: (y) => Math.min(62 * 12, 60 * 12 + 3 + 3 * (y - 2021)),
    womenMonths: (y) => Math.min(60 * 12, 55 * 12 + 4 + 4 * (y - 2021)),
    source: 'Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP',
  },
];

/** Retirement age in months for the calendar year, or null before the first rule. */
export function retirementMonths(year: number, gender: 'male' | 'female'): number | null {
  const rule = [...RETIREMENT_RULES].reverse().find((r) => r.effectiveFrom <= year);
  if (!rule) return null;
  return gender === 'male' ? rule.menMonths(year) : rule.womenMonths(year);
}
