import type { Db } from '../../../db/connection.ts';
import type { SchoolLevel } from '../../../db/schema.ts';
import { isUuid } from '../../../lib/ids.ts';
import { badRequest, conflict, type FieldError } from '../../../core/errors.ts';
import { LEVEL_LABELS } from '../../orgs/index.ts';
import { classNamed, homeroomPerson } from './repo.ts';

/** A class's fields as written (name normalised, homeroom teacher's staff id or null). */
export interface ClassFields {
  name: string;
  grade: number | null;
  sessionsPerDay: number;
  homeroom: string | null;
}

/** Grades a school of these levels teaches; preschool age groups have no grade. */
function gradeFits(levels: SchoolLevel[], grade: number | null): boolean {
  if (grade === null) return levels.includes('preschool');
  if (grade >= 1 && grade <= 5) return levels.includes('primary');
  if (grade >= 6 && grade <= 9) return levels.includes('lower_secondary');
  if (grade >= 10 && grade <= 12) return levels.includes('upper_secondary');
  return false;
}

/** Checks a class's fields against its school; every problem at once, in Vietnamese. */
export async function validateClass(
  db: Db,
  school: { id: string; levels: SchoolLevel[] },
  fields: ClassFields,
): Promise<void> {
  const errors: FieldError[] = [];
  if (!fields.name) errors.push({ path: 'name', message: 'Tên lớp không được để trống.' });
  else if (fields.name.length > 30)
    errors.push({ path: 'name', message: 'Tên lớp dài tối đa 30 ký tự.' });
  if (
    fields.grade !== null &&
    (!Number.isInteger(fields.grade) || fields.grade < 1 || fields.grade > 12)
  )
    errors.push({ path: 'grade', message: 'Khối lớp là số nguyên từ 1 đến 12.' });
  else if (!gradeFits(school.levels, fields.grade))
    errors.push({
      path: 'grade',
      message:
        fields.grade === null
          ? `Chỉ nhóm, lớp mầm non mới để trống khối; trường có cấp học: ${school.levels.map((l) => LEVEL_LABELS[l]).join(', ')}.`
          : `Khối ${fields.grade} không thuộc cấp học của trường (${school.levels.map((l) => LEVEL_LABELS[l]).join(', ')}).`,
    });
  if (fields.sessionsPerDay !== 1 && fields.sessionsPerDay !== 2)
    errors.push({ path: 'sessionsPerDay', message: 'Số buổi học mỗi ngày là 1 hoặc 2.' });
  if (fields.homeroom !== null) {
    const person = isUuid(fields.homeroom) ? await homeroomPerson(db, fields.homeroom) : undefined;
    if (!person || person.school_id !== school.id)
      errors.push({
        path: 'homeroomStaffId',
        message: 'Giáo viên chủ nhiệm phải là cán bộ, giáo viên của chính trường này.',
      });
    else if (!person.active)
      errors.push({
        path: 'homeroomStaffId',
        message: `${person.full_name} đã thôi làm việc tại trường, không thể làm giáo viên chủ nhiệm.`,
      });
  }
  if (errors.length) throw badRequest('Thông tin lớp chưa hợp lệ.', errors);
}

/** A 409 naming the class when the school's year already has one of this name (case aside). */
export async function requireClassNameFree(
  db: Db,
  schoolId: string,
  schoolYear: string,
  name: string,
  exceptId?: string,
): Promise<void> {
  const clash = await classNamed(db, schoolId, schoolYear, name);
  if (clash && clash.id !== exceptId)
    throw conflict(`Năm học ${schoolYear} của trường đã có lớp "${name}".`, [
      { path: 'name', message: 'Tên lớp đã có trong năm học.' },
    ]);
}
