import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { requireAuthority } from './access.ts';
import { registerPdf } from './pdf.ts';
import { registerEntries } from './repo.ts';

/** The register of an authority (of one register year) as printed: PDF, A4 landscape. */
export async function printRegister(
  db: Db,
  scope: Scope,
  input: { authorityId: string; year?: number | undefined },
): Promise<Buffer> {
  const { authority } = await requireAuthority(db, scope, input.authorityId, 'registry.read');
  const rows = await registerEntries(db, authority.id, input.year);
  return registerPdf(authority, rows, { year: input.year });
}
