import { notFound } from '../../core/errors.ts';
import { systemActor, writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid } from '../../lib/ids.ts';
import { recordView } from './access-log.ts';
import { requireOfficeUnit, type Caller } from './caller.ts';
import type { IncomingDetail } from './contract.ts';
import { assignmentsOf } from './list-assignments.ts';
import { attachmentRowOf, incomingRowOf } from './present.ts';
import {
  advanceRecipient,
  attachmentsOf,
  findIncoming,
  findOutgoing,
  recipientStatusOf,
  unitsByIds,
} from './repo.ts';
import { todayInVietnam } from './rules.ts';
import { signatureChecksOfDocuments } from './signing/check-file.ts';

/**
 * One incoming document of the caller's unit with the leader's instructions.
 * A member opening a copy received through sogd tells the sender it was
 * opened (Annex VI: the sender sees the receiver's status).
 */
export async function getIncoming(
  db: Db,
  caller: Caller,
  id: string,
  /** `view`: the caller opens the document's page, written to its access log. */
  options: { view?: boolean } = {},
): Promise<IncomingDetail> {
  const unitId = requireOfficeUnit(caller, 'office.read');
  const doc = isUuid(id) ? await findIncoming(db, id) : undefined;
  if (!doc || doc.unit_id !== unitId) throw notFound('văn bản đến');
  if (options.view) await recordView(db, caller, { kind: 'incoming', id, unitId });
  const { items } = await assignmentsOf(db, { unitId, incomingId: id });
  const open = items.filter((a) => a.status === 'open').map((a) => a.deadline);
  const deadline = open.length ? open.sort()[0]! : null;
  if (doc.outgoing_id && !('system' in caller)) {
    const recipient = await recipientStatusOf(db, id);
    if (recipient && (recipient.status === 'sent' || recipient.status === 'received'))
      await writeTransaction(db, systemActor('ghi nhận đã xem văn bản'), (tx) =>
        advanceRecipient(tx, id, 'opened'),
      );
  }
  // A copy received through sogd shows the sender's files too, unless it was recalled.
  const original = doc.outgoing_id ? await findOutgoing(db, doc.outgoing_id) : undefined;
  const files = await attachmentsOf(db, [
    id,
    ...(original && original.status !== 'withdrawn' ? [original.id] : []),
  ]);
  const [sender] = doc.sender_unit_id ? await unitsByIds(db, [doc.sender_unit_id]) : [];
  return {
    ...incomingRowOf({ ...doc, deadline }, todayInVietnam()),
    registeredBy: doc.registered_by,
    senderUnit: sender ? { id: sender.id, code: sender.code, name: sender.name } : null,
    assignments: items,
    attachments: files.map(attachmentRowOf),
    signatureChecks: await signatureChecksOfDocuments(db, [id]),
  };
}
