import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { orgTreeHooks } from '../../../core/org-tree.ts';
import { pointOf } from '../../../lib/geo.ts';
import type { UnitDetail } from '../contract.ts';
import { countAccounts, countChildren, unitNames } from './repo.ts';

export async function getUnit(db: Db, scope: Scope, unitId: string): Promise<UnitDetail> {
  const unit = await scope.requireUnit(db, unitId, 'org.read');
  const ancestorIds = unit.path.split('/').filter(Boolean);
  const ancestors = await unitNames(db, ancestorIds);
  const byId = new Map(ancestors.map((a) => [a.id, a]));
  // The breadcrumb stops at the caller's own unit: units above it are not theirs to see.
  const path = ancestorIds
    .map((id) => byId.get(id))
    .filter((a): a is NonNullable<typeof a> => a !== undefined && scope.containsPath(a.path))
    .map(({ id, code, name }) => ({ id, code, name }));
  const counts = {
    children: await countChildren(db, unitId),
    classes: 0,
    students: 0,
    staff: 0,
    users: await countAccounts(db, unitId),
  };
  // Other modules' figures (classes, students, staff) come from their org-tree hooks.
  for (const hooks of orgTreeHooks())
    if (hooks.countUnit) Object.assign(counts, await hooks.countUnit(db, unit));
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    levels: unit.levels,
    ownership: unit.ownership,
    active: unit.active,
    childCount: counts.children,
    parentId: unit.parent_id,
    address: unit.address,
    location: pointOf(unit.latitude, unit.longitude),
    mergedIntoId: unit.merged_into_id,
    path,
    counts,
    version: unit.version,
  };
}
