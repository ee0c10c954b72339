import type { Tx } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { OrgUnit } from '../../../db/schema.ts';
import { findUnitByCode as unitByCode } from './repo.ts';

/**
 * A unit by its exact code, with no access check: for system work that names
 * units by code (the diplomas CLI), never for an answer to a signed-in user.
 */
export function findUnitByCode(db: Db | Tx, code: string): Promise<OrgUnit | undefined> {
  return unitByCode(db, code);
}
