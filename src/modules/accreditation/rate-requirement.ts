import type { Scope } from '../../core/access/scope.ts';
import { badRequest } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { normalizeText } from '../../lib/vietnamese.ts';
import { requireCycle, requireEditable } from './access.ts';
import type { CycleDetail, RatingBody } from './contract.ts';
import { getCycle } from './get-cycle.ts';
import { bumpCycle, evidenceByCodes, lockCycle, saveRating } from './repo.ts';
import { citedCodes } from './rules.ts';
import { criteriaOf } from './sets/index.ts';

/**
 * A council member rates one requirement met or not met, with the
 * justification citing evidence codes (CV 5932: every claim needs a mã minh
 * chứng). A requirement rated met must cite at least one evidence of the
 * cycle; every code cited must exist. The answer carries the criterion's and
 * the school's levels recomputed.
 */
export async function rateRequirement(
  db: Db,
  scope: Scope,
  input: { cycleId: string; rating: RatingBody },
): Promise<CycleDetail> {
  const { campaign, set } = await requireCycle(db, scope, input.cycleId, 'accreditation.assess');
  const { requirementCode, met } = input.rating;
  const requirement = criteriaOf(set)
    .flatMap((c) => c.levels.flat())
    .find((r) => r.code === requirementCode);
  if (!requirement)
    throw badRequest(`Bộ tiêu chuẩn của đợt không có yêu cầu ${requirementCode}.`, [
      { path: 'requirementCode', message: 'Không có yêu cầu này trong bộ tiêu chuẩn.' },
    ]);
  const { justification, evidenceIds } = await checkJustification(
    db,
    input.cycleId,
    campaign.evidence_format,
    met,
    input.rating.justification,
  );
  await writeTransaction(db, scope.actor, async (tx) => {
    const cycle = await lockCycle(tx, input.cycleId);
    requireEditable(cycle!.status);
    await saveRating(
      tx,
      {
        cycle_id: input.cycleId,
        requirement_code: requirementCode,
        met,
        justification,
        updated_by: scope.actor.name,
      },
      evidenceIds,
    );
    await bumpCycle(tx, input.cycleId);
  });
  return getCycle(db, scope, input.cycleId);
}

/**
 * A rating's justification: every evidence code it cites exists in the cycle,
 * "met" cites at least one, and it is not empty (for requirements and for
 * Mức 4 criteria alike).
 */
export async function checkJustification(
  db: Db,
  cycleId: string,
  format: string,
  met: boolean,
  text: string,
): Promise<{ justification: string; evidenceIds: string[] }> {
  const justification = text.trim();
  const codes = citedCodes(format, justification);
  const found = await evidenceByCodes(db, cycleId, codes);
  const missing = codes.filter((c) => !found.some((f) => f.code === c));
  if (missing.length)
    throw badRequest(`Minh chứng ${missing.join(', ')} chưa có trong hồ sơ của trường.`, [
      {
        path: 'justification',
        message: `Chưa có minh chứng mã ${missing.join(', ')}: hãy thêm minh chứng trước hoặc sửa mã.`,
      },
    ]);
  if (met && codes.length === 0)
    throw badRequest('Yêu cầu được đánh giá "Đạt" phải dẫn ít nhất một mã minh chứng.', [
      {
        path: 'justification',
        message: `Hãy ghi mã minh chứng theo mẫu ${format} trong phần lý giải.`,
      },
    ]);
  if (!normalizeText(justification))
    throw badRequest('Hãy ghi lý giải cho đánh giá.', [
      { path: 'justification', message: 'Lý giải không được để trống.' },
    ]);
  return { justification, evidenceIds: found.map((f) => f.id) };
}
