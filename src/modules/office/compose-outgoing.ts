import { badRequest, conflict, notFound } from '../../core/errors.ts';
import type { FileStore } from '../../core/files/store.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid, uuidv7 } from '../../lib/ids.ts';
import { searchKey } from '../../lib/vietnamese.ts';
import { annexDocx, annexPdf, type AnnexDocument } from './annex-layout.ts';
import { actorOf, requireOfficeUnit, type Caller } from './caller.ts';
import { composeBody, type AttachmentList, type ComposeBody } from './contract.ts';
import { DOCX, MAX_DOCUMENT_BYTES } from './document-files.ts';
import { documentTypesOn } from './labels.ts';
import { attachmentRowOf } from './present.ts';
import {
  attachmentsOf,
  findOutgoing,
  findUnit,
  insertAttachment,
  recipientsOf,
  unitsByIds,
} from './repo.ts';

/**
 * Lays out a numbered outgoing document from its text in the Annex I layout
 * of Decree 30/2020 (annex-layout.ts) and adds the DOCX and the PDF to its
 * files, stored once like an upload. "Nơi nhận" lists its recipients and
 * ends with "Lưu: VT" and the drafting unit (Annex I §II.9).
 */
export async function composeOutgoing(
  db: Db,
  caller: Caller,
  files: FileStore,
  id: string,
  input: ComposeBody,
): Promise<AttachmentList> {
  const unitId = requireOfficeUnit(caller, 'office.register');
  const doc = isUuid(id) ? await findOutgoing(db, id) : undefined;
  if (!doc || doc.unit_id !== unitId) throw notFound('văn bản đi');
  if (doc.status === 'withdrawn') throw conflict(`Văn bản ${doc.notation} đã thu hồi.`);
  const layout = await annexLayoutOf(db, unitId, doc, input);
  const [docx, pdf] = await Promise.all([annexDocx(layout), annexPdf(layout)]);
  const base = doc.notation.replace(/[^\p{L}\p{N}-]+/gu, '-');
  const actor = actorOf(caller);
  const stored: { sha256: string; size: number; name: string; type: string }[] = [];
  for (const [bytes, name, type] of [
    [docx, `${base}.docx`, DOCX],
    [pdf, `${base}.pdf`, 'application/pdf'],
  ] as const)
    stored.push({ ...(await files.put(bytes, { maxBytes: MAX_DOCUMENT_BYTES })), name, type });
  const ids: string[] = [];
  await writeTransaction(db, actor, async (tx) => {
    for (const s of stored) {
      const fileId = uuidv7();
      ids.push(fileId);
      await insertAttachment(tx, {
        id: fileId,
        unit_id: unitId,
        document_kind: 'outgoing',
        document_id: id,
        file_name: s.name,
        media_type: s.type,
        size: s.size,
        sha256: s.sha256,
        text_key: searchKey(`${doc.subject} ${layout.body}`),
        uploaded_by: actor.name,
      });
    }
  });
  const rows = await attachmentsOf(db, [id]);
  return { items: rows.filter((r) => ids.includes(r.id)).map(attachmentRowOf) };
}

type OutgoingRow = NonNullable<Awaited<ReturnType<typeof findOutgoing>>>;

/**
 * The Annex I layout of an outgoing document of `unitId` from the text the
 * caller sent (checked here: a bad one changes nothing). "Nơi nhận" lists its
 * recipients and ends with "Lưu: VT" and the drafting unit (Annex I §II.9).
 */
export async function annexLayoutOf(
  db: Db,
  unitId: string,
  doc: OutgoingRow,
  input: ComposeBody,
): Promise<AnnexDocument> {
  const parsed = composeBody.safeParse(input);
  if (!parsed.success)
    throw badRequest(
      parsed.error.issues.map((i) => i.message).join('; '),
      parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
    );
  const body = parsed.data;
  if (body.authority && !body.onBehalfOf)
    throw badRequest(`Ký ${body.authority}. cần ghi thay mặt cho ai (ví dụ GIÁM ĐỐC).`, [
      { path: 'body.onBehalfOf', message: 'Cần thẩm quyền ký' },
    ]);
  const unit = (await findUnit(db, unitId))!;
  const [parent] = unit.parent_id ? await unitsByIds(db, [unit.parent_id]) : [];
  const date = String(doc.doc_date).slice(0, 10);
  const recipients = (await recipientsOf(db, doc.id)).map((r) => r.name ?? r.outside_name ?? '');
  return {
    parentName: parent?.name ?? null,
    agencyName: unit.name,
    notation: doc.notation,
    place: body.place,
    date,
    typeName: documentTypesOn(date)[doc.doc_type]?.vi ?? doc.doc_type,
    isLetter: doc.doc_type === 'CV',
    subject: doc.subject,
    body: body.body,
    authority: body.authority,
    onBehalfOf: body.onBehalfOf,
    signerTitle: body.signerTitle,
    signerName: body.signerName ?? doc.signer_name ?? '',
    recipients: [
      ...recipients.filter(Boolean),
      `Lưu: VT${doc.drafting_unit ? `, ${doc.drafting_unit}` : ''}`,
    ],
  };
}
