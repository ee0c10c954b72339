import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { requireOfficeUnit, type Caller } from './caller.ts';
import type { OfficeSettings } from './contract.ts';
import { iso } from './present.ts';
import { activeCertificate, findUnit } from './repo.ts';

/** The caller's unit as the office knows it: abbreviation, divisions, signing certificate. */
export async function getSettings(
  db: Db,
  caller: Caller,
  unitId?: string,
): Promise<OfficeSettings> {
  const id = requireOfficeUnit(caller, 'office.read', unitId);
  const unit = await findUnit(db, id);
  if (!unit) throw notFound('đơn vị');
  const cert = await activeCertificate(db, id, 'unit');
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    abbreviation: unit.abbreviation,
    divisions: unit.divisions ?? [],
    certificate: cert
      ? { subject: cert.subject, notAfter: iso(cert.not_after)!, imported: cert.imported }
      : null,
  };
}
