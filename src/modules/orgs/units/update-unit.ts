import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { changedOnly, checkVersion } from '../../../core/versions.ts';
import { normalizeText } from '../../../lib/vietnamese.ts';
import type { UnitDetail, UnitPatch } from '../contract.ts';
import { getUnit } from './get-unit.ts';
import { lockUnit, updateUnitFields } from './repo.ts';
import { requireCodeFree } from './require-code-free.ts';
import { unitSearchName, validateUnitFields } from './rules.ts';

/** Edits a unit's details; a new code changes how the tree is named, so it needs org.structure. */
export async function updateUnit(
  db: Db,
  scope: Scope,
  input: UnitPatch & { id: string },
): Promise<UnitDetail> {
  const { id: unitId, ...patch } = input;
  const found = await scope.requireUnit(db, unitId, 'org.write');
  if (patch.code !== undefined && patch.code.trim() !== found.code) scope.require('org.structure');
  await writeTransaction(db, scope.actor, async (tx) => {
    // Locked and read again: only the fields sent are written, checked with the others as they are now.
    const unit = await lockUnit(tx, found.id);
    checkVersion(`Đơn vị ${unit.name}`, patch.version, unit.version);
    const set = {
      ...(patch.code !== undefined ? { code: patch.code.trim() } : {}),
      ...(patch.name !== undefined ? { name: normalizeText(patch.name) } : {}),
      ...(patch.levels !== undefined ? { levels: patch.levels } : {}),
      ...(patch.ownership !== undefined ? { ownership: patch.ownership } : {}),
      ...(patch.address !== undefined
        ? { address: patch.address ? normalizeText(patch.address) : null }
        : {}),
      ...(patch.location !== undefined
        ? { latitude: patch.location?.lat ?? null, longitude: patch.location?.lon ?? null }
        : {}),
    };
    const fields = {
      code: set.code ?? unit.code,
      name: set.name ?? unit.name,
      kind: unit.kind,
      levels: set.levels ?? unit.levels,
      ownership: set.ownership !== undefined ? set.ownership : unit.ownership,
      location: patch.location,
    };
    validateUnitFields(fields);
    if (fields.code !== unit.code) await requireCodeFree(tx, fields.code, unit.id);
    const changed = changedOnly(set, unit);
    if (Object.keys(changed).length === 0) return;
    await updateUnitFields(tx, unit.id, unit.version, {
      ...changed,
      ...(changed.code !== undefined || changed.name !== undefined
        ? { search_name: unitSearchName(fields.code, fields.name) }
        : {}),
    });
  });
  return getUnit(db, scope, unitId);
}
