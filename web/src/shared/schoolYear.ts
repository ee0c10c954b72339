/** The school year a date falls in: a year starts on 1 September, e.g. '2026-2027'. */
export function currentSchoolYear(now: Date = new Date()): string {
  const start = now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1;
  return `${start}-${start + 1}`;
}

/** Next year, this year and the four before it, newest first, as a Select's options. */
export function recentSchoolYears(): { value: string; label: string }[] {
  const start = Number(currentSchoolYear().slice(0, 4));
  return Array.from({ length: 6 }, (_, i) => `${start + 1 - i}-${start + 2 - i}`).map((y) => ({
    value: y,
    label: y,
  }));
}
