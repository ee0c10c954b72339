import type { Db } from '../../../db/connection.ts';
import { isUuid } from '../../../lib/ids.ts';
import { forbidden, notFound } from '../../../core/errors.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { StudentHistory } from '../contract.ts';
import { listFieldChanges } from '../../orgs/index.ts';
import { enrolmentsOf, studentWithSchool, transfersOfStudent } from './repo.ts';
import { toView } from './transfer-rules.ts';

/**
 * A student's path through the schools: enrolments by year, transfers and
 * status changes (from the audit log). Only for a scope over the student's
 * current school; the old school keeps its transfer records (listTransfers).
 */
export async function studentHistory(
  db: Db,
  scope: Scope,
  studentId: string,
): Promise<StudentHistory> {
  if (!isUuid(studentId)) throw notFound('học sinh');
  const student = await studentWithSchool(db, studentId);
  if (!student) throw notFound('học sinh');
  scope.require('registry.read');
  if (!scope.containsPath(student.path)) throw forbidden();
  const enrolments = await enrolmentsOf(db, studentId);
  const transfers = await transfersOfStudent(db, studentId);
  // Status changes come from the audit log, read through orgs (its owner).
  const changes = await listFieldChanges(db, {
    entityType: 'student',
    entityId: studentId,
    field: 'status',
  });
  const field = (j: unknown, k: string): string | null => {
    const v = j && typeof j === 'object' ? (j as Record<string, unknown>)[k] : null;
    return typeof v === 'string' ? v : null;
  };
  return {
    student: {
      id: student.id,
      fullName: student.full_name,
      birthDate: student.birth_date,
      status: student.status,
      statusReason: student.status_reason,
      school: { id: student.school_id, code: student.school_code, name: student.school_name },
    },
    enrolments: enrolments.map((e) => ({
      schoolYear: e.school_year,
      school: { id: e.id, code: e.code, name: e.name },
      className: e.class_name,
      grade: e.grade,
    })),
    transfers: transfers.map((t) => toView(scope, t)),
    statusChanges: changes.map((c) => ({
      at: c.at.toISOString(),
      actorName: c.actorName,
      from: field(c.before, 'status'),
      to: field(c.after, 'status'),
      reason: field(c.after, 'status_reason'),
    })),
  };
}
