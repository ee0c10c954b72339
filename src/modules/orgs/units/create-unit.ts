import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { badRequest } from '../../../core/errors.ts';
import { uuidv7 } from '../../../lib/ids.ts';
import { normalizeText } from '../../../lib/vietnamese.ts';
import type { NewUnit, UnitDetail } from '../contract.ts';
import { getUnit } from './get-unit.ts';
import { insertUnit } from './repo.ts';
import { requireCodeFree } from './require-code-free.ts';
import { unitSearchName, validateUnitFields } from './rules.ts';

export async function createUnit(db: Db, scope: Scope, input: NewUnit): Promise<UnitDetail> {
  const parent = await scope.requireUnit(db, input.parentId, 'org.structure');
  const fields = {
    code: input.code.trim(),
    name: normalizeText(input.name),
    kind: input.kind,
    levels: input.levels ?? [],
    ownership: input.ownership ?? null,
  };
  const location = input.location ?? null;
  validateUnitFields({ ...fields, location });
  if (!parent.active) throw badRequest('Không thể thêm đơn vị vào đơn vị đã ngừng hoạt động.');
  const id = uuidv7();
  await writeTransaction(db, scope.actor, async (tx) => {
    await requireCodeFree(tx, fields.code);
    await insertUnit(tx, {
      id,
      ...fields,
      search_name: unitSearchName(fields.code, fields.name),
      parent_id: parent.id,
      path: `${parent.path}${id}/`,
      depth: parent.depth + 1,
      address: input.address ? normalizeText(input.address) : null,
      latitude: location?.lat ?? null,
      longitude: location?.lon ?? null,
      merged_into_id: null,
    });
  });
  return getUnit(db, scope, id);
}
