import type { Permission } from '../../core/access/permissions.ts';
import type { Scope } from '../../core/access/scope.ts';
import { forbidden } from '../../core/errors.ts';
import type { Actor } from '../../db/actor.ts';

/**
 * Who calls an office use case: a signed-in user (their Scope), or a system
 * task (the `sogd office` commands, the demo seed, jobs) acting for a unit
 * the operator named on the command line.
 */
export type Caller = Scope | { system: Actor };

export function actorOf(caller: Caller): Actor {
  return 'system' in caller ? caller.system : caller.actor;
}

/**
 * The unit whose office the caller works in. A signed-in user works in their
 * own unit only (a parent unit does not read its children's documents); a
 * system task names one.
 */
export function requireOfficeUnit(caller: Caller, permission: Permission, unitId?: string): string {
  if ('system' in caller) {
    if (!unitId) throw new Error('Tác vụ hệ thống cần chỉ rõ đơn vị.');
    return unitId;
  }
  caller.require(permission);
  if (unitId !== undefined && unitId !== caller.user.orgUnitId) throw forbidden();
  return caller.user.orgUnitId;
}
