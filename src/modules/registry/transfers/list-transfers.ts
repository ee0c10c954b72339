import type { Db } from '../../../db/connection.ts';
import type { TransferStatus } from '../../../db/schema.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { TransferView } from '../contract.ts';
import { transfersOfSchool } from './repo.ts';
import { toView } from './transfer-rules.ts';

/** A school's incoming (to it) or outgoing (from it) transfers, newest first. */
export async function listTransfers(
  db: Db,
  scope: Scope,
  query: {
    schoolId: string;
    direction: 'incoming' | 'outgoing';
    status?: TransferStatus | undefined;
  },
): Promise<TransferView[]> {
  await scope.requireUnit(db, query.schoolId, 'registry.read');
  const rows = await transfersOfSchool(db, {
    schoolId: query.schoolId,
    direction: query.direction,
    ...(query.status ? { status: query.status } : {}),
  });
  return rows.map((r) => toView(scope, r));
}
