import type { Db } from '../../../db/connection.ts';
import type { Gender } from '../../../db/schema.ts';
import { parseVietnameseDate } from '../../../lib/dates.ts';
import { checkEthnicGroup } from '../../../lib/ethnic-groups.ts';
import { checkPersonalId } from '../../../lib/personal-id.ts';
import { normalizeText, searchKey, splitName } from '../../../lib/vietnamese.ts';
import { badRequest, conflict, type FieldError } from '../../../core/errors.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { studentHolding } from './repo.ts';

/** A student's fields as typed on the form (the create body, or an edit merged over the row). */
export interface StudentInput {
  fullName: string;
  birthDate: string;
  gender: Gender;
  personalId?: string | null | undefined;
  studentCode?: string | null | undefined;
  ethnicity?: string | null | undefined;
  birthPlace?: string | null | undefined;
  address?: string | null | undefined;
  guardianName?: string | null | undefined;
  phone?: string | null | undefined;
}

const text = (v: string | null | undefined) => (v ? normalizeText(v) || null : null);

/** Checks the fields together, every problem at once, in Vietnamese; the columns to write. */
export function validateStudent(input: StudentInput) {
  const errors: FieldError[] = [];
  const fullName = normalizeText(input.fullName);
  if (!fullName) errors.push({ path: 'fullName', message: 'Họ và tên không được để trống.' });
  else if (fullName.length > 100)
    errors.push({ path: 'fullName', message: 'Họ và tên dài tối đa 100 ký tự.' });
  else if (!fullName.includes(' '))
    errors.push({ path: 'fullName', message: 'Cần ghi đủ họ và tên (ít nhất hai từ).' });
  const birth = parseVietnameseDate(input.birthDate.trim());
  const today = new Date().toISOString().slice(0, 10);
  if (!birth)
    errors.push({
      path: 'birthDate',
      message: `Ngày sinh "${input.birthDate}" không hợp lệ: cần dạng dd/mm/yyyy, là một ngày có thật.`,
    });
  else if (birth > today)
    errors.push({ path: 'birthDate', message: 'Ngày sinh không được sau ngày hôm nay.' });
  else if (birth < '1990-01-01')
    errors.push({ path: 'birthDate', message: 'Ngày sinh trước năm 1990: hãy kiểm tra lại.' });
  const personalId = input.personalId?.replace(/\s/g, '') || null;
  if (personalId && birth) {
    const why = checkPersonalId(personalId, {
      birthYear: Number(birth.slice(0, 4)),
      gender: input.gender,
    });
    if (why) errors.push({ path: 'personalId', message: why });
  }
  // The 54 groups (and foreigners), usual spellings accepted (src/lib/ethnic-groups.ts).
  const ethnic = input.ethnicity?.trim() ? checkEthnicGroup(input.ethnicity) : null;
  if (ethnic && !ethnic.ok) errors.push({ path: 'ethnicity', message: ethnic.message });
  const phone = input.phone?.replace(/[\s.]/g, '') || null;
  if (phone && !/^\+?\d{9,12}$/.test(phone))
    errors.push({ path: 'phone', message: 'Số điện thoại gồm 9 đến 12 chữ số.' });
  if (errors.length) throw badRequest('Thông tin học sinh chưa hợp lệ.', errors);
  const name = splitName(fullName);
  return {
    full_name: fullName,
    family_name: name.familyName,
    middle_name: name.middleName,
    given_name: name.givenName,
    search_name: searchKey(fullName),
    birth_date: birth!,
    gender: input.gender,
    personal_id: personalId,
    student_code: text(input.studentCode),
    ethnicity: ethnic?.ok ? ethnic.group.name : null,
    birth_place: text(input.birthPlace),
    address: text(input.address),
    guardian_name: text(input.guardianName),
    phone,
  };
}

/**
 * A 409 when another student holds the personal id or the student code; it
 * names that student only when the caller's scope covers them.
 */
export async function requireIdsFree(
  db: Db,
  scope: Scope,
  fields: { personal_id: string | null; student_code: string | null },
  exceptId?: string,
): Promise<void> {
  for (const [column, value, label, path] of [
    ['personal_id', fields.personal_id, 'Mã định danh', 'personalId'],
    ['student_code', fields.student_code, 'Mã học sinh', 'studentCode'],
  ] as const) {
    if (!value) continue;
    const other = await studentHolding(db, column, value, exceptId);
    if (!other) continue;
    const who = scope.containsPath(other.path)
      ? `học sinh ${other.full_name}`
      : 'một học sinh ngoài phạm vi của bạn';
    throw conflict(`${label} này đã thuộc về ${who}. Chưa lưu gì.`, [
      { path, message: `${label} đã được dùng.` },
    ]);
  }
}
