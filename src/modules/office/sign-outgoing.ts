import { createHash } from 'node:crypto';
import { badRequest, conflict, notFound } from '../../core/errors.ts';
import { recordAuditEvent, writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid, uuidv7 } from '../../lib/ids.ts';
import { actorOf, requireOfficeUnit, type Caller } from './caller.ts';
import type { OutgoingDetail } from './contract.ts';
import { getOutgoing } from './get-outgoing.ts';
import { findFile, findOutgoing, insertFile, setSignedFile } from './repo.ts';
import { signPdf } from './sign-pdf.ts';
import { UnreadablePdfError } from './signing.ts';

/** Files up to 50 MB (issue #17 rules). */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

/**
 * Signs the PDF of a numbered outgoing document with the unit's certificate
 * and stores the signed file once (its SHA-256 shown with the document).
 */
export async function signOutgoing(
  db: Db,
  caller: Caller,
  id: string,
  input: {
    /** Read only after the access check: a caller outside the unit sends nothing in. */
    upload: () => Promise<{ pdf: Buffer; fileName: string }>;
    /** Asked for after the check too: a refused caller never hears the key is unconfigured. */
    passphrase: () => string;
  },
): Promise<OutgoingDetail> {
  const unitId = requireOfficeUnit(caller, 'office.sign');
  const doc = isUuid(id) ? await findOutgoing(db, id) : undefined;
  if (!doc || doc.unit_id !== unitId) throw notFound('văn bản đi');
  if (doc.status === 'withdrawn') throw conflict(`Văn bản ${doc.notation} đã thu hồi.`);
  if (doc.signed_file_id) throw conflict(`Văn bản ${doc.notation} đã được ký số.`);
  const upload = await input.upload();
  if (upload.pdf.length > MAX_DOCUMENT_BYTES) throw badRequest('Tệp lớn quá 50 MB.');
  let signed;
  try {
    signed = await signPdf(db, caller, {
      unitId,
      pdf: upload.pdf,
      passphrase: input.passphrase(),
      reason: `Ký số văn bản ${doc.notation}`,
    });
  } catch (error) {
    if (error instanceof UnreadablePdfError) throw badRequest(error.message);
    throw error;
  }
  const fileId = uuidv7();
  await writeTransaction(db, actorOf(caller), async (tx) => {
    await insertFile(tx, {
      id: fileId,
      unit_id: unitId,
      file_name: upload.fileName.replace(/\.pdf$/i, '') + '.signed.pdf',
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

/** The signed PDF of an outgoing document of the caller's unit. */
export async function signedFileOf(db: Db, caller: Caller, id: string): Promise<Buffer> {
  const unitId = requireOfficeUnit(caller, 'office.read');
  const doc = isUuid(id) ? await findOutgoing(db, id) : undefined;
  if (!doc || doc.unit_id !== unitId) throw notFound('văn bản đi');
  const file = doc.signed_file_id ? await findFile(db, doc.signed_file_id) : undefined;
  if (!file) throw notFound('bản ký số của văn bản');
  if (!('system' in caller)) {
    // The document's access log (Annex VI), as for its other files (open-attachment.ts).
    const actor = actorOf(caller);
    await recordAuditEvent(db, actor, {
      action: 'office_download',
      entityType: 'office_outgoing',
      entityId: doc.id,
      unitId,
      after: { file: file.id, sha256: file.sha256, name: 'bản ký số (PDF)' },
    });
  }
  return Buffer.from(file.bytes);
}
