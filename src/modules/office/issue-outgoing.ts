import { conflict, notFound } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid, uuidv7 } from '../../lib/ids.ts';
import { actorOf, requireOfficeUnit, type Caller } from './caller.ts';
import { draftBody, type OutgoingDetail } from './contract.ts';
import { getOutgoing } from './get-outgoing.ts';
import { resolveRecipients, sendOutgoing } from './register-outgoing.ts';
import {
  findDraftOfOutgoing,
  findOutgoing,
  findUnit,
  insertDraftStep,
  moveDraft,
  releaseOutgoing,
} from './repo.ts';
import { todayInVietnam } from './rules.ts';

/**
 * Issues (phát hành, Decree 30/2020 Art. 18) an outgoing document numbered
 * from a draft: its recipients are resolved now (a school opened since the
 * draft receives it too) and each sogd recipient gets its incoming copy the
 * same day. All recipients or none.
 */
export async function issueOutgoing(db: Db, caller: Caller, id: string): Promise<OutgoingDetail> {
  const unitId = requireOfficeUnit(caller, 'office.register');
  const doc = isUuid(id) ? await findOutgoing(db, id) : undefined;
  if (!doc || doc.unit_id !== unitId) throw notFound('văn bản đi');
  const draft = await findDraftOfOutgoing(db, id);
  if (!draft || draft.status !== 'numbered' || doc.status !== 'registered')
    throw conflict(`Văn bản ${doc.notation} đã phát hành, đã thu hồi hoặc không đi qua dự thảo.`);
  const unit = (await findUnit(db, unitId))!;
  const body = draftBody.parse(draft.body);
  const recipients = await resolveRecipients(db, unit, body);
  const actor = actorOf(caller);
  await writeTransaction(db, actor, async (tx) => {
    if (
      !(await moveDraft(
        tx,
        draft.id,
        { status: ['numbered'], version: draft.version },
        { status: 'issued' },
      ))
    )
      throw conflict(`Văn bản ${doc.notation} đang được phát hành.`);
    await sendOutgoing(tx, {
      id,
      notation: doc.notation,
      unitId,
      unitName: unit.name,
      date: String(doc.doc_date).slice(0, 10),
      today: todayInVietnam(),
      body,
      recipients,
    });
    await releaseOutgoing(tx, id);
    await insertDraftStep(tx, {
      id: uuidv7(),
      draft_id: draft.id,
      unit_id: unitId,
      action: 'issue',
      actor_id: 'system' in caller ? null : caller.user.id,
      actor_name: actor.name,
      comment: `${recipients.length + body.outsideRecipients.length}`,
    });
  });
  return getOutgoing(db, caller, id);
}
