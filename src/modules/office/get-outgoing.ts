import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid } from '../../lib/ids.ts';
import { recordView } from './access-log.ts';
import { requireOfficeUnit, type Caller } from './caller.ts';
import type { OutgoingDetail } from './contract.ts';
import { attachmentRowOf, iso, outgoingRowOf, recipientRowOf } from './present.ts';
import {
  attachmentsOf,
  findDraftOfOutgoing,
  findFile,
  findOutgoing,
  recipientsOf,
} from './repo.ts';

/**
 * One outgoing document of the caller's unit with each recipient's status
 * (Annex VI: the sender sees the receiver's). Another unit's document is
 * unknown to the caller (404): a unit's correspondence is its own.
 */
export async function getOutgoing(
  db: Db,
  caller: Caller,
  id: string,
  /** `view`: the caller opens the document's page, written to its access log. */
  options: { view?: boolean } = {},
): Promise<OutgoingDetail> {
  const unitId = requireOfficeUnit(caller, 'office.read');
  const doc = isUuid(id) ? await findOutgoing(db, id) : undefined;
  if (!doc || doc.unit_id !== unitId) throw notFound('văn bản đi');
  if (options.view) await recordView(db, caller, { kind: 'outgoing', id, unitId });
  const recipients = await recipientsOf(db, id);
  const signed = doc.signed_file_id ? await findFile(db, doc.signed_file_id) : undefined;
  const draft = await findDraftOfOutgoing(db, id);
  const files = await attachmentsOf(db, [id]);
  return {
    ...outgoingRowOf({
      ...doc,
      recipients: String(recipients.length),
      received: String(recipients.filter((r) => r.status !== 'sent').length),
    }),
    draftingUnit: doc.drafting_unit,
    signerName: doc.signer_name,
    registeredBy: doc.registered_by,
    createdAt: iso(doc.created_at)!,
    withdrawnAt: iso(doc.withdrawn_at),
    signedFile: signed ? { sha256: signed.sha256, size: signed.size } : null,
    recipientList: recipients.map(recipientRowOf),
    attachments: files.map(attachmentRowOf),
    draftId: draft?.id ?? null,
  };
}
