import type { Db } from '../../db/connection.ts';
import { searchKey } from '../../lib/vietnamese.ts';
import { findForApplicant } from './repo.ts';

/**
 * For the public services (issue #19): the register entry an applicant asks
 * a copy of, matched on all three of its own serial number, full name
 * (diacritics ignored) and date of birth — never on the serial alone, so an
 * answer says nothing about another person's diploma. Only the entry's id
 * and authority come back; reading or copying it still needs a Scope.
 */
export async function findDiplomaOfApplicant(
  db: Db,
  query: { serialNumber: string; fullName: string; birthDate: string },
): Promise<{ id: string; authorityId: string; revoked: boolean } | null> {
  const name = searchKey(query.fullName);
  const serial = query.serialNumber.trim();
  if (!name || !serial) return null;
  const row = await findForApplicant(db, {
    searchName: name,
    birthDate: query.birthDate,
    serial,
  });
  return row
    ? { id: row.id, authorityId: row.authority_id, revoked: row.status === 'revoked' }
    : null;
}
