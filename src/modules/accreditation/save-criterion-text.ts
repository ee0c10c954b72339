import type { Scope } from '../../core/access/scope.ts';
import { badRequest } from '../../core/errors.ts';
import { checkVersion } from '../../core/versions.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { requireCycle, requireEditable } from './access.ts';
import type { CriterionTextBody, CycleDetail } from './contract.ts';
import { getCycle } from './get-cycle.ts';
import {
  bumpCycle,
  insertTextVersion,
  lockCriterionText,
  lockCycle,
  saveCriterionText,
} from './repo.ts';
import { criteriaOf } from './sets/index.ts';

/**
 * Part II of the report for one criterion: description of the current state,
 * strengths, weaknesses and the improvement plan (CV 5932). Each save is a
 * new version, kept with who saved it (the history: text-versions.ts). The
 * form sends the version it was loaded with: a save from a stale form is
 * refused (409, naming who saved the newer version) and changes nothing, so
 * two members writing at once never overwrite each other unseen.
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
    // The cycle's lock serialises saves of the cycle, the first one of a criterion included.
    const cycle = await lockCycle(tx, input.cycleId);
    requireEditable(cycle!.status);
    const current = await lockCriterionText(tx, input.cycleId, t.criterionCode);
    const what = current
      ? `Báo cáo tiêu chí ${t.criterionCode} (phiên bản ${current.version} do ${current.updated_by} lưu)`
      : `Báo cáo tiêu chí ${t.criterionCode}`;
    checkVersion(what, t.version, current?.version ?? 0);
    const fields = {
      description: t.description.trim(),
      strengths: t.strengths.trim(),
      weaknesses: t.weaknesses.trim(),
      improvement_plan: t.improvementPlan.trim(),
    };
    await saveCriterionText(tx, {
      cycle_id: input.cycleId,
      criterion_code: t.criterionCode,
      ...fields,
      updated_by: scope.actor.name,
    });
    await insertTextVersion(tx, {
      cycle_id: input.cycleId,
      criterion_code: t.criterionCode,
      version: (current?.version ?? 0) + 1,
      ...fields,
      saved_by: scope.actor.name,
    });
    await bumpCycle(tx, input.cycleId);
  });
  return getCycle(db, scope, input.cycleId);
}
