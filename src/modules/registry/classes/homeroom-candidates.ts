import type { Db } from '../../../db/connection.ts';
import { sortByVietnameseName } from '../../../lib/vietnamese.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { StaffOption } from '../contract.ts';
import { requireSchool } from '../schools/access.ts';
import { activeStaff } from './repo.ts';

/** Active staff of a school, the people a class's homeroom teacher is chosen from. */
export async function listHomeroomCandidates(
  db: Db,
  scope: Scope,
  input: { schoolId: string },
): Promise<StaffOption[]> {
  await requireSchool(db, scope, input.schoolId, 'registry.read');
  const rows = await activeStaff(db, input.schoolId);
  const order = { teacher: 0, manager: 1, staff: 2 };
  return sortByVietnameseName(rows, (r) => r.fullName).sort(
    (a, b) => order[a.position] - order[b.position],
  );
}
