/** Entering a plan with its targets (issue #16, point 2). */
import type { Scope } from '../../core/access/scope.ts';
import { badRequest, conflict, forbidden, notFound } from '../../core/errors.ts';
import type { Actor } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid, uuidv7 } from '../../lib/ids.ts';
import type { PlanBody } from './contract.ts';
import { INDICATORS } from './definitions.ts';
import { insertPlan, planExists, unitById } from './repo.ts';

export async function createPlan(db: Db, scope: Scope, input: PlanBody): Promise<{ id: string }> {
  scope.require('indicators.write');
  if (!isUuid(input.unitId)) throw notFound('đơn vị');
  const unit = await unitById(db, input.unitId);
  if (!unit) throw notFound('đơn vị');
  if (!scope.containsPath(unit.path)) throw forbidden();
  return savePlan(db, scope.actor, input);
}

/** Also the demo's way in (no account): validates the targets, then writes. */
export async function savePlan(db: Db, actor: Actor, input: PlanBody): Promise<{ id: string }> {
  const known = new Set(INDICATORS.map((d) => d.id));
  const errors = input.targets
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => !known.has(t.indicatorId))
    .map(({ t, i }) => ({
      path: `body.targets.${i}.indicatorId`,
      message: `Không có chỉ tiêu "${t.indicatorId}".`,
    }));
  if (errors.length) throw badRequest('Kế hoạch có chỉ tiêu không có trong danh mục.', errors);
  if (await planExists(db, input.unitId, input.decision))
    throw conflict(`Đơn vị đã có kế hoạch số ${input.decision}.`);
  const id = uuidv7();
  await insertPlan(
    db,
    actor,
    {
      id,
      unitId: input.unitId,
      name: input.name,
      decision: input.decision,
      decisionDate: input.decisionDate,
    },
    input.targets,
  );
  return { id };
}
