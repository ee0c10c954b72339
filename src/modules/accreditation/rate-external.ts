import type { Scope } from '../../core/access/scope.ts';
import { badRequest, conflict } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { normalizeText } from '../../lib/vietnamese.ts';
import { requireCycle } from './access.ts';
import type { CycleDetail, ExternalLevelFourBody, ExternalRatingBody } from './contract.ts';
import { getCycle } from './get-cycle.ts';
import { levelFourOf } from './level-four-list.ts';
import { saveExternalLevelFour, saveExternalRating } from './repo.ts';
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

/**
 * The external team's met / not met for one Mức 4 criterion (TT 17/18/19-2018:
 * Mức 4 is a separate list, see level-four.ts), beside the school's rating.
 * Its conclusion (externalEvaluation) reaches Mức 4 when its criterion levels
 * give Mức 3 and it rates every Mức 4 criterion met — the same rule as the
 * school's, not checked against the circulars. The team may rate before its
 * criterion levels reach Mức 3 (it rates in any order); the rule counts them
 * only at Mức 3.
 */
export async function rateExternalLevelFour(
  db: Db,
  scope: Scope,
  input: { cycleId: string; rating: ExternalLevelFourBody },
): Promise<CycleDetail> {
  const { cycle, set } = await requireCycle(db, scope, input.cycleId, 'accreditation.review');
  if (cycle.status !== 'submitted' && cycle.status !== 'accepted')
    throw conflict('Đánh giá ngoài chỉ ghi cho hồ sơ đã nộp hoặc đã được chấp nhận.');
  const four = await levelFourOf(db, set);
  if (!four)
    throw badRequest(`Bộ tiêu chuẩn của đợt không có tiêu chí Mức 4 riêng.`, [
      { path: 'code', message: 'Chỉ các bộ TT 17, 18, 19/2018 có danh sách Mức 4.' },
    ]);
  const criterion = four.criteria.find((c) => c.code === input.rating.code);
  if (!criterion)
    throw badRequest(`Danh sách Mức 4 không có tiêu chí ${input.rating.code}.`, [
      { path: 'code', message: `Cần một mã trong ${four.criteria.map((c) => c.code).join(', ')}.` },
    ]);
  if (criterion.text === null)
    throw conflict(
      `Sở chưa nhập nội dung các tiêu chí Mức ${four.level} từ văn bản gốc: chưa đánh giá được.`,
    );
  await writeTransaction(db, scope.actor, (tx) =>
    saveExternalLevelFour(tx, {
      cycle_id: cycle.id,
      code: criterion.code,
      met: input.rating.met,
      comment: normalizeText(input.rating.comment),
      rated_by: scope.actor.name,
    }),
  );
  return getCycle(db, scope, cycle.id);
}
