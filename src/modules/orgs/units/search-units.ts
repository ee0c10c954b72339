import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { searchKey } from '../../../lib/vietnamese.ts';
import type { UnitSummary } from '../contract.ts';
import { searchSummaries } from './repo.ts';

/** Units of the caller's subtree by name or code, without diacritics or case. */
export async function searchUnits(
  db: Db,
  scope: Scope,
  input: { q: string },
): Promise<UnitSummary[]> {
  scope.require('org.read');
  const key = searchKey(input.q);
  if (!key) return [];
  return searchSummaries(db, scope.pathCondition(), key.split(' '));
}
