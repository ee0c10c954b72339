import type { PermissionGrants } from '../access/permissions.ts';

declare module '../access/permissions.ts' {
  interface PermissionNames {
    /** See the jobs of one's subtree (imports, reports, reminders) and their progress. */
    'jobs.read': true;
    /** Start or cancel them. */
    'jobs.manage': true;
  }
}

export const JOBS_PERMISSIONS: PermissionGrants = {
  'jobs.read': [
    'department_admin',
    'department_staff',
    'office_staff',
    'school_admin',
    'school_staff',
    'auditor',
  ],
  'jobs.manage': ['department_admin', 'school_admin'],
};
