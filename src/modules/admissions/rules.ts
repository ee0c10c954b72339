/**
 * The admission score of TT 30/2024/TT-BGDĐT as data, versioned by the date
 * a rule takes effect, so that a campaign is scored by the rules in force
 * when it opened and a later amendment is a new row, not an edit.
 */

export interface ScoreRules {
  /** First day the rules apply (yyyy-mm-dd). */
  effectiveFrom: string;
  source: string;
  /** Điều 13 khoản 6: sum of the test scores, each on a 10-point scale. */
  subjects: number;
  maxPerSubject: number;
  /** Điều 14 khoản 2, in hundredths: only the highest group counts. */
  priorityPoints: Record<PriorityGroup, number>;
  /** Điều 14 khoản 3, in hundredths: provincial prizes. */
  bonusPoints: Record<Prize, number>;
}

export type PriorityGroup = 'none' | 'group1' | 'group2' | 'group3';
export type Prize = 'none' | 'first' | 'second' | 'third';

export const SCORE_RULES: readonly ScoreRules[] = [
  {
    effectiveFrom: '2025-02-14',
    source: 'TT 30/2024/TT-BGDĐT, Điều 13 khoản 6 và Điều 14 khoản 2, 3',
    subjects: 3,
    maxPerSubject: 1000,
    priorityPoints: { none: 0, group1: 200, group2: 150, group3: 100 },
    bonusPoints: { none: 0, first: 150, second: 100, third: 50 },
  },
];

/** The rules in force on `date` (yyyy-mm-dd); the earliest when none yet. */
export function scoreRulesOn(date: string): ScoreRules {
  let found = SCORE_RULES[0]!;
  for (const rules of SCORE_RULES) if (rules.effectiveFrom <= date) found = rules;
  return found;
}

/**
 * Điểm xét tuyển in hundredths: subject scores (hundredths, 0–1000 each),
 * plus the priority group's points and the prize's bonus points.
 */
export function admissionScore(
  rules: ScoreRules,
  input: { subjects: number[]; priority: PriorityGroup; prize: Prize },
): number {
  if (input.subjects.length !== rules.subjects)
    throw new RangeError(`Cần đúng ${rules.subjects} điểm bài thi.`);
  for (const s of input.subjects)
    if (!Number.isInteger(s) || s < 0 || s > rules.maxPerSubject)
      throw new RangeError('Điểm bài thi phải từ 0 đến 10, tối đa 2 chữ số thập phân.');
  return (
    input.subjects.reduce((a, b) => a + b, 0) +
    rules.priorityPoints[input.priority] +
    rules.bonusPoints[input.prize]
  );
}
