import type { Gender, SchoolLevel, StaffPosition } from '../../../db/schema.ts';
import { parseVietnameseDate } from '../../../lib/dates.ts';
import { checkPersonalId } from '../../../lib/personal-id.ts';
import { normalizeText, searchKey, splitName } from '../../../lib/vietnamese.ts';
import { badRequest, type FieldError } from '../../../core/errors.ts';
import { EMPLOYMENT_TYPES, LEVEL_TAUGHT_LABELS } from '../labels.ts';

/** A staff member's fields as typed on the form (the create body, or an edit merged over the row). */
export interface StaffInput {
  fullName: string;
  birthDate: string;
  gender: Gender;
  personalId?: string | null | undefined;
  position: StaffPosition;
  mainSubject?: string | null | undefined;
  qualification?: string | null | undefined;
  employmentType?: string | null | undefined;
  rank?: string | null | undefined;
  levelTaught?: SchoolLevel | null | undefined;
}

const text = (v: string | null | undefined) => (v ? normalizeText(v) || null : null);

/**
 * Checks the fields together, every problem at once, in Vietnamese; answers
 * the columns to write. `schoolLevels`: the levels the school teaches, which
 * "level taught" must be one of (teacher norms count a teacher at that level:
 * TT 20/2023/TT-BGDĐT for primary and secondary, TT 19/2023 for preschool).
 */
export function validateStaff(input: StaffInput, schoolLevels: SchoolLevel[]) {
  const errors: FieldError[] = [];
  const fullName = normalizeText(input.fullName);
  if (!fullName) errors.push({ path: 'fullName', message: 'Họ và tên không được để trống.' });
  else if (fullName.length > 100)
    errors.push({ path: 'fullName', message: 'Họ và tên dài tối đa 100 ký tự.' });
  else if (!fullName.includes(' '))
    errors.push({ path: 'fullName', message: 'Cần ghi đủ họ và tên (ít nhất hai từ).' });
  const birth = parseVietnameseDate(input.birthDate.trim());
  const today = new Date().toISOString().slice(0, 10);
  const eighteen = `${Number(today.slice(0, 4)) - 18}${today.slice(4)}`;
  if (!birth)
    errors.push({
      path: 'birthDate',
      message: `Ngày sinh "${input.birthDate}" không hợp lệ: cần dạng dd/mm/yyyy, là một ngày có thật.`,
    });
  else if (birth > eighteen)
    errors.push({
      path: 'birthDate',
      message: 'Người lao động phải đủ 18 tuổi: kiểm tra ngày sinh.',
    });
  else if (birth < '1940-01-01')
    errors.push({ path: 'birthDate', message: 'Ngày sinh trước năm 1940: hãy kiểm tra lại.' });
  const personalId = input.personalId?.replace(/\s/g, '') || null;
  if (personalId && birth) {
    const why = checkPersonalId(personalId, {
      birthYear: Number(birth.slice(0, 4)),
      gender: input.gender,
    });
    if (why) errors.push({ path: 'personalId', message: why });
  }
  const employmentType = text(input.employmentType);
  if (employmentType && !(EMPLOYMENT_TYPES as readonly string[]).includes(employmentType))
    errors.push({
      path: 'employmentType',
      message: `Loại hợp đồng "${employmentType}" không hợp lệ: chọn ${EMPLOYMENT_TYPES.join(' hoặc ')}.`,
    });
  const levelTaught = input.levelTaught ?? null;
  if (levelTaught && !schoolLevels.includes(levelTaught))
    errors.push({
      path: 'levelTaught',
      message: `Trường không có cấp ${LEVEL_TAUGHT_LABELS[levelTaught]}: chọn một cấp học của trường.`,
    });
  if (errors.length) throw badRequest('Thông tin cán bộ, giáo viên chưa hợp lệ.', errors);
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
    position: input.position,
    main_subject: text(input.mainSubject),
    qualification: text(input.qualification),
    employment_type: employmentType,
    rank: text(input.rank),
    level_taught: levelTaught,
  };
}

/** A day typed dd/mm/yyyy, checked: its ISO form, or a field error. */
export function dayField(
  value: string,
  path: string,
  what: string,
  errors: FieldError[],
): string | null {
  const day = parseVietnameseDate(value.trim());
  if (!day)
    errors.push({
      path,
      message: `${what} "${value}" không hợp lệ: cần dạng dd/mm/yyyy, là một ngày có thật.`,
    });
  return day;
}
