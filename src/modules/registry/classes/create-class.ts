import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { uuidv7 } from '../../../lib/ids.ts';
import { normalizeText } from '../../../lib/vietnamese.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { ClassRow } from '../contract.ts';
import { checkSchoolYear, requireSchool } from '../schools/access.ts';
import { requireClassNameFree, validateClass } from './class-fields.ts';
import { checkHomeroomLoad } from './homeroom-rule.ts';
import { classRowById, insertClass, lockHomeroom } from './repo.ts';

export interface ClassInput {
  name: string;
  grade: number | null;
  sessionsPerDay: number;
  homeroomStaffId?: string | null | undefined;
}

/**
 * Adds a class to a school's year: a name free in that year, a grade of the
 * school's levels; a homeroom teacher already heading a class of the year is
 * a warning, or refused where the school's year says so.
 */
export async function createClass(
  db: Db,
  scope: Scope,
  input: { schoolId: string; schoolYear: string; fields: ClassInput },
): Promise<ClassRow> {
  const { schoolId, schoolYear } = input;
  checkSchoolYear(schoolYear);
  const school = await requireSchool(db, scope, schoolId, 'registry.write');
  const fields = {
    name: normalizeText(input.fields.name),
    grade: input.fields.grade,
    sessionsPerDay: input.fields.sessionsPerDay,
    homeroom: input.fields.homeroomStaffId ?? null,
  };
  await validateClass(db, school, fields);
  await requireClassNameFree(db, schoolId, schoolYear, fields.name);
  const id = uuidv7();
  const warnings = await writeTransaction(db, scope.actor, async (tx) => {
    if (fields.homeroom) await lockHomeroom(tx, fields.homeroom, schoolYear);
    const found = await checkHomeroomLoad(tx, { schoolId, schoolYear, staffId: fields.homeroom });
    await insertClass(tx, {
      school_id: schoolId,
      id,
      school_year: schoolYear,
      name: fields.name,
      grade: fields.grade,
      sessions_per_day: fields.sessionsPerDay,
      homeroom_staff_id: fields.homeroom,
    });
    return found;
  });
  return { ...(await classRowById(db, id)), warnings };
}
