import type { Scope } from '../../core/access/scope.ts';
import { badRequest, notFound } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { normalizeText } from '../../lib/vietnamese.ts';
import { requireDiploma } from './access.ts';
import type { Decision, DiplomaDetail } from './contract.ts';
import { readDetail } from './detail.ts';
import { insertEvent, lockDiploma, revokeSlot, updateDiploma } from './repo.ts';

/** Revocation by decision: the status-list bit flips; the entry stays, marked revoked. */
export async function revokeDiploma(
  db: Db,
  scope: Scope,
  input: { id: string } & Decision,
): Promise<DiplomaDetail> {
  const grant = await requireDiploma(db, scope, input.id, 'registry.write');
  if (!input.decisionNumber.trim() || !input.reason.trim())
    throw badRequest('Thu hồi văn bằng cần số quyết định và lý do.');
  await writeTransaction(db, grant.actor, async (tx) => {
    const d = await lockDiploma(tx, grant.diplomaId);
    if (!d) throw notFound('văn bằng');
    if (d.status === 'revoked') throw badRequest('Văn bằng đã bị thu hồi từ trước.');
    await updateDiploma(tx, d.id, { status: 'revoked' });
    await revokeSlot(tx, d.authority_id, d.status_index, { ifAbsent: true });
    await insertEvent(tx, {
      diploma_id: d.id,
      authority_id: d.authority_id,
      kind: 'revocation',
      decision_number: normalizeText(input.decisionNumber),
      decision_date: input.decisionDate,
      reason: normalizeText(input.reason),
      before: JSON.stringify({ status: d.status }),
      after: JSON.stringify({ status: 'revoked' }),
    });
  });
  return readDetail(db, grant);
}
