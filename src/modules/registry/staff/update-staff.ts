import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { isUuid } from '../../../lib/ids.ts';
import { conflict, forbidden, notFound } from '../../../core/errors.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { changedOnly, checkVersion, staleVersion } from '../../../core/versions.ts';
import type { StaffPatch, StaffRecord } from '../contract.ts';
import { getStaff } from './get-staff.ts';
import { lockStaff, staffRecordRow, staffWithPersonalId, updateStaffRow } from './repo.ts';
import { validateStaff } from './staff-fields.ts';

/**
 * Edits a staff member's record: only the fields sent, checked together with
 * the recorded ones under a row lock; a stale `version` is a 409 that changes
 * nothing. Leaving the school has its own route.
 */
export async function updateStaff(
  db: Db,
  scope: Scope,
  input: { staffId: string; patch: StaffPatch },
): Promise<StaffRecord> {
  scope.require('registry.write');
  if (!isUuid(input.staffId)) throw notFound('cán bộ, giáo viên');
  const found = await staffRecordRow(db, input.staffId);
  if (!found) throw notFound('cán bộ, giáo viên');
  if (!scope.containsPath(found.path)) throw forbidden();
  const { patch } = input;
  const what = `Cán bộ, giáo viên ${found.full_name}`;
  await writeTransaction(db, scope.actor, async (tx) => {
    const row = await lockStaff(tx, found.id);
    if (!row) throw notFound('cán bộ, giáo viên');
    checkVersion(what, patch.version, row.version);
    const pick = <T>(sent: T | undefined, recorded: T): T => (sent !== undefined ? sent : recorded);
    const fields = validateStaff(
      {
        fullName: pick(patch.fullName, row.full_name),
        birthDate: pick(patch.birthDate, row.birth_date),
        gender: pick(patch.gender, row.gender),
        personalId: pick(patch.personalId, row.personal_id),
        position: pick(patch.position, row.position),
        mainSubject: pick(patch.mainSubject, row.main_subject),
        qualification: pick(patch.qualification, row.qualification),
        employmentType: pick(patch.employmentType, row.employment_type),
        rank: pick(patch.rank, row.rank),
        levelTaught: pick(patch.levelTaught, row.level_taught),
      },
      found.levels,
    );
    const changed = changedOnly(fields, row);
    if (Object.keys(changed).length === 0) return;
    if (changed.personal_id && (await staffWithPersonalId(tx, changed.personal_id, found.id)))
      throw conflict(
        `Mã định danh ${changed.personal_id} đã có trong danh sách cán bộ, giáo viên của tỉnh.`,
      );
    if (!(await updateStaffRow(tx, found.id, row.version, changed))) throw staleVersion(what);
  });
  return getStaff(db, scope, { staffId: found.id });
}
