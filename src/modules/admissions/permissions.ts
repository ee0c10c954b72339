import type { PermissionGrants } from '../../core/access/permissions.ts';

declare module '../../core/access/permissions.ts' {
  interface PermissionNames {
    /** See campaigns, their programs, counts and lists for one's own schools. */
    'admissions.read': true;
    /** Run a campaign: rules, programs, timetable, scores, allocation, publication (the department). */
    'admissions.manage': true;
    /** A school's part: issue slips, see its candidates, submit for a family who asks. */
    'admissions.candidates': true;
  }
}

export const ADMISSIONS_PERMISSIONS: PermissionGrants = {
  'admissions.read': [
    'department_admin',
    'department_staff',
    'office_staff',
    'school_admin',
    'school_staff',
    'auditor',
  ],
  'admissions.manage': ['department_admin', 'department_staff'],
  'admissions.candidates': [
    'department_admin',
    'department_staff',
    'office_staff',
    'school_admin',
    'school_staff',
  ],
};
