import type { Writable } from 'node:stream';
import type { Db } from '../../../db/connection.ts';
import { writeSimpleWorkbook } from '../../../lib/xlsx.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { LEVEL_LABELS, OWNERSHIP_LABELS } from '../../orgs/index.ts';
import {
  ACCREDITATION_LABELS,
  NATIONAL_STANDARD_LABELS,
  type SchoolListFilters,
} from '../contract.ts';
import { listSchoolsInScope } from './list-schools.ts';

export const SCHOOL_LIST_HEADERS = [
  'STT',
  'Mã trường',
  'Tên trường',
  'Cấp học',
  'Loại hình',
  'Xã, phường',
  'Số học sinh',
  'Số lớp',
  'Số cán bộ, giáo viên',
  'Chuẩn quốc gia',
  'Kiểm định chất lượng',
  'Học 2 buổi/ngày',
] as const;

/** The "Trường học" list as filtered and sorted on the page, every match, as xlsx. */
export async function exportSchoolList(
  db: Db,
  scope: Scope,
  input: SchoolListFilters & { out: Writable },
): Promise<number> {
  const { rows } = await listSchoolsInScope(db, scope, input);
  await writeSimpleWorkbook(
    input.out,
    'Trường học',
    [...SCHOOL_LIST_HEADERS],
    rows.map((r, i) => [
      i + 1,
      r.code,
      r.name,
      r.levels.map((l) => LEVEL_LABELS[l]).join(', '),
      r.ownership ? OWNERSHIP_LABELS[r.ownership] : null,
      r.commune?.name ?? null,
      r.students,
      r.classes,
      r.staff,
      NATIONAL_STANDARD_LABELS[r.nationalStandardLevel] ?? null,
      ACCREDITATION_LABELS[r.accreditationLevel] ?? null,
      r.twoSessionsADay ? 'Có' : 'Không',
    ]),
  );
  return rows.length;
}
