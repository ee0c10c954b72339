import type { Scope } from '../../core/access/scope.ts';
import { badRequest } from '../../core/errors.ts';
import { checkVersion } from '../../core/versions.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { requireCycle, requireEditable } from './access.ts';
import type { CriterionTextBody, CycleDetail } from './contract.ts';
import { getCycle } from './get-cycle.ts';
import { bumpCycle, lockCriterionText, lockCycle, saveCriterionText } from './repo.ts';
import { criteriaOf } from './sets/index.ts';

/**
 * Part II of the report for one criterion: description of the current state,
 * strengths, weaknesses and the improvement plan (CV 5932). Each save is a
 * new version; a save from a stale form is refused (409).
 */
export async function saveCriterionTextUseCase(
  db: Db,
  scope: Scope,
  input: { cycleId: string; text: CriterionTextBody },
): Promise<CycleDetail> {
  const { set } = await requireCycle(db, scope, input.cycleId, 'accreditation.assess');
  const t = input.text;
  const criterion = criteriaOf(set).find((c) => c.code === t.criterionCode);
  if (!criterion)
    throw badRequest(`Bộ tiêu chuẩn của đợt không có tiêu chí ${t.criterionCode}.`, [
      { path: 'criterionCode', message: 'Không có tiêu chí này.' },
    ]);
  await writeTransaction(db, scope.actor, async (tx) => {
    const cycle = await lockCycle(tx, input.cycleId);
    requireEditable(cycle!.status);
    const current = await lockCriterionText(tx, input.cycleId, t.criterionCode);
    checkVersion(`Báo cáo tiêu chí ${t.criterionCode}`, t.version, current?.version ?? 0);
    await saveCriterionText(tx, {
      cycle_id: input.cycleId,
      criterion_code: t.criterionCode,
      description: t.description.trim(),
      strengths: t.strengths.trim(),
      weaknesses: t.weaknesses.trim(),
      improvement_plan: t.improvementPlan.trim(),
      updated_by: scope.actor.name,
    });
    await bumpCycle(tx, input.cycleId);
  });
  return getCycle(db, scope, input.cycleId);
}
