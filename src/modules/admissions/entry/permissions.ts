import type { PermissionGrants } from '../../../core/access/permissions.ts';

declare module '../../../core/access/permissions.ts' {
  interface PermissionNames {
    /**
     * Set the entry-grade catchments of one's communes (the commune's plan,
     * approved by its People's Committee; the department for the province).
     */
    'admissions.catchments': true;
    /**
     * Run an entry-grade campaign (grade 1, grade 6) of one's unit: the
     * department for the province, a commune's education office for the
     * commune. Stands for `admissions.manage` on entry campaigns only.
     */
    'admissions.entry': true;
  }
}

export const ENTRY_PERMISSIONS: PermissionGrants = {
  'admissions.catchments': ['department_admin', 'department_staff', 'office_staff'],
  'admissions.entry': ['department_admin', 'department_staff', 'office_staff'],
};
