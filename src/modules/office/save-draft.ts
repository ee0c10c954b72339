import { badRequest, conflict, forbidden, notFound } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid, uuidv7 } from '../../lib/ids.ts';
import { actorOf, requireOfficeUnit, type Caller } from './caller.ts';
import { draftBody, type DraftBody, type DraftDetail } from './contract.ts';
import { getDraft } from './get-draft.ts';
import { findDraft, findUnit, insertDraft, insertDraftStep, moveDraft } from './repo.ts';
import { resolveRecipients } from './register-outgoing.ts';

/**
 * Writes a draft of an outgoing document (new, or the drafter's own while
 * it is being written or after it was returned): what will be registered,
 * with its recipients checked now so that a recipient outside the tree is
 * refused before anyone approves.
 */
export async function saveDraft(
  db: Db,
  caller: Caller,
  input: DraftBody,
  existing?: { id: string; version: number },
): Promise<DraftDetail> {
  const unitId = requireOfficeUnit(caller, 'office.handle');
  const parsed = draftBody.safeParse(input);
  if (!parsed.success)
    throw badRequest(
      parsed.error.issues.map((i) => i.message).join('; '),
      parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
    );
  const unit = await findUnit(db, unitId);
  if (!unit) throw notFound('đơn vị');
  await resolveRecipients(db, unit, parsed.data);
  const actor = actorOf(caller);
  const userId = 'system' in caller ? null : caller.user.id;
  if (existing) {
    const draft = isUuid(existing.id) ? await findDraft(db, existing.id) : undefined;
    if (!draft || draft.unit_id !== unitId) throw notFound('dự thảo');
    if (draft.drafter_id !== userId) throw forbidden('Chỉ người soạn được sửa dự thảo.');
    await writeTransaction(db, actor, async (tx) => {
      const moved = await moveDraft(
        tx,
        draft.id,
        { status: ['draft', 'returned'], version: existing.version },
        { status: draft.status, body: parsed.data },
      );
      if (!moved)
        throw conflict('Dự thảo đã thay đổi hoặc đang trình duyệt: hãy tải lại trước khi sửa.');
    });
    return getDraft(db, caller, draft.id);
  }
  const id = uuidv7();
  await writeTransaction(db, actor, async (tx) => {
    await insertDraft(tx, {
      id,
      unit_id: unitId,
      body: JSON.stringify(parsed.data),
      drafter_id: userId,
      drafter_name: actor.name,
      outgoing_id: null,
    });
    await insertDraftStep(tx, {
      id: uuidv7(),
      draft_id: id,
      unit_id: unitId,
      action: 'create',
      actor_id: userId,
      actor_name: actor.name,
      comment: '',
    });
  });
  return getDraft(db, caller, id);
}
