import type { Scope } from '../../core/access/scope.ts';
import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { requireDiploma } from './access.ts';
import type { DiplomaDetail } from './contract.ts';
import { readDetail } from './detail.ts';
import { copyPdf, type CopyEntry } from './pdf.ts';

/** One recorded copy of an entry (its history's copy event), as printed on the copy. */
export function findCopy(d: DiplomaDetail, eventId: string): CopyEntry {
  const event = d.history.find((e) => e.id === eventId && e.kind === 'copy');
  const after = event?.after as { copyNumber?: string; requester?: string; copies?: number } | null;
  if (!event || !after?.copyNumber) throw notFound('bản sao');
  // The copy's date is the day in Việt Nam's time zone.
  const local = new Date(new Date(event.at).getTime() + 7 * 3600_000);
  return {
    copyNumber: after.copyNumber,
    requester: after.requester ?? '',
    copies: after.copies ?? 1,
    issuedOn: local.toISOString().slice(0, 10),
  };
}

/** A certified copy already recorded (record-copy.ts), printed again from the register. */
export async function printCopy(
  db: Db,
  scope: Scope,
  input: { id: string; eventId: string },
): Promise<{ copyNumber: string; pdf: Buffer }> {
  const grant = await requireDiploma(db, scope, input.id, 'registry.read');
  const d = await readDetail(db, grant);
  const copy = findCopy(d, input.eventId);
  return { copyNumber: copy.copyNumber, pdf: await copyPdf(d, copy, grant.authority.name) };
}
