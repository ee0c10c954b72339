import type { Db } from '../../../db/connection.ts';
import { sortByVietnameseName } from '../../../lib/vietnamese.ts';
import type { Scope } from '../../../core/access/scope.ts';
import type { ClassStudent } from '../contract.ts';
import { loadClass } from './load-class.ts';
import { classStudents } from './repo.ts';

/** A class's students in class-list order (Vietnamese names: given name first). */
export async function listClassStudents(
  db: Db,
  scope: Scope,
  input: { classId: string },
): Promise<ClassStudent[]> {
  await loadClass(db, scope, input.classId, 'registry.read');
  return sortByVietnameseName(await classStudents(db, input.classId), (r) => r.fullName);
}
