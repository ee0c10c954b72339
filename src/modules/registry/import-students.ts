import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { auditInsertsGrouped, writeTransaction, type Actor, type Tx } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { Selectable } from 'kysely';
import type { Gender, SchoolLevel, StudentTable } from '../../db/schema.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { normalizeText, searchKey, splitName } from '../../lib/vietnamese.ts';
import {
  cellText,
  headerKey,
  HIDDEN_ROW_MESSAGE,
  mergeErrors,
  readFirstSheet,
  type SheetHeader,
  type SheetLayout,
  type SheetLimits,
} from '../../lib/xlsx.ts';
import { checkPersonCells } from './person-cells.ts';
import { importTemplate } from './template.ts';

/**
 * Student list import, exactly as ../shared/formats/student-import.md says:
 * streamed, every row validated, every error at once, all-or-nothing, dry
 * run, idempotent re-import (known students matched by personal id, else by
 * student code; unchanged ones are not written).
 */

export const STUDENT_HEADERS = {
  schoolCode: 'Mã trường',
  className: 'Lớp',
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh',
  gender: 'Giới tính',
  personalId: 'Mã định danh cá nhân',
  studentCode: 'Mã học sinh',
  ethnicity: 'Dân tộc',
  birthPlace: 'Nơi sinh',
  address: 'Địa chỉ',
  guardian: 'Họ tên cha mẹ/người giám hộ',
  phone: 'Số điện thoại',
} as const;
type Field = keyof typeof STUDENT_HEADERS;
const REQUIRED: Field[] = ['schoolCode', 'className', 'fullName', 'birthDate', 'gender'];
const KEY = Object.fromEntries(
  Object.entries(STUDENT_HEADERS).map(([f, h]) => [f, headerKey(h)]),
) as Record<Field, string>;

/** Plausible ages on 1 September of the school year, by level (Điều lệ trường; vn-regulations.md §1). */
const AGE_RANGE: Record<SchoolLevel, [number, number]> = {
  preschool: [1, 6],
  primary: [5, 14],
  lower_secondary: [10, 18],
  upper_secondary: [13, 22],
};

export interface RowError {
  row: number;
  column: string | null;
  message: string;
}

export interface StudentImportResult {
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

interface Parsed {
  row: number;
  schoolId: string;
  className: string;
  grade: number | null;
  fullName: string;
  birthDate: string;
  gender: Gender;
  personalId: string | null;
  studentCode: string | null;
  ethnicity: string | null;
  birthPlace: string | null;
  address: string | null;
  guardian: string | null;
  phone: string | null;
}

export interface StudentImportOptions {
  actor: Actor;
  schoolYear: string;
  dryRun: boolean;
  createClasses: boolean;
  /** Only schools whose path starts with this prefix (the caller's scope). */
  scopePath?: string;
  /** Rows read so far, every 1,000 rows (CLI progress line, the page's progress bar). */
  onProgress?: (rows: number) => void;
  /** "checking" once the last row is read; "writing" before the first chunk is written. */
  onPhase?: (phase: ImportPhase) => void;
  /** Students written so far (chunks are written while the file is still read). */
  onWritten?: (rows: number) => void;
  /** File size and row limits (defaults: MAX_WORKBOOK_BYTES, MAX_SHEET_ROWS). */
  limits?: SheetLimits;
}

export type ImportPhase = 'checking' | 'writing';

/**
 * Lets the event loop run between write batches: on the embedded database a
 * statement blocks the process, and without this a progress line would only
 * leave at the end of the transaction.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((ok) => setImmediate(ok));

/** Errors listed with row and column per file (all are counted in summary.errors). */
export const MAX_LISTED_ERRORS = 1_000;

/** Valid rows are checked against the database and written this many at a time. */
const CHUNK = 5_000;

class Rollback extends Error {}

/**
 * Reads, checks and writes in one pass: valid rows go to the database in
 * chunks while the file is still being read (on a PostgreSQL server the
 * writing overlaps the reading), all inside one transaction that is rolled
 * back when any error turns up, so a rejected file writes nothing. Only the
 * current chunks stay in memory, not the whole file.
 */
export async function importStudents(
  db: Db,
  input: string | Readable,
  options: StudentImportOptions,
): Promise<StudentImportResult> {
  if (options.dryRun) return importPass(db, input, options, false);
  let result: StudentImportResult | null = null;
  try {
    await writeTransaction(db, options.actor, async (tx) => {
      await auditInsertsGrouped(tx);
      result = await importPass(tx, input, options, true);
      if (!result.applied) throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  const r = result as StudentImportResult | null;
  // Fresh planner statistics after a bulk load: PGlite has no autovacuum, and
  // without them name searches over the scope get plans meant for a few rows
  // (measured: 0.5 s instead of 50 ms on 500,000 students).
  if (r?.applied && r.summary.added + r.summary.updated >= 10_000)
    await sql`ANALYZE student, enrolment, class, org_unit`.execute(db);
  return r!;
}

async function importPass(
  db: Db | Tx,
  input: string | Readable,
  options: StudentImportOptions,
  write: boolean,
): Promise<StudentImportResult> {
  const started = performance.now();
  const errors: RowError[] = [];
  // Every error is counted; the first MAX_LISTED_ERRORS are kept with their
  // row and column (a wrong file can have one per row: 600,000 of them).
  let errorCount = 0;
  const addError = (e: RowError) => {
    errorCount++;
    if (errors.length < MAX_LISTED_ERRORS) errors.push(e);
  };
  let header: SheetHeader | null = null;
  let rows = 0;
  const schools = new Map(
    (
      await db.selectFrom('org_unit').select(['id', 'code', 'kind', 'levels', 'path']).execute()
    ).map((u) => [u.code.toLowerCase(), u]),
  );
  const classes = new Map(
    (
      await db
        .selectFrom('class')
        .select(['id', 'school_id', 'name', 'grade'])
        .where('school_year', '=', options.schoolYear)
        .execute()
    ).map((c) => [`${c.school_id}|${normalizeText(c.name).toLowerCase()}`, c]),
  );
  const yearStart = Number(options.schoolYear.slice(0, 4));
  const seenPersonalId = new Map<string, number>();
  const seenCode = new Map<string, number>();

  const pending: Parsed[] = [];
  let inflight: Promise<void> = Promise.resolve();
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  let written = 0;
  let layout: SheetLayout | null = null;
  let missing: Field[] = [];
  try {
    for await (const sheetRow of readFirstSheet(
      input,
      Object.values(STUDENT_HEADERS),
      (h) => {
        header = h;
        missing = REQUIRED.filter((f) => ![...h.columns.values()].includes(KEY[f]));
      },
      options.limits,
      (l) => (layout = l),
    )) {
      // Not the student list (another sheet first, or other headers): one clear error, not one per row.
      if (missing.length) break;
      rows++;
      if (rows % 1000 === 0) options.onProgress?.(rows);
      const r = sheetRow.rowNumber;
      const err = (field: Field, message: string) =>
        addError({ row: r, column: STUDENT_HEADERS[field], message });
      // A hidden row (by hand or by a filter) is not silently imported nor skipped: the clerk decides.
      if ((layout as SheetLayout | null)?.hiddenRows.has(r))
        addError({ row: r, column: null, message: HIDDEN_ROW_MESSAGE });
      for (const p of sheetRow.problems) addError({ row: r, column: p.header, message: p.message });
      const get = (f: Field) => sheetRow.values.get(KEY[f]) ?? null;
      for (const f of REQUIRED) if (!get(f)) err(f, `Thiếu ${STUDENT_HEADERS[f].toLowerCase()}.`);

      const { school, birthDate, gender, personalId } = checkPersonCells(
        get,
        schools,
        options.scopePath,
        err,
      );
      if (personalId) {
        const first = seenPersonalId.get(personalId);
        if (first) err('personalId', `Mã định danh ${personalId} trùng với dòng ${first}.`);
        else seenPersonalId.set(personalId, r);
      }
      const studentCode = get('studentCode');
      if (studentCode && !/^[A-Za-z0-9]{1,20}$/.test(studentCode))
        err('studentCode', 'Mã học sinh gồm 1–20 chữ cái hoặc chữ số.');
      if (studentCode) {
        const first = seenCode.get(studentCode);
        if (first) err('studentCode', `Mã học sinh ${studentCode} trùng với dòng ${first}.`);
        else seenCode.set(studentCode, r);
      }
      const phone = get('phone')?.replace(/[\s.-]/g, '') ?? null;
      if (phone && !/^0\d{9}$/.test(phone))
        err('phone', `Số điện thoại "${get('phone')}" cần 10 chữ số, bắt đầu bằng 0.`);

      // Class: must exist in that school and year, unless it may be created (grade from its leading number).
      let grade: number | null = null;
      const className = get('className') ? normalizeText(get('className')!) : null;
      if (school && className) {
        const existing = classes.get(`${school.id}|${className.toLowerCase()}`);
        if (existing) grade = existing.grade;
        else if (!options.createClasses)
          err(
            'className',
            `Lớp "${className}" chưa có ở trường ${school.code} năm học ${options.schoolYear} (chọn "tạo lớp mới" để tạo).`,
          );
        else {
          const leading = /^(\d{1,2})/.exec(className);
          if (!leading || Number(leading[1]) < 1 || Number(leading[1]) > 12)
            err(
              'className',
              `Không suy ra được khối từ tên lớp "${className}": lớp mầm non phải được tạo trước.`,
            );
          else grade = Number(leading[1]);
        }
      }
      // Age on 1 September of the school year, against the class's grade or the school's levels.
      if (birthDate && school) {
        const age =
          yearStart - Number(birthDate.slice(0, 4)) - (birthDate.slice(5) > '09-01' ? 1 : 0);
        const range: [number, number] =
          grade !== null
            ? [grade + 4, grade + 9]
            : school.levels.reduce<[number, number]>(
                (acc, level) => [
                  Math.min(acc[0], AGE_RANGE[level][0]),
                  Math.max(acc[1], AGE_RANGE[level][1]),
                ],
                [99, 0],
              );
        if (age < range[0] || age > range[1])
          err(
            'birthDate',
            `Tuổi ${age} (ngày sinh ${get('birthDate')}) không phù hợp với ${grade !== null ? `khối ${grade}` : 'cấp học của trường'} (cần ${range[0]}–${range[1]} tuổi).`,
          );
      }
      if (
        school &&
        school.kind === 'school' &&
        className &&
        birthDate &&
        gender &&
        get('fullName')
      ) {
        pending.push({
          row: r,
          schoolId: school.id,
          className,
          grade,
          fullName: normalizeText(get('fullName')!),
          birthDate,
          gender,
          personalId,
          studentCode,
          ethnicity: get('ethnicity') ? normalizeText(get('ethnicity')!) : null,
          birthPlace: get('birthPlace') ? normalizeText(get('birthPlace')!) : null,
          address: get('address') ? normalizeText(get('address')!) : null,
          guardian: get('guardian') ? normalizeText(get('guardian')!) : null,
          phone,
        });
        if (pending.length >= CHUNK) {
          // One chunk written while the next is read; never more in memory.
          await inflight;
          inflight = flush(pending.splice(0));
          inflight.catch(() => {});
        }
      }
    }
  } finally {
    // A file refused mid-way (row limit) must not leave a chunk writing after the rollback.
    await inflight.catch(() => {});
  }
  options.onProgress?.(rows);
  options.onPhase?.('checking');
  await inflight;
  await flush(pending.splice(0));
  const h = header as SheetHeader | null;
  if (h && missing.length) {
    const names = missing.map((f) => `"${STUDENT_HEADERS[f]}"`).join(', ');
    return {
      summary: {
        rows: 0,
        added: 0,
        updated: 0,
        unchanged: 0,
        errors: 1,
        ms: Math.round(performance.now() - started),
      },
      errorList: [
        {
          row: 1,
          column: null,
          message: `Trang tính đầu tiên "${h.sheetName ?? ''}" không phải danh sách học sinh: dòng 1 thiếu cột bắt buộc ${names}. Danh sách học sinh phải nằm ở trang tính đầu tiên, tiêu đề ở dòng 1.`,
        },
      ],
      unknownColumns: h.unknown,
      applied: false,
    };
  }
  for (const e of mergeErrors(layout, h)) addError(e);
  errors.sort((a, b) => a.row - b.row);
  const ok = errorCount === 0;
  return {
    summary: {
      rows,
      added: ok ? added : 0,
      updated: ok ? updated : 0,
      unchanged: ok ? unchanged : 0,
      errors: errorCount,
      ms: Math.round(performance.now() - started),
    },
    errorList: errors,
    unknownColumns: h?.unknown ?? [],
    // With errors the caller rolls back.
    applied: ok && write,
  };

  /**
   * Known students of a chunk (by personal id, else by student code; an id
   * held by a different student than the code points to is an error), then,
   * when writing and no error has turned up yet, the chunk's new classes,
   * new students and changed ones.
   */
  async function flush(chunk: Parsed[]): Promise<void> {
    if (!chunk.length) return;
    const ids = chunk.map((p) => p.personalId).filter((x): x is string => x !== null);
    const codes = chunk.map((p) => p.studentCode).filter((x): x is string => x !== null);
    const known = new Map<string, StudentRow>();
    if (ids.length || codes.length)
      for (const s of await db
        .selectFrom('student')
        .select(COMPARED)
        .where((eb) =>
          eb.or([
            ...(ids.length ? [eb('personal_id', 'in', ids)] : []),
            ...(codes.length ? [eb('student_code', 'in', codes)] : []),
          ]),
        )
        .execute()) {
        if (s.personal_id) known.set(`id:${s.personal_id}`, s);
        if (s.student_code) known.set(`code:${s.student_code}`, s);
      }
    const knownIds = [...new Set([...known.values()].map((s) => s.id))];
    const enrolments = new Map(
      knownIds.length
        ? (
            await db
              .selectFrom('enrolment')
              .select(['student_id', 'class_id'])
              .where('school_year', '=', options.schoolYear)
              .where('student_id', 'in', knownIds)
              .execute()
          ).map((e) => [e.student_id, e.class_id])
        : [],
    );
    const fresh: Parsed[] = [];
    const changed: { p: Parsed; e: StudentRow }[] = [];
    for (const p of chunk) {
      const byId = p.personalId ? known.get(`id:${p.personalId}`) : undefined;
      const byCode = p.studentCode ? known.get(`code:${p.studentCode}`) : undefined;
      if (byId && byCode && byId.id !== byCode.id) {
        addError({
          row: p.row,
          column: STUDENT_HEADERS.studentCode,
          message: `Mã học sinh ${p.studentCode} đang thuộc học sinh khác (${byCode.full_name}).`,
        });
        continue;
      }
      const existing = byId ?? byCode;
      if (
        existing &&
        p.personalId &&
        existing.personal_id &&
        existing.personal_id !== p.personalId
      ) {
        addError({
          row: p.row,
          column: STUDENT_HEADERS.personalId,
          message: `Học sinh mã ${p.studentCode} đã có mã định danh khác trong cơ sở dữ liệu.`,
        });
        continue;
      }
      if (!existing) {
        fresh.push(p);
        continue;
      }
      const classId = classes.get(`${p.schoolId}|${p.className.toLowerCase()}`)?.id;
      const isChanged =
        existing.full_name !== p.fullName ||
        existing.birth_date !== p.birthDate ||
        existing.gender !== p.gender ||
        existing.school_id !== p.schoolId ||
        (p.personalId ?? existing.personal_id) !== existing.personal_id ||
        (p.studentCode ?? existing.student_code) !== existing.student_code ||
        (p.ethnicity ?? existing.ethnicity) !== existing.ethnicity ||
        (p.birthPlace ?? existing.birth_place) !== existing.birth_place ||
        (p.address ?? existing.address) !== existing.address ||
        (p.guardian ?? existing.guardian_name) !== existing.guardian_name ||
        (p.phone ?? existing.phone) !== existing.phone ||
        classId === undefined ||
        enrolments.get(existing.id) !== classId;
      if (isChanged) changed.push({ p, e: existing });
      else unchanged++;
    }
    added += fresh.length;
    updated += changed.length;
    if (!write || errorCount) return; // rolled back anyway: stop writing, keep checking

    // Classes to create first (--create-classes).
    for (const p of [...fresh, ...changed.map((c) => c.p)]) {
      const key = `${p.schoolId}|${p.className.toLowerCase()}`;
      if (classes.has(key)) continue;
      const id = uuidv7();
      await db
        .insertInto('class')
        .values({
          school_id: p.schoolId,
          id,
          school_year: options.schoolYear,
          name: p.className,
          grade: p.grade,
          homeroom_staff_id: null,
        })
        .execute();
      classes.set(key, { id, school_id: p.schoolId, name: p.className, grade: p.grade });
    }
    const classOf = (p: Parsed) => classes.get(`${p.schoolId}|${p.className.toLowerCase()}`)!.id;
    if (fresh.length) {
      // One statement and one parameter per chunk: the rows travel as JSON,
      // which both PGlite and PostgreSQL unpack far faster than 80,000 bind parameters.
      const rowsJson = fresh.map((p) => ({ id: uuidv7(), ...studentColumns(p) }));
      await sql`
        INSERT INTO student (id, school_id, personal_id, student_code, full_name, family_name,
          middle_name, given_name, search_name, birth_date, gender, ethnicity, birth_place,
          address, guardian_name, phone)
        SELECT id, school_id, personal_id, student_code, full_name, family_name, middle_name,
          given_name, search_name, birth_date, gender, ethnicity, birth_place, address,
          guardian_name, phone
        FROM json_to_recordset(${JSON.stringify(rowsJson)}::json) AS x(id uuid, school_id uuid,
          personal_id text, student_code text, full_name text, family_name text, middle_name text,
          given_name text, search_name text, birth_date date, gender text, ethnicity text,
          birth_place text, address text, guardian_name text, phone text)`.execute(db);
      await sql`
        INSERT INTO enrolment (student_id, school_year, school_id, class_id)
        SELECT student_id, school_year, school_id, class_id
        FROM json_to_recordset(${JSON.stringify(
          rowsJson.map((r, i) => ({
            student_id: r.id,
            school_year: options.schoolYear,
            school_id: r.school_id,
            class_id: classOf(fresh[i]!),
          })),
        )}::json) AS x(student_id uuid, school_year text, school_id uuid, class_id uuid)`.execute(
        db,
      );
    }
    for (const { p, e } of changed) {
      await db
        .updateTable('student')
        .set({
          ...studentColumns(p),
          personal_id: p.personalId ?? e.personal_id,
          student_code: p.studentCode ?? e.student_code,
          ethnicity: p.ethnicity ?? e.ethnicity,
          birth_place: p.birthPlace ?? e.birth_place,
          address: p.address ?? e.address,
          guardian_name: p.guardian ?? e.guardian_name,
          phone: p.phone ?? e.phone,
          updated_at: sql`now()`,
        })
        .where('id', '=', e.id)
        .execute();
      const classId = classOf(p);
      await db
        .insertInto('enrolment')
        .values({
          student_id: e.id,
          school_year: options.schoolYear,
          school_id: p.schoolId,
          class_id: classId,
        })
        .onConflict((oc) =>
          oc
            .columns(['student_id', 'school_year'])
            .doUpdateSet({ school_id: p.schoolId, class_id: classId }),
        )
        .execute();
    }
    if (written === 0 && fresh.length + changed.length > 0) options.onPhase?.('writing');
    written += fresh.length + changed.length;
    options.onWritten?.(written);
    await yieldToEventLoop();
  }
}

/** The columns an import compares and keeps (not the derived name parts, status or times). */
const COMPARED = [
  'id',
  'school_id',
  'personal_id',
  'student_code',
  'full_name',
  'birth_date',
  'gender',
  'ethnicity',
  'birth_place',
  'address',
  'guardian_name',
  'phone',
] as const;
type StudentRow = Pick<Selectable<StudentTable>, (typeof COMPARED)[number]>;

function studentColumns(p: Parsed) {
  const parts = splitName(p.fullName);
  return {
    school_id: p.schoolId,
    personal_id: p.personalId,
    student_code: p.studentCode,
    full_name: p.fullName,
    family_name: parts.familyName,
    middle_name: parts.middleName,
    given_name: parts.givenName,
    search_name: searchKey(p.fullName),
    birth_date: p.birthDate,
    gender: p.gender,
    ethnicity: p.ethnicity,
    birth_place: p.birthPlace,
    address: p.address,
    guardian_name: p.guardian,
    phone: p.phone,
  };
}

/**
 * The workbook back with a "Lỗi" column and the bad cells highlighted, for
 * the clerk to fix and upload again.
 */
export async function annotatedWorkbook(input: Buffer, errors: RowError[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(input as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const headerRow = sheet.getRow(1);
  const columnOf = new Map<string, number>();
  headerRow.eachCell((cell, col) => {
    const text = cellText(cell.value).text;
    if (text) columnOf.set(headerKey(text), col);
  });
  const errorCol = headerRow.cellCount + 1;
  headerRow.getCell(errorCol).value = 'Lỗi';
  headerRow.getCell(errorCol).font = { bold: true, color: { argb: 'FFC00000' } };
  const byRow = new Map<number, RowError[]>();
  for (const e of errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  for (const [rowNumber, list] of byRow) {
    const row = sheet.getRow(rowNumber);
    row.getCell(errorCol).value = list
      .map((e) => (e.column ? `${e.column}: ${e.message}` : e.message))
      .join('\n');
    for (const e of list) {
      const col = e.column ? columnOf.get(headerKey(e.column)) : undefined;
      if (col)
        row.getCell(col).fill = {
          type: 'pattern',
          pattern: 'solid',
          fgColor: { argb: 'FFFFC7CE' },
        };
    }
  }
  sheet.getColumn(errorCol).width = 60;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The downloadable template: the contract's headers, notes, and dropdowns
 * (schools of the caller's scope, gender, the usual ethnic groups).
 */
export async function studentTemplate(schoolCodes: string[]): Promise<Buffer> {
  const H = STUDENT_HEADERS;
  return importTemplate({
    sheetName: 'Học sinh',
    headers: Object.values(H),
    notes: {
      [H.schoolCode]: 'Mã trường như trong cây đơn vị (chọn trong danh sách).',
      [H.className]: 'Tên lớp trong trường và năm học, ví dụ 6A1, 10 Toán, Lá 2.',
      [H.birthDate]: 'dd/mm/yyyy',
      [H.gender]: 'Nam hoặc Nữ',
      [H.personalId]: '12 chữ số (không bắt buộc)',
      [H.phone]: '10 chữ số, bắt đầu bằng 0',
    },
    dropdowns: [
      { header: H.schoolCode, values: schoolCodes },
      { header: H.gender, values: ['Nam', 'Nữ'], inline: true },
      { header: H.ethnicity, values: ETHNICITIES, strict: false },
    ],
    textColumns: [H.birthDate, H.personalId, H.phone],
  });
}

const ETHNICITIES = [
  'Kinh',
  'Tày',
  'Thái',
  'Mường',
  'Khmer',
  "H'Mông",
  'Nùng',
  'Dao',
  'Hoa',
  'Gia Rai',
  'Ê Đê',
  'Ba Na',
  'Sán Chay',
  'Chăm',
  'Xơ Đăng',
];
