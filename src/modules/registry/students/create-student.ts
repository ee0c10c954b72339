import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { uuidv7 } from '../../../lib/ids.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { StudentCreateBody, StudentRecord } from '../contract.ts';
import { loadClass } from '../classes/load-class.ts';
import { checkSchoolYear, requireSchool } from '../schools/access.ts';
import { getStudent } from './get-student.ts';
import { insertStudent } from './repo.ts';
import { requireIdsFree, validateStudent } from './student-fields.ts';
import { badRequest } from '../../../core/errors.ts';

/** One student added by hand to a school, enrolled in a class of the year (studying). */
export async function createStudent(
  db: Db,
  scope: Scope,
  input: { schoolId: string; schoolYear: string; body: StudentCreateBody },
): Promise<StudentRecord> {
  checkSchoolYear(input.schoolYear);
  await requireSchool(db, scope, input.schoolId, 'registry.write');
  const cls = await loadClass(db, scope, input.body.classId, 'registry.write');
  if (cls.school_id !== input.schoolId || cls.school_year !== input.schoolYear)
    throw badRequest(`Lớp ${cls.name} không thuộc trường này trong năm học ${input.schoolYear}.`, [
      { path: 'classId', message: 'Hãy chọn một lớp của trường trong năm học.' },
    ]);
  const fields = validateStudent(input.body);
  await requireIdsFree(db, scope, fields);
  const id = uuidv7();
  await writeTransaction(db, scope.actor, (tx) =>
    insertStudent(
      tx,
      { id, school_id: input.schoolId, ...fields, status_reason: null },
      {
        student_id: id,
        school_year: input.schoolYear,
        school_id: input.schoolId,
        class_id: cls.id,
      },
    ),
  );
  return getStudent(db, scope, { studentId: id });
}
