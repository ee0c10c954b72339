/** The campaign's school year and the two before it ("the last three school years", issue #18). */
export function lastThreeYears(schoolYear: string): string[] {
  const start = Number(schoolYear.slice(0, 4));
  return [start - 2, start - 1, start].map((y) => `${y}-${y + 1}`);
}
