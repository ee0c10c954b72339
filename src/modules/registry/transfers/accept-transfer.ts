import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { TransferView } from '../contract.ts';
import { checkClass, decide, moveStudent, pendingTransfer, viewOf } from './transfer-rules.ts';

/** B's side: admits the student into one of its classes of that year. */
export async function acceptTransfer(
  db: Db,
  scope: Scope,
  id: string,
  input: { toClassId: string; decisionNumber?: string | undefined },
): Promise<TransferView> {
  const { transfer: t, unit } = await pendingTransfer(db, scope, id, 'to');
  const toClassId = await checkClass(db, input.toClassId, unit, t.school_year);
  const actor = scope.actor;
  await writeTransaction(db, actor, async (tx) => {
    const fromClassId = await moveStudent(tx, t, toClassId);
    await decide(tx, id, actor, {
      status: 'accepted',
      from_class_id: fromClassId ?? t.from_class_id,
      to_class_id: toClassId,
      decision_number: input.decisionNumber?.trim() || t.decision_number,
    });
  });
  return viewOf(db, scope, id);
}
