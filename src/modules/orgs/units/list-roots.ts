import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { UnitSummary } from '../contract.ts';
import { unitSummary } from './repo.ts';

/** The top of the caller's reach: their own unit. */
export async function listRoots(db: Db, scope: Scope): Promise<UnitSummary[]> {
  scope.require('org.read');
  return unitSummary(db, scope.user.orgUnitId);
}
