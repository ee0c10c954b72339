import type { Db } from '../../../db/connection.ts';
import { rootUnitId } from './repo.ts';

/**
 * The id of the tree's root (the department), for the start-up (src/app/bootstrap.ts)
 * and system tasks; no scope, as it reveals only that a tree exists.
 */
export function findRootUnitId(db: Db): Promise<string | undefined> {
  return rootUnitId(db);
}
