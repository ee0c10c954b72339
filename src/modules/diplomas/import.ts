import type { Readable } from 'node:stream';
import type { Actor } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { DiplomaType, Gender } from '../../db/schema.ts';
import { parseVietnameseDate } from '../../lib/dates.ts';
import { normalizeText, searchKey } from '../../lib/vietnamese.ts';
import { headerKey, readFirstSheet, type SheetHeader } from '../../lib/xlsx.ts';
import type { GraduateImportResult } from './contract.ts';
import { issueDiplomas, type GraduateEntry, type IssueContext } from './service.ts';

/**
 * Issuing diplomas from a graduation list (danh sách công nhận tốt nghiệp),
 * contract in README ("Graduation list import"). Every row validated, all
 * errors at once, all-or-nothing; a graduate already in the register for the
 * same decision is counted unchanged, never issued a second original.
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

export async function importGraduates(
  db: Db,
  input: string | Readable,
  options: {
    actor: Actor;
    dryRun: boolean;
    authorityId: string;
    diplomaType: DiplomaType;
    issueDate: string;
    signerName: string;
    signerTitle: string;
    context: IssueContext;
  },
): Promise<GraduateImportResult> {
  const started = performance.now();
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
    const birthDate = get('birthDate') ? parseVietnameseDate(get('birthDate')!) : null;
    if (get('birthDate') && !birthDate)
      err('birthDate', `"${get('birthDate')}" không phải ngày có thật dạng dd/mm/yyyy.`);
    const decisionDate = get('decisionDate') ? parseVietnameseDate(get('decisionDate')!) : null;
    if (get('decisionDate') && !decisionDate)
      err('decisionDate', `"${get('decisionDate')}" không phải ngày có thật dạng dd/mm/yyyy.`);
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
    if (REQUIRED.every((f) => get(f)) && birthDate && decisionDate && gender && graduationYear)
      entries.push({
        row: r,
        fullName: normalizeText(get('fullName')!),
        birthDate,
        birthPlace: get('birthPlace'),
        gender,
        ethnicity: get('ethnicity'),
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

  // The same person twice in the file, or already in the register for the same decision.
  const seen = new Map<string, number>();
  const fresh: typeof entries = [];
  let unchanged = 0;
  const existing = new Set(
    (
      await db
        .selectFrom('diploma')
        .select(['search_name', 'birth_date', 'decision_number'])
        .where('authority_id', '=', options.authorityId)
        .where('diploma_type', '=', options.diplomaType)
        .where('decision_number', 'in', [...new Set(entries.map((e) => e.decisionNumber)), ''])
        .execute()
    ).map((d) => `${d.search_name}|${d.birth_date}|${d.decision_number}`),
  );
  for (const e of entries) {
    const key = `${searchKey(e.fullName)}|${e.birthDate}|${e.decisionNumber}`;
    const first = seen.get(key);
    if (first) {
      errors.push({
        row: e.row,
        column: GRADUATE_HEADERS.fullName,
        message: `Trùng với dòng ${first} (cùng họ tên, ngày sinh, quyết định).`,
      });
      continue;
    }
    seen.set(key, e.row);
    if (existing.has(key)) unchanged++;
    else fresh.push(e);
  }
  errors.sort((a, b) => a.row - b.row);
  const summary = () => ({
    rows,
    added: errors.length ? 0 : fresh.length,
    updated: 0,
    unchanged,
    errors: errors.length,
    ms: Math.round(performance.now() - started),
  });
  if (errors.length || options.dryRun)
    return {
      summary: { ...summary(), added: errors.length ? 0 : fresh.length },
      errorList: errors,
      unknownColumns: h?.unknown ?? [],
      issued: [],
    };
  const issued = await issueDiplomas(
    db,
    options.actor,
    {
      authorityId: options.authorityId,
      diplomaType: options.diplomaType,
      issueDate: options.issueDate,
      signerName: options.signerName,
      signerTitle: options.signerTitle,
      entries: fresh,
    },
    options.context,
  );
  return { summary: summary(), errorList: [], unknownColumns: h?.unknown ?? [], issued };
}
