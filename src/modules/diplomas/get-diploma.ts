import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { requireDiploma } from './access.ts';
import type { DiplomaDetail } from './contract.ts';
import { readDetail } from './detail.ts';

/** One register entry with its history (and its credential and QR), for who may read the register. */
export async function getDiploma(
  db: Db,
  scope: Scope,
  input: { id: string },
): Promise<DiplomaDetail> {
  return readDetail(db, await requireDiploma(db, scope, input.id, 'registry.read'));
}
