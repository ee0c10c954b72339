import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { SchoolFacilities } from '../contract.ts';
import { checkSchoolYear, requireSchool } from './access.ts';
import { itemOrder, totalsOf } from './facility-items.ts';
import { facilityRows } from './repo.ts';
import { schoolInfo } from './school-info.ts';

/** A school's rooms of a year by type and condition, with their versions and totals. */
export async function getFacilities(
  db: Db,
  scope: Scope,
  input: { schoolId: string; schoolYear: string },
): Promise<SchoolFacilities> {
  const { schoolId, schoolYear } = input;
  checkSchoolYear(schoolYear);
  const school = await requireSchool(db, scope, schoolId, 'registry.read');
  const rows = await facilityRows(db, schoolId, schoolYear);
  const items = rows
    .map((r) => ({
      roomType: r.room_type,
      condition: r.condition,
      count: r.room_count,
      areaM2: r.area_m2 === null ? null : Number(r.area_m2),
      version: r.version,
    }))
    .sort(itemOrder);
  return { school: schoolInfo(school), schoolYear, items, totals: totalsOf(items) };
}
