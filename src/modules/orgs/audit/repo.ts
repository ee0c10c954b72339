import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../../db/connection.ts';
import { describeAuditEntry } from '../../../core/audit.ts';
import type { AuditEntry } from '../contract.ts';

/** Every read of the audit log (the triggers and sign-in/repo.ts write it). */

/** A row image as the triggers write it: an object of columns, or null. */
type RowImage = AuditEntry['before'];

function baseQuery(db: Db) {
  return db
    .selectFrom('audit_log')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.actor_name',
      'audit_log.ip',
      'audit_log.action',
      'audit_log.entity_type',
      'audit_log.entity_id',
      sql<number>`coalesce(cardinality(audit_log.entity_ids), 1)`.as('rows'),
      'audit_log.org_unit_id',
      'audit_log.before',
      'audit_log.after',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

/** An entry as the log shows it: with its register line (src/core/audit.ts). */
export const described = (v: Omit<AuditEntry, 'summary' | 'changes'>): AuditEntry => ({
  ...v,
  ...describeAuditEntry(v),
});

const toView = (r: Row): Omit<AuditEntry, 'summary' | 'changes'> => ({
  id: r.id,
  at: r.at.toISOString(),
  actorName: r.actor_name,
  ip: r.ip,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  rows: r.rows,
  orgUnitId: r.org_unit_id,
  before: r.before as RowImage,
  after: r.after as RowImage,
});

export interface AuditFilter {
  /** Entries of units the caller may see (Scope.unitCondition on audit_log.org_unit_id). */
  within: Expression<SqlBool>;
  /** Entries tied to no unit too (sign-ins under unknown names, system tasks). */
  withUnitless: boolean;
  /** Only entries of units under this path. */
  underPath?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  /** Part of the actor's name, lower case. */
  actor?: string | undefined;
  from?: Date | undefined;
  /** Exclusive. */
  before?: Date | undefined;
  page: number;
  pageSize: number;
}

export async function auditEntries(
  db: Db,
  filter: AuditFilter,
): Promise<{ items: AuditEntry[]; total: number }> {
  let q = baseQuery(db).where((eb) =>
    filter.withUnitless
      ? eb.or([eb('audit_log.org_unit_id', 'is', null), filter.within])
      : filter.within,
  );
  if (filter.underPath !== undefined)
    q = q.where(
      sql<boolean>`audit_log.org_unit_id IN (SELECT id FROM org_unit WHERE path LIKE ${filter.underPath + '%'})`,
    );
  if (filter.entityType) q = q.where('audit_log.entity_type', '=', filter.entityType);
  // A row created by a list import is among the ids of an 'insert_many' entry.
  if (filter.entityId) {
    const id = filter.entityId;
    q = q.where((eb) =>
      eb.or([
        eb('audit_log.entity_id', '=', id),
        eb('audit_log.entity_ids', '@>', sql<string[]>`ARRAY[${id}]::text[]`),
      ]),
    );
  }
  if (filter.actor) q = q.where(sql`lower(audit_log.actor_name)`, 'like', `%${filter.actor}%`);
  if (filter.from) q = q.where('audit_log.at', '>=', filter.from);
  if (filter.before) q = q.where('audit_log.at', '<', filter.before);
  const [{ total } = { total: 0 }] = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  const rows = await q
    .orderBy('audit_log.seq', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { items: rows.map((r) => described(toView(r))), total: Number(total) };
}

/** The latest 500 changes to one org unit's own record, newest first. */
export async function unitEntries(db: Db, unitId: string): Promise<AuditEntry[]> {
  const rows = await baseQuery(db)
    .where('audit_log.entity_type', '=', 'org_unit')
    .where('audit_log.entity_id', '=', unitId)
    .orderBy('audit_log.seq', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => described(toView(r)));
}

/**
 * The updates of one record that changed `field`, oldest first: what another
 * module shows as a history (the registry's student status changes) without
 * reading the audit log's table itself (called through orgs' index.ts).
 */
export function fieldChanges(
  db: Db,
  input: { entityType: string; entityId: string; field: string },
) {
  return db
    .selectFrom('audit_log')
    .select(['at', 'actor_name', 'before', 'after'])
    .where('entity_type', '=', input.entityType)
    .where('entity_id', '=', input.entityId)
    .where('action', '=', 'update')
    .where(sql<boolean>`before->>${input.field} IS DISTINCT FROM after->>${input.field}`)
    .orderBy('seq')
    .execute();
}
