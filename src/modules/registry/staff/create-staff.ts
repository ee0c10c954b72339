import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { uuidv7 } from '../../../lib/ids.ts';
import { conflict } from '../../../core/errors.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { StaffCreate, StaffRecord } from '../contract.ts';
import { requireSchool } from '../schools/access.ts';
import { getStaff } from './get-staff.ts';
import { insertStaff, staffWithPersonalId } from './repo.ts';
import { validateStaff } from './staff-fields.ts';

/** One staff member added by hand to a school (the import adds many). */
export async function createStaff(
  db: Db,
  scope: Scope,
  input: { schoolId: string; body: StaffCreate },
): Promise<StaffRecord> {
  const school = await requireSchool(db, scope, input.schoolId, 'registry.write');
  const fields = validateStaff(input.body, school.levels);
  const id = uuidv7();
  await writeTransaction(db, scope.actor, async (tx) => {
    if (fields.personal_id && (await staffWithPersonalId(tx, fields.personal_id)))
      throw conflict(
        `Mã định danh ${fields.personal_id} đã có trong danh sách cán bộ, giáo viên của tỉnh.`,
      );
    await insertStaff(tx, { id, school_id: school.id, ...fields });
  });
  return getStaff(db, scope, { staffId: id });
}
