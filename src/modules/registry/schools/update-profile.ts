import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { parseVietnameseDate } from '../../../lib/dates.ts';
import { uuidv7 } from '../../../lib/ids.ts';
import { normalizeText } from '../../../lib/vietnamese.ts';
import { badRequest, notFound, type FieldError } from '../../../core/errors.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { changedOnly, checkVersion, staleVersion } from '../../../core/versions.ts';
import type { SchoolProfile } from '../contract.ts';
import { checkSchoolYear, requireSchool } from './access.ts';
import { getSchoolProfile } from './get-profile.ts';
import { insertProfileIfAbsent, lockProfile, updateProfile, type ProfileRecord } from './repo.ts';

export interface SchoolProfileInput {
  nationalStandardLevel: number;
  nationalStandardDecision?: string | null | undefined;
  /** dd/mm/yyyy or yyyy-mm-dd. */
  nationalStandardDate?: string | null | undefined;
  accreditationLevel: number;
  twoSessionsADay: boolean;
  notes?: string | null | undefined;
  homeroomOneClass: boolean;
}

/** An update sends any of the fields, and the `version` its form was loaded with. */
export type SchoolProfilePatch = Partial<SchoolProfileInput> & { version?: number | undefined };

/**
 * Records a school's attributes for one school year. Writes only the fields
 * sent (the others keep what is recorded, or their defaults), checked
 * together with the recorded ones under a row lock; a stale `version` (0 for
 * a year not recorded yet) is a 409.
 */
export async function updateSchoolProfile(
  db: Db,
  scope: Scope,
  input: { schoolId: string; schoolYear: string; patch: SchoolProfilePatch },
): Promise<SchoolProfile> {
  const { schoolId, schoolYear, patch } = input;
  checkSchoolYear(schoolYear);
  const school = await requireSchool(db, scope, schoolId, 'registry.write');
  const what = `Thông tin năm học ${schoolYear} của ${school.name}`;
  await writeTransaction(db, scope.actor, async (tx) => {
    let row = await lockProfile(tx, schoolId, schoolYear);
    if (!row) {
      checkVersion(what, patch.version, 0);
      const inserted = await insertProfileIfAbsent(tx, {
        school_id: schoolId,
        school_year: schoolYear,
        id: uuidv7(),
        ...validateProfile(mergeProfile(undefined, patch)),
      });
      if (inserted) return;
      // Someone recorded the year at the same moment: theirs is the row to update.
      row = await lockProfile(tx, schoolId, schoolYear);
      if (!row) throw notFound('thông tin năm học');
      if (patch.version !== undefined)
        throw staleVersion(what, { sent: patch.version, current: row.version });
    }
    checkVersion(what, patch.version, row.version);
    const fields = validateProfile(mergeProfile(row, patch));
    const sent = PROFILE_COLUMNS.filter(([key]) => patch[key] !== undefined).map(([, c]) => c);
    const changed = changedOnly(Object.fromEntries(sent.map((c) => [c, fields[c]])), row);
    if (Object.keys(changed).length === 0) return;
    if (!(await updateProfile(tx, schoolId, schoolYear, row.version, changed)))
      throw staleVersion(what);
  });
  return getSchoolProfile(db, scope, { schoolId, schoolYear });
}

function validateProfile(input: SchoolProfileInput) {
  const errors: FieldError[] = [];
  const level = input.nationalStandardLevel;
  if (!Number.isInteger(level) || level < 0 || level > 2)
    errors.push({
      path: 'nationalStandardLevel',
      message: 'Mức chuẩn quốc gia là 0 (chưa đạt), 1 (mức độ 1) hoặc 2 (mức độ 2).',
    });
  const accreditation = input.accreditationLevel;
  if (!Number.isInteger(accreditation) || accreditation < 0 || accreditation > 4)
    errors.push({
      path: 'accreditationLevel',
      message: 'Cấp độ kiểm định chất lượng là 0 (chưa đạt) hoặc từ 1 đến 4.',
    });
  const decision = input.nationalStandardDecision
    ? normalizeText(input.nationalStandardDecision)
    : '';
  if (decision.length > 200)
    errors.push({
      path: 'nationalStandardDecision',
      message: 'Số quyết định công nhận dài tối đa 200 ký tự.',
    });
  let date: string | null = null;
  const dateText = input.nationalStandardDate?.trim() ?? '';
  if (dateText) {
    date = parseVietnameseDate(dateText);
    if (!date)
      errors.push({
        path: 'nationalStandardDate',
        message: `Ngày công nhận "${dateText}" không hợp lệ: cần dạng dd/mm/yyyy.`,
      });
    else if (date > new Date().toISOString().slice(0, 10))
      errors.push({
        path: 'nationalStandardDate',
        message: 'Ngày công nhận không được sau ngày hôm nay.',
      });
  }
  if (level === 0 && (decision || dateText))
    errors.push({
      path: 'nationalStandardDecision',
      message:
        'Trường chưa đạt chuẩn quốc gia thì không ghi quyết định, ngày công nhận: hãy chọn mức độ 1 hoặc 2, hoặc xoá quyết định.',
    });
  const notes = input.notes ? input.notes.trim() : '';
  if (notes.length > 2000)
    errors.push({ path: 'notes', message: 'Ghi chú dài tối đa 2000 ký tự.' });
  if (errors.length) throw badRequest('Thông tin trường theo năm học chưa hợp lệ.', errors);
  return {
    national_standard_level: level,
    national_standard_decision: decision || null,
    national_standard_date: date,
    accreditation_level: accreditation,
    two_sessions_a_day: input.twoSessionsADay,
    notes: notes || null,
    homeroom_one_class: input.homeroomOneClass,
  };
}

/** Input field → column, for writing only what was sent. */
const PROFILE_COLUMNS = [
  ['nationalStandardLevel', 'national_standard_level'],
  ['nationalStandardDecision', 'national_standard_decision'],
  ['nationalStandardDate', 'national_standard_date'],
  ['accreditationLevel', 'accreditation_level'],
  ['twoSessionsADay', 'two_sessions_a_day'],
  ['notes', 'notes'],
  ['homeroomOneClass', 'homeroom_one_class'],
] as const satisfies readonly (readonly [keyof SchoolProfileInput, string])[];

/** The profile as it will be: the fields sent over the recorded ones (or the defaults). */
function mergeProfile(
  row: ProfileRecord | undefined,
  input: SchoolProfilePatch,
): SchoolProfileInput {
  return {
    nationalStandardLevel: input.nationalStandardLevel ?? row?.national_standard_level ?? 0,
    nationalStandardDecision:
      input.nationalStandardDecision !== undefined
        ? input.nationalStandardDecision
        : (row?.national_standard_decision ?? null),
    nationalStandardDate:
      input.nationalStandardDate !== undefined
        ? input.nationalStandardDate
        : (row?.national_standard_date ?? null),
    accreditationLevel: input.accreditationLevel ?? row?.accreditation_level ?? 0,
    twoSessionsADay: input.twoSessionsADay ?? row?.two_sessions_a_day ?? false,
    notes: input.notes !== undefined ? input.notes : (row?.notes ?? null),
    homeroomOneClass: input.homeroomOneClass ?? row?.homeroom_one_class ?? false,
  };
}
