import type { Scope } from '../../core/access/scope.ts';
import { badRequest } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { normalizeText } from '../../lib/vietnamese.ts';
import { requireCycle, requireEditable } from './access.ts';
import type { CycleDetail, MemberBody } from './contract.ts';
import { getCycle } from './get-cycle.ts';
import { bumpCycle, insertMember, lockCycle } from './repo.ts';
import { criteriaOf } from './sets/index.ts';

/**
 * A member of the self-assessment council (hội đồng tự đánh giá, step 1 of
 * CV 5932/BGDĐT-QLCL) with the criteria assigned to them. The principal sets
 * the council up.
 */
export async function addMember(
  db: Db,
  scope: Scope,
  input: { cycleId: string; member: MemberBody },
): Promise<CycleDetail> {
  const { set } = await requireCycle(db, scope, input.cycleId, 'accreditation.submit');
  const fullName = normalizeText(input.member.fullName);
  const known = new Set(criteriaOf(set).map((c) => c.code));
  const errors = [];
  if (!fullName) errors.push({ path: 'fullName', message: 'Hãy nhập họ tên thành viên.' });
  const unknown = input.member.criteria.filter((c) => !known.has(c));
  if (unknown.length)
    errors.push({
      path: 'criteria',
      message: `Bộ tiêu chuẩn của đợt không có tiêu chí ${unknown.join(', ')}.`,
    });
  if (errors.length) throw badRequest('Thành viên hội đồng chưa hợp lệ.', errors);
  await writeTransaction(db, scope.actor, async (tx) => {
    const cycle = await lockCycle(tx, input.cycleId);
    requireEditable(cycle!.status);
    await insertMember(tx, {
      id: uuidv7(),
      cycle_id: input.cycleId,
      full_name: fullName,
      position: input.member.position ? normalizeText(input.member.position) : null,
      role: input.member.role,
      criteria: [...new Set(input.member.criteria)],
    });
    await bumpCycle(tx, input.cycleId);
  });
  return getCycle(db, scope, input.cycleId);
}
