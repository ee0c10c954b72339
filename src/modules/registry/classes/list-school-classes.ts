import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { ClassRow } from '../contract.ts';
import { checkSchoolYear, requireSchool } from '../schools/access.ts';
import { withHomeroomWarnings } from './homeroom-rule.ts';
import { classRows } from './repo.ts';

/** A school's classes of a year with homeroom teacher and student count, by grade then name. */
export async function listSchoolClasses(
  db: Db,
  scope: Scope,
  input: { schoolId: string; schoolYear: string },
): Promise<ClassRow[]> {
  checkSchoolYear(input.schoolYear);
  await requireSchool(db, scope, input.schoolId, 'registry.read');
  const rows = await classRows(db, input.schoolId, input.schoolYear);
  const collator = new Intl.Collator('vi', { numeric: true });
  return withHomeroomWarnings(
    rows.sort((a, b) => (a.grade ?? 0) - (b.grade ?? 0) || collator.compare(a.name, b.name)),
  );
}
