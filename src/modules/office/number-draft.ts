import { conflict, notFound } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid, uuidv7 } from '../../lib/ids.ts';
import { actorOf, requireOfficeUnit, type Caller } from './caller.ts';
import { draftBody, type OutgoingDetail } from './contract.ts';
import { getOutgoing } from './get-outgoing.ts';
import { abbreviationOf, writeOutgoing } from './register-outgoing.ts';
import { copyAttachments, findDraft, findUnit, insertDraftStep, moveDraft } from './repo.ts';
import { todayInVietnam } from './rules.ts';

/**
 * The clerk gives an approved draft its number and registers it (Decree
 * 30/2020 Art. 15–16), dated today; its files go with it. It is not sent yet:
 * it is signed, then issued (issue-outgoing.ts, Art. 18).
 */
export async function numberDraft(
  db: Db,
  caller: Caller,
  id: string,
  version: number,
): Promise<OutgoingDetail> {
  const unitId = requireOfficeUnit(caller, 'office.register');
  const draft = isUuid(id) ? await findDraft(db, id) : undefined;
  if (!draft || draft.unit_id !== unitId) throw notFound('dự thảo');
  if (draft.status !== 'approved') throw conflict('Chỉ cấp số cho dự thảo đã được lãnh đạo duyệt.');
  const unit = (await findUnit(db, unitId))!;
  const abbreviation = abbreviationOf(unit);
  const body = draftBody.parse(draft.body);
  const today = todayInVietnam();
  const actor = actorOf(caller);
  const outgoing = await writeTransaction(db, actor, async (tx) => {
    const registered = await writeOutgoing(tx, {
      unitId,
      unitName: unit.name,
      abbreviation,
      registeredBy: actor.name,
      date: today,
      today,
      body: { ...body, date: today, outsideRecipients: [] },
      recipients: [],
    });
    if (
      !(await moveDraft(
        tx,
        id,
        { status: ['approved'], version },
        { status: 'numbered', outgoingId: registered.id },
      ))
    )
      throw conflict('Dự thảo đã thay đổi hoặc đã được cấp số: hãy tải lại.');
    await copyAttachments(tx, id, { kind: 'outgoing', id: registered.id }, uuidv7);
    await insertDraftStep(tx, {
      id: uuidv7(),
      draft_id: id,
      unit_id: unitId,
      action: 'number',
      actor_id: 'system' in caller ? null : caller.user.id,
      actor_name: actor.name,
      comment: registered.notation,
    });
    return registered;
  });
  return getOutgoing(db, caller, outgoing.id);
}
