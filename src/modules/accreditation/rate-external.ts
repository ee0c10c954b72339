import type { Scope } from '../../core/access/scope.ts';
import { badRequest, conflict } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { normalizeText } from '../../lib/vietnamese.ts';
import { requireCycle } from './access.ts';
import type { CycleDetail, ExternalRatingBody } from './contract.ts';
import { getCycle } from './get-cycle.ts';
import { saveExternalRating } from './repo.ts';
import { criteriaOf } from './sets/index.ts';

/**
 * The external review team (đánh giá ngoài) records its own level for a
 * criterion of a submitted or accepted cycle, beside the school's; the
 * answer marks the criteria where the two differ and the school's level by
 * the team's ratings.
 */
export async function rateExternal(
  db: Db,
  scope: Scope,
  input: { cycleId: string; rating: ExternalRatingBody },
): Promise<CycleDetail> {
  const { cycle, set } = await requireCycle(db, scope, input.cycleId, 'accreditation.review');
  if (cycle.status !== 'submitted' && cycle.status !== 'accepted')
    throw conflict('Đánh giá ngoài chỉ ghi cho hồ sơ đã nộp hoặc đã được chấp nhận.');
  const { criterionCode, level } = input.rating;
  const errors = [];
  if (!criteriaOf(set).some((c) => c.code === criterionCode))
    errors.push({
      path: 'criterionCode',
      message: `Bộ tiêu chuẩn không có tiêu chí ${criterionCode}.`,
    });
  if (level > set.criterionLevels)
    errors.push({
      path: 'level',
      message: `Mức của tiêu chí là từ 0 (chưa đạt Mức 1) đến ${set.criterionLevels}.`,
    });
  if (errors.length) throw badRequest('Đánh giá ngoài chưa hợp lệ.', errors);
  await writeTransaction(db, scope.actor, (tx) =>
    saveExternalRating(tx, {
      cycle_id: cycle.id,
      criterion_code: criterionCode,
      level,
      comment: normalizeText(input.rating.comment),
      rated_by: scope.actor.name,
    }),
  );
  return getCycle(db, scope, cycle.id);
}
