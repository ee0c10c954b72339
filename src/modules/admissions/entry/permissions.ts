import type { PermissionGrants } from '../../../core/access/permissions.ts';

declare module '../../../core/access/permissions.ts' {
  interface PermissionNames {
    /**
     * Set the entry-grade catchments of one's communes (the commune's plan,
     * approved by its People's Committee; the department for the province).
     */
    'admissions.catchments': true;
  }
}

export const ENTRY_PERMISSIONS: PermissionGrants = {
  'admissions.catchments': ['department_admin', 'department_staff', 'office_staff'],
};
