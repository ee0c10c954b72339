import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { searchKey } from '../../../lib/vietnamese.ts';
import { schoolsMatching } from './repo.ts';

/**
 * Any signed-in user may find a destination school by code or name, in the
 * whole province (a transfer goes anywhere): code and name only.
 */
export async function findSchools(
  db: Db,
  _scope: Scope,
  input: { q: string },
): Promise<{ code: string; name: string }[]> {
  const key = searchKey(input.q.trim());
  if (!key) return [];
  return schoolsMatching(db, input.q, key.split(' ').filter(Boolean));
}
