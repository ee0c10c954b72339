import type { PermissionGrants } from '../../core/access/permissions.ts';

declare module '../../core/access/permissions.ts' {
  interface PermissionNames {
    /** See one's own unit's documents, registers, assignments and calendar. */
    'office.read': true;
    /** Register outgoing and incoming documents (the clerk, văn thư: Art. 4, 16, 22). */
    'office.register': true;
    /** Give the leader's instruction on an incoming document (Art. 23). */
    'office.assign': true;
    /** Check a colleague's draft before the leader (the head of the drafting division: Decree 30/2020 Art. 10–12). */
    'office.review': true;
    /** Approve a draft for numbering and signing (the unit's leader: Art. 11, 13). */
    'office.approve': true;
    /** Report on an assignment one was given. */
    'office.handle': true;
    /** Sign with the unit's certificate and release (Art. 13, 18). */
    'office.sign': true;
    /** Edit and publish the unit's work calendar. */
    'office.calendar': true;
    /** Read a document's access log: who opened it or downloaded its files (Annex VI). */
    'office.log': true;
    /** Set the unit's abbreviation and manage its signing certificate. */
    'office.settings': true;
  }
}

/**
 * Who does what in the office. A unit's documents are seen by that unit's
 * members only (and reach other units as recipients): unlike the registry,
 * a parent unit does not read its children's correspondence.
 */
export const OFFICE_PERMISSIONS: PermissionGrants = {
  'office.read': [
    'department_admin',
    'department_staff',
    'office_staff',
    'school_admin',
    'school_staff',
    'teacher',
    'auditor',
  ],
  'office.register': [
    'department_admin',
    'department_staff',
    'office_staff',
    'school_admin',
    'school_staff',
  ],
  // The leaders: the department's and the schools' administrators, the commune officers.
  'office.assign': ['department_admin', 'office_staff', 'school_admin'],
  'office.review': ['department_admin', 'department_staff', 'office_staff', 'school_admin'],
  'office.approve': ['department_admin', 'office_staff', 'school_admin'],
  'office.handle': [
    'department_admin',
    'department_staff',
    'office_staff',
    'school_admin',
    'school_staff',
    'teacher',
  ],
  'office.sign': ['department_admin', 'office_staff', 'school_admin'],
  'office.calendar': [
    'department_admin',
    'department_staff',
    'office_staff',
    'school_admin',
    'school_staff',
  ],
  'office.settings': ['department_admin', 'school_admin'],
  // The clerk (văn thư) and the leaders, as office.register and office.assign: the roles
  // do not tell the clerk from other staff of a unit; teachers and auditors never read it.
  'office.log': [
    'department_admin',
    'department_staff',
    'office_staff',
    'school_admin',
    'school_staff',
  ],
};
