import type { ReadStream } from 'node:fs';
import { notFound } from '../../core/errors.ts';
import type { FileStore } from '../../core/files/store.ts';
import { recordAuditEvent } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid } from '../../lib/ids.ts';
import { actorOf, requireOfficeUnit, type Caller } from './caller.ts';
import { findAttachment, findOutgoing, receivedCopy } from './repo.ts';

/**
 * A document's file for download: the caller's own unit's, or an outgoing
 * document's that reached the caller's unit through sogd (not a draft's,
 * not a withdrawn one's). Anything else is unknown (404). Each download is
 * written to the audit log: the document's access log (Decree 30 Annex VI).
 */
export async function openAttachment(
  db: Db,
  caller: Caller,
  files: FileStore,
  id: string,
): Promise<{ stream: ReadStream; fileName: string; mediaType: string; sha256: string }> {
  const unitId = requireOfficeUnit(caller, 'office.read');
  const file = isUuid(id) ? await findAttachment(db, id) : undefined;
  if (!file) throw notFound('tệp');
  if (file.unit_id !== unitId) {
    const doc = file.document_kind === 'outgoing' ? await findOutgoing(db, file.document_id) : null;
    const copy = doc && doc.status !== 'withdrawn' && (await receivedCopy(db, doc.id, unitId));
    if (!copy) throw notFound('tệp');
  }
  const stream = await files.open(file.sha256);
  const actor = actorOf(caller);
  await recordAuditEvent(db, actor, {
    action: 'office_download',
    entityType: `office_${file.document_kind}`,
    entityId: file.document_id,
    unitId,
    after: { file: file.id, sha256: file.sha256, name: file.file_name },
  });
  return {
    stream,
    fileName: file.file_name,
    mediaType: file.media_type,
    sha256: file.sha256,
  };
}
