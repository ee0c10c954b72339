import type { z } from 'zod';
import { badRequest, notFound } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid, uuidv7 } from '../../lib/ids.ts';
import { actorOf, requireOfficeUnit, type Caller } from './caller.ts';
import {
  registerOutgoingBody,
  type RegisteredOutgoing,
  type RegisterOutgoingBody,
} from './contract.ts';
import { DEFAULT_ABBREVIATIONS, documentTypesOn, type Confidentiality } from './labels.ts';
import {
  findUnit,
  insertIncoming,
  insertOutgoing,
  insertRecipients,
  takeNumber,
  unitsByIds,
} from './repo.ts';
import { notationOf, todayInVietnam } from './rules.ts';

export interface RegisterOutgoingInput extends RegisterOutgoingBody {
  /** The issuing unit: a system task names it; a user registers for their own unit. */
  unitId?: string;
}

/** The incoming register a document goes to at the receiver (Art. 22.2: secret ones apart). */
export const bookOf = (c: Confidentiality) => (c === 'normal' ? 'general' : 'secret');

/**
 * Registers an outgoing document: its number and notation (Decree 30/2020
 * Art. 15, docs/formats/office.md) and, for recipients inside sogd, their
 * incoming copy with its arrival number and the receipt notice back to the
 * sender, in the same transaction (Art. 21.2: receipt the same day). Either
 * all of it is written or nothing.
 */
export async function registerOutgoing(
  db: Db,
  caller: Caller,
  input: RegisterOutgoingInput,
): Promise<RegisteredOutgoing> {
  const unitId = requireOfficeUnit(caller, 'office.register', input.unitId);
  const parsed = registerOutgoingBody.safeParse(input);
  if (!parsed.success)
    throw badRequest(
      parsed.error.issues.map((i) => i.message).join('; '),
      parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
    );
  const body = parsed.data;
  const unit = await findUnit(db, unitId);
  if (!unit) throw notFound('đơn vị');
  const abbreviation =
    unit.abbreviation ??
    DEFAULT_ABBREVIATIONS.find((d) => d.name.test(unit.name.normalize('NFC')))?.abbreviation;
  if (!abbreviation)
    throw badRequest(
      `Đơn vị ${unit.code} chưa có tên viết tắt để ghi ký hiệu văn bản: hãy khai báo trong "Cài đặt văn thư" (hoặc "sogd office set-abbreviation").`,
    );
  const today = todayInVietnam();
  const date = body.date ?? today;
  if (date > today)
    throw badRequest(`Ngày văn bản ${date} chưa đến: chỉ cấp số cho văn bản đã ký, đến hôm nay.`, [
      { path: 'body.date', message: 'Ngày văn bản ở tương lai' },
    ]);
  if (!(body.type in documentTypesOn(date)))
    throw badRequest(`Loại văn bản ${body.type} chưa có vào ngày ${date}.`);

  // Recipients: sogd units below the sender or above it (its parents), never itself.
  const ids = [...new Set(body.recipientIds)];
  const malformed = ids.find((id) => !isUuid(id));
  if (malformed) throw badRequest(`Không có đơn vị nhận mã "${malformed}".`);
  const units = await unitsByIds(db, ids);
  const known = new Map(units.map((u) => [u.id, u]));
  for (const id of ids) {
    const u = known.get(id);
    if (!u) throw badRequest(`Không có đơn vị nhận mã "${id}".`);
    const inside = u.path.startsWith(unit.path) || unit.path.startsWith(u.path);
    if (!inside || u.id === unitId)
      throw badRequest(
        `Đơn vị nhận ${u.code} (${u.name}) nằm ngoài phạm vi gửi của ${unit.code}: chỉ gửi cho đơn vị trực thuộc hoặc cấp trên; đơn vị khác nhận qua nơi gửi ngoài hệ thống.`,
      );
    if (!u.active) throw badRequest(`Đơn vị nhận ${u.code} đã ngừng hoạt động.`);
  }
  // Counter rows are locked in one order (ids sorted): two senders never wait on each other in a cycle.
  const recipients = units.map((u) => u.id).sort();

  const actor = actorOf(caller);
  return writeTransaction(db, actor, (tx) =>
    writeOutgoing(tx, {
      unitId,
      unitName: unit.name,
      abbreviation,
      registeredBy: actor.name,
      date,
      today,
      body,
      recipients,
    }),
  );
}

/**
 * Writes a numbered outgoing document and its recipients' incoming copies
 * inside the caller's transaction (the use case above, the demo seed).
 */
export async function writeOutgoing(
  tx: Db,
  p: {
    unitId: string;
    unitName: string;
    abbreviation: string;
    registeredBy: string;
    date: string;
    today: string;
    body: z.output<typeof registerOutgoingBody>;
    /** Recipient unit ids, checked and sorted. */
    recipients: string[];
  },
): Promise<RegisteredOutgoing> {
  const { unitId, body, recipients } = p;
  const year = Number(p.date.slice(0, 4));
  const number = await takeNumber(tx, unitId, 'outgoing', year);
  const notation = notationOf(number, body.type, p.abbreviation, body.draftingUnit ?? null);
  const id = uuidv7();
  await insertOutgoing(tx, {
    id,
    unit_id: unitId,
    year,
    number,
    notation,
    doc_type: body.type,
    subject: body.subject,
    doc_date: p.date,
    drafting_unit: body.draftingUnit ?? null,
    urgency: body.urgency,
    confidentiality: body.confidentiality,
    signer_name: body.signerName ?? null,
    // Sent at once to every recipient in sogd: released the day it is numbered (Art. 18).
    status: recipients.length ? 'released' : 'registered',
    file_id: null,
    signed_file_id: null,
    registered_by: p.registeredBy,
    withdrawn_at: null,
  });
  const now = new Date();
  const arrivalYear = Number(p.today.slice(0, 4));
  const book = bookOf(body.confidentiality);
  const rows = [];
  for (const recipientId of recipients) {
    const incomingId = uuidv7();
    const arrival = await takeNumber(
      tx,
      recipientId,
      book === 'general' ? 'incoming' : 'incoming_secret',
      arrivalYear,
    );
    await insertIncoming(tx, {
      id: incomingId,
      unit_id: recipientId,
      year: arrivalYear,
      book,
      arrival_number: arrival,
      received_at: now,
      sender_name: p.unitName,
      sender_unit_id: unitId,
      outgoing_id: id,
      notation,
      doc_type: body.type,
      doc_date: p.date,
      subject: body.subject,
      urgency: body.urgency,
      confidentiality: body.confidentiality,
      channel: 'system',
      file_id: null,
      registered_by: 'hệ thống: nhận văn bản liên thông',
    });
    rows.push({
      id: uuidv7(),
      outgoing_id: id,
      sender_unit_id: unitId,
      unit_id: recipientId,
      outside_name: null,
      incoming_id: incomingId,
      status: 'received' as const,
      received_at: now,
    });
  }
  for (const name of body.outsideRecipients)
    rows.push({
      id: uuidv7(),
      outgoing_id: id,
      sender_unit_id: unitId,
      unit_id: null,
      outside_name: name,
      incoming_id: null,
      status: 'sent' as const,
      received_at: null,
    });
  await insertRecipients(tx, rows);
  return { id, number, notation, year };
}
