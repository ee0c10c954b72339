import type { Scope } from '../../core/access/scope.ts';
import { badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { graduatingStudents } from '../registry/index.ts';
import { requireAuthority } from './access.ts';
import type { IssueFromStudentsAnswer, IssueFromStudentsBody } from './contract.ts';
import { issueBatch, type GraduateEntry } from './issue-batch.ts';
import { studentsHolding } from './repo.ts';
import { resolveContext, type ContextSource } from './signing.ts';

/**
 * Issues diplomas to a school's final-grade students straight from the
 * registry (grade 12 for upper-secondary, 9 for lower-secondary). Needs
 * registry.write on the issuing authority and registry.read on the school.
 * Students who already hold a diploma of this type are skipped: never a
 * second original. `studentIds` (the students ticked on the preview) issues
 * to those only; an id that is not a final-grade student of the school and
 * year is refused, and nothing is issued.
 */
export async function issueFromStudents(
  db: Db,
  scope: Scope,
  input: IssueFromStudentsBody,
  context: ContextSource,
): Promise<IssueFromStudentsAnswer> {
  const grant = await requireAuthority(db, scope, input.authorityId, 'registry.write');
  await scope.requireUnit(db, input.schoolId, 'registry.read');
  const ctx = resolveContext(context);
  const grade = input.diplomaType === 'upper_secondary' ? 12 : 9;
  const all = await graduatingStudents(db, input.schoolId, input.schoolYear, grade);
  const chosen = input.studentIds ? new Set(input.studentIds) : null;
  if (chosen) {
    const known = new Set(all.map((s) => s.id));
    const strangers = [...chosen].filter((id) => !known.has(id));
    if (strangers.length > 0) {
      const message = `${strangers.length} học sinh đã chọn không thuộc lớp cuối cấp (lớp ${grade}) của trường trong năm học ${input.schoolYear}; chưa cấp văn bằng nào.`;
      throw badRequest(message, [{ path: 'body.studentIds', message }]);
    }
  }
  const students = chosen ? all.filter((s) => chosen.has(s.id)) : all;
  const already = await studentsHolding(
    db,
    input.diplomaType,
    students.map((s) => s.id),
  );
  const entries: GraduateEntry[] = students
    .filter((s) => !already.has(s.id))
    .map((s) => ({
      fullName: s.fullName,
      birthDate: s.birthDate,
      birthPlace: s.birthPlace,
      gender: s.gender,
      ethnicity: s.ethnicity,
      schoolName: s.schoolName,
      graduationYear: input.graduationYear,
      decisionNumber: input.decisionNumber,
      decisionDate: input.decisionDate,
      studentId: s.id,
    }));
  const issued = await issueBatch(db, grant, { ...input, entries }, ctx);
  return { issued, skipped: students.length - entries.length };
}
