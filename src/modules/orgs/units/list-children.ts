import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { UnitSummary } from '../contract.ts';
import { childSummaries } from './repo.ts';

export async function listChildren(db: Db, scope: Scope, unitId: string): Promise<UnitSummary[]> {
  await scope.requireUnit(db, unitId, 'org.read');
  const rows = await childSummaries(db, unitId);
  const collator = new Intl.Collator('vi');
  return rows.sort((a, b) => collator.compare(a.name, b.name));
}
