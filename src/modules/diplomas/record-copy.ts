import type { Scope } from '../../core/access/scope.ts';
import { badRequest, notFound } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { normalizeText } from '../../lib/vietnamese.ts';
import { requireDiploma } from './access.ts';
import type { CopyBody, DiplomaDetail } from './contract.ts';
import { readDetail } from './detail.ts';
import { COPY_NUMBER_FORMAT, formatNumber } from './numbers.ts';
import { insertEvent, lockDiploma, reserveNumbers } from './repo.ts';

/**
 * A certified copy from the register (bản sao từ sổ gốc, Circular 21/2019
 * and Decree 23/2015): numbered in the authority's copy book, recorded in the
 * entry's history, never a second original. A revoked diploma gets no copy.
 * `now` is when the copy is issued (a parameter so that tests can stand at
 * the turn of a year).
 */
export async function recordCopy(
  db: Db,
  scope: Scope,
  input: { id: string } & CopyBody,
  now: Date = new Date(),
): Promise<DiplomaDetail> {
  const grant = await requireDiploma(db, scope, input.id, 'registry.write');
  await writeTransaction(db, grant.actor, async (tx) => {
    const d = await lockDiploma(tx, grant.diplomaId);
    if (!d) throw notFound('văn bằng');
    if (d.status === 'revoked') throw badRequest('Văn bằng đã bị thu hồi: không cấp bản sao.');
    // The copy book runs by the calendar year in Việt Nam's time zone.
    const year = new Date(now.getTime() + 7 * 3600_000).getUTCFullYear();
    const n = await reserveNumbers(tx, d.authority_id, 'copy', year, 1);
    const copyNumber = formatNumber(COPY_NUMBER_FORMAT, { type: 'BS', year, n });
    await insertEvent(tx, {
      diploma_id: d.id,
      authority_id: d.authority_id,
      kind: 'copy',
      decision_number: null,
      decision_date: null,
      reason: normalizeText(input.reason),
      before: null,
      after: JSON.stringify({
        copyNumber,
        requester: normalizeText(input.requester),
        copies: input.copies,
      }),
      at: now,
    });
  });
  return readDetail(db, grant);
}
