/**
 * Plain data and pure rules of admissions the web shows as the server
 * applies them (no zod, no imports).
 */

/**
 * The birth years an entry grade takes in a school year, counted by calendar
 * year (Luật Giáo dục 2019, Điều 28 khoản 1): grade 1 at 6 in the calendar
 * year the school year starts; grade 6 at 11, up to 16 for late starters and
 * repeaters (the 16 is ours: the law sets no number; entry/eligibility.ts,
 * docs/entry-enrolment.md). Other years need an exception the school records.
 */
export function entryBirthYears(grade: 1 | 6, schoolYear: string): { from: number; to: number } {
  const start = Number(schoolYear.slice(0, 4));
  return grade === 1 ? { from: start - 6, to: start - 6 } : { from: start - 16, to: start - 11 };
}

/**
 * The criteria a commune's plan may use to order in-catchment children at an
 * oversubscribed school (entry/rules.ts, EntryPriorityRules.order), and their
 * labels: the server's rules and the web's new-campaign form share them.
 */
export const ENTRY_CRITERIA = ['permanent-residence', 'sibling', 'distance'] as const;
export type EntryCriterion = (typeof ENTRY_CRITERIA)[number];

export const ENTRY_CRITERION_LABELS: Record<EntryCriterion, { vi: string; en: string }> = {
  'permanent-residence': {
    vi: 'Thường trú trước tạm trú',
    en: 'Permanent before temporary residence',
  },
  sibling: { vi: 'Có anh chị em đang học tại trường', en: 'Sibling at the school' },
  distance: { vi: 'Nhà gần trường hơn', en: 'Lives nearer the school' },
};
