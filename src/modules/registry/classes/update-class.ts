import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { normalizeText } from '../../../lib/vietnamese.ts';
import { notFound } from '../../../core/errors.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { changedOnly, checkVersion, staleVersion } from '../../../core/versions.ts';
import type { ClassRow } from '../contract.ts';
import { requireClassNameFree, validateClass } from './class-fields.ts';
import type { ClassInput } from './create-class.ts';
import { loadClass } from './load-class.ts';
import { checkHomeroomLoad, homeroomWarnings } from './homeroom-rule.ts';
import { classRowById, lockClass, lockHomeroom, updateClassRow } from './repo.ts';

export type ClassPatch = Partial<ClassInput>;

/**
 * Renames a class, changes its grade, sessions per day or homeroom teacher
 * (null clears it). Writes only the fields sent, with the row locked, so
 * concurrent edits of different fields all stay; a stale `version` is a 409.
 */
export async function updateClass(
  db: Db,
  scope: Scope,
  input: { classId: string; patch: ClassPatch & { version?: number | undefined } },
): Promise<ClassRow> {
  const { patch } = input;
  const found = await loadClass(db, scope, input.classId, 'registry.write');
  return writeTransaction(db, scope.actor, async (tx) => {
    const cls = await lockClass(tx, found.school_id, found.id);
    if (!cls) throw notFound('lớp');
    checkVersion(`Lớp ${cls.name}`, patch.version, cls.version);
    const set = {
      ...(patch.name !== undefined ? { name: normalizeText(patch.name) } : {}),
      ...(patch.grade !== undefined ? { grade: patch.grade } : {}),
      ...(patch.sessionsPerDay !== undefined ? { sessions_per_day: patch.sessionsPerDay } : {}),
      ...(patch.homeroomStaffId !== undefined ? { homeroom_staff_id: patch.homeroomStaffId } : {}),
    };
    const fields = {
      name: set.name ?? cls.name,
      grade: set.grade !== undefined ? set.grade : cls.grade,
      sessionsPerDay: set.sessions_per_day ?? cls.sessions_per_day,
      homeroom: set.homeroom_staff_id !== undefined ? set.homeroom_staff_id : cls.homeroom_staff_id,
    };
    await validateClass(tx, { id: found.school_id, levels: found.levels }, fields);
    if (fields.name !== cls.name)
      await requireClassNameFree(tx, found.school_id, found.school_year, fields.name, found.id);
    const changed = changedOnly(set, cls);
    // Only a newly chosen teacher is refused by the school's rule; a kept one
    // is still pointed out.
    if (changed.homeroom_staff_id)
      await lockHomeroom(tx, changed.homeroom_staff_id, found.school_year);
    const check = { schoolId: found.school_id, schoolYear: found.school_year, classId: found.id };
    const warnings = changed.homeroom_staff_id
      ? await checkHomeroomLoad(tx, { ...check, staffId: changed.homeroom_staff_id })
      : await homeroomWarnings(tx, { ...check, staffId: fields.homeroom });
    if (Object.keys(changed).length === 0)
      return { ...(await classRowById(tx, found.id)), warnings };
    if (!(await updateClassRow(tx, found.school_id, found.id, cls.version, changed)))
      throw staleVersion(`Lớp ${cls.name}`);
    // Read in the same transaction: the answer is the row as this update left it.
    return { ...(await classRowById(tx, found.id)), warnings };
  });
}
