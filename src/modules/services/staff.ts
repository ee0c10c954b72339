import type { Permission } from '../../core/access/permissions.ts';
import type { Scope } from '../../core/access/scope.ts';
import { forbidden } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { departmentUnit } from './repo.ts';

/**
 * Applications are filed with the department: a staff use case needs
 * `permission` and an account of the department's own unit (a school's
 * administrator holds none of these permissions on them).
 */
export async function requireDepartment(
  db: Db,
  scope: Scope,
  permission: Permission,
): Promise<{ id: string; code: string; name: string }> {
  scope.require(permission);
  const department = await departmentUnit(db);
  if (!department || scope.user.orgUnitId !== department.id) throw forbidden();
  return department;
}
