import { badRequest, notFound } from '../../core/errors.ts';
import type { FileStore, StoredFile } from '../../core/files/store.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid, uuidv7 } from '../../lib/ids.ts';
import { searchKey } from '../../lib/vietnamese.ts';
import { actorOf, requireOfficeUnit, type Caller } from './caller.ts';
import { registerIncomingBody, type ImportedIncoming } from './contract.ts';
import { BadDocumentFileError, MAX_DOCUMENT_BYTES, readDocumentFile } from './document-files.ts';
import { BadEdxmlError, buildEdxml, parseEdxml, type EdxmlAttachment } from './edxml.ts';
import { documentTypesOn, LETTER_TYPE, URGENCIES } from './labels.ts';
import { insertRegisteredIncoming } from './register-incoming.ts';
import {
  attachmentsOf,
  findFile,
  findOutgoing,
  findUnit,
  insertAttachment,
  recipientsOf,
  unitsByIds,
} from './repo.ts';
import { recordSignatureCheck, verifyStoredPdf } from './signing/check-file.ts';
import { todayInVietnam } from './rules.ts';

/** A package carries files of up to 50 MB each, base64 (a third more), and its header. */
export const MAX_EDXML_BYTES = Math.ceil((MAX_DOCUMENT_BYTES * 4) / 3) * 3 + 1024 * 1024;

async function readAll(files: FileStore, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await files.open(sha256)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * An outgoing document of the caller's unit as an edXML package (issue #17
 * item 8, for the provincial integration platform): sender, recipients,
 * number and notation, date, type, subject, signer, urgency, and its files
 * — the signed PDF first when it has one — base64 inside.
 */
export async function exportOutgoingEdxml(
  db: Db,
  caller: Caller,
  files: FileStore,
  id: string,
): Promise<{ xml: string; fileName: string }> {
  const unitId = requireOfficeUnit(caller, 'office.read');
  const doc = isUuid(id) ? await findOutgoing(db, id) : undefined;
  if (!doc || doc.unit_id !== unitId) throw notFound('văn bản đi');
  const unit = (await findUnit(db, unitId))!;
  const [parent] = unit.parent_id ? await unitsByIds(db, [unit.parent_id]) : [];
  const recipients = await recipientsOf(db, id);
  const attachments: EdxmlAttachment[] = [];
  const signed = doc.signed_file_id ? await findFile(db, doc.signed_file_id) : undefined;
  if (signed)
    attachments.push({
      name: signed.file_name,
      contentType: 'application/pdf',
      bytes: Buffer.from(signed.bytes),
    });
  for (const a of await attachmentsOf(db, [id]))
    attachments.push({
      name: a.file_name,
      contentType: a.media_type,
      bytes: await readAll(files, a.sha256),
    });
  const date = String(doc.doc_date).slice(0, 10);
  const slash = doc.notation.indexOf('/');
  const xml = buildEdxml({
    documentId: doc.id,
    from: { organId: unit.code, organName: unit.name, organizationInCharge: parent?.name ?? null },
    to: recipients.map((r) => ({
      organId: r.code ?? null,
      organName: r.name ?? r.outside_name ?? '',
      organizationInCharge: null,
    })),
    codeNumber: doc.notation.slice(0, slash),
    codeNotation: doc.notation.slice(slash + 1),
    place: null,
    promulgationDate: date,
    type: doc.doc_type,
    typeName: documentTypesOn(date)[doc.doc_type]?.vi ?? null,
    subject: doc.subject,
    signer: { fullName: doc.signer_name, position: null, competence: null },
    priority: Math.max(0, URGENCIES.indexOf(doc.urgency as (typeof URGENCIES)[number])),
    timestamp: new Date(),
    attachments,
  });
  return { xml, fileName: `${doc.notation.replace(/[^\p{L}\p{N}-]+/gu, '-')}.edxml` };
}

/** The document type of a package: sogd's abbreviation, else the type's name (Annex III). */
function typeOf(
  date: string,
  type: string | null,
  typeName: string | null,
  codeNotation: string,
): string {
  const table = documentTypesOn(date);
  if (type && table[type]) return type;
  const byName = typeName
    ? Object.entries(table).find(([, t]) => searchKey(t.vi) === searchKey(typeName))
    : undefined;
  if (byName) return byName[0];
  // "QĐ-UBND": the notation starts with the type's abbreviation; a letter's has none.
  const head = codeNotation.split('-')[0] ?? '';
  if (table[head]) return head;
  if (!type && !typeName) return LETTER_TYPE;
  throw new BadEdxmlError(
    `Không nhận ra loại văn bản "${typeName ?? type}" của gói tin (<DocumentType>): cần tên loại hoặc chữ viết tắt theo Phụ lục III Nghị định 30/2020 (ví dụ "Quyết định", QĐ).`,
  );
}

/**
 * The clerk registers an incoming document from an edXML package (Art. 22):
 * the sender, notation, date, type, subject and urgency from its header,
 * the next arrival number, channel "edxml", and its files — each checked as
 * an upload is (PDF whole and without a password, DOCX a Word document, PNG
 * or JPEG), a PDF's signatures verified — all in one transaction: a bad
 * package or file registers nothing. A package addressed (To) only to
 * others than the caller's unit is refused; the same notation from the same
 * sender twice in a year is refused (409), as for paper.
 */
export async function importIncomingEdxml(
  db: Db,
  caller: Caller,
  files: FileStore,
  input: { unitId?: string; xml: Buffer },
): Promise<ImportedIncoming> {
  const unitId = requireOfficeUnit(caller, 'office.register', input.unitId);
  const unit = await findUnit(db, unitId);
  if (!unit) throw notFound('đơn vị');
  let pkg;
  try {
    pkg = parseEdxml(input.xml.toString('utf8'), { maxBytes: MAX_DOCUMENT_BYTES });
    if (
      pkg.to.length > 0 &&
      !pkg.to.some(
        (t) =>
          (t.organId && t.organId === unit.code) || searchKey(t.organName) === searchKey(unit.name),
      )
    )
      throw new BadEdxmlError(
        `Gói tin gửi cho ${pkg.to.map((t) => t.organName || t.organId).join(', ')}, không phải ${unit.name}.`,
      );
  } catch (error) {
    if (error instanceof BadEdxmlError) throw badRequest(error.message);
    throw error;
  }
  const notation = `${pkg.codeNumber}/${pkg.codeNotation}`;
  let type;
  try {
    type = typeOf(pkg.promulgationDate, pkg.type, pkg.typeName, pkg.codeNotation);
  } catch (error) {
    if (error instanceof BadEdxmlError) throw badRequest(error.message);
    throw error;
  }
  const parsed = registerIncomingBody.safeParse({
    senderName: pkg.from.organName,
    notation,
    type,
    date: pkg.promulgationDate,
    subject: pkg.subject,
    urgency: URGENCIES[pkg.priority] ?? 'normal',
  });
  if (!parsed.success)
    throw badRequest(
      `Gói tin edXML: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
      parsed.error.issues.map((i) => ({ path: `edxml.${i.path.join('.')}`, message: i.message })),
    );
  const today = todayInVietnam();
  if (parsed.data.date > today)
    throw badRequest(`Ngày ban hành ${parsed.data.date} của gói tin ở tương lai.`, [
      { path: 'edxml.PromulgationDate', message: 'Ngày ở tương lai' },
    ]);

  // Files: into the store (content-addressed, harmless if refused later), checked by their bytes.
  const stored: {
    file: StoredFile;
    name: string;
    content: { mediaType: string; text: string };
    signatures: Awaited<ReturnType<typeof verifyStoredPdf>> | null;
  }[] = [];
  for (const a of pkg.attachments) {
    const file = await files.put(a.bytes, { maxBytes: MAX_DOCUMENT_BYTES });
    let content;
    try {
      content = await readDocumentFile(files, file, a.name);
    } catch (error) {
      if (error instanceof BadDocumentFileError)
        throw badRequest(`Gói tin edXML, tệp ${a.name}: ${error.message}`);
      throw error;
    }
    const signatures =
      content.mediaType === 'application/pdf'
        ? await verifyStoredPdf(db, files, file.sha256)
        : null;
    stored.push({ file, name: a.name, content, signatures });
  }
  const actor = actorOf(caller);
  const year = Number(today.slice(0, 4));
  return writeTransaction(db, actor, async (tx) => {
    const registered = await insertRegisteredIncoming(tx, {
      unitId,
      year,
      body: parsed.data,
      channel: 'edxml',
      by: actor.name,
    });
    for (const s of stored) {
      const attachmentId = uuidv7();
      await insertAttachment(tx, {
        id: attachmentId,
        unit_id: unitId,
        document_kind: 'incoming',
        document_id: registered.id,
        file_name: s.name,
        media_type: s.content.mediaType,
        size: s.file.size,
        sha256: s.file.sha256,
        text_key: searchKey(s.content.text.slice(0, 1_000_000)),
        uploaded_by: actor.name,
      });
      if (s.signatures)
        await recordSignatureCheck(
          tx,
          { attachmentId, unitId, documentId: registered.id },
          s.signatures,
        );
    }
    return { ...registered, files: stored.length };
  });
}
