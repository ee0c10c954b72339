/**
 * The unit a drill-down shows, checked against the caller's Scope: the
 * caller's own unit by default, 404 for an unknown id, 403 outside the
 * subtree. Also the way back up (ancestors within the scope only).
 */
import { forbidden, notFound } from '../../core/errors.ts';
import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid } from '../../lib/ids.ts';
import type { UnitBrief } from './contract.ts';
import { unitById, unitsOnPath, type UnitRow } from './repo.ts';

export const brief = (u: UnitRow): UnitBrief => ({
  id: u.id,
  code: u.code,
  name: u.name,
  kind: u.kind,
});

export async function drillUnit(
  db: Db,
  scope: Scope,
  unitId: string | undefined,
): Promise<{ unit: UnitRow; ancestors: UnitBrief[] }> {
  scope.require('indicators.read');
  const wanted = unitId ?? scope.user.orgUnitId;
  if (!isUuid(wanted)) throw notFound('đơn vị');
  const unit = await unitById(db, wanted);
  if (!unit) throw notFound('đơn vị');
  if (!scope.containsPath(unit.path)) throw forbidden();
  const above = await unitsOnPath(db, unit.path);
  const ancestors = above.filter((u) => u.id !== unit.id && scope.containsPath(u.path)).map(brief);
  return { unit, ancestors };
}

/** The child of `children` whose subtree holds `path`, if any. */
export function childHolding<T extends { path: string }>(
  children: readonly T[],
  path: string,
): T | undefined {
  return children.find((c) => path.startsWith(c.path));
}
