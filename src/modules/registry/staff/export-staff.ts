import type { Writable } from 'node:stream';
import type { Db } from '../../../db/connection.ts';
import { formatVietnameseDate } from '../../../lib/dates.ts';
import { compareVietnamese, sortByVietnameseName } from '../../../lib/vietnamese.ts';
import { writeSimpleWorkbook } from '../../../lib/xlsx.ts';
import { badRequest } from '../../../core/errors.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { STAFF_HEADERS } from '../imports/staff-headers.ts';
import { EXPORT_MAX_ROWS } from '../students/export-students.ts';
import { GENDER_LABELS, LEVEL_TAUGHT_LABELS, POSITION_LABELS } from '../labels.ts';
import { staffForExport } from './repo.ts';
import { checkStaffQuery, type StaffQuery } from './search-staff.ts';

/**
 * A staff list as xlsx with Vietnamese headers, by school then in Vietnamese
 * name order (given name, middle, family). The import's headers are used for
 * the same data, so an exported list can be edited and imported back (the
 * extra columns STT, Trường and Trạng thái are ignored by the import). Personal
 * ids are left out: a list travels by e-mail and USB sticks.
 */
export async function staffExportRows(
  db: Db,
  scope: Scope,
  query: StaffQuery,
  maxRows = EXPORT_MAX_ROWS,
) {
  const filters = await checkStaffQuery(db, scope, query);
  const rows = await staffForExport(db, scope, filters, maxRows + 1);
  if (rows.length > maxRows)
    throw badRequest(
      `Danh sách có hơn ${maxRows.toLocaleString('vi-VN')} người, quá giới hạn của một tệp xuất: hãy lọc theo trường hoặc vị trí.`,
    );
  // A stable sort keeps the name order within each school.
  return sortByVietnameseName(rows, (r) => r.full_name).sort((a, b) =>
    compareVietnamese(a.school_code, b.school_code),
  );
}

export async function writeStaffExport(
  sorted: Awaited<ReturnType<typeof staffExportRows>>,
  out: Writable,
): Promise<number> {
  const H = STAFF_HEADERS;
  await writeSimpleWorkbook(
    out,
    'Cán bộ, giáo viên',
    [
      'STT',
      H.schoolCode,
      'Trường',
      H.fullName,
      H.birthDate,
      H.gender,
      H.position,
      H.mainSubject,
      H.qualification,
      H.employmentType,
      'Trạng thái',
      H.levelTaught,
    ],
    sorted.map((r, i) => [
      i + 1,
      r.school_code,
      r.school_name,
      r.full_name,
      formatVietnameseDate(r.birth_date),
      GENDER_LABELS[r.gender],
      POSITION_LABELS[r.position],
      r.main_subject,
      r.qualification,
      r.employment_type,
      r.active ? 'Đang công tác' : 'Đã nghỉ',
      r.level_taught ? LEVEL_TAUGHT_LABELS[r.level_taught] : null,
    ]),
  );
  return sorted.length;
}
