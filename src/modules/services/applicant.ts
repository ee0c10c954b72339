import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import type { ApplicantQuery } from './contract.ts';
import { applicationByCode } from './repo.ts';

/**
 * The applicant's own application: the code and the personal id together.
 * Either wrong gives the same 404, so a code alone tells nothing.
 */
export async function requireApplicant(db: Db, query: ApplicantQuery) {
  const row = await applicationByCode(db, query.code.trim().toUpperCase());
  if (!row || row.personal_id !== query.personalId)
    throw notFound('hồ sơ với mã và số định danh này');
  return row;
}
