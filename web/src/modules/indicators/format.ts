/** Shared pieces of the indicators page: number formats, CSV download, a drill link. */
import { currentSchoolYear } from '../../shared/schoolYear.ts';

export type Level = 'preschool' | 'primary' | 'lower_secondary' | 'upper_secondary';
export const LEVELS: Level[] = ['preschool', 'primary', 'lower_secondary', 'upper_secondary'];
export type Lang = 'vi' | 'en';

/** vi-VN numbers, 2 decimals: the only place figures are rounded (issue #16). */
export const decimals = (lang: string) =>
  new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
export const integers = (lang: string) => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN');

export function yearOptions() {
  const start = Number(currentSchoolYear().slice(0, 4));
  return Array.from({ length: 6 }, (_, i) => `${start - i}-${start + 1 - i}`).map((y) => ({
    value: y,
    label: y,
  }));
}

/** A table as CSV with a BOM (Excel opens it in UTF-8), downloaded in the browser. */
export function downloadCsv(name: string, header: string[], rows: (string | number)[][]) {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",;\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const text = [header, ...rows].map((r) => r.map(cell).join(',')).join('\n');
  const url = URL.createObjectURL(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/** A moment as vi-VN shows it: dd/mm/yyyy hh:mm:ss (Việt Nam time). */
export const dateTime = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'vi-VN', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(iso));
