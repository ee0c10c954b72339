import type { Scope } from '../../core/access/scope.ts';
import { badRequest, conflict, notFound } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid, uuidv7 } from '../../lib/ids.ts';
import type { ApplicationDetail, HandoverBody } from './contract.ts';
import { inVietnam } from './deadline.ts';
import { getApplication } from './get-application.ts';
import {
  applicationById,
  handoverOf,
  insertEvent,
  insertHandover,
  lockApplication,
  updateApplication,
} from './repo.ts';
import { requireDepartment } from './staff.ts';

const whenVn = (at: Date) => {
  const v = inVietnam(at);
  return `${v.time.slice(0, 5)} ${v.date.split('-').reverse().join('/')}`;
};

/** The copy book number and whether paper was asked for, from an issued copy's result. */
export function paperCopyOf(result: Record<string, unknown> | null): string | null {
  if (result?.kind !== 'diploma_copy' || result.paper !== true) return null;
  return typeof result.copyNumber === 'string' ? result.copyNumber : null;
}

/**
 * The paper copy handed over at the one-stop desk (trả kết quả: Decree
 * 61/2018/NĐ-CP Art. 20; the copy from the register, Circular 21/2019
 * Art. 31): who received it, when, and the copy book number, recorded once
 * in the audited hand-over record and in the application's history.
 */
export async function handOverPaper(
  db: Db,
  scope: Scope,
  input: { id: string } & HandoverBody,
  now: Date = new Date(),
): Promise<ApplicationDetail> {
  const department = await requireDepartment(db, scope, 'services.receive');
  const current = isUuid(input.id) ? await applicationById(db, input.id) : undefined;
  if (!current || current.authority_id !== department.id) throw notFound('hồ sơ');
  const copyNumber = current.status === 'done' ? paperCopyOf(current.result) : null;
  if (!copyNumber)
    throw badRequest(
      'Hồ sơ này không có bản sao giấy để bàn giao (chưa cấp, hoặc không đề nghị bản giấy).',
    );
  const receiverDocument = input.receiverDocument?.trim() || null;
  await writeTransaction(db, scope.actor, async (tx) => {
    const a = await lockApplication(tx, current.id);
    if (!a) throw notFound('hồ sơ');
    const done = await handoverOf(tx, a.id);
    if (done)
      throw conflict(
        `Bản sao giấy của hồ sơ đã giao cho ${done.received_by} lúc ${whenVn(new Date(done.handed_at))}.`,
      );
    if (a.version !== input.version)
      throw conflict('Hồ sơ vừa được người khác cập nhật. Hãy tải lại rồi thao tác tiếp.');
    await insertHandover(tx, {
      id: uuidv7(now.getTime()),
      application_id: a.id,
      authority_id: department.id,
      copy_number: copyNumber,
      received_by: input.receivedBy,
      receiver_document: receiverDocument,
      handed_at: now,
      handed_by: scope.actor.name,
    });
    await updateApplication(tx, a.id, {});
    await insertEvent(tx, {
      id: uuidv7(now.getTime()),
      application_id: a.id,
      kind: 'paper_handover',
      status: a.status,
      note: `Giao bản sao giấy số ${copyNumber} cho ${input.receivedBy}${receiverDocument ? ` (giấy tờ số ${receiverDocument})` : ''}`,
      actor: scope.actor.name,
      at: now,
    });
  });
  return getApplication(db, scope, current.id, now);
}
