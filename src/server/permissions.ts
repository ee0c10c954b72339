import type { Role } from '../db/schema.ts';

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

/** Roles an account with `role` may hand out: never more than it holds itself. */
export function grantableRoles(role: Role): Role[] {
  const own = new Set(permissionsOf(role));
  if (!own.has('user.manage')) return [];
  return ROLES.filter((r) => permissionsOf(r).every((p) => own.has(p)));
}

export const ROLE_LABELS: Record<Role, string> = {
  department_admin: 'Quản trị Sở',
  department_staff: 'Chuyên viên Sở',
  office_staff: 'Cán bộ cấp xã/Phòng',
  school_admin: 'Quản trị trường',
  school_staff: 'Văn thư/nhân viên trường',
  teacher: 'Giáo viên',
  auditor: 'Thanh tra (chỉ xem)',
};
