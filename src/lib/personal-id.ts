import type { Gender } from '../db/schema.ts';

/**
 * The 12-digit personal id (số định danh cá nhân, the citizen id number):
 * digits 1–3 the province of birth registration (001–096), digit 4 century
 * and gender (0/1 = born 1900–1999 male/female, 2/3 = born 2000–2099
 * male/female), digits 5–6 the last two digits of the birth year, then 6
 * random digits. (Decree 137/2015/NĐ-CP, Circular 07/2016/TT-BCA; summarised
 * in docs/formats/student-import.md.)
 */

export const PERSONAL_ID_RE = /^\d{12}$/;

export function centuryGenderDigit(birthYear: number, gender: Gender): number {
  const century = birthYear >= 2000 ? 2 : 0;
  return century + (gender === 'female' ? 1 : 0);
}

/** A Vietnamese message saying why the id does not fit the person, or null. */
export function checkPersonalId(
  id: string,
  person: { birthYear: number; gender: Gender },
): string | null {
  if (!PERSONAL_ID_RE.test(id)) return 'Mã định danh cá nhân phải gồm đúng 12 chữ số.';
  const province = Number(id.slice(0, 3));
  if (province < 1 || province > 96)
    return `Ba chữ số đầu (${id.slice(0, 3)}) phải là mã tỉnh từ 001 đến 096.`;
  const digit = Number(id[3]);
  if (person.birthYear < 1900 || person.birthYear > 2099)
    return 'Năm sinh nằm ngoài khoảng 1900–2099 mà mã định danh mã hoá được.';
  const expected = centuryGenderDigit(person.birthYear, person.gender);
  if (digit !== expected) {
    const meaning = [
      'nam sinh 1900–1999',
      'nữ sinh 1900–1999',
      'nam sinh 2000–2099',
      'nữ sinh 2000–2099',
    ];
    return `Chữ số thứ 4 là ${digit} (${meaning[digit] ?? 'không hợp lệ'}), không khớp giới tính và năm sinh (cần ${expected}).`;
  }
  const yy = String(person.birthYear % 100).padStart(2, '0');
  if (id.slice(4, 6) !== yy)
    return `Chữ số thứ 5–6 là ${id.slice(4, 6)}, không khớp năm sinh ${person.birthYear} (cần ${yy}).`;
  return null;
}

/** Builds a valid id (for generated demo data). `serial` fills the last six digits. */
export function makePersonalId(
  provinceCode: number,
  birthYear: number,
  gender: Gender,
  serial: number,
): string {
  return (
    String(provinceCode).padStart(3, '0') +
    String(centuryGenderDigit(birthYear, gender)) +
    String(birthYear % 100).padStart(2, '0') +
    String(serial % 1_000_000).padStart(6, '0')
  );
}
