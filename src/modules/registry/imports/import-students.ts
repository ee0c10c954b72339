import { statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { auditInsertsGrouped, writeTransaction, type Actor, type Tx } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { CopyRows } from '../../../db/copy.ts';
import { normalizeText, searchKey } from '../../../lib/vietnamese.ts';
import { iterateInWorker } from '../../../lib/worker-stream.ts';
import { UnreadableWorkbookError, type SheetLimits } from '../../../lib/xlsx.ts';
import { conflict } from '../../../core/errors.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { GENDER_LABELS } from '../labels.ts';
import {
  allUnits,
  analyzeAfterBulkLoad,
  classesOfYear,
  copyInto,
  hasStudents,
  insertClasses,
  insertNewStudents,
  knownStudents,
  mergeNameIndexPending,
  prepareBulkLoad,
  updateKnownStudent,
  type StudentRow,
} from './repo.ts';
import {
  checkStudentRows,
  classKey,
  encodeInsert,
  MAX_LISTED_ERRORS,
  STUDENT_HEADERS,
  type EncodedInsert,
  type InsertFormat,
  type KnownClass,
  type ParsedStudent,
  type RowError,
  type StudentCheckContext,
  type StudentCheckEvent,
  type StudentCheckInput,
} from './student-rows.ts';

export { MAX_LISTED_ERRORS, STUDENT_HEADERS, type RowError } from './student-rows.ts';

/**
 * Student list import, exactly as docs/formats/student-import.md says:
 * streamed, every row validated, every error at once, all-or-nothing, dry
 * run, idempotent re-import (known students matched by personal id, else by
 * student code; unchanged ones are not written).
 */

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
  /**
   * What each update changes, the first MAX_LISTED_ERRORS of them, in file
   * order: the same in a dry run and in the import, so the clerk sees every
   * overwritten value before it is overwritten. Only students inside the
   * caller's scope are ever listed.
   */
  changes: StudentChange[];
  unknownColumns: string[];
  applied: boolean;
}

/** One known student's row that changes them: each field before → after, as the file writes it. */
export interface StudentChange {
  row: number;
  /** The student's name as stored (before this row). */
  student: string;
  fields: { column: string; before: string | null; after: string | null }[];
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
  /**
   * Read and check the file in a worker thread while this one writes (default:
   * files of OFF_THREAD_BYTES and more, given as a path or as bytes).
   */
  offThread?: boolean;
  /** Stops the import (its reason is thrown, nothing is written) when aborted: the request is gone. */
  signal?: AbortSignal;
}

/**
 * From this size a file is read in a worker thread: on the embedded database
 * every statement runs on the main thread, so reading there too added the
 * two up (measured on 100,000 students: 14.3 s in one thread, 12.4 s with
 * the worker; README "Performance"). Below it, starting a worker (about
 * 0.4 s) costs more than it saves.
 */
export const OFF_THREAD_BYTES = 2 * 1024 * 1024;

export type ImportPhase = 'checking' | 'writing';

/**
 * Lets the event loop run between write batches: on the embedded database a
 * statement blocks the process, and without this a progress line would only
 * leave at the end of the transaction.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((ok) => setImmediate(ok));

class Rollback extends Error {}

/**
 * The use case: a signed-in user imports an uploaded list into the schools
 * of their scope (registry.write), as themselves in the audit log.
 */
export function importStudentFile(
  db: Db,
  scope: Scope,
  input: Omit<StudentImportOptions, 'actor' | 'scopePath'> & { file: Buffer },
): Promise<StudentImportResult> {
  scope.require('registry.write');
  const { file, ...options } = input;
  return importStudents(db, file, {
    ...options,
    actor: scope.actor,
    scopePath: scope.user.orgPath,
  });
}

/**
 * Reads, checks and writes in one pass: valid rows go to the database in
 * chunks while the file is still being read (on a PostgreSQL server the
 * writing overlaps the reading), all inside one transaction that is rolled
 * back when any error turns up, so a rejected file writes nothing. Only the
 * current chunks stay in memory, not the whole file.
 */
export async function importStudents(
  db: Db,
  input: string | Buffer | Readable,
  options: StudentImportOptions,
): Promise<StudentImportResult> {
  if (options.dryRun) return importPass(db, input, options, false, null);
  // A file or bytes can be read again; an upload stream only once.
  const attempts = typeof input === 'string' || Buffer.isBuffer(input) ? WRITE_ATTEMPTS : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      return await importOnce(db, input, options);
    } catch (error) {
      if (!isWriteRace(error)) throw error;
      if (attempt >= attempts) throw importRaceConflict();
      // Each try rolled back whole; wait a little, not in step with the other import.
      await new Promise((ok) => setTimeout(ok, 50 * attempt + Math.random() * 100));
    }
  }
}

/**
 * Two imports writing the same students at once (PostgreSQL server; PGlite
 * runs one transaction at a time): a deadlock (40P01) or a serialization
 * failure (40001) aborts one of them, and a new student or class the other
 * has just committed breaks a uniqueness checked before the write (23505).
 * Each rolls the whole file back and is worth trying again: the next try
 * sees the other import's rows as known. Writes go in key order (see
 * writeChunk) so that deadlocks are rare in the first place.
 */
const WRITE_ATTEMPTS = 4;
const RACE_CODES = new Set(['40P01', '40001', '23505']);

export function isWriteRace(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RACE_CODES.has(code);
}

const importRaceConflict = () =>
  conflict(
    'Một lượt nhập khác đang ghi cùng những học sinh này nên tệp chưa được ghi (không có gì thay đổi). Hãy đợi lượt nhập kia xong rồi nhập lại tệp.',
  );

async function importOnce(
  db: Db,
  input: string | Buffer | Readable,
  options: StudentImportOptions,
): Promise<StudentImportResult> {
  let result: StudentImportResult | null = null;
  try {
    await writeTransaction(db, options.actor, async (tx) => {
      await auditInsertsGrouped(tx);
      await prepareBulkLoad(tx);
      result = await importPass(tx, input, options, true, await copyInto(db, tx));
      if (!result.applied) throw new Rollback();
      await mergeNameIndexPending(tx);
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  const r = result as StudentImportResult | null;
  if (r?.applied && r.summary.added + r.summary.updated >= 10_000) await analyzeAfterBulkLoad(db);
  return r!;
}

async function importPass(
  db: Db | Tx,
  input: string | Buffer | Readable,
  options: StudentImportOptions,
  write: boolean,
  /** COPY in this transaction's session; null (out of its reach): INSERT from JSON. */
  copyRows: CopyRows | null,
): Promise<StudentImportResult> {
  const insertFormat: InsertFormat = copyRows ? 'copy' : 'json';
  const started = performance.now();
  const errors: RowError[] = [];
  let errorCount = 0;
  const addError = (e: RowError) => {
    errorCount++;
    if (errors.length < MAX_LISTED_ERRORS) errors.push(e);
  };
  const context: StudentCheckContext = {
    schools: new Map((await allUnits(db)).map((u) => [u.code.toLowerCase(), u])),
    classes: new Map(
      (await classesOfYear(db, options.schoolYear)).map((c) => [
        classKey(c.school_id, normalizeText(c.name)),
        c,
      ]),
    ),
    schoolYear: options.schoolYear,
    createClasses: options.createClasses,
    scopePath: options.scopePath,
    limits: options.limits,
    // A first load into an empty registry (a province's whole list at once)
    // has no known students to look up: a row matching an earlier row of the
    // same file is already a duplicate error. Seen inside the transaction.
    // Every valid row is then new, and the checker encodes the inserts. A
    // dry run encodes nothing.
    insertFormat: write && !(await hasStudents(db)) ? insertFormat : undefined,
  };

  // The caller's scope, decided once from the units just read: which
  // schools' students this import may match, update and name.
  const schoolById = new Map([...context.schools.values()].map((u) => [u.id, u]));
  const scopePath = options.scopePath ?? '/';
  const classNames = new Map([...context.classes.values()].map((c) => [c.id, c.name]));
  const changes: StudentChange[] = [];

  let inflight: Promise<void> = Promise.resolve();
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  let written = 0;
  let end: Extract<StudentCheckEvent, { kind: 'end' }> | null = null;
  try {
    for await (const event of studentCheckEvents(input, context, options)) {
      if (event.kind === 'progress') options.onProgress?.(event.rows);
      else if (event.kind === 'end') end = event;
      if (event.kind === 'progress') continue;
      errorCount += event.errorCount - event.errors.length;
      for (const e of event.errors) addError(e);
      if (event.kind === 'batch' && (event.students.length || event.encoded?.count)) {
        // One batch is written while the next is read, matched and made
        // ready (on a PostgreSQL server the two overlap); never more in memory.
        const writeChunkNow = await prepare(event).catch(async (error: unknown) => {
          await inflight; // a failed write aborted the transaction: report that cause first
          throw error;
        });
        await inflight;
        inflight = writeChunkNow();
        inflight.catch(() => {});
      }
    }
  } finally {
    // A file refused mid-way (row limit) must not leave a batch writing after the rollback.
    await inflight.catch(() => {});
  }
  options.onPhase?.('checking');
  await inflight;
  if (!end) throw new Error('importStudents: the check ended without its summary');
  if (end.missing.length) {
    const names = end.missing.map((f) => `"${STUDENT_HEADERS[f]}"`).join(', ');
    return {
      summary: {
        rows: 0,
        added: 0,
        updated: 0,
        unchanged: 0,
        errors: 1,
        ms: Math.round(performance.now() - started),
      },
      changes: [],
      errorList: [
        {
          row: 1,
          column: null,
          message: `Trang tính đầu tiên "${end.sheetName ?? ''}" không phải danh sách học sinh: dòng 1 thiếu cột bắt buộc ${names}. Danh sách học sinh phải nằm ở trang tính đầu tiên, tiêu đề ở dòng 1.`,
        },
      ],
      unknownColumns: end.unknownColumns,
      applied: false,
    };
  }
  errors.sort((a, b) => a.row - b.row);
  const ok = errorCount === 0;
  return {
    summary: {
      rows: end.rows,
      added: ok ? added : 0,
      updated: ok ? updated : 0,
      unchanged: ok ? unchanged : 0,
      errors: errorCount,
      ms: Math.round(performance.now() - started),
    },
    errorList: errors,
    changes,
    unknownColumns: end.unknownColumns,
    // With errors the caller rolls back.
    applied: ok && write,
  };

  /**
   * Known students of a chunk (by personal id, else by student code; an id
   * held by a different student than the code points to is an error), then,
   * when writing and no error has turned up yet, what writes the chunk's new
   * classes, new students and changed ones, ready to run after the previous
   * chunk's writes. A first load's chunks come encoded: all new.
   */
  async function prepare(
    batch: Extract<StudentCheckEvent, { kind: 'batch' }>,
  ): Promise<() => Promise<void>> {
    const nothing = () => Promise.resolve();
    const { students: chunk, encoded, newClasses } = batch;
    if (encoded) {
      added += encoded.count;
      if (!write || errorCount) return nothing;
      return () => writeChunk(newClasses, encoded, []);
    }
    const known = new Map<string, KnownStudent>();
    const enrolments = new Map<string, string | null>();
    const keyed = chunk.filter((p) => p.personalId !== null || p.studentCode !== null);
    if (keyed.length) {
      // Looked up by key pair, wherever the student is; whether they are
      // inside the caller's scope comes with the answer (repo.ts).
      const rows = await knownStudents(db, keyed, options.schoolYear, scopePath);
      for (const { class_id, in_scope, ...found } of rows) {
        // A student outside the scope keeps only what says which keys are
        // taken: nothing else of them is kept, compared or written.
        const s: KnownStudent = in_scope
          ? found
          : {
              ...OUTSIDE,
              id: found.id,
              personal_id: found.personal_id,
              student_code: found.student_code,
            };
        if (s.personal_id) known.set(`id:${s.personal_id}`, s);
        if (s.student_code) known.set(`code:${s.student_code}`, s);
        enrolments.set(s.id, class_id);
      }
    }
    const fresh: ParsedStudent[] = [];
    const changed: { p: ParsedStudent; e: StudentRow }[] = [];
    for (const p of chunk) {
      const byId = p.personalId ? known.get(`id:${p.personalId}`) : undefined;
      const byCode = p.studentCode ? known.get(`code:${p.studentCode}`) : undefined;
      // Outside the scope: the same error in a dry run and in the import (an
      // insert would break the unique index, so "added" would be a lie the
      // import then contradicts), naming no one and no school. It does tell
      // that the id or code is in use somewhere, which the uniqueness makes
      // unavoidable; the counts and the other rows tell nothing more (a file
      // with an error counts nothing as added or updated).
      if (byId?.outside || byCode?.outside) {
        if (byId?.outside)
          addError({ row: p.row, column: STUDENT_HEADERS.personalId, message: OUTSIDE_ID });
        if (byCode?.outside)
          addError({ row: p.row, column: STUDENT_HEADERS.studentCode, message: OUTSIDE_CODE });
        continue;
      }
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
      // An import never moves a student to another school, even inside the
      // scope (a commune's officer): that is a transfer, with its record and
      // both schools' audit (../transfers/).
      if (existing.school_id !== p.schoolId) {
        const from = schoolById.get(existing.school_id)?.code ?? '';
        addError({
          row: p.row,
          column: STUDENT_HEADERS.schoolCode,
          message: `Học sinh này đang học ở trường ${from}; nhập danh sách không chuyển trường học sinh: hãy dùng Chuyển trường.`,
        });
        continue;
      }
      // Another child behind the same id or code: both the name and the
      // date of birth differ. One of the two alone is a correction.
      if (searchKey(existing.full_name) !== p.searchName && existing.birth_date !== p.birthDate) {
        const [column, what, value] = byId
          ? [STUDENT_HEADERS.personalId, 'mã định danh cá nhân', p.personalId]
          : [STUDENT_HEADERS.studentCode, 'mã học sinh', p.studentCode];
        addError({
          row: p.row,
          column,
          message: `${what[0]!.toUpperCase()}${what.slice(1)} ${value} đã thuộc học sinh ${existing.full_name} (sinh ${dmy(existing.birth_date)}), khác cả họ tên và ngày sinh trên dòng này: kiểm tra lại ${what}.`,
        });
        continue;
      }
      const classId = p.classId;
      const isChanged =
        existing.full_name !== p.fullName ||
        existing.birth_date !== p.birthDate ||
        existing.gender !== p.gender ||
        (p.personalId ?? existing.personal_id) !== existing.personal_id ||
        (p.studentCode ?? existing.student_code) !== existing.student_code ||
        (p.ethnicity ?? existing.ethnicity) !== existing.ethnicity ||
        (p.birthPlace ?? existing.birth_place) !== existing.birth_place ||
        (p.address ?? existing.address) !== existing.address ||
        (p.guardian ?? existing.guardian_name) !== existing.guardian_name ||
        (p.phone ?? existing.phone) !== existing.phone ||
        classId === null ||
        enrolments.get(existing.id) !== classId;
      if (!isChanged) {
        unchanged++;
        continue;
      }
      changed.push({ p, e: existing });
      if (changes.length < MAX_LISTED_ERRORS) {
        const before = enrolments.get(existing.id);
        changes.push(changeOf(p, existing, (before && classNames.get(before)) ?? null));
      }
    }
    added += fresh.length;
    updated += changed.length;
    if (!write || errorCount) return nothing; // rolled back anyway: stop writing, keep checking

    // In key order, the same in every import: two imports writing the same
    // students then wait for each other instead of deadlocking (a chunk's
    // rows at least; across chunks the retry in importStudents takes over).
    fresh.sort(byKeys);
    changed.sort((a, b) => (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0));
    const insert = fresh.length ? encodeInsert(fresh, insertFormat, options.schoolYear) : null;
    return () => writeChunk(newClasses, insert, changed);
  }

  /** With no error in the file so far every row's class is known or new (classId set). */
  async function writeChunk(
    newClasses: KnownClass[],
    insert: EncodedInsert | null,
    changed: { p: ParsedStudent; e: StudentRow }[],
  ): Promise<void> {
    await insertClasses(db, newClasses, options.schoolYear);
    if (insert) await insertNewStudents(db, insert, copyRows, options.schoolYear);
    for (const { p, e } of changed) await updateKnownStudent(db, p, e, options.schoolYear);
    const freshCount = insert?.count ?? 0;
    if (written === 0 && freshCount + changed.length > 0) options.onPhase?.('writing');
    written += freshCount + changed.length;
    options.onWritten?.(written);
    await yieldToEventLoop();
  }
}

/**
 * The file's rows read and checked: here, or for a large file in a worker
 * thread (same code, student-rows.ts) so that the database writes here at
 * the same time.
 */
function studentCheckEvents(
  input: string | Buffer | Readable,
  context: StudentCheckContext,
  options: StudentImportOptions,
): AsyncIterable<StudentCheckEvent> {
  const size =
    typeof input === 'string' ? fileSize(input) : Buffer.isBuffer(input) ? input.length : 0;
  const offThread = options.offThread ?? size >= OFF_THREAD_BYTES;
  if (!offThread || !(typeof input === 'string' || Buffer.isBuffer(input)))
    return checkStudentRows(input, {
      ...context,
      limits: { ...context.limits, signal: options.signal },
    });
  const data: StudentCheckInput = { input, context };
  return iterateInWorker<StudentCheckEvent>(
    new URL('./student-rows.worker.ts', import.meta.url),
    data,
    (name, message) =>
      name === 'UnreadableWorkbookError'
        ? new UnreadableWorkbookError(message)
        : new Error(message),
    options.signal,
  );
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // the reader says the file cannot be opened
  }
}

/** A student the lookup found; `outside` the caller's scope, only the id and keys are kept. */
type KnownStudent = StudentRow & { outside?: true };
const OUTSIDE: KnownStudent = {
  id: '',
  school_id: '',
  personal_id: null,
  student_code: null,
  full_name: '',
  birth_date: '',
  gender: 'male',
  ethnicity: null,
  birth_place: null,
  address: null,
  guardian_name: null,
  phone: null,
  outside: true,
};

/** Issue #11: the same words whatever student or school holds the value. */
export const OUTSIDE_CODE =
  'Mã học sinh này đã được dùng cho một học sinh không thuộc phạm vi của bạn; nếu học sinh chuyển đến, hãy dùng Chuyển trường';
export const OUTSIDE_ID =
  'Số định danh cá nhân này đã được dùng cho một học sinh không thuộc phạm vi của bạn; nếu học sinh chuyển đến, hãy dùng Chuyển trường';

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const byKeys = (a: ParsedStudent, b: ParsedStudent): number => {
  const x = `${a.personalId ?? ''}|${a.studentCode ?? ''}`;
  const y = `${b.personalId ?? ''}|${b.studentCode ?? ''}`;
  return x < y ? -1 : x > y ? 1 : 0;
};

/** What a row changes of a known student, in the file's column order, as the clerk writes it. */
function changeOf(p: ParsedStudent, e: StudentRow, classBefore: string | null): StudentChange {
  const H = STUDENT_HEADERS;
  const fields: StudentChange['fields'] = [];
  const field = (column: string, before: string | null, after: string | null) => {
    if (before !== after) fields.push({ column, before, after });
  };
  field(H.className, classBefore, p.className);
  field(H.fullName, e.full_name, p.fullName);
  field(H.birthDate, dmy(e.birth_date), dmy(p.birthDate));
  field(H.gender, GENDER_LABELS[e.gender], GENDER_LABELS[p.gender]);
  field(H.personalId, e.personal_id, p.personalId ?? e.personal_id);
  field(H.studentCode, e.student_code, p.studentCode ?? e.student_code);
  field(H.ethnicity, e.ethnicity, p.ethnicity ?? e.ethnicity);
  field(H.birthPlace, e.birth_place, p.birthPlace ?? e.birth_place);
  field(H.address, e.address, p.address ?? e.address);
  field(H.guardian, e.guardian_name, p.guardian ?? e.guardian_name);
  field(H.phone, e.phone, p.phone ?? e.phone);
  return { row: p.row, student: e.full_name, fields };
}
