import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { requireAuthority } from './access.ts';
import { blankSerialText } from './blank-serials.ts';
import { DIPLOMA_TYPES, type BlankStock } from './contract.ts';
import { blankRanges, freeBlanks, spoiledBlanks } from './repo.ts';

/** The authority's stock of blank forms: ranges received, forms used and spoiled, what is left. */
export async function blankStock(
  db: Db,
  scope: Scope,
  input: { authorityId: string },
): Promise<BlankStock> {
  const grant = await requireAuthority(db, scope, input.authorityId, 'registry.read');
  const authorityId = grant.authority.id;
  const ranges = await blankRanges(db, authorityId);
  const types: BlankStock['types'] = [];
  for (const diplomaType of DIPLOMA_TYPES) {
    const of = ranges.filter((r) => r.diploma_type === diplomaType);
    if (of.length === 0) continue;
    const received = of.reduce((n, r) => n + r.last_number - r.first_number + 1, 0);
    const issued = of.reduce((n, r) => n + r.issued, 0);
    const spoiled = of.reduce((n, r) => n + r.spoiled, 0);
    const [next] = await freeBlanks(db, authorityId, diplomaType, 1);
    types.push({
      diplomaType,
      received,
      issued,
      spoiled,
      remaining: received - issued - spoiled,
      next: next?.serial ?? null,
    });
  }
  return {
    types,
    ranges: ranges.map((r) => ({
      id: r.id,
      diplomaType: r.diploma_type,
      firstSerial: blankSerialText(r.prefix, r.width, r.first_number),
      lastSerial: blankSerialText(r.prefix, r.width, r.last_number),
      receivedOn: r.received_on,
      reference: r.reference,
      count: r.last_number - r.first_number + 1,
      issued: r.issued,
      spoiled: r.spoiled,
    })),
    spoiledForms: (await spoiledBlanks(db, authorityId)).map((s) => ({
      serial: s.serial,
      diplomaType: s.diploma_type,
      reason: s.reason ?? '',
      at: s.at.toISOString(),
    })),
  };
}
