import type { Scope } from '../../core/access/scope.ts';
import { badRequest, notFound } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { normalizeText, searchKey } from '../../lib/vietnamese.ts';
import { requireDiploma } from './access.ts';
import type { CorrectBody, DiplomaDetail } from './contract.ts';
import { readDetail } from './detail.ts';
import { activeSigner } from './keys.ts';
import { insertEvent, lockDiploma, reserveNumbers, revokeSlot, updateDiploma } from './repo.ts';
import { isoSeconds, resolveContext, signDiploma, type ContextSource } from './signing.ts';

/**
 * A correction decision (Circular 21/2019/TT-BGDĐT): the entry takes the new
 * values, its history keeps before → after, its old credential's status
 * slot is revoked and a new credential is signed on a new slot.
 */
export async function correctDiploma(
  db: Db,
  scope: Scope,
  input: { id: string } & CorrectBody,
  context: ContextSource,
): Promise<DiplomaDetail> {
  const grant = await requireDiploma(db, scope, input.id, 'registry.write');
  const ctx = resolveContext(context);
  const { changes } = input;
  if (!input.decisionNumber.trim() || !input.reason.trim())
    throw badRequest('Chỉnh sửa văn bằng cần số quyết định và lý do.');
  if (grant.status === 'revoked') throw badRequest('Văn bằng đã bị thu hồi, không thể chỉnh sửa.');
  const signer = await activeSigner(db, grant.authority.id, ctx.passphrase);
  await writeTransaction(db, grant.actor, async (tx) => {
    const d = await lockDiploma(tx, grant.diplomaId);
    if (!d) throw notFound('văn bằng');
    const after = {
      full_name: changes.fullName !== undefined ? normalizeText(changes.fullName) : d.full_name,
      birth_date: changes.birthDate ?? d.birth_date,
      birth_place: changes.birthPlace !== undefined ? changes.birthPlace : d.birth_place,
      gender: changes.gender ?? d.gender,
      ethnicity: changes.ethnicity !== undefined ? changes.ethnicity : d.ethnicity,
    };
    const before = {
      full_name: d.full_name,
      birth_date: d.birth_date,
      birth_place: d.birth_place,
      gender: d.gender,
      ethnicity: d.ethnicity,
    };
    const slot = (await reserveNumbers(tx, d.authority_id, 'status', 0, 1)) - 1;
    await revokeSlot(tx, d.authority_id, d.status_index, { ifAbsent: false });
    const signed = signDiploma(
      signer,
      grant.authority,
      ctx,
      {
        id: d.id,
        fullName: after.full_name,
        birthDate: after.birth_date,
        diplomaType: d.diploma_type,
        schoolName: d.school_name,
        graduationYear: d.graduation_year,
        serialNumber: d.serial_number,
        registerNumber: d.register_number,
        issueDate: d.issue_date,
        statusIndex: slot,
      },
      isoSeconds(),
    );
    await updateDiploma(tx, d.id, {
      ...after,
      search_name: searchKey(after.full_name),
      status: 'corrected',
      status_index: slot,
      key_id: signer.kid,
      credential: JSON.stringify(signed.credential),
      qr: signed.qr,
    });
    await insertEvent(tx, {
      diploma_id: d.id,
      authority_id: d.authority_id,
      kind: 'correction',
      decision_number: normalizeText(input.decisionNumber),
      decision_date: input.decisionDate,
      reason: normalizeText(input.reason),
      before: JSON.stringify(before),
      after: JSON.stringify(after),
    });
  });
  return readDetail(db, grant);
}
