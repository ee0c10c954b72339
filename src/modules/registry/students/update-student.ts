import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { isUuid } from '../../../lib/ids.ts';
import { forbidden, notFound } from '../../../core/errors.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { changedOnly, checkVersion, staleVersion } from '../../../core/versions.ts';
import type { StudentPatch, StudentRecord } from '../contract.ts';
import { getStudent } from './get-student.ts';
import { lockStudent, studentRecordRow, updateStudentRow } from './repo.ts';
import { requireIdsFree, validateStudent } from './student-fields.ts';

/**
 * Edits a student's identity, guardian and contacts: only the fields sent,
 * checked together with the recorded ones under a row lock; a stale
 * `version` is a 409 that changes nothing. The status has its own route.
 */
export async function updateStudent(
  db: Db,
  scope: Scope,
  input: { studentId: string; patch: StudentPatch },
): Promise<StudentRecord> {
  scope.require('registry.write');
  if (!isUuid(input.studentId)) throw notFound('học sinh');
  const found = await studentRecordRow(db, input.studentId);
  if (!found) throw notFound('học sinh');
  if (!scope.containsPath(found.path)) throw forbidden();
  const { patch } = input;
  const what = `Học sinh ${found.full_name}`;
  await writeTransaction(db, scope.actor, async (tx) => {
    const row = await lockStudent(tx, found.id);
    if (!row) throw notFound('học sinh');
    checkVersion(what, patch.version, row.version);
    const pick = <T>(sent: T | undefined, recorded: T): T => (sent !== undefined ? sent : recorded);
    const fields = validateStudent({
      fullName: pick(patch.fullName, row.full_name),
      birthDate: pick(patch.birthDate, row.birth_date),
      gender: pick(patch.gender, row.gender),
      personalId: pick(patch.personalId, row.personal_id),
      studentCode: pick(patch.studentCode, row.student_code),
      ethnicity: pick(patch.ethnicity, row.ethnicity),
      birthPlace: pick(patch.birthPlace, row.birth_place),
      address: pick(patch.address, row.address),
      guardianName: pick(patch.guardianName, row.guardian_name),
      phone: pick(patch.phone, row.phone),
    });
    const changed = changedOnly(fields, row);
    if (Object.keys(changed).length === 0) return;
    await requireIdsFree(tx, scope, fields, found.id);
    if (!(await updateStudentRow(tx, found.id, row.version, changed))) throw staleVersion(what);
  });
  return getStudent(db, scope, { studentId: found.id });
}
