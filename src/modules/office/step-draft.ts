import { badRequest, conflict, forbidden, notFound } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid, uuidv7 } from '../../lib/ids.ts';
import { actorOf, requireOfficeUnit, type Caller } from './caller.ts';
import { draftStepBody, type DraftDetail, type DraftStepBody } from './contract.ts';
import { DRAFT_STEPS } from './draft-rules.ts';
import { getDraft } from './get-draft.ts';
import { findDraft, insertDraftStep, moveDraft } from './repo.ts';

/** One step of a draft's approval (draft-rules.ts), recorded with its comment. */
export async function stepDraft(
  db: Db,
  caller: Caller,
  id: string,
  input: DraftStepBody,
): Promise<DraftDetail> {
  const body = draftStepBody.parse(input);
  const step = DRAFT_STEPS[body.action];
  const unitId = requireOfficeUnit(caller, step.permission);
  const draft = isUuid(id) ? await findDraft(db, id) : undefined;
  if (!draft || draft.unit_id !== unitId) throw notFound('dự thảo');
  const userId = 'system' in caller ? null : caller.user.id;
  if (step.drafterOnly && draft.drafter_id !== userId)
    throw forbidden('Chỉ người soạn trình dự thảo của mình.');
  if (!step.drafterOnly && draft.drafter_id !== null && draft.drafter_id === userId)
    throw forbidden('Người soạn không tự kiểm tra hay duyệt dự thảo của mình.');
  if (body.action === 'return' && !body.comment)
    throw badRequest('Trả lại dự thảo cần ghi ý kiến: sửa gì, vì sao.', [
      { path: 'body.comment', message: 'Cần ý kiến khi trả lại' },
    ]);
  const actor = actorOf(caller);
  await writeTransaction(db, actor, async (tx) => {
    const moved = await moveDraft(
      tx,
      id,
      { status: step.from, version: body.version },
      { status: step.to },
    );
    if (!moved)
      throw conflict(
        `Dự thảo không ở bước này nữa (đang "${draft.status}", phiên bản ${draft.version}): hãy tải lại.`,
      );
    await insertDraftStep(tx, {
      id: uuidv7(),
      draft_id: id,
      unit_id: unitId,
      action: body.action,
      actor_id: userId,
      actor_name: actor.name,
      comment: body.comment,
    });
  });
  return getDraft(db, caller, id);
}
