import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { isUuid, uuidv7 } from '../../../lib/ids.ts';
import { normalizeText } from '../../../lib/vietnamese.ts';
import { badRequest, forbidden, notFound, type FieldError } from '../../../core/errors.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { StaffRecord, StaffTrainingInput } from '../contract.ts';
import { getStaff } from './get-staff.ts';
import { insertTraining, staffRecordRow } from './repo.ts';
import { dayField } from './staff-fields.ts';

/** A training entry (bồi dưỡng thường xuyên, đào tạo nâng chuẩn…) added to a staff record. */
export async function addTraining(
  db: Db,
  scope: Scope,
  input: { staffId: string; body: StaffTrainingInput },
): Promise<StaffRecord> {
  scope.require('registry.write');
  if (!isUuid(input.staffId)) throw notFound('cán bộ, giáo viên');
  const found = await staffRecordRow(db, input.staffId);
  if (!found) throw notFound('cán bộ, giáo viên');
  if (!scope.containsPath(found.path)) throw forbidden();
  const { body } = input;
  const errors: FieldError[] = [];
  const content = normalizeText(body.content);
  if (!content) errors.push({ path: 'content', message: 'Cần ghi nội dung bồi dưỡng, đào tạo.' });
  const from = dayField(body.fromDate, 'fromDate', 'Từ ngày', errors);
  const to = body.toDate?.trim() ? dayField(body.toDate, 'toDate', 'Đến ngày', errors) : null;
  if (from && to && to < from)
    errors.push({ path: 'toDate', message: 'Đến ngày không được trước Từ ngày.' });
  if (errors.length) throw badRequest('Chưa ghi được mục bồi dưỡng, đào tạo.', errors);
  await writeTransaction(db, scope.actor, (tx) =>
    insertTraining(tx, {
      id: uuidv7(),
      staff_id: found.id,
      school_id: found.school_id,
      from_date: from!,
      to_date: to,
      content,
      certificate: body.certificate ? normalizeText(body.certificate) || null : null,
    }),
  );
  return getStaff(db, scope, { staffId: found.id });
}
