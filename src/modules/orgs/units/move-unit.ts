import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { badRequest, forbidden } from '../../../core/errors.ts';
import type { UnitDetail } from '../contract.ts';
import { getUnit } from './get-unit.ts';
import { moveSubtree } from './repo.ts';

/** Moves a unit with its whole subtree under another parent. */
export async function moveUnit(
  db: Db,
  scope: Scope,
  input: { id: string; parentId: string },
): Promise<UnitDetail> {
  const unit = await scope.requireUnit(db, input.id, 'org.structure');
  const newParent = await scope.requireUnit(db, input.parentId, 'org.structure');
  if (unit.parent_id === null) throw badRequest('Không thể chuyển đơn vị gốc (Sở).');
  if (unit.id === scope.user.orgUnitId)
    throw forbidden('Không thể chuyển chính đơn vị gốc trong phạm vi quản lý của bạn.');
  if (newParent.path.startsWith(unit.path))
    throw badRequest('Không thể chuyển một đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.');
  if (!newParent.active) throw badRequest('Không thể chuyển vào đơn vị đã ngừng hoạt động.');
  if (unit.parent_id !== newParent.id) {
    await writeTransaction(db, scope.actor, (tx) => moveSubtree(tx, unit, newParent));
  }
  return getUnit(db, scope, input.id);
}
