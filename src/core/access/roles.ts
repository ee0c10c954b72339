/**
 * The roles of accounts and where in the org tree each one is made for. A
 * kernel table: Scope, the permission table and the accounts module all read
 * it. Plain data (types only), so the web bundles it without zod.
 */
import type { OrgUnitKind, Role } from '../../db/schema.ts';

type Named<T extends string> = { vi: Record<T, string>; en: Record<T, string> };

export const ROLE_NAMES: Named<Role> = {
  vi: {
    department_admin: 'Quản trị Sở',
    department_staff: 'Chuyên viên Sở',
    office_staff: 'Cán bộ cấp xã/Phòng',
    school_admin: 'Quản trị trường',
    school_staff: 'Văn thư/nhân viên trường',
    teacher: 'Giáo viên',
    auditor: 'Thanh tra (chỉ xem)',
  },
  en: {
    department_admin: 'Department admin',
    department_staff: 'Department staff',
    office_staff: 'Commune/office staff',
    school_admin: 'School admin',
    school_staff: 'School clerk',
    teacher: 'Teacher',
    auditor: 'Auditor (read-only)',
  },
};

/** Vietnamese role names, for messages. */
export const ROLE_LABELS = ROLE_NAMES.vi;

export const ROLES = Object.keys(ROLE_NAMES.vi) as Role[];

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

/** A role fits a unit whose level is at least the role's. */
export function roleFitsUnit(role: Role, kind: OrgUnitKind): boolean {
  return ROLE_LEVEL[role] <= UNIT_LEVEL[kind];
}
