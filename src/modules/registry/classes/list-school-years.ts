import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { nextYearOf, schoolYearOf, type SchoolYears } from '../contract.ts';
import { schoolYearsInScope } from './repo.ts';

/**
 * The school years a page may offer (issue #13 item 7: a select, never free
 * text): every year that has classes in the caller's subtree, with the
 * running year and the next one (the year a promotion or an import opens),
 * newest first.
 */
export async function listSchoolYears(db: Db, scope: Scope): Promise<SchoolYears> {
  scope.require('registry.read');
  const current = schoolYearOf();
  const years = new Set([nextYearOf(current), current, ...(await schoolYearsInScope(db, scope))]);
  return { current, years: [...years].sort().reverse() };
}
