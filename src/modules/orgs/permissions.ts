import { permissionsOf, type PermissionGrants } from '../../core/access/permissions.ts';
import { ROLE_LEVEL, ROLES } from '../../core/access/roles.ts';
import type { Role } from '../../db/schema.ts';

declare module '../../core/access/permissions.ts' {
  interface PermissionNames {
    /** See units, schools and their details inside one's subtree. */
    'org.read': true;
    /** Edit a unit's details (name, address, levels). */
    'org.write': true;
    /** Add, move, merge, close units; import the tree. */
    'org.structure': true;
    /** Create and manage accounts below one's unit. */
    'user.manage': true;
    /** Read the audit log (who changed what). */
    'audit.read': true;
  }
}

export const ORGS_PERMISSIONS: PermissionGrants = {
  'org.read': [
    'department_admin',
    'department_staff',
    'office_staff',
    'school_admin',
    'school_staff',
    'teacher',
    'auditor',
  ],
  'org.write': ['department_admin', 'department_staff', 'office_staff', 'school_admin'],
  'org.structure': ['department_admin'],
  'user.manage': ['department_admin', 'school_admin'],
  'audit.read': ['department_admin', 'auditor'],
};

/**
 * Roles an account with `role` may hand out: never a permission it lacks,
 * never a level above its own.
 */
export function grantableRoles(role: Role): Role[] {
  const own = new Set(permissionsOf(role));
  if (!own.has('user.manage')) return [];
  return ROLES.filter(
    (r) => ROLE_LEVEL[r] <= ROLE_LEVEL[role] && permissionsOf(r).every((p) => own.has(p)),
  );
}
