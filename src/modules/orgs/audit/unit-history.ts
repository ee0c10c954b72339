import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { AuditEntry } from '../contract.ts';
import { described, unitEntries } from './repo.ts';

type RowImage = AuditEntry['before'];

/** Fields of a unit's record anyone who may read the unit sees in its history. */
const UNIT_FIELDS = ['code', 'name', 'kind', 'levels', 'ownership', 'address', 'active'];

const unitFieldsOf = (j: RowImage): RowImage =>
  j && Object.fromEntries(Object.entries(j).filter(([k]) => UNIT_FIELDS.includes(k)));

/**
 * The history of one org unit: every change made to its own record. Without
 * audit.read (a teacher, a clerk) it shows what changed and the actor's name,
 * but not the actor's address or login name (a list of login names helps
 * whoever guesses passwords), nor the tree bookkeeping (path, parent and
 * merge ids), which names units outside the caller's reach.
 */
export async function unitHistory(db: Db, scope: Scope, unitId: string): Promise<AuditEntry[]> {
  await scope.requireUnit(db, unitId, 'org.read');
  const views = await unitEntries(db, unitId);
  if (scope.can('audit.read')) return views;
  return views.map((v) =>
    described({
      ...v,
      ip: null,
      actorName: v.actorName.replace(/\s*\([^()]*\)$/, ''),
      before: unitFieldsOf(v.before),
      after: unitFieldsOf(v.after),
    }),
  );
}
