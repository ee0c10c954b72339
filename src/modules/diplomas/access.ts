import { Scope } from '../../core/access/scope.ts';
import { notFound } from '../../core/errors.ts';
import { systemActor, type Actor } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { DiplomaStatus } from '../../db/schema.ts';
import { isUuid } from '../../lib/ids.ts';
import { diplomaAuthority } from './repo.ts';

/**
 * Access to the register. Diplomas use the registry's permissions (a
 * school's clerk issues its graduates' diplomas): reading an authority's
 * register needs registry.read on it, every change registry.write. The
 * shared steps of the use cases (issuing a batch, reading an entry) take a
 * Grant, which only this file makes, after the check: none of them can be
 * called without it.
 */

export type Access = 'registry.read' | 'registry.write';

declare const granted: unique symbol;

/** The caller's Scope holds `P` on this authority (checked by requireAuthority / requireDiploma). */
export interface Grant<P extends Access = Access> {
  readonly authority: { readonly id: string; readonly code: string; readonly name: string };
  /** Who the changes are audited under. */
  readonly actor: Actor;
  readonly [granted]: P;
}

/** A Grant on the authority keeping one entry, with the entry's status when checked. */
export interface DiplomaGrant<P extends Access = Access> extends Grant<P> {
  readonly diplomaId: string;
  readonly status: DiplomaStatus;
}

/** The authority if the caller holds `permission` on it: 404 unknown, 403 outside the scope. */
export async function requireAuthority<P extends Access>(
  db: Db,
  scope: Scope,
  authorityId: string,
  permission: P,
): Promise<Grant<P>> {
  const unit = await scope.requireUnit(db, authorityId, permission);
  return {
    authority: { id: unit.id, code: unit.code, name: unit.name },
    actor: scope.actor,
  } as Grant<P>;
}

/** The entry `id` if the caller holds `permission` on its authority: 404 unknown, 403 outside. */
export async function requireDiploma<P extends Access>(
  db: Db,
  scope: Scope,
  id: string,
  permission: P,
): Promise<DiplomaGrant<P>> {
  if (!isUuid(id)) throw notFound('văn bằng');
  const d = await diplomaAuthority(db, id);
  if (!d) throw notFound('văn bằng');
  const grant = await requireAuthority(db, scope, d.authority_id, permission);
  return { ...grant, diplomaId: id, status: d.status };
}

// Any valid uuid: a system task has no account, and its changes are audited
// under its name with no actor id (systemActor).
const NO_ACCOUNT = '00000000-0000-0000-0000-000000000000';

/**
 * The Scope of a task the operator runs (the `sogd` command, with the
 * database's own credentials): the whole tree with a department
 * administrator's permissions, its changes audited as `systemActor(task)`.
 * Checks still run through it (an unknown unit is still 404).
 */
class SystemScope extends Scope {
  constructor(private readonly task: string) {
    super({
      id: NO_ACCOUNT,
      username: 'he-thong',
      fullName: `hệ thống: ${task}`,
      role: 'department_admin',
      orgUnitId: NO_ACCOUNT,
      // Every materialised path starts with '/': the whole tree.
      orgPath: '/',
    });
  }

  override get actor(): Actor {
    return systemActor(this.task);
  }
}

export const systemScope = (task: string): Scope => new SystemScope(task);
