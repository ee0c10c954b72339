import type { OrgUnitKind, Role } from '../db/schema.ts';
import { ROLE_NAMES } from '../modules/orgs/labels.ts';

/**
 * What each role may do. Every permission applies only inside the subtree of
 * the account's own org unit (see scope.ts); a role never reaches above it.
 */
export const PERMISSIONS = [
  'org.read',
  'org.write',
  'org.structure',
  'user.manage',
  'audit.read',
  'registry.read',
  'registry.write',
  'jobs.read',
  'jobs.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  department_admin: PERMISSIONS,
  department_staff: ['org.read', 'org.write', 'registry.read', 'registry.write', 'jobs.read'],
  office_staff: ['org.read', 'org.write', 'registry.read', 'registry.write', 'jobs.read'],
  school_admin: [
    'org.read',
    'org.write',
    'user.manage',
    'registry.read',
    'registry.write',
    'jobs.read',
    'jobs.manage',
  ],
  school_staff: ['org.read', 'registry.read', 'registry.write', 'jobs.read'],
  teacher: ['org.read', 'registry.read'],
  auditor: ['org.read', 'registry.read', 'audit.read', 'jobs.read'],
};

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export const ROLES = Object.keys(ROLE_PERMISSIONS) as Role[];

/**
 * The level of the tree a role is made for: 3 the department (Sở), 2 an
 * education office or commune, 1 a school. A role is handed out only by a role
 * of its level or above, and only on a unit of its level or above: a school
 * admin makes school accounts, never department staff (issue #11, item 15).
 */
export const ROLE_LEVEL: Record<Role, number> = {
  department_admin: 3,
  department_staff: 3,
  auditor: 3,
  office_staff: 2,
  school_admin: 1,
  school_staff: 1,
  teacher: 1,
};

/** The level of a unit by its kind; 'other' units are treated like schools. */
export const UNIT_LEVEL: Record<OrgUnitKind, number> = {
  department: 3,
  office: 2,
  commune: 2,
  school: 1,
  centre: 1,
  other: 1,
};

/**
 * Roles an account with `role` may hand out: never a permission it lacks,
 * never a level above its own.
 */
export function grantableRoles(role: Role): Role[] {
  const own = new Set(permissionsOf(role));
  if (!own.has('user.manage')) return [];
  return ROLES.filter(
    (r) => ROLE_LEVEL[r] <= ROLE_LEVEL[role] && permissionsOf(r).every((p) => own.has(p)),
  );
}

/** A role fits a unit whose level is at least the role's. */
export function roleFitsUnit(role: Role, kind: OrgUnitKind): boolean {
  return ROLE_LEVEL[role] <= UNIT_LEVEL[kind];
}

/** Vietnamese role names (messages); both languages in modules/orgs/labels.ts. */
export const ROLE_LABELS = ROLE_NAMES.vi;
