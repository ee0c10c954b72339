import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { requireDiploma } from './access.ts';
import { readDetail } from './detail.ts';
import { dataSheetPdf } from './pdf.ts';

/** One entry's data sheet with its offline-verifiable QR code (PDF). */
export async function printDataSheet(db: Db, scope: Scope, input: { id: string }): Promise<Buffer> {
  const grant = await requireDiploma(db, scope, input.id, 'registry.read');
  return dataSheetPdf(await readDetail(db, grant), grant.authority.name);
}
