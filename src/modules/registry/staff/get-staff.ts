import type { Db } from '../../../db/connection.ts';
import { isUuid } from '../../../lib/ids.ts';
import { forbidden, notFound } from '../../../core/errors.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { StaffRecord } from '../contract.ts';
import { staffRecordRow, trainingOf } from './repo.ts';

/**
 * A staff member's record (issue #13 item 5): identity, position, subject,
 * qualification, employment type, rank, level taught, training entries and,
 * once they left, the day and reason. The personal id is shown in full only
 * to those who may edit the school's records; others see it masked.
 */
export async function getStaff(
  db: Db,
  scope: Scope,
  input: { staffId: string },
): Promise<StaffRecord> {
  scope.require('registry.read');
  if (!isUuid(input.staffId)) throw notFound('cán bộ, giáo viên');
  const row = await staffRecordRow(db, input.staffId);
  if (!row) throw notFound('cán bộ, giáo viên');
  if (!scope.containsPath(row.path)) throw forbidden();
  const canEdit = scope.can('registry.write');
  const training = await trainingOf(db, row.id);
  return {
    id: row.id,
    school: { id: row.school_id, code: row.school_code, name: row.school_name },
    schoolLevels: row.levels,
    fullName: row.full_name,
    birthDate: row.birth_date,
    gender: row.gender,
    personalId: row.personal_id
      ? canEdit
        ? row.personal_id
        : `********${row.personal_id.slice(-4)}`
      : null,
    personalIdMasked: Boolean(row.personal_id) && !canEdit,
    position: row.position,
    mainSubject: row.main_subject,
    qualification: row.qualification,
    employmentType: row.employment_type,
    rank: row.rank,
    levelTaught: row.level_taught,
    active: row.active,
    leftOn: row.left_on,
    leaveReason: row.leave_reason,
    training: training.map((t) => ({
      id: t.id,
      fromDate: t.from_date,
      toDate: t.to_date,
      content: t.content,
      certificate: t.certificate,
    })),
    version: row.version,
  };
}
