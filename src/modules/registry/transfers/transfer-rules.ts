import type { Updateable } from 'kysely';
import type { Actor, Tx } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { StudentTransferTable } from '../../../db/schema.ts';
import { isUuid } from '../../../lib/ids.ts';
import { badRequest, conflict, notFound } from '../../../core/errors.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { TransferView } from '../contract.ts';
import {
  classOfSchoolYear,
  decideTransfer,
  enrolInClass,
  enrolmentOf,
  laterEnrolment,
  moveStudentSchool,
  transferRecord,
  transferRow,
  type TransferRow,
} from './repo.ts';

/**
 * A student moves from school A to school B (chuyển trường, Quyết định
 * 51/2002/QĐ-BGDĐT: the sending school agrees, the receiving school admits).
 * With a scope over both schools it is one step; otherwise A requests, B
 * accepts (choosing a class) or rejects, and A may cancel while it waits.
 * Nobody places a student into a school outside their scope, nobody pulls one
 * out of a school outside it. The transfer row is never deleted: both schools
 * keep it, and earlier years' enrolments stay with the old school.
 *
 * This file holds the steps the transfer use cases share.
 */

export function toView(scope: Scope, r: TransferRow): TransferView {
  // The old school keeps the record, not the details of a student it no longer
  // has; the receiving school sees who is coming while it decides.
  const seesStudent =
    scope.containsPath(r.current_path) ||
    (r.status === 'requested' && scope.containsPath(r.ts_path));
  return {
    id: r.id,
    status: r.status,
    schoolYear: r.school_year,
    student: {
      id: r.student_id,
      fullName: r.full_name,
      birthDate: seesStudent ? r.birth_date : null,
    },
    from: { school: { id: r.fs_id, code: r.fs_code, name: r.fs_name }, className: r.fc_name },
    to: { school: { id: r.ts_id, code: r.ts_code, name: r.ts_name }, className: r.tc_name },
    reason: r.reason,
    decisionNumber: r.decision_number,
    decisionReason: r.decision_reason,
    requestedAt: r.requested_at.toISOString(),
    requestedBy: r.requested_by_name,
    decidedAt: r.decided_at?.toISOString() ?? null,
    decidedBy: r.decided_by_name,
  };
}

export async function viewOf(db: Db, scope: Scope, id: string): Promise<TransferView> {
  return toView(scope, await transferRow(db, id));
}

export const required = (value: string | undefined, path: string, what: string): string => {
  const v = value?.trim() ?? '';
  if (!v) throw badRequest(`Cần ghi ${what}.`, [{ path, message: `Cần ghi ${what}.` }]);
  return v;
};

/** The class the student joins: B's class of that school year. */
export async function checkClass(
  db: Db,
  classId: string | undefined,
  school: { id: string; name: string },
  schoolYear: string,
): Promise<string> {
  if (!classId)
    throw badRequest(`Cần chọn lớp ở ${school.name} năm học ${schoolYear}.`, [
      { path: 'toClassId', message: 'Cần chọn lớp chuyển đến.' },
    ]);
  const cls = isUuid(classId)
    ? await classOfSchoolYear(db, classId, school.id, schoolYear)
    : undefined;
  if (!cls)
    throw badRequest(`Lớp được chọn không thuộc ${school.name} năm học ${schoolYear}.`, [
      { path: 'toClassId', message: `Cần một lớp của ${school.name} năm học ${schoolYear}.` },
    ]);
  return cls.id;
}

/**
 * Moves the student in one transaction: student.school_id, and that year's
 * enrolment to B's class. Returns the class the student left (null if none).
 */
export async function moveStudent(
  tx: Tx,
  t: { student_id: string; school_year: string; from_school_id: string; to_school_id: string },
  toClassId: string,
): Promise<string | null> {
  const later = await laterEnrolment(tx, t.student_id, t.school_year);
  if (later)
    throw conflict(
      `Học sinh đã được xếp lớp năm học ${later.school_year} ở trường cũ: hãy chuyển trường cho năm học ${later.school_year}.`,
    );
  if (!(await moveStudentSchool(tx, t.student_id, t.from_school_id, t.to_school_id)))
    throw conflict('Học sinh không còn đang học tại trường chuyển đi: không thể chuyển trường.');
  const current = await enrolmentOf(tx, t.student_id, t.school_year);
  await enrolInClass(
    tx,
    {
      studentId: t.student_id,
      schoolYear: t.school_year,
      schoolId: t.to_school_id,
      classId: toClassId,
    },
    Boolean(current),
  );
  return current ? current.class_id : null;
}

export type Side = 'from' | 'to';

/** A pending transfer the caller may decide on from `side`; 403 without scope on that side. */
export async function pendingTransfer(db: Db, scope: Scope, id: string, side: Side) {
  scope.require('registry.write');
  if (!isUuid(id)) throw notFound('đề nghị chuyển trường');
  const t = await transferRecord(db, id);
  if (!t) throw notFound('đề nghị chuyển trường');
  const unit = await scope.requireUnit(
    db,
    side === 'from' ? t.from_school_id : t.to_school_id,
    'registry.write',
  );
  if (t.status !== 'requested')
    throw conflict(
      `Đề nghị chuyển trường đã ${{ accepted: 'được tiếp nhận', rejected: 'bị từ chối', cancelled: 'bị huỷ', requested: '' }[t.status]}; không thể xử lý lại.`,
    );
  return { transfer: t, unit };
}

/**
 * Records the decision on a pending transfer; one taken meanwhile by someone
 * else (the row is no longer 'requested') makes it a 409.
 */
export async function decide(
  tx: Tx,
  id: string,
  actor: Actor,
  fields: Updateable<StudentTransferTable>,
): Promise<void> {
  if (!(await decideTransfer(tx, id, actor, fields)))
    throw conflict('Đề nghị chuyển trường vừa được xử lý bởi người khác.');
}
