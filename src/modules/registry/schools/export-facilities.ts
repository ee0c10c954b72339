import type { Writable } from 'node:stream';
import type { Db } from '../../../db/connection.ts';
import { writeSimpleWorkbook } from '../../../lib/xlsx.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { ROOM_CONDITION_LABELS, ROOM_CONDITIONS, ROOM_TYPE_LABELS, ROOM_TYPES } from '../labels.ts';
import { checkSchoolYear, requireSchool } from './access.ts';
import { facilityExportRows } from './repo.ts';

export const FACILITY_EXPORT_HEADERS = [
  'STT',
  'Mã trường',
  'Tên trường',
  'Năm học',
  'Loại phòng',
  'Tình trạng',
  'Số phòng',
  'Diện tích (m²)',
] as const;

/**
 * Rooms of every school in `unitId`'s subtree (or of one school), one line
 * per school, type and condition, as xlsx with Vietnamese headers. No
 * `unitId`: the caller's own unit.
 */
export async function exportFacilities(
  db: Db,
  scope: Scope,
  input: { unitId?: string | undefined; schoolYear: string; out: Writable },
): Promise<number> {
  const { schoolYear } = input;
  checkSchoolYear(schoolYear);
  const unit = await scope.requireUnit(db, input.unitId ?? scope.user.orgUnitId, 'registry.read');
  const rows = await facilityExportRows(db, unit.path, schoolYear);
  rows.sort(
    (a, b) =>
      a.code.localeCompare(b.code) ||
      ROOM_TYPES.indexOf(a.room_type) - ROOM_TYPES.indexOf(b.room_type) ||
      ROOM_CONDITIONS.indexOf(a.condition) - ROOM_CONDITIONS.indexOf(b.condition),
  );
  await writeSimpleWorkbook(
    input.out,
    'Cơ sở vật chất',
    [...FACILITY_EXPORT_HEADERS],
    rows.map((r, i) => [
      i + 1,
      r.code,
      r.name,
      schoolYear,
      ROOM_TYPE_LABELS[r.room_type],
      ROOM_CONDITION_LABELS[r.condition],
      r.room_count,
      r.area_m2 === null ? null : Number(r.area_m2),
    ]),
  );
  return rows.length;
}

/** One school's rooms: the same sheet as the subtree export, after checking it is a school. */
export async function exportSchoolFacilities(
  db: Db,
  scope: Scope,
  input: { schoolId: string; schoolYear: string; out: Writable },
): Promise<number> {
  checkSchoolYear(input.schoolYear);
  await requireSchool(db, scope, input.schoolId, 'registry.read');
  return exportFacilities(db, scope, { ...input, unitId: input.schoolId });
}
