import { badRequest, conflict, notFound } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid, uuidv7 } from '../../lib/ids.ts';
import { actorOf, requireOfficeUnit, type Caller } from './caller.ts';
import { assignBody, type AssignBody, type IncomingDetail } from './contract.ts';
import { getIncoming } from './get-incoming.ts';
import { findIncoming, insertAssignment, setIncomingStatus, usersByIds } from './repo.ts';
import { todayInVietnam } from './rules.ts';

/**
 * The leader's instruction on an incoming document (Decree 30/2020 Art.
 * 23.2–4): the person in charge (chủ trì), those co-ordinating (phối hợp),
 * what to do and by when. Every person must be a member of the unit; the
 * deadline can be neither before the document was registered nor in the past.
 */
export async function assignIncoming(
  db: Db,
  caller: Caller,
  id: string,
  input: AssignBody,
): Promise<IncomingDetail> {
  const unitId = requireOfficeUnit(caller, 'office.assign');
  const doc = isUuid(id) ? await findIncoming(db, id) : undefined;
  if (!doc || doc.unit_id !== unitId) throw notFound('văn bản đến');
  const parsed = assignBody.safeParse(input);
  if (!parsed.success)
    throw badRequest(
      parsed.error.issues.map((i) => i.message).join('; '),
      parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
    );
  const body = parsed.data;
  if (doc.status === 'recalled')
    throw conflict(`Văn bản ${doc.notation} đã bị bên gửi thu hồi: không giao xử lý được nữa.`);
  if (doc.status === 'done') throw conflict(`Văn bản ${doc.notation} đã được xử lý xong.`);
  const registered = new Date(doc.received_at).toISOString().slice(0, 10);
  const today = todayInVietnam();
  if (body.deadline < registered || body.deadline < today)
    throw badRequest(
      `Hạn xử lý ${body.deadline.split('-').reverse().join('/')} trước ngày vào sổ hoặc đã qua: hạn phải từ hôm nay trở đi.`,
      [{ path: 'body.deadline', message: 'Hạn xử lý đã qua' }],
    );
  const people = [...new Set([body.leadUserId, ...body.coUserIds])];
  const found = await usersByIds(db, people.filter(isUuid));
  const members = new Map(
    found.filter((u) => u.org_unit_id === unitId && u.active).map((u) => [u.id, u]),
  );
  for (const person of people)
    if (!members.has(person))
      throw badRequest(`Người được giao (${person}) không phải cán bộ đang làm việc của đơn vị.`, [
        {
          path: person === body.leadUserId ? 'body.leadUserId' : 'body.coUserIds',
          message: 'Không phải cán bộ của đơn vị',
        },
      ]);
  const actor = actorOf(caller);
  await writeTransaction(db, actor, async (tx) => {
    await insertAssignment(tx, {
      id: uuidv7(),
      incoming_id: id,
      unit_id: unitId,
      lead_user_id: body.leadUserId,
      co_user_ids: body.coUserIds.filter((u) => u !== body.leadUserId),
      instruction: body.instruction,
      deadline: body.deadline,
      assigned_by: actor.name,
      progress: null,
      result: null,
      done_at: null,
      overdue_at: null,
    });
    await setIncomingStatus(tx, id, 'assigned');
  });
  return getIncoming(db, caller, id);
}
