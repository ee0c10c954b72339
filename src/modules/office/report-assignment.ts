import { badRequest, conflict, notFound } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid } from '../../lib/ids.ts';
import { actorOf, requireOfficeUnit, type Caller } from './caller.ts';
import { reportBody, type AssignmentRow, type ReportBody } from './contract.ts';
import { assignmentsOf } from './list-assignments.ts';
import {
  advanceRecipient,
  findAssignment,
  openAssignmentsLeft,
  reportAssignment as report,
  setIncomingStatus,
} from './repo.ts';

/**
 * The person in charge reports progress, or finishes with a result. When the
 * last open assignment of a document is done, the document is handled, and a
 * sender inside sogd sees it so.
 */
export async function reportAssignment(
  db: Db,
  caller: Caller,
  id: string,
  input: ReportBody,
): Promise<AssignmentRow> {
  const unitId = requireOfficeUnit(caller, 'office.handle');
  const a = isUuid(id) ? await findAssignment(db, id) : undefined;
  if (!a || a.unit_id !== unitId) throw notFound('việc được giao');
  const parsed = reportBody.safeParse(input);
  if (!parsed.success) throw badRequest(parsed.error.issues.map((i) => i.message).join('; '));
  const body = parsed.data;
  if (!('system' in caller) && caller.user.id !== a.lead_user_id && !caller.can('office.assign'))
    throw badRequest('Chỉ người chủ trì hoặc lãnh đạo đơn vị báo cáo kết quả việc này.');
  if (a.status === 'done') throw conflict('Việc này đã hoàn thành.');
  if (body.done && !body.result)
    throw badRequest('Hãy ghi kết quả xử lý khi báo hoàn thành.', [
      { path: 'body.result', message: 'Chưa có kết quả' },
    ]);
  if (!body.done && !body.progress && !body.result)
    throw badRequest('Không có gì để báo cáo: hãy ghi tiến độ hoặc kết quả.');
  await writeTransaction(db, actorOf(caller), async (tx) => {
    await report(tx, id, body);
    if (body.done && (await openAssignmentsLeft(tx, a.incoming_id)) === 0) {
      await setIncomingStatus(tx, a.incoming_id, 'done');
      await advanceRecipient(tx, a.incoming_id, 'handled');
    }
  });
  const { items } = await assignmentsOf(db, { unitId, incomingId: a.incoming_id });
  return items.find((x) => x.id === id)!;
}
