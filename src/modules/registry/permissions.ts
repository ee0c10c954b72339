import type { PermissionGrants } from '../../core/access/permissions.ts';

declare module '../../core/access/permissions.ts' {
  interface PermissionNames {
    /** See classes, students and staff inside one's subtree. */
    'registry.read': true;
    /** Keep them: imports, edits, transfers, promotion, diplomas of one's schools. */
    'registry.write': true;
  }
}

export const REGISTRY_PERMISSIONS: PermissionGrants = {
  'registry.read': [
    'department_admin',
    'department_staff',
    'office_staff',
    'school_admin',
    'school_staff',
    'teacher',
    'auditor',
  ],
  'registry.write': [
    'department_admin',
    'department_staff',
    'office_staff',
    'school_admin',
    'school_staff',
  ],
};
