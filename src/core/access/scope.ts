import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { OrgUnit, Role } from '../../db/schema.ts';
import { forbidden, notFound } from '../errors.ts';
import { isUuid } from '../../lib/ids.ts';
import { permissionsOf, type Permission } from './permissions.ts';

export interface ScopeUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  orgUnitId: string;
  /** Materialised path of the account's unit: its subtree is every path with this prefix. */
  orgPath: string;
}

/**
 * The one place where access is decided. Every module reads and writes through
 * a Scope: an account reaches its own unit's subtree and nothing else, whatever
 * id or URL it tries. Out-of-scope units answer 403; unknown ids 404.
 */
export class Scope {
  readonly permissions: ReadonlySet<Permission>;

  constructor(
    readonly user: ScopeUser,
    readonly ip: string | null = null,
  ) {
    this.permissions = new Set(permissionsOf(user.role));
  }

  can(permission: Permission): boolean {
    return this.permissions.has(permission);
  }

  require(permission: Permission): void {
    if (!this.can(permission)) throw forbidden();
  }

  containsPath(path: string): boolean {
    return path.startsWith(this.user.orgPath);
  }

  get actor(): Actor {
    return { id: this.user.id, name: `${this.user.fullName} (${this.user.username})`, ip: this.ip };
  }

  /** SQL condition: `unitColumn` names an org unit inside this scope. */
  unitCondition(unitColumn: string): Expression<SqlBool> {
    return sql<SqlBool>`${sql.ref(unitColumn)} IN (SELECT id FROM org_unit WHERE path LIKE ${this.user.orgPath + '%'})`;
  }

  /** SQL condition on an `org_unit` row's path column. */
  pathCondition(pathColumn = 'org_unit.path'): Expression<SqlBool> {
    return sql<SqlBool>`${sql.ref(pathColumn)} LIKE ${this.user.orgPath + '%'}`;
  }

  /**
   * Loads a unit the caller needs `permission` on. 400 for a malformed id, 404
   * for an unknown one, 403 when it lies outside the caller's subtree.
   */
  async requireUnit(db: Db, unitId: string, permission: Permission): Promise<OrgUnit> {
    this.require(permission);
    if (!isUuid(unitId)) throw notFound('đơn vị');
    const unit = await db
      .selectFrom('org_unit')
      .selectAll()
      .where('id', '=', unitId)
      .executeTakeFirst();
    if (!unit) throw notFound('đơn vị');
    if (!this.containsPath(unit.path)) throw forbidden();
    return unit;
  }
}
