import type { Readable } from 'node:stream';
import { auditInsertsGrouped, writeTransaction, type Actor } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { Gender, SchoolLevel, StaffPosition } from '../../../db/schema.ts';
import { normalizeText, searchKey, splitName } from '../../../lib/vietnamese.ts';
import {
  headerKey,
  HIDDEN_ROW_MESSAGE,
  mergeErrors,
  readFirstSheet,
  type SheetHeader,
  type SheetLayout,
} from '../../../lib/xlsx.ts';
import { conflict } from '../../../core/errors.ts';
import type { Scope } from '../../../core/access/scope.ts';
import {
  isWriteRace,
  yieldToEventLoop,
  type ImportPhase,
  type RowError,
} from './import-students.ts';
import { LEVEL_TAUGHT_LABELS } from '../labels.ts';
import { checkPersonCells, optionalText } from './person-cells.ts';
import { allUnits, insertStaff, knownStaff, updateStaff, type StaffColumns } from './repo.ts';
import { STAFF_HEADERS } from './staff-headers.ts';

/**
 * Staff list import (docs/registry-imports.md, "Staff list import"), same
 * rules as the student import.
 */

export { STAFF_HEADERS } from './staff-headers.ts';

type Field = keyof typeof STAFF_HEADERS;
const REQUIRED: Field[] = ['schoolCode', 'fullName', 'birthDate', 'gender', 'position'];
const KEY = Object.fromEntries(
  Object.entries(STAFF_HEADERS).map(([f, h]) => [f, headerKey(h)]),
) as Record<Field, string>;
const POSITIONS = new Map<string, StaffPosition>([
  [headerKey('Giáo viên'), 'teacher'],
  [headerKey('Cán bộ quản lý'), 'manager'],
  [headerKey('Nhân viên'), 'staff'],
]);
/** "Cấp dạy": the level's name (Tiểu học, THCS…), its long name or its code. */
const LEVELS = new Map<string, SchoolLevel>([
  ...Object.entries(LEVEL_TAUGHT_LABELS).map(
    ([level, label]) => [headerKey(label), level as SchoolLevel] as const,
  ),
  ...(Object.keys(LEVEL_TAUGHT_LABELS) as SchoolLevel[]).map((l) => [headerKey(l), l] as const),
  [headerKey('Trung học cơ sở'), 'lower_secondary'],
  [headerKey('Trung học phổ thông'), 'upper_secondary'],
]);

export interface StaffImportResult {
  summary: {
    rows: number;
    added: number;
    updated: number;
    unchanged: number;
    errors: number;
    ms: number;
  };
  errorList: RowError[];
  unknownColumns: string[];
  applied: boolean;
}

export interface StaffImportOptions {
  actor: Actor;
  dryRun: boolean;
  /** Only schools whose path starts with this prefix (the caller's scope). */
  scopePath?: string;
  /** Rows read so far, every 1,000 rows. */
  onProgress?: (rows: number) => void;
  onPhase?: (phase: ImportPhase) => void;
  /** Rows written so far in the "writing" phase. */
  onWritten?: (rows: number) => void;
  /** Stops the reading (its reason is thrown, nothing is written) when aborted: the request is gone. */
  signal?: AbortSignal;
}

/**
 * The use case: a signed-in user imports an uploaded staff list into the
 * schools of their scope (registry.write), as themselves in the audit log.
 */
export function importStaffFile(
  db: Db,
  scope: Scope,
  input: Omit<StaffImportOptions, 'actor' | 'scopePath'> & { file: Readable },
): Promise<StaffImportResult> {
  scope.require('registry.write');
  const { file, ...options } = input;
  return importStaff(db, file, { ...options, actor: scope.actor, scopePath: scope.user.orgPath });
}

export async function importStaff(
  db: Db,
  input: string | Readable,
  options: StaffImportOptions,
): Promise<StaffImportResult> {
  const started = performance.now();
  const errors: RowError[] = [];
  let header: SheetHeader | null = null;
  let rows = 0;
  const schools = new Map((await allUnits(db)).map((u) => [u.code.toLowerCase(), u]));
  const parsed: {
    row: number;
    schoolId: string;
    fullName: string;
    birthDate: string;
    gender: Gender;
    personalId: string | null;
    position: StaffPosition;
    mainSubject: string | null;
    qualification: string | null;
    employmentType: string | null;
    levelTaught: SchoolLevel | null;
  }[] = [];
  const seen = new Map<string, number>();
  let layout: SheetLayout | null = null;
  for await (const sheetRow of readFirstSheet(
    input,
    Object.values(STAFF_HEADERS),
    (h) => (header = h),
    { signal: options.signal },
    (l) => (layout = l),
  )) {
    rows++;
    if (rows % 1000 === 0) options.onProgress?.(rows);
    const r = sheetRow.rowNumber;
    if ((layout as SheetLayout | null)?.hiddenRows.has(r))
      errors.push({ row: r, column: null, message: HIDDEN_ROW_MESSAGE });
    const err = (field: Field, message: string) =>
      errors.push({ row: r, column: STAFF_HEADERS[field], message });
    for (const p of sheetRow.problems)
      errors.push({ row: r, column: p.header, message: p.message });
    const get = (f: Field) => sheetRow.values.get(KEY[f]) ?? null;
    for (const f of REQUIRED) if (!get(f)) err(f, `Thiếu ${STAFF_HEADERS[f].toLowerCase()}.`);
    const { school, birthDate, gender, personalId } = checkPersonCells(
      get,
      schools,
      options.scopePath,
      err,
    );
    if (birthDate) {
      const age = new Date().getFullYear() - Number(birthDate.slice(0, 4));
      if (age < 18 || age > 70)
        err('birthDate', `Tuổi ${age} không phù hợp với cán bộ, giáo viên, nhân viên (18–70).`);
    }
    const position = get('position') ? POSITIONS.get(headerKey(get('position')!)) : undefined;
    if (get('position') && !position)
      err(
        'position',
        `Vị trí "${get('position')}" không hợp lệ: cần "Giáo viên", "Cán bộ quản lý" hoặc "Nhân viên".`,
      );
    const levelText = get('levelTaught');
    const levelTaught = levelText ? (LEVELS.get(headerKey(levelText)) ?? null) : null;
    if (levelText && !levelTaught)
      err(
        'levelTaught',
        `Cấp dạy "${levelText}" không hợp lệ: cần "Mầm non", "Tiểu học", "THCS" hoặc "THPT".`,
      );
    else if (levelTaught && school && school.levels.length && !school.levels.includes(levelTaught))
      err(
        'levelTaught',
        `Trường không có cấp ${LEVEL_TAUGHT_LABELS[levelTaught]}: chọn một cấp học của trường.`,
      );
    const identity = personalId ?? `${school?.id}|${searchKey(get('fullName') ?? '')}|${birthDate}`;
    const first = seen.get(identity);
    if (first) err(personalId ? 'personalId' : 'fullName', `Trùng với dòng ${first}.`);
    else seen.set(identity, r);
    if (school && school.kind === 'school' && birthDate && gender && position && get('fullName'))
      parsed.push({
        row: r,
        schoolId: school.id,
        fullName: normalizeText(get('fullName')!),
        birthDate,
        gender,
        personalId,
        position,
        mainSubject: optionalText(get('mainSubject')),
        qualification: optionalText(get('qualification')),
        employmentType: optionalText(get('employmentType')),
        levelTaught,
      });
  }
  options.onProgress?.(rows);
  options.onPhase?.('checking');
  const h = header as SheetHeader | null;
  if (h)
    for (const f of REQUIRED)
      if (![...h.columns.values()].includes(KEY[f]))
        errors.push({
          row: 1,
          column: STAFF_HEADERS[f],
          message: `Thiếu cột bắt buộc "${STAFF_HEADERS[f]}".`,
        });
  errors.push(...mergeErrors(layout, h));
  errors.sort((a, b) => a.row - b.row);

  // Known staff: by personal id, else by school + name + date of birth. A
  // personal id is unique in the whole province (the table's unique index),
  // so it is looked up everywhere: one held by someone outside the caller's
  // scope is a row error in the dry run exactly as in the import, which
  // would otherwise fail at the insert (issue #11: the dry run said "added",
  // the import 409). The error names no one and no school; only the id's
  // use, which the uniqueness makes unavoidable, shows.
  const personalIds = [...new Set(parsed.flatMap((p) => (p.personalId ? [p.personalId] : [])))];
  const existing = await knownStaff(db, [...new Set(parsed.map((p) => p.schoolId))], personalIds);
  const pathOf = new Map([...schools.values()].map((u) => [u.id, u.path]));
  const inScope = (schoolId: string) =>
    !options.scopePath || (pathOf.get(schoolId) ?? '').startsWith(options.scopePath);
  const byId = new Map(existing.filter((s) => s.personal_id).map((s) => [s.personal_id!, s]));
  const byIdentity = new Map(
    existing.map((s) => [`${s.school_id}|${s.search_name}|${s.birth_date}`, s]),
  );
  const plans = parsed.flatMap((p) => {
    const sameId = p.personalId ? byId.get(p.personalId) : undefined;
    if (sameId && !inScope(sameId.school_id)) {
      errors.push({ row: p.row, column: STAFF_HEADERS.personalId, message: STAFF_OUTSIDE_ID });
      return [];
    }
    const known = sameId ?? byIdentity.get(`${p.schoolId}|${searchKey(p.fullName)}|${p.birthDate}`);
    const changed =
      !known ||
      known.full_name !== p.fullName ||
      known.gender !== p.gender ||
      known.position !== p.position ||
      known.school_id !== p.schoolId ||
      (p.personalId ?? known.personal_id) !== known.personal_id ||
      (p.mainSubject ?? known.main_subject) !== known.main_subject ||
      (p.qualification ?? known.qualification) !== known.qualification ||
      (p.employmentType ?? known.employment_type) !== known.employment_type ||
      (p.levelTaught ?? known.level_taught) !== known.level_taught;
    return [{ p, known, changed }];
  });
  errors.sort((a, b) => a.row - b.row);
  const added = plans.filter((x) => !x.known).length;
  const updated = plans.filter((x) => x.known && x.changed).length;
  const unchanged = plans.length - added - updated;
  const result = (): StaffImportResult => ({
    summary: {
      rows,
      added: errors.length ? 0 : added,
      updated: errors.length ? 0 : updated,
      unchanged: errors.length ? 0 : unchanged,
      errors: errors.length,
      ms: Math.round(performance.now() - started),
    },
    errorList: errors,
    unknownColumns: h?.unknown ?? [],
    applied: !errors.length && !options.dryRun,
  });
  if (errors.length || options.dryRun || added + updated === 0) return result();
  options.onPhase?.('writing');
  await writeStaff().catch((error: unknown) => {
    // Another import wrote the same people meanwhile (PostgreSQL server): the
    // transaction rolled back whole; the plan was made before it, so say so
    // rather than try it again on stale rows.
    if (isWriteRace(error))
      throw conflict(
        'Một lượt nhập khác vừa ghi cùng những cán bộ, giáo viên này nên tệp chưa được ghi (không có gì thay đổi). Hãy kiểm tra lại tệp rồi nhập lại.',
      );
    throw error;
  });
  return result();

  function writeStaff() {
    return writeTransaction(db, options.actor, async (tx) => {
      await auditInsertsGrouped(tx);
      const columnsOf = (
        p: (typeof plans)[number]['p'],
        known: (typeof plans)[number]['known'],
      ): StaffColumns => {
        const parts = splitName(p.fullName);
        return {
          school_id: p.schoolId,
          full_name: p.fullName,
          family_name: parts.familyName,
          middle_name: parts.middleName,
          given_name: parts.givenName,
          search_name: searchKey(p.fullName),
          birth_date: p.birthDate,
          gender: p.gender,
          personal_id: p.personalId ?? known?.personal_id ?? null,
          position: p.position,
          main_subject: p.mainSubject ?? known?.main_subject ?? null,
          qualification: p.qualification ?? known?.qualification ?? null,
          employment_type: p.employmentType ?? known?.employment_type ?? null,
          level_taught: p.levelTaught ?? known?.level_taught ?? null,
        };
      };
      // New people in multi-row inserts: one statement (and one audit trigger run) per 1,000.
      const fresh = plans.filter((x) => !x.known);
      let written = 0;
      const wrote = async (n: number) => {
        written += n;
        options.onWritten?.(written);
        await yieldToEventLoop();
      };
      for (let i = 0; i < fresh.length; i += 1000) {
        await insertStaff(
          tx,
          fresh.slice(i, i + 1000).map(({ p }) => columnsOf(p, undefined)),
        );
        await wrote(Math.min(1000, fresh.length - i));
      }
      // In id order, the same in every import: two at once wait, not deadlock.
      const changedKnown = plans
        .filter((x) => x.known && x.changed)
        .sort((a, b) => (a.known!.id < b.known!.id ? -1 : a.known!.id > b.known!.id ? 1 : 0));
      for (const [n, { p, known }] of changedKnown.entries()) {
        if (n > 0 && n % 500 === 0) await wrote(500);
        await updateStaff(tx, known!.id, columnsOf(p, known));
      }
    });
  }
}

/** Issue #11: the same words whoever, wherever, holds the id. */
export const STAFF_OUTSIDE_ID =
  'Số định danh cá nhân này đã được dùng cho một người không thuộc phạm vi của bạn; kiểm tra lại số định danh.';
