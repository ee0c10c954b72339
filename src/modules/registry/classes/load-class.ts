import type { Db } from '../../../db/connection.ts';
import { isUuid } from '../../../lib/ids.ts';
import { forbidden, notFound } from '../../../core/errors.ts';
import type { Permission } from '../../../core/access/permissions.ts';
import type { Scope } from '../../../core/access/scope.ts';
import { findClass } from './repo.ts';

/** A class the caller may `permission`: 404 unknown, 403 outside the caller's subtree. */
export async function loadClass(db: Db, scope: Scope, classId: string, permission: Permission) {
  scope.require(permission);
  if (!isUuid(classId)) throw notFound('lớp');
  const cls = await findClass(db, classId);
  if (!cls) throw notFound('lớp');
  if (!scope.containsPath(cls.path)) throw forbidden();
  return cls;
}
