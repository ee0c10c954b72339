/**
 * Classes, students and their enrolments for tests, written as the system
 * would (audited, through writeTransaction), so a test states only what it
 * is about: `makeClass(db, { schoolId, name: '3A' })`.
 */
import { systemActor, writeTransaction } from '../../../src/db/actor.ts';
import type { Db } from '../../../src/db/connection.ts';
import type { Gender, StudentStatus } from '../../../src/db/schema.ts';
import { uuidv7 } from '../../../src/lib/ids.ts';
import { searchKey, splitName } from '../../../src/lib/vietnamese.ts';

/** The school year factories use when a spec names none. */
export const FACTORY_YEAR = '2025-2026';

export interface ClassSpec {
  schoolId: string;
  name: string;
  /** Default: the leading number of the name ('6A1' → 6), else null (a preschool group). */
  grade?: number | null;
  schoolYear?: string;
  sessionsPerDay?: number;
  homeroomStaffId?: string | null;
  id?: string;
}

const gradeOf = (name: string): number | null => {
  const m = /^(\d{1,2})/.exec(name);
  return m ? Number(m[1]) : null;
};

/** Inserts classes in one transaction; their ids in the order given. */
export async function makeClasses(db: Db, specs: ClassSpec[]): Promise<string[]> {
  const rows = specs.map((s) => ({
    school_id: s.schoolId,
    id: s.id ?? uuidv7(),
    school_year: s.schoolYear ?? FACTORY_YEAR,
    name: s.name,
    grade: s.grade !== undefined ? s.grade : gradeOf(s.name),
    homeroom_staff_id: s.homeroomStaffId ?? null,
    ...(s.sessionsPerDay !== undefined ? { sessions_per_day: s.sessionsPerDay } : {}),
  }));
  if (rows.length)
    await writeTransaction(db, systemActor('test'), (tx) =>
      tx.insertInto('class').values(rows).execute(),
    );
  return rows.map((r) => r.id);
}

export async function makeClass(db: Db, spec: ClassSpec): Promise<string> {
  const [id] = await makeClasses(db, [spec]);
  return id!;
}

export interface StudentSpec {
  schoolId: string;
  fullName: string;
  /** yyyy-mm-dd; default 2017-03-04. */
  birthDate?: string;
  gender?: Gender;
  personalId?: string | null;
  studentCode?: string | null;
  status?: StudentStatus;
  ethnicity?: string | null;
  address?: string | null;
  id?: string;
  /** Enrols the student in this class (of `schoolId`) for `schoolYear`. */
  classId?: string;
  schoolYear?: string;
}

/** Inserts students (and the enrolments asked for) in one transaction; their ids in order. */
export async function makeStudents(db: Db, specs: StudentSpec[]): Promise<string[]> {
  const students = specs.map((s) => {
    const name = splitName(s.fullName);
    return {
      id: s.id ?? uuidv7(),
      school_id: s.schoolId,
      full_name: s.fullName,
      family_name: name.familyName,
      middle_name: name.middleName,
      given_name: name.givenName,
      search_name: searchKey(s.fullName),
      birth_date: s.birthDate ?? '2017-03-04',
      gender: s.gender ?? 'male',
      personal_id: s.personalId ?? null,
      student_code: s.studentCode ?? null,
      ethnicity: s.ethnicity ?? null,
      birth_place: null,
      address: s.address ?? null,
      guardian_name: null,
      phone: null,
      status_reason: null,
      ...(s.status ? { status: s.status } : {}),
    };
  });
  const enrolments = specs.flatMap((s, i) =>
    s.classId
      ? [
          {
            student_id: students[i]!.id,
            school_year: s.schoolYear ?? FACTORY_YEAR,
            school_id: s.schoolId,
            class_id: s.classId,
          },
        ]
      : [],
  );
  if (students.length)
    await writeTransaction(db, systemActor('test'), async (tx) => {
      await tx.insertInto('student').values(students).execute();
      if (enrolments.length) await tx.insertInto('enrolment').values(enrolments).execute();
    });
  return students.map((s) => s.id);
}

export async function makeStudent(db: Db, spec: StudentSpec): Promise<string> {
  const [id] = await makeStudents(db, [spec]);
  return id!;
}

/** Enrols existing students in a class of their school for a year. */
export async function enrol(
  db: Db,
  enrolment: { classId: string; schoolId: string; studentIds: string[]; schoolYear?: string },
): Promise<void> {
  await writeTransaction(db, systemActor('test'), (tx) =>
    tx
      .insertInto('enrolment')
      .values(
        enrolment.studentIds.map((id) => ({
          student_id: id,
          school_year: enrolment.schoolYear ?? FACTORY_YEAR,
          school_id: enrolment.schoolId,
          class_id: enrolment.classId,
        })),
      )
      .execute(),
  );
}
