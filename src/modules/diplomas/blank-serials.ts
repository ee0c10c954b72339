/**
 * Serials printed on blank diploma forms (phôi): a series of letters, then a
 * number of fixed width ("A0012345"). The serial on the form is the
 * diploma's số hiệu (Circular 21/2019/TT-BGDĐT: số hiệu is printed on the
 * blank form and runs on without reset).
 */

export interface BlankSerial {
  prefix: string;
  width: number;
  n: number;
  text: string;
}

/** Most forms one delivery may record at once (a province's year is a few tens of thousands). */
export const MAX_RANGE = 100_000;

/** Letters upper-cased; null when it is not letters then 1–9 digits. */
export function parseBlankSerial(text: string): BlankSerial | null {
  const m = /^([^\s\d]*)(\d{1,9})$/.exec(text.trim());
  if (!m) return null;
  const prefix = m[1]!.toUpperCase();
  const digits = m[2]!;
  return { prefix, width: digits.length, n: Number(digits), text: prefix + digits };
}

export const blankSerialText = (prefix: string, width: number, n: number) =>
  prefix + String(n).padStart(width, '0');
