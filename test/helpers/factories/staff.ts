import type { Insertable } from 'kysely';
import { systemActor, writeTransaction } from '../../../src/db/actor.ts';
import type { Db } from '../../../src/db/connection.ts';
import type { Gender, StaffPosition, StaffTable } from '../../../src/db/schema.ts';
import { uuidv7 } from '../../../src/lib/ids.ts';
import { searchKey, splitName } from '../../../src/lib/vietnamese.ts';

/** A member of staff as a test names them; everything but the school and name has a default. */
export interface StaffSpec {
  schoolId: string;
  fullName: string;
  id?: string;
  /** yyyy-mm-dd */
  birthDate?: string;
  gender?: Gender;
  personalId?: string | null;
  position?: StaffPosition;
  mainSubject?: string | null;
  qualification?: string | null;
  employmentType?: string | null;
  active?: boolean;
}

/**
 * The row `staff` takes for a spec, the derived columns (name parts, search
 * key) computed as the import computes them: for a test that inserts inside
 * its own transaction.
 */
export function staffRow(spec: StaffSpec): Insertable<StaffTable> {
  const parts = splitName(spec.fullName);
  return {
    id: spec.id ?? uuidv7(),
    school_id: spec.schoolId,
    full_name: spec.fullName,
    family_name: parts.familyName,
    middle_name: parts.middleName,
    given_name: parts.givenName,
    search_name: searchKey(spec.fullName),
    birth_date: spec.birthDate ?? '1985-01-01',
    gender: spec.gender ?? 'female',
    personal_id: spec.personalId ?? null,
    position: spec.position ?? 'teacher',
    main_subject: spec.mainSubject ?? null,
    qualification: spec.qualification ?? null,
    employment_type: spec.employmentType ?? null,
    active: spec.active ?? true,
  };
}

/** Inserts staff in one audited transaction; their ids, in the order given. */
export async function makeStaff(db: Db, ...specs: StaffSpec[]): Promise<string[]> {
  const rows = specs.map(staffRow);
  if (rows.length)
    await writeTransaction(db, systemActor('test'), (tx) =>
      tx.insertInto('staff').values(rows).execute(),
    );
  return rows.map((r) => r.id);
}
