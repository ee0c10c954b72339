import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { Scope } from '../../core/access/scope.ts';
import type { AuditEntry, AuditList, AuditQuery } from './contract.ts';

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

const toView = (r: Row): AuditEntry => ({
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

/** Audit entries of the caller's subtree; entries tied to no unit only at the root. */
export async function listAudit(db: Db, scope: Scope, filter: AuditQuery): Promise<AuditList> {
  scope.require('audit.read');
  const isRoot = scope.user.orgPath.split('/').filter(Boolean).length === 1;
  let q = baseQuery(db).where((eb) =>
    isRoot
      ? eb.or([
          eb('audit_log.org_unit_id', 'is', null),
          scope.unitCondition('audit_log.org_unit_id'),
        ])
      : scope.unitCondition('audit_log.org_unit_id'),
  );
  if (filter.orgUnitId) {
    const unit = await scope.requireUnit(db, filter.orgUnitId, 'audit.read');
    q = q.where(
      sql<boolean>`audit_log.org_unit_id IN (SELECT id FROM org_unit WHERE path LIKE ${unit.path + '%'})`,
    );
  }
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
  if (filter.actor)
    q = q.where(sql`lower(audit_log.actor_name)`, 'like', `%${filter.actor.toLowerCase()}%`);
  if (filter.from) q = q.where('audit_log.at', '>=', new Date(`${filter.from}T00:00:00+07:00`));
  if (filter.to)
    q = q.where(
      'audit_log.at',
      '<',
      new Date(new Date(`${filter.to}T00:00:00+07:00`).getTime() + 86_400_000),
    );
  const [{ total } = { total: 0 }] = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  const rows = await q
    .orderBy('audit_log.seq', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return {
    items: rows.map(toView),
    total: Number(total),
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

/** Fields of a unit's record anyone who may read the unit sees in its history. */
const UNIT_FIELDS = ['code', 'name', 'kind', 'levels', 'ownership', 'address', 'active'];

const unitFieldsOf = (j: RowImage): RowImage =>
  j && Object.fromEntries(Object.entries(j).filter(([k]) => UNIT_FIELDS.includes(k)));

/**
 * The history of one org unit: every change made to its own record. Without
 * audit.read (a teacher, a clerk) it shows what changed and the actor's name,
 * but not the actor's address or login name (a list of login names helps
 * whoever guesses passwords), nor the tree bookkeeping (path, parent and
 * merge ids), which names units outside the caller's reach.
 */
export async function unitHistory(db: Db, scope: Scope, unitId: string): Promise<AuditEntry[]> {
  await scope.requireUnit(db, unitId, 'org.read');
  const rows = await baseQuery(db)
    .where('audit_log.entity_type', '=', 'org_unit')
    .where('audit_log.entity_id', '=', unitId)
    .orderBy('audit_log.seq', 'desc')
    .limit(500)
    .execute();
  const views = rows.map(toView);
  if (scope.can('audit.read')) return views;
  return views.map((v) => ({
    ...v,
    ip: null,
    actorName: v.actorName.replace(/\s*\([^()]*\)$/, ''),
    before: unitFieldsOf(v.before),
    after: unitFieldsOf(v.after),
  }));
}
