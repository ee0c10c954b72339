import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { SchoolProfile } from '../contract.ts';
import { checkSchoolYear, requireSchool } from './access.ts';
import { findProfile } from './repo.ts';
import { schoolInfo } from './school-info.ts';

/** A school's attributes for one school year; the defaults (`recorded: false`) where none. */
export async function getSchoolProfile(
  db: Db,
  scope: Scope,
  input: { schoolId: string; schoolYear: string },
): Promise<SchoolProfile> {
  const { schoolId, schoolYear } = input;
  checkSchoolYear(schoolYear);
  const school = await requireSchool(db, scope, schoolId, 'registry.read');
  const row = await findProfile(db, schoolId, schoolYear);
  return {
    school: schoolInfo(school),
    schoolYear,
    recorded: row !== undefined,
    nationalStandardLevel: row?.national_standard_level ?? 0,
    nationalStandardDecision: row?.national_standard_decision ?? null,
    nationalStandardDate: row?.national_standard_date ?? null,
    accreditationLevel: row?.accreditation_level ?? 0,
    twoSessionsADay: row?.two_sessions_a_day ?? false,
    notes: row?.notes ?? null,
    homeroomOneClass: row?.homeroom_one_class ?? false,
    version: row?.version ?? 0,
  };
}
