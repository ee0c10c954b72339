import { badRequest, conflict, notFound } from '../../core/errors.ts';
import type { FileStore } from '../../core/files/store.ts';
import type { ReceivedUpload } from '../../core/files/upload.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid, uuidv7 } from '../../lib/ids.ts';
import { searchKey } from '../../lib/vietnamese.ts';
import { actorOf, requireOfficeUnit, type Caller } from './caller.ts';
import type { AttachmentRow } from './contract.ts';
import { BadDocumentFileError, readDocumentFile } from './document-files.ts';
import { attachmentRowOf } from './present.ts';
import { attachmentsOf, findDraft, findIncoming, findOutgoing, insertAttachment } from './repo.ts';
import { recordSignatureCheck, verifyStoredPdf } from './signing/check-file.ts';

/** The search keeps the first million characters of a file's text. */
const MAX_TEXT = 1_000_000;

export type DocumentKind = 'incoming' | 'outgoing' | 'draft';

/**
 * Adds a file to a document of the caller's unit: the scan of an incoming
 * document, a draft's DOCX or PDF, the final version of an outgoing one.
 * The file is checked by its bytes (PDF whole and without a password, DOCX a
 * Word document), stored once in the file store by SHA-256 and never changed;
 * its text is kept for the full-text search. The clerk attaches to the
 * registers; on a draft, its drafter too while it is being written.
 */
export async function attachFile(
  db: Db,
  caller: Caller,
  files: FileStore,
  target: { kind: DocumentKind; id: string; unitId?: string },
  /** Read only after the access check: a refused caller sends nothing to the store. */
  upload: () => Promise<ReceivedUpload>,
): Promise<AttachmentRow> {
  const userId = 'system' in caller ? null : caller.user.id;
  const isDrafter = async () => {
    const d = isUuid(target.id) ? await findDraft(db, target.id) : undefined;
    return d && d.drafter_id === userId;
  };
  const permission =
    target.kind === 'draft' && (await isDrafter()) ? 'office.handle' : 'office.register';
  const unitId = requireOfficeUnit(caller, permission, target.unitId);
  const doc = isUuid(target.id)
    ? target.kind === 'incoming'
      ? await findIncoming(db, target.id)
      : target.kind === 'outgoing'
        ? await findOutgoing(db, target.id)
        : await findDraft(db, target.id)
    : undefined;
  if (!doc || doc.unit_id !== unitId) throw notFound('văn bản');
  if (doc.status === 'withdrawn') throw conflict('Văn bản đã thu hồi: không thêm tệp.');
  if (target.kind === 'draft' && !['draft', 'returned'].includes(doc.status))
    throw conflict('Dự thảo đang trình duyệt hoặc đã duyệt: chỉ thêm tệp khi đang soạn.');

  const received = await upload();
  let content;
  try {
    content = await readDocumentFile(files, received, received.fileName);
  } catch (error) {
    if (error instanceof BadDocumentFileError) throw badRequest(error.message);
    throw error;
  }
  // An incoming PDF's signatures are verified as it arrives and kept with
  // the document (issue #17 item 5; signing/verify-signature.ts).
  const signatures =
    target.kind === 'incoming' && content.mediaType === 'application/pdf'
      ? await verifyStoredPdf(db, files, received.sha256)
      : null;
  const id = uuidv7();
  const actor = actorOf(caller);
  await writeTransaction(db, actor, async (tx) => {
    await insertAttachment(tx, {
      id,
      unit_id: unitId,
      document_kind: target.kind,
      document_id: target.id,
      file_name: received.fileName.slice(0, 255) || 'tep',
      media_type: content.mediaType,
      size: received.size,
      sha256: received.sha256,
      text_key: searchKey(content.text.slice(0, MAX_TEXT)),
      uploaded_by: actor.name,
    });
    if (signatures)
      await recordSignatureCheck(
        tx,
        { attachmentId: id, unitId, documentId: target.id },
        signatures,
      );
  });
  const [row] = (await attachmentsOf(db, [target.id])).filter((a) => a.id === id);
  return attachmentRowOf(row!);
}
