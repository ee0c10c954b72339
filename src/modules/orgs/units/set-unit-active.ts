import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { badRequest, forbidden } from '../../../core/errors.ts';
import type { UnitDetail } from '../contract.ts';
import { getUnit } from './get-unit.ts';
import { activeChild, setActive } from './repo.ts';

/** Deactivates (or reactivates) a unit; its record and history stay. */
export async function setUnitActive(
  db: Db,
  scope: Scope,
  input: { id: string; active: boolean },
): Promise<UnitDetail> {
  const { active } = input;
  const unit = await scope.requireUnit(db, input.id, 'org.structure');
  if (unit.parent_id === null) throw badRequest('Không thể ngừng hoạt động đơn vị gốc (Sở).');
  if (unit.id === scope.user.orgUnitId)
    throw forbidden('Không thể thay đổi trạng thái chính đơn vị của bạn.');
  if (!active) {
    const child = await activeChild(db, unit.id);
    if (child)
      throw badRequest(
        `Đơn vị còn đơn vị cấp dưới đang hoạt động ("${child.name}"): hãy chuyển hoặc ngừng hoạt động chúng trước.`,
      );
  } else if (unit.merged_into_id) {
    throw badRequest('Đơn vị đã sáp nhập vào đơn vị khác, không thể hoạt động lại.');
  }
  await writeTransaction(db, scope.actor, (tx) => setActive(tx, unit.id, active));
  return getUnit(db, scope, input.id);
}
