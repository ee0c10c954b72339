import type { Writable } from 'node:stream';
import type { Db } from '../../../db/connection.ts';
import { writeSimpleWorkbook } from '../../../lib/xlsx.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { listSchoolClasses } from './list-school-classes.ts';

export const CLASS_EXPORT_HEADERS = [
  'STT',
  'Lớp',
  'Khối',
  'Số buổi học/ngày',
  'Giáo viên chủ nhiệm',
  'Sĩ số',
] as const;

/** A school's class list of a year as xlsx with Vietnamese headers. */
export async function exportSchoolClasses(
  db: Db,
  scope: Scope,
  input: { schoolId: string; schoolYear: string; out: Writable },
): Promise<number> {
  const rows = await listSchoolClasses(db, scope, input);
  await writeSimpleWorkbook(
    input.out,
    'Lớp',
    [...CLASS_EXPORT_HEADERS],
    rows.map((r, i) => [
      i + 1,
      r.name,
      r.grade,
      r.sessionsPerDay,
      r.homeroom?.fullName ?? null,
      r.studentCount,
    ]),
  );
  return rows.length;
}
