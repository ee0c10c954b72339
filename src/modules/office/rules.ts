/**
 * The numbering and notation rules of Decree 30/2020/NĐ-CP (Art. 15, Annex I
 * §II.3) as pure functions: what `sogd office register-outgoing` and the web
 * write on a document (docs/formats/office.md).
 */
import { LETTER_TYPE } from './labels.ts';

/** The office's time zone: numbering years and deadlines run on Việt Nam's calendar. */
export const OFFICE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

// Today's date in Việt Nam, `yyyy-mm-dd`: one definition for every module.
export { todayInVietnam } from '../../lib/dates.ts';

/** `yyyy-mm-dd` plus `days` calendar days. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the ISO week holding `iso`. */
export function weekStart(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return addDays(iso, -((d.getUTCDay() + 6) % 7));
}

/** Numbers below 10 are written with a leading zero (Annex I §II.3.a). */
export function formatNumber(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * `number/TYPE-UNIT[-DRAFTING]`; an administrative letter has no type
 * abbreviation: `number/UNIT[-DRAFTING]` (Annex I §II.3.b).
 */
export function notationOf(
  n: number,
  type: string,
  unitAbbreviation: string,
  draftingUnit: string | null,
): string {
  const parts = type === LETTER_TYPE ? [unitAbbreviation] : [type, unitAbbreviation];
  if (draftingUnit) parts.push(draftingUnit);
  return `${formatNumber(n)}/${parts.join('-')}`;
}

/** An abbreviation as it may appear in a notation: letters (Đ included), digits, "&". */
export const ABBREVIATION = /^[\p{L}\p{N}&]{1,20}$/u;
