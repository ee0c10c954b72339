import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { badRequest, forbidden } from '../../../core/errors.ts';
import { orgTreeHooks } from '../../../core/org-tree.ts';
import type { UnitDetail } from '../contract.ts';
import { getUnit } from './get-unit.ts';
import { childrenOf, markMerged, moveAccounts, moveSubtree } from './repo.ts';

/**
 * Merges unit `id` into `intoId` (communes and schools merge): children, accounts
 * and every module's data move to the survivor; the merged unit stays, inactive,
 * pointing at its survivor, so its history remains readable.
 */
export async function mergeUnits(
  db: Db,
  scope: Scope,
  input: { id: string; intoId: string },
): Promise<UnitDetail> {
  const unit = await scope.requireUnit(db, input.id, 'org.structure');
  const into = await scope.requireUnit(db, input.intoId, 'org.structure');
  if (unit.id === into.id) throw badRequest('Không thể sáp nhập một đơn vị vào chính nó.');
  if (unit.parent_id === null) throw badRequest('Không thể sáp nhập đơn vị gốc (Sở).');
  if (unit.id === scope.user.orgUnitId)
    throw forbidden('Không thể sáp nhập chính đơn vị gốc trong phạm vi quản lý của bạn.');
  if (into.path.startsWith(unit.path))
    throw badRequest('Không thể sáp nhập một đơn vị vào đơn vị cấp dưới của nó.');
  if (!into.active) throw badRequest('Đơn vị nhận sáp nhập đã ngừng hoạt động.');
  await writeTransaction(db, scope.actor, async (tx) => {
    for (const child of await childrenOf(tx, unit.id)) await moveSubtree(tx, child, into);
    await moveAccounts(tx, unit.id, into.id);
    for (const hooks of orgTreeHooks()) await hooks.mergeUnit?.(tx, unit.id, into.id);
    await markMerged(tx, unit.id, into.id);
  });
  return getUnit(db, scope, into.id);
}
