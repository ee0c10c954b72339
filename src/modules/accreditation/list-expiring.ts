import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import type { Recognition } from './contract.ts';
import { recognitionsExpiring } from './repo.ts';

/**
 * Recognitions in the caller's subtree whose validity ends within a year of
 * `today` (or ended up to a year before it), soonest first: the schools that
 * must self-assess again (issue #18, review).
 */
export async function listExpiring(
  db: Db,
  scope: Scope,
  today: string = new Date().toISOString().slice(0, 10),
): Promise<Recognition[]> {
  scope.require('accreditation.review');
  const shift = (years: number) => `${Number(today.slice(0, 4)) + years}${today.slice(4)}`;
  const rows = await recognitionsExpiring(db, scope.user.orgPath, shift(-1), shift(1));
  return rows.map((r) => ({
    cycleId: r.cycle_id,
    school: { id: r.school_id, code: r.code, name: r.name },
    accreditationLevel: r.accreditation_level,
    nationalStandardLevel: r.national_standard_level,
    decision: r.decision,
    decidedOn: r.decided_on,
    validUntil: r.valid_until,
  }));
}
