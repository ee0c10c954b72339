import type { PermissionGrants } from '../../core/access/permissions.ts';

declare module '../../core/access/permissions.ts' {
  interface PermissionNames {
    /** Build survey forms and send them to a scope (the department). */
    'surveys.manage': true;
    /** Issue answer codes for one's school's classes and families. */
    'surveys.codes': true;
    /** See results of the schools in one's scope (groups of at least 10 answers). */
    'surveys.results': true;
    /** Review free-text answers before a school sees them. */
    'surveys.review': true;
  }
}

export const SURVEYS_PERMISSIONS: PermissionGrants = {
  'surveys.manage': ['department_admin', 'department_staff'],
  'surveys.codes': ['department_admin', 'school_admin', 'school_staff'],
  'surveys.results': [
    'department_admin',
    'department_staff',
    'office_staff',
    'school_admin',
    'auditor',
  ],
  'surveys.review': ['department_admin', 'department_staff'],
};
