/**
 * The maximum number of pupils per class, as data versioned by the date a
 * rule takes effect (docs/entry-enrolment.md, "Class size"), so that a
 * campaign is checked by the rule in force when it opened and a later
 * amendment is a new row, not an edit.
 *
 * - Primary: Điều lệ trường tiểu học, ban hành kèm theo Thông tư
 *   28/2020/TT-BGDĐT, Điều 6: each class has at most 35 pupils.
 * - Lower secondary: Điều lệ trường THCS, THPT và trường phổ thông có nhiều
 *   cấp học, ban hành kèm theo Thông tư 32/2020/TT-BGDĐT, Điều 15: each class
 *   has at most 45 pupils.
 * The article numbers and the maxima are as the issue and
 * ../shared/reference/vn-regulations.md (marked "background knowledge")
 * give them; the effective dates are ours from memory. Neither was checked
 * against the official text: see "What could not be confirmed".
 *
 * `refuse`: whether seats above classes × maximum are refused or only warned
 * about. Both rules warn: the seats are an admission quota, the school forms
 * its classes afterwards, and a commune short of schools may admit more
 * children than the charter's class size (the charter sets the norm, the
 * locality answers for the exception); refusing would leave children without
 * a seat. A rule that must be enforced is a new row with `refuse: true`.
 */
export type EntryLevel = 'primary' | 'lower_secondary';

export interface ClassSizeRule {
  level: EntryLevel;
  /** First day the rule applies (yyyy-mm-dd). */
  effectiveFrom: string;
  maxPerClass: number;
  source: string;
  refuse: boolean;
}

export const CLASS_SIZE_RULES: readonly ClassSizeRule[] = [
  {
    level: 'primary',
    effectiveFrom: '2020-10-20',
    maxPerClass: 35,
    source: 'Điều lệ trường tiểu học (Thông tư 28/2020/TT-BGDĐT), Điều 6',
    refuse: false,
  },
  {
    level: 'lower_secondary',
    effectiveFrom: '2020-11-01',
    maxPerClass: 45,
    source: 'Điều lệ trường THCS, THPT (Thông tư 32/2020/TT-BGDĐT), Điều 15',
    refuse: false,
  },
];

/** The level a grade enters: primary for grade 1, lower secondary for grade 6. */
export const levelOfGrade = (grade: 1 | 6): EntryLevel =>
  grade === 1 ? 'primary' : 'lower_secondary';

/**
 * The level's rule in force on `date` (yyyy-mm-dd): the latest that took
 * effect by then; the earliest when none had yet (a campaign dated before
 * the table starts is still checked).
 */
export function classSizeRuleOn(
  level: EntryLevel,
  date: string,
  rules: readonly ClassSizeRule[] = CLASS_SIZE_RULES,
): ClassSizeRule {
  const ofLevel = rules
    .filter((r) => r.level === level)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  if (ofLevel.length === 0) throw new RangeError(`No class-size rule for ${level}.`);
  let found = ofLevel[0]!;
  for (const rule of ofLevel) if (rule.effectiveFrom <= date) found = rule;
  return found;
}

/** The day in Vietnam (yyyy-mm-dd) of an instant: a rule's date is a Vietnamese calendar day. */
export function vietnamDay(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export interface ClassSizeCheck {
  maxPerClass: number;
  source: string;
  /** Seats per class, rounded up to a whole pupil (null without classes). */
  seatsPerClass: number | null;
  /** The Vietnamese warning when seats exceed classes × maximum; else null. */
  warning: string | null;
  /** The rule refuses it (the warning is then the error). */
  refused: boolean;
}

/** Seats against classes × the maximum per class of the rule in force. */
export function checkClassSize(
  rule: ClassSizeRule,
  input: { grade: 1 | 6; classes: number | null; seats: number | null },
): ClassSizeCheck {
  const { classes, seats } = input;
  const base = { maxPerClass: rule.maxPerClass, source: rule.source };
  if (classes === null || seats === null || classes === 0)
    return { ...base, seatsPerClass: null, warning: null, refused: false };
  const seatsPerClass = Math.ceil(seats / classes);
  const capacity = classes * rule.maxPerClass;
  if (seats <= capacity) return { ...base, seatsPerClass, warning: null, refused: false };
  const more = Math.ceil(seats / rule.maxPerClass) - classes;
  const warning = `Chỉ tiêu ${seats} vượt sĩ số tối đa: ${classes} lớp ${input.grade} × ${rule.maxPerClass} học sinh/lớp = ${capacity} (${rule.source}); bình quân ${seatsPerClass} học sinh/lớp. Cần thêm ${more} lớp hoặc giảm chỉ tiêu.`;
  return { ...base, seatsPerClass, warning, refused: rule.refuse };
}
