import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { graduatingStudents } from '../registry/index.ts';
import { requireAuthority } from './access.ts';
import type { GraduatesAnswer, GraduatesQuery } from './contract.ts';
import { studentsHolding } from './repo.ts';

/**
 * The preview of issuing from a school's graduation list: its final-grade
 * students of the year (grade 12 for upper-secondary, 9 for lower-secondary)
 * and whether each already holds a diploma of the type. Same access as
 * issuing: registry.write on the authority, registry.read on the school.
 */
export async function previewGraduates(
  db: Db,
  scope: Scope,
  input: GraduatesQuery,
): Promise<GraduatesAnswer> {
  await requireAuthority(db, scope, input.authorityId, 'registry.write');
  await scope.requireUnit(db, input.schoolId, 'registry.read');
  const grade = input.diplomaType === 'upper_secondary' ? 12 : 9;
  const students = await graduatingStudents(db, input.schoolId, input.schoolYear, grade);
  const holding = await studentsHolding(
    db,
    input.diplomaType,
    students.map((s) => s.id),
  );
  return { students: students.map((s) => ({ ...s, holds: holding.has(s.id) })) };
}
