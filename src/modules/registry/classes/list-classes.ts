import type { Db } from '../../../db/connection.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { ClassSummary } from '../contract.ts';
import { classSummaries } from './repo.ts';

/** A unit's classes (of one year, or every year) with their sizes: newest year, grade, name. */
export async function listClasses(
  db: Db,
  scope: Scope,
  input: { schoolId: string; schoolYear?: string | undefined },
): Promise<ClassSummary[]> {
  await scope.requireUnit(db, input.schoolId, 'registry.read');
  const rows = await classSummaries(db, input.schoolId, input.schoolYear);
  const collator = new Intl.Collator('vi', { numeric: true });
  return rows.sort(
    (a, b) =>
      b.schoolYear.localeCompare(a.schoolYear) ||
      (a.grade ?? 0) - (b.grade ?? 0) ||
      collator.compare(a.name, b.name),
  );
}
