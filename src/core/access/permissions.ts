import type { Role } from '../../db/schema.ts';
import { ROLES } from './roles.ts';

export { ROLE_LABELS, ROLE_LEVEL, ROLES, UNIT_LEVEL, roleFitsUnit } from './roles.ts';

/**
 * The names of every permission. Each module adds its own by augmenting this
 * interface next to its grants (its `permissions.ts`), so the kernel lists
 * none and a misspelt permission is a type error:
 *
 *   declare module '../../core/access/permissions.ts' {
 *     interface PermissionNames { 'registry.read': true }
 *   }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by module augmentation
export interface PermissionNames {}
export type Permission = Extract<keyof PermissionNames, string>;

/**
 * A module's permissions and the roles that hold each. Every permission
 * applies only inside the subtree of the account's own org unit (Scope); a
 * role never reaches above it.
 */
export type PermissionGrants = { readonly [P in Permission]?: readonly Role[] };

const granted = new Map<Role, Set<Permission>>(ROLES.map((r) => [r, new Set()]));
const declared = new Set<Permission>();

/**
 * Adds a module's grants to the table (the app does it once per module, from
 * its descriptor, before anything is served). Declaring a permission twice is
 * a programming error: two modules would disagree on who holds it.
 */
export function declarePermissions(grants: PermissionGrants): void {
  for (const [permission, roles] of Object.entries(grants) as [Permission, readonly Role[]][]) {
    if (declared.has(permission)) throw new Error(`Quyền ${permission} được khai báo hai lần.`);
    declared.add(permission);
    for (const role of roles) granted.get(role)?.add(permission);
  }
}

/** Every permission a module has declared, in declaration order. */
export function allPermissions(): readonly Permission[] {
  return [...declared];
}

export function permissionsOf(role: Role): readonly Permission[] {
  return [...(granted.get(role) ?? [])];
}
