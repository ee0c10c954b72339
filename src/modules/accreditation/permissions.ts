import type { PermissionGrants } from '../../core/access/permissions.ts';

declare module '../../core/access/permissions.ts' {
  interface PermissionNames {
    /** See self-assessment cycles, their ratings, evidence and reports in one's subtree. */
    'accreditation.read': true;
    /** As a council member: rate requirements, add evidence, write the report's text. */
    'accreditation.assess': true;
    /** Set up the school's council and submit the self-assessment (the principal). */
    'accreditation.submit': true;
    /** Review submitted self-assessments: return with comments, accept. */
    'accreditation.review': true;
    /** Open campaigns (choose the standard set) and record recognition decisions. */
    'accreditation.manage': true;
  }
}

export const ACCREDITATION_PERMISSIONS: PermissionGrants = {
  'accreditation.read': [
    'department_admin',
    'department_staff',
    'office_staff',
    'school_admin',
    'school_staff',
    'teacher',
    'auditor',
  ],
  // Council members are the school's managers, teachers and staff (CV 5932).
  // The department's administrator holds these too only because an account
  // may hand out no role with a permission it lacks (orgs' grantableRoles);
  // the use cases let only the school's own accounts act (access.ts).
  'accreditation.assess': ['department_admin', 'school_admin', 'school_staff', 'teacher'],
  'accreditation.submit': ['department_admin', 'school_admin'],
  'accreditation.review': ['department_admin', 'department_staff', 'office_staff'],
  'accreditation.manage': ['department_admin', 'department_staff'],
};
