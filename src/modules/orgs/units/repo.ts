import { sql, type Expression, type SqlBool } from 'kysely';
import type { Tx } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { NewOrgUnit, OrgUnit, OrgUnitUpdate } from '../../../db/schema.ts';
import type { UnitSummary } from '../contract.ts';
import { escapeLike } from '../like.ts';

/** Every query on org_unit (and the accounts a merge moves); nothing else in orgs/units queries. */

const summaryColumns = [
  'org_unit.id',
  'org_unit.code',
  'org_unit.name',
  'org_unit.kind',
  'org_unit.levels',
  'org_unit.ownership',
  'org_unit.active',
] as const;

function childCountExpr() {
  return sql<number>`(SELECT count(*)::int FROM org_unit c WHERE c.parent_id = org_unit.id)`.as(
    'childCount',
  );
}

export function unitSummary(db: Db, unitId: string): Promise<UnitSummary[]> {
  return db
    .selectFrom('org_unit')
    .select([...summaryColumns, childCountExpr()])
    .where('id', '=', unitId)
    .execute();
}

export function childSummaries(db: Db, parentId: string): Promise<UnitSummary[]> {
  return db
    .selectFrom('org_unit')
    .select([...summaryColumns, childCountExpr()])
    .where('parent_id', '=', parentId)
    .execute();
}

/** Units whose search name holds every word, inside `within` (the caller's subtree). */
export function searchSummaries(
  db: Db,
  within: Expression<SqlBool>,
  words: string[],
): Promise<UnitSummary[]> {
  let q = db
    .selectFrom('org_unit')
    .select([...summaryColumns, childCountExpr()])
    .where(within);
  for (const word of words) q = q.where('search_name', 'like', `%${escapeLike(word)}%`);
  return q.orderBy('depth').orderBy('name').limit(50).execute();
}

export function unitNames(
  db: Db,
  ids: string[],
): Promise<{ id: string; code: string; name: string; path: string }[]> {
  return db
    .selectFrom('org_unit')
    .select(['id', 'code', 'name', 'path'])
    .where('id', 'in', ids)
    .execute();
}

export async function countChildren(db: Db, unitId: string): Promise<number> {
  const [{ children } = { children: 0 }] = await db
    .selectFrom('org_unit')
    .select((eb) => eb.fn.countAll<number>().as('children'))
    .where('parent_id', '=', unitId)
    .execute();
  return Number(children);
}

export async function countAccounts(db: Db, unitId: string): Promise<number> {
  const [{ users } = { users: 0 }] = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('users'))
    .where('org_unit_id', '=', unitId)
    .execute();
  return Number(users);
}

/** The unit holding `code`, whatever its case (codes are unique case-insensitively). */
export function unitWithCodeAnyCase(
  db: Db | Tx,
  code: string,
): Promise<{ id: string; name: string } | undefined> {
  return db
    .selectFrom('org_unit')
    .select(['id', 'name'])
    .where(sql`lower(code)`, '=', code.toLowerCase())
    .executeTakeFirst();
}

export function findUnitByCode(db: Db | Tx, code: string): Promise<OrgUnit | undefined> {
  return db.selectFrom('org_unit').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertUnit(tx: Tx, unit: NewOrgUnit): Promise<void> {
  await tx.insertInto('org_unit').values(unit).execute();
}

export function lockUnit(tx: Tx, unitId: string): Promise<OrgUnit> {
  return tx
    .selectFrom('org_unit')
    .selectAll()
    .where('id', '=', unitId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** Writes `set` and bumps the version, if the row still has `version`. */
export async function updateUnitFields(
  tx: Tx,
  unitId: string,
  version: number,
  set: OrgUnitUpdate,
): Promise<void> {
  await tx
    .updateTable('org_unit')
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', unitId)
    .where('version', '=', version)
    .execute();
}

/** Re-roots a subtree: one UPDATE rewrites every descendant's path and depth. */
export async function moveSubtree(tx: Tx, unit: OrgUnit, newParent: OrgUnit): Promise<void> {
  const newPath = `${newParent.path}${unit.id}/`;
  const depthDelta = newParent.depth + 1 - unit.depth;
  await tx
    .updateTable('org_unit')
    .set({
      path: sql`${newPath} || substr(path, ${unit.path.length + 1})`,
      depth: sql`depth + ${depthDelta}`,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('path', 'like', `${escapeLike(unit.path)}%`)
    .execute();
  await tx
    .updateTable('org_unit')
    .set({ parent_id: newParent.id })
    .where('id', '=', unit.id)
    .execute();
}

export function childrenOf(tx: Tx, unitId: string): Promise<OrgUnit[]> {
  return tx.selectFrom('org_unit').selectAll().where('parent_id', '=', unitId).execute();
}

/** A merge: the merged unit's accounts belong to the survivor from now on. */
export async function moveAccounts(tx: Tx, fromId: string, toId: string): Promise<void> {
  await tx
    .updateTable('app_user')
    .set({ org_unit_id: toId, version: sql`version + 1`, updated_at: sql`now()` })
    .where('org_unit_id', '=', fromId)
    .execute();
}

export async function markMerged(tx: Tx, unitId: string, intoId: string): Promise<void> {
  await tx
    .updateTable('org_unit')
    .set({
      active: false,
      merged_into_id: intoId,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', unitId)
    .execute();
}

export function activeChild(db: Db, unitId: string): Promise<{ name: string } | undefined> {
  return db
    .selectFrom('org_unit')
    .select('name')
    .where('parent_id', '=', unitId)
    .where('active', '=', true)
    .executeTakeFirst();
}

export async function setActive(tx: Tx, unitId: string, active: boolean): Promise<void> {
  await tx
    .updateTable('org_unit')
    .set({ active, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', unitId)
    .execute();
}

// ---- The spreadsheet (import and export) ----

/** The province's department: the one unit without a parent (none on an empty database). */
export async function rootUnitId(db: Db): Promise<string | undefined> {
  const row = await db
    .selectFrom('org_unit')
    .select('id')
    .where('parent_id', 'is', null)
    .executeTakeFirst();
  return row?.id;
}

export function allUnits(db: Db): Promise<OrgUnit[]> {
  return db.selectFrom('org_unit').selectAll().execute();
}

/** The units under `rootPath` (the whole tree without it), parents before children. */
export function unitsForExport(db: Db, rootPath?: string): Promise<OrgUnit[]> {
  let q = db.selectFrom('org_unit').selectAll();
  if (rootPath) q = q.where('path', 'like', `${rootPath}%`);
  return q.orderBy('depth').orderBy('code').execute();
}

export function allUnitCodes(db: Db): Promise<{ id: string; code: string }[]> {
  return db.selectFrom('org_unit').select(['id', 'code']).execute();
}

/** An existing unit the import rewrites (no version check: the file, checked whole, is the truth). */
export async function overwriteUnit(tx: Tx, unitId: string, set: OrgUnitUpdate): Promise<void> {
  await tx
    .updateTable('org_unit')
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', unitId)
    .execute();
}
