import type { Db } from '../../../db/connection.ts';
import type { Gender } from '../../../db/schema.ts';
import { sortByVietnameseName } from '../../../lib/vietnamese.ts';
import { graduatingRows } from './repo.ts';

export interface GraduatingStudent {
  id: string;
  fullName: string;
  birthDate: string;
  gender: Gender;
  ethnicity: string | null;
  birthPlace: string | null;
  schoolName: string;
}

/**
 * Students of a school enrolled in `grade` in `schoolYear` and still there
 * (studying or graduated): the candidates for a graduation diploma. For the
 * diplomas module, which checks the caller's access to the school itself.
 */
export async function graduatingStudents(
  db: Db,
  schoolId: string,
  schoolYear: string,
  grade: number,
): Promise<GraduatingStudent[]> {
  return sortByVietnameseName(
    await graduatingRows(db, schoolId, schoolYear, grade),
    (r) => r.fullName,
  );
}
