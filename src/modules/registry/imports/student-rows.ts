import type { Readable } from 'node:stream';
import type { Gender, OrgUnitKind, SchoolLevel } from '../../../db/schema.ts';
import {
  headerKey,
  HIDDEN_ROW_MESSAGE,
  mergeErrors,
  readFirstSheet,
  type SheetHeader,
  type SheetLayout,
  type SheetLimits,
} from '../../../lib/xlsx.ts';
import { copyField, Utf8Lines } from '../../../db/copy-text.ts';
import { checkEthnicGroup } from '../../../lib/ethnic-groups.ts';
import { uuidv7 } from '../../../lib/ids.ts';
import { searchKey, splitName } from '../../../lib/vietnamese.ts';
import { checkPersonCells, optionalText } from './person-cells.ts';

/**
 * The student list's rows read and checked on their own, without the
 * database (docs/formats/student-import.md): what a row must hold, and
 * which rows are duplicates within the file. Pure, so that a large file can
 * be checked in a worker thread while the main thread writes (see
 * import-students.ts); the database checks (known students) come after.
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
export type StudentField = keyof typeof STUDENT_HEADERS;
const REQUIRED: StudentField[] = ['schoolCode', 'className', 'fullName', 'birthDate', 'gender'];
const KEY = Object.fromEntries(
  Object.entries(STUDENT_HEADERS).map(([f, h]) => [f, headerKey(h)]),
) as Record<StudentField, string>;

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

/** Errors listed with row and column per file (all are counted in summary.errors). */
export const MAX_LISTED_ERRORS = 1_000;

/** A row that passed every check of its own, ready to be matched and written. */
export interface ParsedStudent {
  row: number;
  schoolId: string;
  className: string;
  /**
   * The year's class in that school: an existing one, or one this check
   * creates (`createClasses`, listed once in a batch's `newClasses`); null
   * when the class is unknown, which is then an error of the row.
   */
  classId: string | null;
  grade: number | null;
  fullName: string;
  familyName: string;
  middleName: string;
  givenName: string;
  searchName: string;
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

export interface KnownSchool {
  id: string;
  code: string;
  kind: OrgUnitKind;
  levels: SchoolLevel[];
  path: string;
}

export interface KnownClass {
  id: string;
  school_id: string;
  name: string;
  grade: number | null;
}

/** What the checks need from the database, read once before the file (plain data: it crosses to a worker). */
export interface StudentCheckContext {
  /** Org units by lower-case code. */
  schools: Map<string, KnownSchool>;
  /** The year's classes by `${school_id}|${normalized lower-case name}`. */
  classes: Map<string, KnownClass>;
  schoolYear: string;
  createClasses: boolean;
  /** Only schools whose path starts with this prefix (the caller's scope). */
  scopePath?: string;
  limits?: SheetLimits;
  /**
   * Every valid row is a new student (a first load into an empty registry):
   * batches then carry the insert statements' rows already encoded, in this
   * format (`encoded`), instead of the rows themselves, so that the thread
   * writing them does no per-row work. Unset: rows as they are (a re-import,
   * a dry run).
   */
  insertFormat?: InsertFormat | undefined;
}

/**
 * How new rows travel to the database: COPY's text format (half the bytes
 * of JSON, and no JSON to parse; src/db/copy.ts), or, where COPY cannot
 * reach the transaction's session, a JSON array for INSERT … SELECT FROM
 * json_to_recordset.
 */
export type InsertFormat = 'copy' | 'json';

/** A batch of new students as the database takes them: UTF-8 bytes in `format`. */
export interface EncodedInsert {
  format: InsertFormat;
  count: number;
  /** Rows of `student`: STUDENT_INSERT_COLUMNS, ids new. */
  students: Uint8Array;
  /** Rows of `enrolment`: ENROLMENT_INSERT_COLUMNS (in JSON without the year). */
  enrolments: Uint8Array;
}

/** What a worker thread gets to read and check a list (see student-rows.worker.ts). */
export interface StudentCheckInput {
  /** A file path, or the uploaded bytes. */
  input: string | Uint8Array;
  context: StudentCheckContext;
}

/** A class's key in `classes`: its school and its name, already through normalizeText. */
export const classKey = (schoolId: string, normalizedName: string): string =>
  `${schoolId}|${normalizedName.toLowerCase()}`;

/** Valid rows are handed on this many at a time. */
export const STUDENT_BATCH = 5_000;

/**
 * What reading and checking produce, in file order: progress every 1,000
 * rows, batches of valid rows with the errors found since the last batch,
 * then one `end` with the header facts (`missing` non-empty: not a student
 * list) and the merged-cell errors.
 */
export type StudentCheckEvent =
  | { kind: 'progress'; rows: number }
  | {
      kind: 'batch';
      /** The valid rows; empty when they come `encoded` instead. */
      students: ParsedStudent[];
      encoded: EncodedInsert | null;
      /** Classes first needed by this batch's rows (`createClasses`), to be written before them. */
      newClasses: KnownClass[];
      errors: RowError[];
      errorCount: number;
    }
  | {
      kind: 'end';
      rows: number;
      errors: RowError[];
      errorCount: number;
      missing: StudentField[];
      sheetName: string | null;
      headerFound: boolean;
      unknownColumns: string[];
    };

export async function* checkStudentRows(
  input: string | Buffer | Readable,
  context: StudentCheckContext,
): AsyncGenerator<StudentCheckEvent> {
  const { schools, classes, scopePath, schoolYear } = context;
  let errors: RowError[] = [];
  let errorCount = 0;
  let listed = 0;
  // Every error is counted; the first MAX_LISTED_ERRORS are kept with their
  // row and column (a wrong file can have one per row: 600,000 of them).
  const addError = (e: RowError) => {
    errorCount++;
    if (listed < MAX_LISTED_ERRORS) {
      listed++;
      errors.push(e);
    }
  };
  let header: SheetHeader | null = null;
  let layout: SheetLayout | null = null;
  let missing: StudentField[] = [];
  let rows = 0;
  const yearStart = Number(schoolYear.slice(0, 4));
  const seenPersonalId = new Map<string, number>();
  const seenCode = new Map<string, number>();
  let pending: ParsedStudent[] = [];
  // Classes this check creates (createClasses), by classKey; the context's own map is left as it is.
  const created = new Map<string, KnownClass>();
  let newClasses: KnownClass[] = [];
  const batch = (): StudentCheckEvent => {
    const encoded = context.insertFormat
      ? encodeInsert(pending, context.insertFormat, schoolYear)
      : null;
    const event: StudentCheckEvent = {
      kind: 'batch',
      students: encoded ? [] : pending,
      encoded,
      newClasses,
      errors,
      errorCount,
    };
    pending = [];
    newClasses = [];
    errors = [];
    errorCount = 0;
    return event;
  };

  for await (const sheetRow of readFirstSheet(
    input,
    Object.values(STUDENT_HEADERS),
    (h) => {
      header = h;
      missing = REQUIRED.filter((f) => ![...h.columns.values()].includes(KEY[f]));
    },
    context.limits,
    (l) => (layout = l),
  )) {
    // Not the student list (another sheet first, or other headers): one clear error, not one per row.
    if (missing.length) break;
    rows++;
    if (rows % 1000 === 0) yield { kind: 'progress', rows };
    const r = sheetRow.rowNumber;
    const err = (field: StudentField, message: string) =>
      addError({ row: r, column: STUDENT_HEADERS[field], message });
    // A hidden row (by hand or by a filter) is not silently imported nor skipped: the clerk decides.
    if ((layout as SheetLayout | null)?.hiddenRows.has(r))
      addError({ row: r, column: null, message: HIDDEN_ROW_MESSAGE });
    for (const p of sheetRow.problems) addError({ row: r, column: p.header, message: p.message });
    const get = (f: StudentField) => sheetRow.values.get(KEY[f]) ?? null;
    for (const f of REQUIRED) if (!get(f)) err(f, `Thiếu ${STUDENT_HEADERS[f].toLowerCase()}.`);

    const { school, birthDate, gender, personalId } = checkPersonCells(
      get,
      schools,
      scopePath,
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
    // The 54 groups (and foreigners), usual spellings accepted (src/lib/ethnic-groups.ts).
    const ethnicity = get('ethnicity');
    const ethnic = ethnicity ? checkEthnicGroup(ethnicity) : null;
    if (ethnic && !ethnic.ok) err('ethnicity', ethnic.message);
    const phone = get('phone')?.replace(/[\s.-]/g, '') ?? null;
    if (phone && !/^0\d{9}$/.test(phone))
      err('phone', `Số điện thoại "${get('phone')}" cần 10 chữ số, bắt đầu bằng 0.`);

    // Class: must exist in that school and year, unless it may be created (grade from its leading number).
    let grade: number | null = null;
    let classId: string | null = null;
    const className = optionalText(get('className'));
    if (school && className) {
      const key = classKey(school.id, className);
      const existing = classes.get(key) ?? created.get(key);
      if (existing) {
        grade = existing.grade;
        classId = existing.id;
      } else if (!context.createClasses)
        err(
          'className',
          `Lớp "${className}" chưa có ở trường ${school.code} năm học ${schoolYear} (chọn "tạo lớp mới" để tạo).`,
        );
      else {
        const leading = /^(\d{1,2})/.exec(className);
        if (!leading || Number(leading[1]) < 1 || Number(leading[1]) > 12)
          err(
            'className',
            `Không suy ra được khối từ tên lớp "${className}": lớp mầm non phải được tạo trước.`,
          );
        else {
          grade = Number(leading[1]);
          const fresh = { id: uuidv7(), school_id: school.id, name: className, grade };
          created.set(key, fresh);
          newClasses.push(fresh);
          classId = fresh.id;
        }
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
    const fullName = optionalText(get('fullName'));
    if (school && school.kind === 'school' && className && birthDate && gender && fullName) {
      const parts = splitName(fullName);
      pending.push({
        row: r,
        schoolId: school.id,
        className,
        classId,
        grade,
        fullName,
        familyName: parts.familyName,
        middleName: parts.middleName,
        givenName: parts.givenName,
        searchName: searchKey(fullName),
        birthDate,
        gender,
        personalId,
        studentCode,
        ethnicity: ethnic?.ok ? ethnic.group.name : null,
        birthPlace: optionalText(get('birthPlace')),
        address: optionalText(get('address')),
        guardian: optionalText(get('guardian')),
        phone,
      });
      if (pending.length >= STUDENT_BATCH) yield batch();
    }
  }
  yield { kind: 'progress', rows };
  if (pending.length || errorCount) yield batch();
  const h = header as SheetHeader | null;
  if (!missing.length) for (const e of mergeErrors(layout, h)) addError(e);
  yield {
    kind: 'end',
    rows,
    errors,
    errorCount,
    missing,
    sheetName: h?.sheetName ?? null,
    headerFound: h !== null,
    unknownColumns: h?.unknown ?? [],
  };
}

/** The columns of `student` an import writes (not the id, status or times). */
export function studentColumns(p: ParsedStudent) {
  return {
    school_id: p.schoolId,
    personal_id: p.personalId,
    student_code: p.studentCode,
    full_name: p.fullName,
    family_name: p.familyName,
    middle_name: p.middleName,
    given_name: p.givenName,
    search_name: p.searchName,
    birth_date: p.birthDate,
    gender: p.gender,
    ethnicity: p.ethnicity,
    birth_place: p.birthPlace,
    address: p.address,
    guardian_name: p.guardian,
    phone: p.phone,
  };
}

/** The columns of `student` a new row fills, in the order of the encoded rows. */
export const STUDENT_INSERT_COLUMNS = [
  'id',
  'school_id',
  'personal_id',
  'student_code',
  'full_name',
  'family_name',
  'middle_name',
  'given_name',
  'search_name',
  'birth_date',
  'gender',
  'ethnicity',
  'birth_place',
  'address',
  'guardian_name',
  'phone',
] as const;

/** The columns of `enrolment` a new student's row fills. */
export const ENROLMENT_INSERT_COLUMNS = [
  'student_id',
  'school_year',
  'school_id',
  'class_id',
] as const;

const utf8 = new TextEncoder();

/**
 * New students' rows for the database, as bytes with their own buffer (a
 * worker hands them over without a copy). A row whose class is unknown has
 * an error, and a file with errors writes nothing.
 */
export function encodeInsert(
  students: ParsedStudent[],
  format: InsertFormat,
  schoolYear: string,
): EncodedInsert {
  const ids = students.map(() => uuidv7());
  if (format === 'json') {
    return {
      format,
      count: students.length,
      students: utf8.encode(
        JSON.stringify(students.map((p, i) => ({ id: ids[i]!, ...studentColumns(p) }))),
      ),
      enrolments: utf8.encode(
        JSON.stringify(
          // The year is the statement's, not repeated 5,000 times.
          students.map((p, i) => ({
            student_id: ids[i]!,
            school_id: p.schoolId,
            class_id: p.classId,
          })),
        ),
      ),
    };
  }
  // COPY's text format: tab-separated fields, a line per row, in the order
  // of STUDENT_INSERT_COLUMNS and ENROLMENT_INSERT_COLUMNS.
  const studentLines = new Utf8Lines(students.length * 400);
  const enrolmentLines = new Utf8Lines(students.length * 128);
  const year = copyField(schoolYear);
  for (let i = 0; i < students.length; i++) {
    const p = students[i]!;
    const id = ids[i]!;
    studentLines.add(
      `${id}\t${p.schoolId}\t${copyField(p.personalId)}\t${copyField(p.studentCode)}\t${copyField(p.fullName)}\t${copyField(p.familyName)}\t${copyField(p.middleName)}\t${copyField(p.givenName)}\t${copyField(p.searchName)}\t${p.birthDate}\t${p.gender}\t${copyField(p.ethnicity)}\t${copyField(p.birthPlace)}\t${copyField(p.address)}\t${copyField(p.guardian)}\t${copyField(p.phone)}\n`,
    );
    enrolmentLines.add(`${id}\t${year}\t${p.schoolId}\t${copyField(p.classId)}\n`);
  }
  return {
    format,
    count: students.length,
    students: studentLines.bytes(),
    enrolments: enrolmentLines.bytes(),
  };
}
