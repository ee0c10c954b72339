import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { FacilitySummary } from '../contract.ts';
import { checkSchoolYear } from './access.ts';
import { itemOrder, totalsOf } from './facility-items.ts';
import { facilityTotalsInSubtree, schoolsReporting } from './repo.ts';

/** Rooms by type and condition summed over every active school in `unitId`'s subtree (the caller's own unit by default). */
export async function facilitySummary(
  db: Db,
  scope: Scope,
  input: { unitId?: string | undefined; schoolYear: string },
): Promise<FacilitySummary> {
  const { schoolYear } = input;
  checkSchoolYear(schoolYear);
  const unit = await scope.requireUnit(db, input.unitId ?? scope.user.orgUnitId, 'registry.read');
  const rows = await facilityTotalsInSubtree(db, unit.path, schoolYear);
  const counts = await schoolsReporting(db, unit.path, schoolYear);
  const items = rows
    .map((r) => ({
      roomType: r.room_type,
      condition: r.condition,
      count: Number(r.rooms),
      areaM2: r.area === null ? null : Math.round(Number(r.area) * 10) / 10,
    }))
    .sort(itemOrder);
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    schoolYear,
    schools: counts.schools,
    schoolsReported: counts.reported,
    items,
    totals: totalsOf(items),
  };
}
