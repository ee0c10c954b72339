import type { PermissionGrants } from '../../core/access/permissions.ts';

declare module '../../core/access/permissions.ts' {
  interface PermissionNames {
    /** See the indicators, teacher norms and reports of one's subtree. */
    'indicators.read': true;
    /** Enter plans with their targets and the yearly budget figures. */
    'indicators.write': true;
    /** Fill in and submit the school's statistical reports (TT 25/2024). */
    'indicators.report': true;
    /** Approve or return the reports of the schools below one's unit. */
    'indicators.approve': true;
  }
}

export const INDICATORS_PERMISSIONS: PermissionGrants = {
  // Teachers see their own classes in the registry, not the school's staffing.
  'indicators.read': [
    'department_admin',
    'department_staff',
    'office_staff',
    'school_admin',
    'school_staff',
    'auditor',
  ],
  'indicators.write': ['department_admin', 'department_staff'],
  // The department admin holds it too, or it could no longer create school accounts
  // (orgs grants only roles whose permissions the granter holds); the use cases
  // still let only the school's own accounts fill in its report.
  'indicators.report': ['department_admin', 'school_admin', 'school_staff'],
  'indicators.approve': ['department_admin', 'department_staff', 'office_staff'],
};
