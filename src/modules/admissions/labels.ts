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
