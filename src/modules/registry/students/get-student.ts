import type { Db } from '../../../db/connection.ts';
import { isUuid } from '../../../lib/ids.ts';
import { forbidden, notFound } from '../../../core/errors.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { StudentRecord } from '../contract.ts';
import { studentHistory } from '../transfers/student-history.ts';
import { studentDiplomas, studentRecordRow } from './repo.ts';
import { maskPersonalId } from './search-students.ts';

/**
 * A student's record: identity, guardian and contacts, enrolment per year,
 * status history, transfers and diplomas. For a scope over the student's
 * current school. The full personal id goes only to those who may write
 * there (they correct it); others see it masked (docs/schools.md).
 */
export async function getStudent(
  db: Db,
  scope: Scope,
  input: { studentId: string },
): Promise<StudentRecord> {
  scope.require('registry.read');
  if (!isUuid(input.studentId)) throw notFound('học sinh');
  const row = await studentRecordRow(db, input.studentId);
  if (!row) throw notFound('học sinh');
  if (!scope.containsPath(row.path)) throw forbidden();
  const canEdit = scope.can('registry.write');
  const history = await studentHistory(db, scope, row.id);
  const diplomas = await studentDiplomas(db, row.id);
  return {
    id: row.id,
    fullName: row.full_name,
    birthDate: row.birth_date,
    gender: row.gender,
    ethnicity: row.ethnicity,
    birthPlace: row.birth_place,
    studentCode: row.student_code,
    personalId: canEdit ? row.personal_id : null,
    personalIdMasked: maskPersonalId(row.personal_id),
    guardianName: row.guardian_name,
    address: row.address,
    phone: row.phone,
    status: row.status,
    statusReason: row.status_reason,
    school: { id: row.school_id, code: row.school_code, name: row.school_name },
    canEdit,
    version: row.version,
    enrolments: history.enrolments,
    statusChanges: history.statusChanges,
    transfers: history.transfers,
    diplomas: diplomas.map((d) => ({
      id: d.id,
      diplomaType: d.diploma_type,
      serialNumber: d.serial_number,
      registerNumber: d.register_number,
      graduationYear: d.graduation_year,
      issueDate: d.issue_date,
      status: d.status,
    })),
  };
}
