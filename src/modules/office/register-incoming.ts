import { badRequest, conflict, notFound } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { actorOf, requireOfficeUnit, type Caller } from './caller.ts';
import {
  registerIncomingBody,
  type RegisterIncomingParsed,
  type RegisteredIncoming,
  type RegisterIncomingBody,
} from './contract.ts';
import { bookOf } from './register-outgoing.ts';
import { findIncomingDuplicate, findUnit, insertIncoming, takeNumber } from './repo.ts';
import { todayInVietnam } from './rules.ts';

/**
 * The clerk registers a document that came on paper or by e-mail (Art. 22):
 * the next arrival number of the year in the general register, or in the
 * secret one for a classified document. The same notation from the same
 * sender twice in a year is refused (Annex VI: warn on duplicates).
 */
export async function registerIncoming(
  db: Db,
  caller: Caller,
  input: RegisterIncomingBody & { unitId?: string },
): Promise<RegisteredIncoming> {
  const unitId = requireOfficeUnit(caller, 'office.register', input.unitId);
  const parsed = registerIncomingBody.safeParse(input);
  if (!parsed.success)
    throw badRequest(
      parsed.error.issues.map((i) => i.message).join('; '),
      parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
    );
  const body = parsed.data;
  if (!(await findUnit(db, unitId))) throw notFound('đơn vị');
  const today = todayInVietnam();
  if (body.date > today)
    throw badRequest(`Ngày văn bản ${body.date} ở tương lai: hãy kiểm tra lại.`, [
      { path: 'body.date', message: 'Ngày văn bản ở tương lai' },
    ]);
  const year = Number(today.slice(0, 4));
  const actor = actorOf(caller);
  return writeTransaction(db, actor, (tx) =>
    insertRegisteredIncoming(tx, { unitId, year, body, channel: body.channel, by: actor.name }),
  );
}

/**
 * The registration itself, inside the caller's transaction: refuses a
 * duplicate (same notation from the same sender in the year: 409), takes
 * the next arrival number of the register and writes the document.
 */
export async function insertRegisteredIncoming(
  tx: Db,
  input: {
    unitId: string;
    year: number;
    body: RegisterIncomingParsed;
    channel: 'paper' | 'email' | 'edxml';
    by: string;
  },
): Promise<RegisteredIncoming> {
  const { unitId, year, body } = input;
  const book = bookOf(body.confidentiality);
  const duplicate = await findIncomingDuplicate(tx, {
    unitId,
    year,
    notation: body.notation,
    senderName: body.senderName,
  });
  if (duplicate)
    throw conflict(
      `Văn bản ${body.notation} của ${body.senderName} đã vào sổ năm ${year} với số đến ${duplicate.arrival_number}.`,
    );
  const arrival = await takeNumber(
    tx,
    unitId,
    book === 'general' ? 'incoming' : 'incoming_secret',
    year,
  );
  const id = uuidv7();
  await insertIncoming(tx, {
    id,
    unit_id: unitId,
    year,
    book,
    arrival_number: arrival,
    received_at: new Date(),
    sender_name: body.senderName,
    sender_unit_id: null,
    outgoing_id: null,
    notation: body.notation,
    doc_type: body.type,
    doc_date: body.date,
    subject: body.subject,
    urgency: body.urgency,
    confidentiality: body.confidentiality,
    channel: input.channel,
    file_id: null,
    registered_by: input.by,
  });
  return { id, arrivalNumber: arrival, book, year };
}
