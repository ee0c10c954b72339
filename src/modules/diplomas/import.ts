import type { Readable } from 'node:stream';
import type { Gender } from '../../db/schema.ts';
import { checkVietnameseDate } from '../../lib/dates.ts';
import { checkEthnicGroup } from '../../lib/ethnic-groups.ts';
import { normalizeText, searchKey } from '../../lib/vietnamese.ts';
import { headerKey, readFirstSheet, type SheetHeader } from '../../lib/xlsx.ts';
import type { GraduateImportResult } from './contract.ts';
import type { GraduateEntry } from './issue-batch.ts';

/**
 * The graduation list (danh sách công nhận tốt nghiệp) as a file: its
 * columns and the reading of its rows, format in docs/diplomas.md
 * ("Graduation list import"). Every row is validated and every error given
 * at once; import-graduates.ts issues what it read, all or nothing.
 */

export const GRADUATE_HEADERS = {
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh',
  birthPlace: 'Nơi sinh',
  gender: 'Giới tính',
  ethnicity: 'Dân tộc',
  school: 'Trường',
  examCouncil: 'Hội đồng thi',
  graduationYear: 'Năm tốt nghiệp',
  decisionNumber: 'Số quyết định công nhận tốt nghiệp',
  decisionDate: 'Ngày quyết định',
  notes: 'Ghi chú',
} as const;
type Field = keyof typeof GRADUATE_HEADERS;
const REQUIRED: Field[] = [
  'fullName',
  'birthDate',
  'gender',
  'school',
  'graduationYear',
  'decisionNumber',
  'decisionDate',
];
const KEY = Object.fromEntries(
  Object.entries(GRADUATE_HEADERS).map(([f, h]) => [f, headerKey(h)]),
) as Record<Field, string>;

export interface GraduationList {
  /** Data rows read. */
  rows: number;
  /** The rows without errors, each with its row number. */
  entries: (GraduateEntry & { row: number })[];
  errors: GraduateImportResult['errorList'];
  /** Headers that name no column of the list (ignored). */
  unknownColumns: string[];
}

/** Reads the first sheet of a workbook (a path or a stream). Throws UnreadableWorkbookError. */
export async function readGraduationList(input: string | Readable): Promise<GraduationList> {
  const errors: GraduateImportResult['errorList'] = [];
  const entries: (GraduateEntry & { row: number })[] = [];
  let header: SheetHeader | null = null;
  let rows = 0;
  for await (const sheetRow of readFirstSheet(
    input,
    Object.values(GRADUATE_HEADERS),
    (h) => (header = h),
  )) {
    rows++;
    const r = sheetRow.rowNumber;
    const err = (field: Field, message: string) =>
      errors.push({ row: r, column: GRADUATE_HEADERS[field], message });
    for (const p of sheetRow.problems)
      errors.push({ row: r, column: p.header, message: p.message });
    const get = (f: Field) => sheetRow.values.get(KEY[f]) ?? null;
    for (const f of REQUIRED) if (!get(f)) err(f, `Thiếu ${GRADUATE_HEADERS[f].toLowerCase()}.`);
    // dd/mm/yyyy as typed (or an Excel date cell): a malformed one and a day not in
    // the calendar ("31/02/2008") are told apart.
    const day = (f: 'birthDate' | 'decisionDate') => {
      const typed = get(f);
      if (!typed) return null;
      const r = checkVietnameseDate(typed, GRADUATE_HEADERS[f]);
      if (!r.ok) err(f, r.message);
      return r.ok ? r.iso : null;
    };
    const birthDate = day('birthDate');
    const decisionDate = day('decisionDate');
    // The 54 groups (and foreigners), usual spellings accepted, written under the list's name.
    const ethnic = get('ethnicity') ? checkEthnicGroup(get('ethnicity')!) : null;
    if (ethnic && !ethnic.ok) err('ethnicity', ethnic.message);
    const genderText = get('gender') ? searchKey(get('gender')!) : null;
    const gender: Gender | null =
      genderText === 'nam' ? 'male' : genderText === 'nu' ? 'female' : null;
    if (get('gender') && !gender)
      err('gender', `Giới tính "${get('gender')}" không hợp lệ: cần "Nam" hoặc "Nữ".`);
    const year = get('graduationYear');
    const graduationYear = year && /^\d{4}$/.test(year) ? Number(year) : null;
    if (year && !graduationYear)
      err('graduationYear', `Năm tốt nghiệp "${year}" không hợp lệ: cần 4 chữ số.`);
    if (
      birthDate &&
      graduationYear &&
      (graduationYear - Number(birthDate.slice(0, 4)) < 13 ||
        graduationYear - Number(birthDate.slice(0, 4)) > 70)
    )
      err(
        'birthDate',
        `Ngày sinh ${get('birthDate')} không phù hợp với năm tốt nghiệp ${graduationYear}.`,
      );
    if (
      REQUIRED.every((f) => get(f)) &&
      birthDate &&
      decisionDate &&
      gender &&
      graduationYear &&
      ethnic?.ok !== false
    )
      entries.push({
        row: r,
        fullName: normalizeText(get('fullName')!),
        birthDate,
        birthPlace: get('birthPlace'),
        gender,
        ethnicity: ethnic?.ok ? ethnic.group.name : null,
        schoolName: get('school')!,
        examCouncil: get('examCouncil'),
        graduationYear,
        decisionNumber: normalizeText(get('decisionNumber')!),
        decisionDate,
        notes: get('notes'),
      });
  }
  const h = header as SheetHeader | null;
  if (h)
    for (const f of REQUIRED)
      if (![...h.columns.values()].includes(KEY[f]))
        errors.push({
          row: 1,
          column: GRADUATE_HEADERS[f],
          message: `Thiếu cột bắt buộc "${GRADUATE_HEADERS[f]}".`,
        });
  return { rows, entries, errors, unknownColumns: h?.unknown ?? [] };
}
