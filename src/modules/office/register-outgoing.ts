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
  schoolsUnder,
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
  const abbreviation = abbreviationOf(unit);
  const today = todayInVietnam();
  const date = body.date ?? today;
  if (date > today)
    throw badRequest(`Ngày văn bản ${date} chưa đến: chỉ cấp số cho văn bản đã ký, đến hôm nay.`, [
      { path: 'body.date', message: 'Ngày văn bản ở tương lai' },
    ]);
  if (!(body.type in documentTypesOn(date)))
    throw badRequest(`Loại văn bản ${body.type} chưa có vào ngày ${date}.`);

  const recipients = await resolveRecipients(db, unit, body);

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

type Unit = NonNullable<Awaited<ReturnType<typeof findUnit>>>;

/** The issuing unit's abbreviation in notations (office.md): recorded, or known by its name. */
export function abbreviationOf(unit: Unit): string {
  const abbreviation =
    unit.abbreviation ??
    DEFAULT_ABBREVIATIONS.find((d) => d.name.test(unit.name.normalize('NFC')))?.abbreviation;
  if (!abbreviation)
    throw badRequest(
      `Đơn vị ${unit.code} chưa có tên viết tắt để ghi ký hiệu văn bản: hãy khai báo trong "Cài đặt văn thư" (hoặc "sogd office set-abbreviation").`,
    );
  return abbreviation;
}

/**
 * The sogd units an outgoing document goes to: those listed, and every
 * active school under each group's unit of the levels it names. Only units
 * below the sender or above it (its parents), never itself; a recipient
 * outside is refused with its code. Sorted by id: counter rows are then
 * locked in one order, so two senders never wait on each other in a cycle.
 */
export async function resolveRecipients(
  db: Db,
  unit: Unit,
  body: Pick<z.output<typeof registerOutgoingBody>, 'recipientIds' | 'recipientGroups'>,
): Promise<string[]> {
  const groupIds = [...new Set(body.recipientGroups.map((g) => g.rootId))];
  const ids = [...new Set([...body.recipientIds, ...groupIds])];
  const malformed = ids.find((id) => !isUuid(id));
  if (malformed) throw badRequest(`Không có đơn vị nhận mã "${malformed}".`);
  const units = await unitsByIds(db, ids);
  const known = new Map(units.map((u) => [u.id, u]));
  const outside = (u: { path: string }) =>
    !(u.path.startsWith(unit.path) || unit.path.startsWith(u.path));
  for (const id of ids) {
    const u = known.get(id);
    if (!u) throw badRequest(`Không có đơn vị nhận mã "${id}".`);
    const listed = body.recipientIds.includes(id);
    if ((listed && (outside(u) || u.id === unit.id)) || (!listed && outside(u)))
      throw badRequest(
        `Đơn vị nhận ${u.code} (${u.name}) nằm ngoài phạm vi gửi của ${unit.code}: chỉ gửi cho đơn vị trực thuộc hoặc cấp trên; đơn vị khác nhận qua nơi gửi ngoài hệ thống.`,
      );
    if (listed && !u.active) throw badRequest(`Đơn vị nhận ${u.code} đã ngừng hoạt động.`);
  }
  const schools = await schoolsUnder(
    db,
    body.recipientGroups.map((g) => {
      const root = known.get(g.rootId)!;
      // A group above the sender means its schools that are also below the sender.
      return {
        path: root.path.length < unit.path.length ? unit.path : root.path,
        levels: g.levels,
      };
    }),
  );
  const all = new Set([...body.recipientIds, ...schools.map((s) => s.id)]);
  all.delete(unit.id);
  return [...all].sort();
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
  await sendOutgoing(tx, {
    id,
    notation,
    unitId,
    unitName: p.unitName,
    date: p.date,
    today: p.today,
    body,
    recipients,
  });
  return { id, number, notation, year };
}

/**
 * Sends a numbered outgoing document: each sogd recipient's incoming copy
 * with its arrival number, received the same day (Art. 21.2), and the
 * outside addressees recorded as sent.
 */
export async function sendOutgoing(
  tx: Db,
  p: {
    id: string;
    notation: string;
    unitId: string;
    unitName: string;
    date: string;
    today: string;
    body: Pick<
      z.output<typeof registerOutgoingBody>,
      'type' | 'subject' | 'urgency' | 'confidentiality' | 'outsideRecipients'
    >;
    recipients: string[];
  },
): Promise<void> {
  const { id, notation, unitId, body, recipients } = p;
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
}
