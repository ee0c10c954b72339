import type { OfferedDataKind, SetCriterion, SetStandard } from './types.ts';

/**
 * A criterion whose requirement texts are not loaded: one requirement per
 * level, pointing the council to the circular's annex. Used where the official
 * wording of the indicators (chỉ báo) could not be read (docs/accreditation.md).
 */
export function criterionFromCircular(
  code: string,
  name: string,
  levels: number,
  circular: string,
  data?: readonly OfferedDataKind[],
): SetCriterion {
  return {
    code,
    name,
    levels: Array.from({ length: levels }, (_, i) => [
      {
        code: `${code}.M${i + 1}.a`,
        letter: 'a',
        text: `Đạt các yêu cầu Mức ${i + 1} của tiêu chí ${code} theo ${circular}.`,
      },
    ]),
    ...(data ? { data } : {}),
  };
}

/** Standards from `[code, name, criteria: [code, name, data?][]]` rows. */
export function standardsFromRows(
  rows: readonly (readonly [
    string,
    string,
    readonly (readonly [string, string, OfferedDataKind[]?])[],
  ])[],
  levels: number,
  circular: string,
): SetStandard[] {
  return rows.map(([code, name, criteria]) => ({
    code,
    name,
    criteria: criteria.map(([c, n, data]) => criterionFromCircular(c, n, levels, circular, data)),
  }));
}

/**
 * Placeholders for a Mức 4 list whose wording could not be sourced: `count`
 * criteria M4.1…, no text (the department enters it from the circular).
 */
export function levelFourPlaceholders(count: number): { code: string; text: null }[] {
  return Array.from({ length: count }, (_, i) => ({ code: `M4.${i + 1}`, text: null }));
}
