import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { SchoolProfileRow } from '../contract.ts';
import { checkSchoolYear } from './access.ts';
import { profilesInSubtree } from './repo.ts';

/**
 * Every active school in `unitId`'s subtree with its profile for the year
 * (defaults, `recorded: false`, where none was recorded): the input of the
 * national-standard and two-sessions-a-day rates. No `unitId`: the caller's own unit.
 */
export async function listSchoolProfiles(
  db: Db,
  scope: Scope,
  input: { unitId?: string | undefined; schoolYear: string },
): Promise<SchoolProfileRow[]> {
  checkSchoolYear(input.schoolYear);
  const unit = await scope.requireUnit(db, input.unitId ?? scope.user.orgUnitId, 'registry.read');
  const rows = await profilesInSubtree(db, unit.path, input.schoolYear);
  return rows.map((r) => ({
    school: {
      id: r.id,
      code: r.code,
      name: r.name,
      levels: r.levels,
      ownership: r.ownership,
      address: r.address,
      active: r.active,
      parentName: r.parentName,
    },
    recorded: r.profileId !== null,
    nationalStandardLevel: r.national_standard_level ?? 0,
    nationalStandardDecision: r.national_standard_decision ?? null,
    nationalStandardDate: r.national_standard_date ?? null,
    accreditationLevel: r.accreditation_level ?? 0,
    twoSessionsADay: r.two_sessions_a_day ?? false,
    notes: r.notes ?? null,
    homeroomOneClass: r.homeroom_one_class ?? false,
    version: r.version ?? 0,
  }));
}
