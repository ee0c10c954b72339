import { createHash } from 'node:crypto';
import { conflict, notFound } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid, uuidv7 } from '../../lib/ids.ts';
import { annexPdf } from './annex-layout.ts';
import { actorOf, requireOfficeUnit, type Caller } from './caller.ts';
import { annexLayoutOf } from './compose-outgoing.ts';
import type { ComposeBody, OutgoingDetail } from './contract.ts';
import { getOutgoing } from './get-outgoing.ts';
import { findOutgoing, findUnit, insertFile, setSignedFile } from './repo.ts';
import { signPdf } from './sign-pdf.ts';

/**
 * Lays out a numbered outgoing document as Decree 30/2020 Annex I with the
 * images of its digital signatures — the signer's signature, blue, between
 * the title and the name; the unit's red seal over a third of it; the unit,
 * the signer and the signing time in ISO 8601 (annex-layout.ts) — and signs
 * that PDF at once with the unit's certificate (PAdES), at the very time it
 * shows. The signed file is stored once, as an uploaded one signed is.
 */
export async function signComposedOutgoing(
  db: Db,
  caller: Caller,
  id: string,
  input: ComposeBody & {
    /** Asked for after the checks: a refused caller never hears the key is unconfigured. */
    passphrase: () => string;
  },
): Promise<OutgoingDetail> {
  const unitId = requireOfficeUnit(caller, 'office.sign');
  const doc = isUuid(id) ? await findOutgoing(db, id) : undefined;
  if (!doc || doc.unit_id !== unitId) throw notFound('văn bản đi');
  if (doc.status === 'withdrawn') throw conflict(`Văn bản ${doc.notation} đã thu hồi.`);
  if (doc.signed_file_id) throw conflict(`Văn bản ${doc.notation} đã được ký số.`);
  const { passphrase, ...body } = input;
  const layout = await annexLayoutOf(db, unitId, doc, body);
  const unit = (await findUnit(db, unitId))!;
  // Whole seconds: the dictionary's /M and the printed time are then the same instant.
  const signingTime = new Date(Math.floor(Date.now() / 1000) * 1000);
  const pdf = await annexPdf({
    ...layout,
    signature: {
      signerName: layout.signerName || unit.name,
      organisation: unit.name,
      signedAt: signingTime,
    },
  });
  const signed = await signPdf(db, caller, {
    unitId,
    pdf,
    passphrase: passphrase(),
    reason: `Ký số văn bản ${doc.notation}`,
    signingTime,
  });
  const fileId = uuidv7();
  await writeTransaction(db, actorOf(caller), async (tx) => {
    await insertFile(tx, {
      id: fileId,
      unit_id: unitId,
      file_name: `${doc.notation.replace(/[^\p{L}\p{N}-]+/gu, '-')}.signed.pdf`,
      media_type: 'application/pdf',
      size: signed.pdf.length,
      sha256: createHash('sha256').update(signed.pdf).digest('hex'),
      bytes: signed.pdf,
    });
    // Two signings at once: the first stays, the second writes nothing (409).
    if (!(await setSignedFile(tx, id, fileId)))
      throw conflict(`Văn bản ${doc.notation} đã được ký số.`);
  });
  return getOutgoing(db, caller, id);
}
