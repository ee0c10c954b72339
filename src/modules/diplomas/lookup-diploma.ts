import { badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { searchKey } from '../../lib/vietnamese.ts';
import type { LookupAnswer } from './contract.ts';
import { findPublic } from './repo.ts';

/**
 * Public lookup, no sign-in: serial or register entry number, plus full name
 * (diacritics ignored) and full date of birth. Only what proves the diploma
 * comes back: never the date of birth, nor the credential that holds it
 * (DESIGN). The route limits how often one client may ask.
 */
export async function lookupDiploma(
  db: Db,
  query: {
    serial?: string | undefined;
    registerNumber?: string | undefined;
    fullName: string;
    birthDate: string;
  },
): Promise<LookupAnswer> {
  const serial = query.serial?.trim();
  const registerNumber = query.registerNumber?.trim();
  if (!serial && !registerNumber) throw badRequest('Cần số hiệu hoặc số vào sổ gốc của văn bằng.');
  const name = searchKey(query.fullName);
  if (!name) throw badRequest('Cần họ và tên đầy đủ.');
  const rows = await findPublic(
    db,
    serial
      ? { searchName: name, birthDate: query.birthDate, serial }
      : { searchName: name, birthDate: query.birthDate, registerNumber: registerNumber! },
  );
  const diplomas = rows.map((r) => ({
    fullName: r.full_name,
    diplomaType: r.diploma_type,
    schoolName: r.school_name,
    graduationYear: r.graduation_year,
    serialNumber: r.serial_number,
    status: r.status,
  }));
  return { found: diplomas.length > 0, diplomas };
}
