import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { badRequest } from '../../../core/errors.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { isUuid } from '../../../lib/ids.ts';
import { sortByVietnameseName } from '../../../lib/vietnamese.ts';
import type { IncomingStudentRow } from '../contract.ts';
import { loadClass } from '../classes/load-class.ts';
import { checkSchoolYear, requireSchool } from '../schools/access.ts';
import { enrolIntakes, incomingRows, lockIntakes } from './repo.ts';

/**
 * A school's incoming students of a year (admitted by an admissions
 * campaign), those waiting for a class first, then by name.
 */
export async function listIncomingStudents(
  db: Db,
  scope: Scope,
  input: { schoolId: string; schoolYear: string },
): Promise<IncomingStudentRow[]> {
  checkSchoolYear(input.schoolYear);
  await requireSchool(db, scope, input.schoolId, 'registry.read');
  const rows = await incomingRows(db, input.schoolId, input.schoolYear);
  const sorted = sortByVietnameseName(rows, (r) => r.fullName);
  return [...sorted.filter((r) => !r.classId), ...sorted.filter((r) => r.classId)].map((r) => ({
    ...r,
    receivedAt: r.receivedAt.toISOString(),
  }));
}

/**
 * Puts incoming students into a class of their school, year and grade: an
 * enrolment of the year, like any student's. Every id or none; a student
 * already in a class is moved to this one.
 */
export async function assignIncomingClass(
  db: Db,
  scope: Scope,
  input: { schoolId: string; classId: string; intakeIds: string[] },
): Promise<{ assigned: number }> {
  const school = await requireSchool(db, scope, input.schoolId, 'registry.write');
  const cls = await loadClass(db, scope, input.classId, 'registry.write');
  if (cls.school_id !== school.id)
    throw badRequest(`Lớp ${cls.name} không thuộc ${school.name}.`, [
      { path: 'classId', message: 'Hãy chọn một lớp của trường.' },
    ]);
  const ids = [...new Set(input.intakeIds)];
  if (!ids.length || ids.some((id) => !isUuid(id)))
    throw badRequest('Hãy chọn ít nhất một học sinh trong danh sách chờ xếp lớp.', [
      { path: 'intakeIds', message: 'Chưa chọn học sinh.' },
    ]);
  return writeTransaction(db, scope.actor, async (tx) => {
    const rows = await lockIntakes(tx, school.id, ids);
    if (rows.length !== ids.length)
      throw badRequest('Có học sinh không thuộc danh sách chờ xếp lớp của trường; chưa xếp ai.', [
        { path: 'intakeIds', message: 'Hãy tải lại danh sách.' },
      ]);
    const wrong = rows.filter((r) => r.school_year !== cls.school_year || r.grade !== cls.grade);
    if (wrong.length)
      throw badRequest(
        `Lớp ${cls.name} là lớp ${cls.grade ?? '—'} năm học ${cls.school_year}; ${wrong.length} học sinh được nhận vào lớp ${wrong[0]!.grade} năm học ${wrong[0]!.school_year}. Chưa xếp ai.`,
        [{ path: 'classId', message: 'Hãy chọn lớp đúng khối và năm học.' }],
      );
    await enrolIntakes(tx, school.id, cls.id, rows);
    return { assigned: rows.length };
  });
}
