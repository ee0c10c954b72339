import { writeTransaction } from '../../../db/actor.ts';
import { todayInVietnam } from '../../../lib/dates.ts';
import type { Db } from '../../../db/connection.ts';
import { isUuid } from '../../../lib/ids.ts';
import {
  badRequest,
  conflict,
  forbidden,
  notFound,
  type FieldError,
} from '../../../core/errors.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { checkVersion, staleVersion } from '../../../core/versions.ts';
import type { StaffLeave, StaffRecord } from '../contract.ts';
import { getStaff } from './get-staff.ts';
import { lockStaff, staffRecordRow, updateStaffRow } from './repo.ts';
import { dayField } from './staff-fields.ts';

/**
 * A staff member leaves the school (nghỉ hưu, chuyển công tác, thôi việc):
 * the row stays, inactive, with the day and the reason; it is never deleted,
 * so the registers and the audit log keep who taught where.
 */
export async function leaveStaff(
  db: Db,
  scope: Scope,
  input: { staffId: string; body: StaffLeave },
): Promise<StaffRecord> {
  scope.require('registry.write');
  if (!isUuid(input.staffId)) throw notFound('cán bộ, giáo viên');
  const found = await staffRecordRow(db, input.staffId);
  if (!found) throw notFound('cán bộ, giáo viên');
  if (!scope.containsPath(found.path)) throw forbidden();
  const errors: FieldError[] = [];
  const reason = input.body.reason.trim();
  if (!reason)
    errors.push({ path: 'reason', message: 'Cần ghi lý do nghỉ (nghỉ hưu, chuyển công tác…).' });
  const today = todayInVietnam();
  const day = input.body.date ? dayField(input.body.date, 'date', 'Ngày nghỉ', errors) : today;
  if (day && day > today)
    errors.push({ path: 'date', message: 'Ngày nghỉ không được sau ngày hôm nay.' });
  if (errors.length) throw badRequest('Chưa ghi được việc nghỉ công tác.', errors);
  const what = `Cán bộ, giáo viên ${found.full_name}`;
  await writeTransaction(db, scope.actor, async (tx) => {
    const row = await lockStaff(tx, found.id);
    if (!row) throw notFound('cán bộ, giáo viên');
    checkVersion(what, input.body.version, row.version);
    if (!row.active) throw conflict(`${found.full_name} đã nghỉ công tác tại trường.`);
    const ok = await updateStaffRow(tx, found.id, row.version, {
      active: false,
      left_on: day,
      leave_reason: reason,
    });
    if (!ok) throw staleVersion(what);
  });
  return getStaff(db, scope, { staffId: found.id });
}
