import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { StudentStatus } from '../../../db/schema.ts';
import { isUuid, uuidv7 } from '../../../lib/ids.ts';
import { badRequest, conflict, notFound } from '../../../core/errors.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { schoolYearOf, type TransferView } from '../contract.ts';
import {
  activeSchoolByCode,
  enrolledClass,
  insertTransfer,
  laterEnrolment,
  pendingTransferOf,
  studentForTransfer,
} from './repo.ts';
import { checkClass, moveStudent, required, viewOf } from './transfer-rules.ts';

const STATUS_LABEL: Record<StudentStatus, string> = {
  studying: 'đang học',
  transferred: 'đã chuyển đi',
  dropped_out: 'đã thôi học',
  graduated: 'đã tốt nghiệp',
};

export interface TransferRequest {
  studentId: string;
  toSchoolCode: string;
  /** Needed when the caller's scope covers both schools (one-step transfer). */
  toClassId?: string | undefined;
  reason: string;
  decisionNumber?: string | undefined;
  schoolYear?: string | undefined;
}

/**
 * A's side: asks for the transfer, or, when the caller also reaches B, does it
 * at once into the chosen class.
 */
export async function requestTransfer(
  db: Db,
  scope: Scope,
  input: TransferRequest,
): Promise<TransferView> {
  scope.require('registry.write');
  if (!isUuid(input.studentId)) throw notFound('học sinh');
  const student = await studentForTransfer(db, input.studentId);
  if (!student) throw notFound('học sinh');
  const from = await scope.requireUnit(db, student.school_id, 'registry.write');
  const reason = required(input.reason, 'reason', 'lý do chuyển trường');
  if (student.status !== 'studying')
    throw conflict(
      `Chỉ chuyển trường được học sinh đang học; ${student.full_name} hiện ${STATUS_LABEL[student.status]}.`,
    );
  const code = required(input.toSchoolCode, 'toSchoolCode', 'mã trường chuyển đến');
  const to = await activeSchoolByCode(db, code);
  if (!to)
    throw badRequest(`Không có trường đang hoạt động mang mã "${code}".`, [
      { path: 'toSchoolCode', message: 'Mã trường không có trong danh mục.' },
    ]);
  if (to.id === from.id)
    throw badRequest('Trường chuyển đến trùng với trường hiện tại.', [
      { path: 'toSchoolCode', message: 'Cần một trường khác.' },
    ]);
  const schoolYear = input.schoolYear ?? schoolYearOf();
  // The form offers the years that exist; a year the student has already left
  // behind (promoted since) would leave the request unacceptable.
  const later = await laterEnrolment(db, student.id, schoolYear);
  if (later)
    throw badRequest(
      `${student.full_name} đã được xếp lớp năm học ${later.school_year}: hãy chọn năm học ${later.school_year}.`,
      [{ path: 'year', message: `Cần chọn năm học ${later.school_year}.` }],
    );
  if (await pendingTransferOf(db, student.id))
    throw conflict(
      `${student.full_name} đang có đề nghị chuyển trường chờ xử lý; hãy huỷ hoặc chờ xử lý đề nghị đó trước.`,
    );
  const bothSides = scope.containsPath(to.path);
  const toClassId = bothSides ? await checkClass(db, input.toClassId, to, schoolYear) : null;
  const fromClass = await enrolledClass(db, student.id, schoolYear, from.id);
  const id = uuidv7();
  const actor = scope.actor;
  await writeTransaction(db, actor, async (tx) => {
    let fromClassId = fromClass?.class_id ?? null;
    if (toClassId)
      fromClassId = await moveStudent(
        tx,
        {
          student_id: student.id,
          school_year: schoolYear,
          from_school_id: from.id,
          to_school_id: to.id,
        },
        toClassId,
      );
    await insertTransfer(tx, {
      student_id: student.id,
      id,
      school_year: schoolYear,
      from_school_id: from.id,
      from_class_id: fromClassId,
      to_school_id: to.id,
      to_class_id: toClassId,
      status: toClassId ? 'accepted' : 'requested',
      reason,
      decision_number: input.decisionNumber?.trim() || null,
      decision_reason: null,
      requested_by: actor.id,
      requested_by_name: actor.name,
      decided_at: toClassId ? new Date() : null,
      decided_by: toClassId ? actor.id : null,
      decided_by_name: toClassId ? actor.name : null,
    });
  });
  return viewOf(db, scope, id);
}
