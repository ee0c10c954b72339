/** The school year a date falls in: a year starts on 1 September, e.g. '2026-2027'. */
export function currentSchoolYear(now: Date = new Date()): string {
  const start = now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1;
  return `${start}-${start + 1}`;
}
