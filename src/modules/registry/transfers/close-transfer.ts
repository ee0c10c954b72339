import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { TransferView } from '../contract.ts';
import { decide, pendingTransfer, required, viewOf, type Side } from './transfer-rules.ts';

/** A pending transfer closed without moving the student: rejected by B or cancelled by A. */
async function close(
  db: Db,
  scope: Scope,
  id: string,
  side: Side,
  status: 'rejected' | 'cancelled',
  reasonText: string,
): Promise<TransferView> {
  await pendingTransfer(db, scope, id, side);
  const reason = required(
    reasonText,
    'reason',
    status === 'rejected' ? 'lý do từ chối' : 'lý do huỷ đề nghị',
  );
  const actor = scope.actor;
  await writeTransaction(db, actor, (tx) =>
    decide(tx, id, actor, { status, decision_reason: reason }),
  );
  return viewOf(db, scope, id);
}

/** B's side declines, with a reason. */
export const rejectTransfer = (db: Db, scope: Scope, id: string, input: { reason: string }) =>
  close(db, scope, id, 'to', 'rejected', input.reason);

/** A's side withdraws its request while it waits, with a reason. */
export const cancelTransfer = (db: Db, scope: Scope, id: string, input: { reason: string }) =>
  close(db, scope, id, 'from', 'cancelled', input.reason);
