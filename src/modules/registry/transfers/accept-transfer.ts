import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { TransferView } from '../contract.ts';
import { latestEnrolmentAfter, moveRequestToYear } from './repo.ts';
import { checkClass, decide, moveStudent, pendingTransfer, viewOf } from './transfer-rules.ts';

/**
 * B's side: admits the student into one of its classes of the year the
 * student is in now. A request made for 2026-2027 whose student the sending
 * school has since promoted into 2027-2028 is accepted for 2027-2028 (issue
 * #13 item 2): the view offers that year and its classes, and the request
 * moves to it with the student.
 */
export async function acceptTransfer(
  db: Db,
  scope: Scope,
  id: string,
  input: { toClassId: string; decisionNumber?: string | undefined },
): Promise<TransferView> {
  const { transfer: requested, unit } = await pendingTransfer(db, scope, id, 'to');
  const later = await latestEnrolmentAfter(
    db,
    requested.student_id,
    requested.from_school_id,
    requested.school_year,
  );
  const t = later
    ? { ...requested, school_year: later.school_year, from_class_id: later.class_id }
    : requested;
  const toClassId = await checkClass(db, input.toClassId, unit, t.school_year);
  const actor = scope.actor;
  await writeTransaction(db, actor, async (tx) => {
    if (later) await moveRequestToYear(tx, id, later.school_year, later.class_id);
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
