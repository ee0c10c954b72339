import type { PermissionGrants } from '../../core/access/permissions.ts';

declare module '../../core/access/permissions.ts' {
  interface PermissionNames {
    /** See the department's applications, lists and statistics. */
    'services.read': true;
    /** The one-stop clerk (bộ phận một cửa): check, ask for additions, hand over. */
    'services.receive': true;
    /** The handling division: prepare the result and submit it. */
    'services.handle': true;
    /** The leader: approve (the result is issued) or return. */
    'services.approve': true;
    /** Enter or import the working calendar (holidays, make-up days). */
    'services.calendar': true;
  }
}

/**
 * Who does what with applications. Applications are filed with the
 * department: only accounts of the department's own unit reach them (the
 * use cases check the unit as well as the permission).
 */
export const SERVICES_PERMISSIONS: PermissionGrants = {
  'services.read': ['department_admin', 'department_staff', 'auditor'],
  'services.receive': ['department_admin', 'department_staff'],
  'services.handle': ['department_admin', 'department_staff'],
  'services.approve': ['department_admin'],
  'services.calendar': ['department_admin'],
};
