import { conflict, notFound } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid } from '../../lib/ids.ts';
import { actorOf, requireOfficeUnit, type Caller } from './caller.ts';
import type { OutgoingDetail } from './contract.ts';
import { getOutgoing } from './get-outgoing.ts';
import { findOutgoing, withdrawOutgoing as withdraw } from './repo.ts';

/**
 * Recalls an outgoing document (Art. 18): it is marked withdrawn, never
 * deleted, and its number is not given again; the receivers' copies are
 * marked recalled. The reason goes to the audit log with the change.
 */
export async function withdrawOutgoing(
  db: Db,
  caller: Caller,
  id: string,
  reason: string,
): Promise<OutgoingDetail> {
  const unitId = requireOfficeUnit(caller, 'office.register');
  const doc = isUuid(id) ? await findOutgoing(db, id) : undefined;
  if (!doc || doc.unit_id !== unitId) throw notFound('văn bản đi');
  if (doc.status === 'withdrawn')
    throw conflict(`Văn bản ${doc.notation} đã được thu hồi trước đó.`);
  const actor = actorOf(caller);
  await writeTransaction(db, { ...actor, name: `${actor.name} — thu hồi: ${reason}` }, (tx) =>
    withdraw(tx, id),
  );
  return getOutgoing(db, caller, id);
}
