import type { Gender } from '../../../db/schema.ts';
import { parseVietnameseDate } from '../../../lib/dates.ts';
import { checkPersonalId } from '../../../lib/personal-id.ts';
import { normalizeText, searchKey } from '../../../lib/vietnamese.ts';

/** An optional text cell as stored: normalized, or null when blank. */
export const optionalText = (value: string | null): string | null =>
  value ? normalizeText(value) : null;

/** The cells every list of people (students, staff) has and checks the same way. */
export type PersonField = 'schoolCode' | 'birthDate' | 'gender' | 'personalId';

export interface PersonCells<S> {
  school: S | undefined;
  /** 'yyyy-mm-dd', or null when missing or not a real day. */
  birthDate: string | null;
  gender: Gender | null;
  personalId: string | null;
}

/**
 * School code (known, a school, inside the caller's scope), date of birth (a
 * real day), gender (Nam/Nữ) and personal id (12 digits agreeing with gender
 * and birth year, see docs/formats/student-import.md): one error per bad
 * cell through `err`, in that order.
 */
export function checkPersonCells<S extends { kind: string; path: string }>(
  cell: (field: PersonField) => string | null,
  schools: Map<string, S>,
  scopePath: string | undefined,
  err: (field: PersonField, message: string) => void,
): PersonCells<S> {
  const code = cell('schoolCode');
  const school = code ? schools.get(code.toLowerCase()) : undefined;
  if (code && (!school || school.kind !== 'school'))
    err('schoolCode', `Không có trường mã "${code}" trong cây đơn vị.`);
  else if (school && scopePath && !school.path.startsWith(scopePath))
    err('schoolCode', `Trường "${code}" nằm ngoài phạm vi quản lý của bạn.`);

  const birthText = cell('birthDate');
  const birthDate = birthText ? parseVietnameseDate(birthText) : null;
  if (birthText && !birthDate)
    err('birthDate', `"${birthText}" không phải ngày có thật dạng dd/mm/yyyy.`);

  const genderText = cell('gender');
  const genderKey = genderText ? searchKey(genderText) : null;
  const gender: Gender | null = genderKey === 'nam' ? 'male' : genderKey === 'nu' ? 'female' : null;
  if (genderText && !gender)
    err('gender', `Giới tính "${genderText}" không hợp lệ: cần "Nam" hoặc "Nữ".`);

  const personalId = cell('personalId')?.replace(/\s/g, '') ?? null;
  if (personalId && birthDate && gender) {
    const problem = checkPersonalId(personalId, {
      birthYear: Number(birthDate.slice(0, 4)),
      gender,
    });
    if (problem) err('personalId', problem);
  } else if (personalId && !/^\d{12}$/.test(personalId))
    err('personalId', 'Mã định danh cá nhân phải gồm đúng 12 chữ số.');

  return { school, birthDate, gender, personalId };
}
