import type { Writable } from 'node:stream';
import type { Db } from '../../../db/connection.ts';
import { formatVietnameseDate } from '../../../lib/dates.ts';
import { sortByVietnameseName } from '../../../lib/vietnamese.ts';
import { writeSimpleWorkbook } from '../../../lib/xlsx.ts';
import { badRequest } from '../../../core/errors.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { GENDER_LABELS, STUDENT_STATUS_LABELS } from '../labels.ts';
import { exportRows } from './repo.ts';
import { studentMatch, type StudentQuery } from './student-query.ts';

/** Rows one export file takes; a larger list is refused, never cut short. */
export const EXPORT_MAX_ROWS = 200_000;

/**
 * The rows of an export of any student list (a class, a school, a search),
 * in class-list order (class, then given name, middle, family); a 400 naming
 * the limit when over it.
 */
export async function studentExportRows(
  db: Db,
  scope: Scope,
  query: Omit<StudentQuery, 'page' | 'pageSize'>,
  maxRows = EXPORT_MAX_ROWS,
) {
  scope.require('registry.read');
  if (query.schoolId) await scope.requireUnit(db, query.schoolId, 'registry.read');
  const rows = await exportRows(db, scope, studentMatch(query), maxRows + 1);
  if (rows.length > maxRows)
    throw badRequest(
      `Danh sách có hơn ${maxRows.toLocaleString('vi-VN')} học sinh, quá giới hạn của một tệp xuất: hãy lọc theo trường, lớp hoặc gõ thêm tên.`,
    );
  return sortByVietnameseName(rows, (r) => r.full_name).sort((a, b) =>
    (a.class_name ?? '').localeCompare(b.class_name ?? '', 'vi', { numeric: true }),
  );
}

/** The rows as xlsx with Vietnamese headers; how many were written. `onRow` follows the writing. */
export async function writeStudentExport(
  sorted: Awaited<ReturnType<typeof studentExportRows>>,
  out: Writable,
  onRow?: () => void,
): Promise<number> {
  await writeSimpleWorkbook(
    out,
    'Học sinh',
    [
      'STT',
      'Mã trường',
      'Lớp',
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Dân tộc',
      'Mã học sinh',
      'Địa chỉ',
      'Trạng thái',
    ],
    withProgress(sorted, onRow, (r, i) => [
      i + 1,
      r.school_code,
      r.class_name,
      r.full_name,
      formatVietnameseDate(r.birth_date),
      GENDER_LABELS[r.gender],
      r.ethnicity,
      r.student_code,
      r.address,
      STUDENT_STATUS_LABELS[r.status],
    ]),
  );
  return sorted.length;
}

/** Each row mapped as it is written (so a job sees the writing advance). */
function* withProgress<T, R>(
  rows: T[],
  onRow: (() => void) | undefined,
  map: (r: T, i: number) => R,
) {
  for (const [i, r] of rows.entries()) {
    onRow?.();
    yield map(r, i);
  }
}

/** A student list as xlsx into `out` (at most EXPORT_MAX_ROWS rows). */
export async function exportStudents(
  db: Db,
  scope: Scope,
  query: Omit<StudentQuery, 'page' | 'pageSize'>,
  out: Writable,
): Promise<number> {
  return writeStudentExport(await studentExportRows(db, scope, query), out);
}
