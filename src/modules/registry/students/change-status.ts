import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { StudentStatus } from '../../../db/schema.ts';
import { isUuid } from '../../../lib/ids.ts';
import { badRequest, notFound } from '../../../core/errors.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { staleVersion } from '../../../core/versions.ts';
import type { StatusChanged } from '../contract.ts';
import { findStudent, studentVersion, updateStatus } from './repo.ts';

/**
 * A student leaves (transferred, dropped out, graduated) or comes back: a
 * status change with its reason, never a row deletion. Audited like every
 * change to the student. `version`, when sent, is the one the page showed:
 * a 409 if the student changed since.
 */
export async function changeStudentStatus(
  db: Db,
  scope: Scope,
  input: {
    studentId: string;
    status: StudentStatus;
    reason: string;
    version?: number | undefined;
  },
): Promise<StatusChanged> {
  const { studentId } = input;
  if (!isUuid(studentId)) throw notFound('học sinh');
  const student = await findStudent(db, studentId);
  if (!student) throw notFound('học sinh');
  await scope.requireUnit(db, student.school_id, 'registry.write');
  const reason = input.reason.trim();
  if (!reason)
    throw badRequest('Cần ghi lý do thay đổi trạng thái.', [
      { path: 'reason', message: 'Cần ghi lý do.' },
    ]);
  const version = await writeTransaction(db, scope.actor, async (tx) => {
    const done = await updateStatus(tx, studentId, { status: input.status, reason }, input.version);
    if (done !== undefined) return done;
    const now = await studentVersion(tx, studentId);
    throw staleVersion(`Học sinh ${now.full_name}`, {
      sent: input.version ?? now.version,
      current: now.version,
    });
  });
  return { id: studentId, status: input.status, statusReason: reason, version };
}
