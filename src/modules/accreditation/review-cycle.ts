import type { Scope } from '../../core/access/scope.ts';
import { badRequest, conflict } from '../../core/errors.ts';
import { checkVersion } from '../../core/versions.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { requireCycle } from './access.ts';
import type { CycleDetail, ReviewBody } from './contract.ts';
import { getCycle } from './get-cycle.ts';
import { insertEvent, lockCycle, setCycleStatus } from './repo.ts';

/**
 * The commune or department reviews a submitted self-assessment: returns it
 * to the school with comments (it can edit again) or accepts it. A decision
 * on a version the reviewer did not see is refused (409).
 */
export async function reviewCycle(
  db: Db,
  scope: Scope,
  input: { cycleId: string; decision: 'return' | 'accept'; body: ReviewBody },
): Promise<CycleDetail> {
  await requireCycle(db, scope, input.cycleId, 'accreditation.review');
  const comment = input.body.comment.trim();
  if (input.decision === 'return' && !comment)
    throw badRequest('Hãy ghi nhận xét: trường cần biết phải hoàn thiện gì.', [
      { path: 'comment', message: 'Nhận xét khi trả lại không được để trống.' },
    ]);
  await writeTransaction(db, scope.actor, async (tx) => {
    const cycle = await lockCycle(tx, input.cycleId);
    if (cycle!.status !== 'submitted')
      throw conflict('Chỉ xem xét được hồ sơ đã nộp (hồ sơ này chưa nộp hoặc đã được xem xét).');
    checkVersion('Hồ sơ tự đánh giá', input.body.version, cycle!.version);
    await setCycleStatus(tx, input.cycleId, input.decision === 'return' ? 'returned' : 'accepted', {
      reviewed_at: new Date(),
    });
    await insertEvent(tx, {
      id: uuidv7(),
      cycle_id: input.cycleId,
      kind: input.decision === 'return' ? 'returned' : 'accepted',
      comment: comment || null,
      actor: scope.actor.name,
    });
  });
  return getCycle(db, scope, input.cycleId);
}
