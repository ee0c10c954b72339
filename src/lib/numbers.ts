/**
 * Numbers as Vietnamese users write them (vi-VN): a comma before the decimals
 * and a dot between thousands — `96,5`, `1.234,5`. A form or a spreadsheet
 * cell is read with {@link parseVietnameseNumber}, never with `Number()`, so
 * `96,5` is never saved as 965 (issue #13 item 1).
 */

/** Why a text is not a number, in Vietnamese (shown under the field). */
export const NUMBER_FORMAT_HINT = 'Cần một số, ví dụ 96,5 hoặc 1.234,5';

/**
 * Text → number, or null when it is not a number. Accepted:
 * - `96,5`, `1.234,5`, `1.234` (vi-VN: the dot groups thousands, the comma starts decimals);
 * - `96.5`, `0.25` (a dot followed by other than exactly three digits: a decimal point,
 *   as a spreadsheet or a phone keyboard in English writes it);
 * - spaces (also non-breaking) between thousands, a leading minus.
 * Refused: two commas, groups of other than three digits after the first
 * (`1.23.4`), letters. An empty text is null too: the caller decides whether
 * the field may be empty.
 */
export function parseVietnameseNumber(text: string): number | null {
  const t = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (!t) return null;
  const m = /^(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/.exec(t);
  if (m) {
    const [, sign, whole, decimals] = m;
    const digits = whole!.replace(/\./g, '');
    return Number(`${sign}${digits}${decimals === undefined ? '' : `.${decimals}`}`);
  }
  // A decimal point as English writes it: one dot not followed by exactly three digits.
  const en = /^(-?)(\d+)\.(\d{1,2}|\d{4,})$/.exec(t);
  if (en) return Number(`${en[1]}${en[2]}.${en[3]}`);
  return null;
}

/** A number shown vi-VN (`1.234,5`), with at most `maxDecimals` decimals. */
export function formatVietnameseNumber(n: number, maxDecimals = 2): string {
  return n.toLocaleString('vi-VN', { maximumFractionDigits: maxDecimals });
}
