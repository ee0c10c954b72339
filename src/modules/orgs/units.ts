import { sql } from 'kysely';
import { writeTransaction, type Tx } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { OrgUnit, OrgUnitKind, Ownership, SchoolLevel } from '../../db/schema.ts';
import type { NewUnit, UnitDetail, UnitPatch, UnitSummary } from './contract.ts';
import { KIND_NAMES, LEVEL_NAMES, OWNERSHIP_NAMES } from './labels.ts';
import { uuidv7, isUuid } from '../../lib/ids.ts';
import { normalizeText, searchKey } from '../../lib/vietnamese.ts';
import { badRequest, conflict, forbidden, notFound } from '../../core/errors.ts';
import type { Scope } from '../../core/access/scope.ts';
import { changedOnly, checkVersion } from '../../core/versions.ts';
import { orgTreeHooks } from '../../core/org-tree.ts';

/** Org-unit tree: any depth, data not code (the 2025 reform removed a level overnight). */

/** Vietnamese names (messages, the org import's cells); both languages in ./labels.ts. */
export const KIND_LABELS = KIND_NAMES.vi;
export const LEVEL_LABELS = LEVEL_NAMES.vi;
export const OWNERSHIP_LABELS = OWNERSHIP_NAMES.vi;

export const UNIT_CODE_RE = /^[A-Za-z0-9_-]{1,32}$/;

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

export function unitSearchName(code: string, name: string): string {
  return `${searchKey(name)} ${code.toLowerCase()}`;
}

/** Checks the fields a unit of `kind` needs; throws 400 with every problem at once. */
export function validateUnitFields(input: {
  code: string;
  name: string;
  kind: OrgUnitKind;
  levels: SchoolLevel[];
  ownership: Ownership | null;
}): void {
  const errors = [];
  if (!UNIT_CODE_RE.test(input.code))
    errors.push({ path: 'code', message: 'Mã đơn vị gồm 1–32 chữ cái, chữ số, "-" hoặc "_".' });
  if (!normalizeText(input.name))
    errors.push({ path: 'name', message: 'Tên đơn vị không được để trống.' });
  if (input.kind === 'school') {
    if (input.levels.length === 0)
      errors.push({ path: 'levels', message: 'Trường phải có ít nhất một cấp học.' });
    if (!input.ownership)
      errors.push({
        path: 'ownership',
        message: 'Trường phải ghi loại hình: Công lập hoặc Ngoài công lập.',
      });
  }
  if (errors.length) throw badRequest('Thông tin đơn vị chưa hợp lệ.', errors);
}

export async function listRoots(db: Db, scope: Scope): Promise<UnitSummary[]> {
  scope.require('org.read');
  return db
    .selectFrom('org_unit')
    .select([...summaryColumns, childCountExpr()])
    .where('id', '=', scope.user.orgUnitId)
    .execute();
}

export async function listChildren(db: Db, scope: Scope, unitId: string): Promise<UnitSummary[]> {
  await scope.requireUnit(db, unitId, 'org.read');
  const rows = await db
    .selectFrom('org_unit')
    .select([...summaryColumns, childCountExpr()])
    .where('parent_id', '=', unitId)
    .execute();
  const collator = new Intl.Collator('vi');
  return rows.sort((a, b) => collator.compare(a.name, b.name));
}

export async function searchUnits(db: Db, scope: Scope, query: string): Promise<UnitSummary[]> {
  scope.require('org.read');
  const key = searchKey(query);
  if (!key) return [];
  const words = key.split(' ');
  let q = db
    .selectFrom('org_unit')
    .select([...summaryColumns, childCountExpr()])
    .where(scope.pathCondition());
  for (const word of words) q = q.where('search_name', 'like', `%${escapeLike(word)}%`);
  return q.orderBy('depth').orderBy('name').limit(50).execute();
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function getUnit(db: Db, scope: Scope, unitId: string): Promise<UnitDetail> {
  const unit = await scope.requireUnit(db, unitId, 'org.read');
  const ancestorIds = unit.path.split('/').filter(Boolean);
  const ancestors = await db
    .selectFrom('org_unit')
    .select(['id', 'code', 'name', 'path'])
    .where('id', 'in', ancestorIds)
    .execute();
  const byId = new Map(ancestors.map((a) => [a.id, a]));
  const path = ancestorIds
    .map((id) => byId.get(id))
    .filter((a): a is NonNullable<typeof a> => a !== undefined && scope.containsPath(a.path))
    .map(({ id, code, name }) => ({ id, code, name }));
  const [{ children } = { children: 0 }] = await db
    .selectFrom('org_unit')
    .select((eb) => eb.fn.countAll<number>().as('children'))
    .where('parent_id', '=', unitId)
    .execute();
  const [{ users } = { users: 0 }] = await db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('users'))
    .where('org_unit_id', '=', unitId)
    .execute();
  const counts = {
    children: Number(children),
    classes: 0,
    students: 0,
    staff: 0,
    users: Number(users),
  };
  // Other modules' figures (classes, students, staff) come from their org-tree hooks.
  for (const hooks of orgTreeHooks())
    if (hooks.countUnit) Object.assign(counts, await hooks.countUnit(db, unit));
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    levels: unit.levels,
    ownership: unit.ownership,
    active: unit.active,
    childCount: counts.children,
    parentId: unit.parent_id,
    address: unit.address,
    mergedIntoId: unit.merged_into_id,
    path,
    counts,
    version: unit.version,
  };
}

async function requireCodeFree(db: Db | Tx, code: string, exceptId?: string): Promise<void> {
  const existing = await db
    .selectFrom('org_unit')
    .select(['id', 'name'])
    .where(sql`lower(code)`, '=', code.toLowerCase())
    .executeTakeFirst();
  if (existing && existing.id !== exceptId)
    throw conflict(`Mã đơn vị "${code}" đã được dùng cho "${existing.name}".`, [
      { path: 'code', message: 'Mã đơn vị đã tồn tại.' },
    ]);
}

export async function createUnit(db: Db, scope: Scope, input: NewUnit): Promise<UnitDetail> {
  const parent = await scope.requireUnit(db, input.parentId, 'org.structure');
  const fields = {
    code: input.code.trim(),
    name: normalizeText(input.name),
    kind: input.kind,
    levels: input.kind === 'school' ? (input.levels ?? []) : (input.levels ?? []),
    ownership: input.ownership ?? null,
  };
  validateUnitFields(fields);
  if (!parent.active) throw badRequest('Không thể thêm đơn vị vào đơn vị đã ngừng hoạt động.');
  const id = uuidv7();
  await writeTransaction(db, scope.actor, async (tx) => {
    await requireCodeFree(tx, fields.code);
    await tx
      .insertInto('org_unit')
      .values({
        id,
        ...fields,
        search_name: unitSearchName(fields.code, fields.name),
        parent_id: parent.id,
        path: `${parent.path}${id}/`,
        depth: parent.depth + 1,
        address: input.address ? normalizeText(input.address) : null,
        merged_into_id: null,
      })
      .execute();
  });
  return getUnit(db, scope, id);
}

export async function updateUnit(
  db: Db,
  scope: Scope,
  unitId: string,
  patch: UnitPatch,
): Promise<UnitDetail> {
  const found = await scope.requireUnit(db, unitId, 'org.write');
  if (patch.code !== undefined && patch.code.trim() !== found.code) scope.require('org.structure');
  await writeTransaction(db, scope.actor, async (tx) => {
    // Locked and read again: only the fields sent are written, checked with the others as they are now.
    const unit = await tx
      .selectFrom('org_unit')
      .selectAll()
      .where('id', '=', found.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    checkVersion(`Đơn vị ${unit.name}`, patch.version, unit.version);
    const set = {
      ...(patch.code !== undefined ? { code: patch.code.trim() } : {}),
      ...(patch.name !== undefined ? { name: normalizeText(patch.name) } : {}),
      ...(patch.levels !== undefined ? { levels: patch.levels } : {}),
      ...(patch.ownership !== undefined ? { ownership: patch.ownership } : {}),
      ...(patch.address !== undefined
        ? { address: patch.address ? normalizeText(patch.address) : null }
        : {}),
    };
    const fields = {
      code: set.code ?? unit.code,
      name: set.name ?? unit.name,
      kind: unit.kind,
      levels: set.levels ?? unit.levels,
      ownership: set.ownership !== undefined ? set.ownership : unit.ownership,
    };
    validateUnitFields(fields);
    if (fields.code !== unit.code) await requireCodeFree(tx, fields.code, unit.id);
    const changed = changedOnly(set, unit);
    if (Object.keys(changed).length === 0) return;
    await tx
      .updateTable('org_unit')
      .set({
        ...changed,
        ...(changed.code !== undefined || changed.name !== undefined
          ? { search_name: unitSearchName(fields.code, fields.name) }
          : {}),
        version: sql`version + 1`,
        updated_at: sql`now()`,
      })
      .where('id', '=', unit.id)
      .where('version', '=', unit.version)
      .execute();
  });
  return getUnit(db, scope, unitId);
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

export async function moveUnit(
  db: Db,
  scope: Scope,
  unitId: string,
  newParentId: string,
): Promise<UnitDetail> {
  const unit = await scope.requireUnit(db, unitId, 'org.structure');
  const newParent = await scope.requireUnit(db, newParentId, 'org.structure');
  if (unit.parent_id === null) throw badRequest('Không thể chuyển đơn vị gốc (Sở).');
  if (unit.id === scope.user.orgUnitId)
    throw forbidden('Không thể chuyển chính đơn vị gốc trong phạm vi quản lý của bạn.');
  if (newParent.path.startsWith(unit.path))
    throw badRequest('Không thể chuyển một đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.');
  if (!newParent.active) throw badRequest('Không thể chuyển vào đơn vị đã ngừng hoạt động.');
  if (unit.parent_id !== newParent.id) {
    await writeTransaction(db, scope.actor, (tx) => moveSubtree(tx, unit, newParent));
  }
  return getUnit(db, scope, unitId);
}

/**
 * Merges `unitId` into `intoId` (communes and schools merge): children, accounts
 * and every module's data move to the survivor; the merged unit stays, inactive,
 * pointing at its survivor, so its history remains readable.
 */
export async function mergeUnits(
  db: Db,
  scope: Scope,
  unitId: string,
  intoId: string,
): Promise<UnitDetail> {
  const unit = await scope.requireUnit(db, unitId, 'org.structure');
  const into = await scope.requireUnit(db, intoId, 'org.structure');
  if (unit.id === into.id) throw badRequest('Không thể sáp nhập một đơn vị vào chính nó.');
  if (unit.parent_id === null) throw badRequest('Không thể sáp nhập đơn vị gốc (Sở).');
  if (unit.id === scope.user.orgUnitId)
    throw forbidden('Không thể sáp nhập chính đơn vị gốc trong phạm vi quản lý của bạn.');
  if (into.path.startsWith(unit.path))
    throw badRequest('Không thể sáp nhập một đơn vị vào đơn vị cấp dưới của nó.');
  if (!into.active) throw badRequest('Đơn vị nhận sáp nhập đã ngừng hoạt động.');
  await writeTransaction(db, scope.actor, async (tx) => {
    const children = await tx
      .selectFrom('org_unit')
      .selectAll()
      .where('parent_id', '=', unit.id)
      .execute();
    for (const child of children) await moveSubtree(tx, child, into);
    await tx
      .updateTable('app_user')
      .set({ org_unit_id: into.id, version: sql`version + 1`, updated_at: sql`now()` })
      .where('org_unit_id', '=', unit.id)
      .execute();
    for (const hooks of orgTreeHooks()) await hooks.mergeUnit?.(tx, unit.id, into.id);
    await tx
      .updateTable('org_unit')
      .set({
        active: false,
        merged_into_id: into.id,
        version: sql`version + 1`,
        updated_at: sql`now()`,
      })
      .where('id', '=', unit.id)
      .execute();
  });
  return getUnit(db, scope, into.id);
}

export async function setUnitActive(
  db: Db,
  scope: Scope,
  unitId: string,
  active: boolean,
): Promise<UnitDetail> {
  const unit = await scope.requireUnit(db, unitId, 'org.structure');
  if (unit.parent_id === null) throw badRequest('Không thể ngừng hoạt động đơn vị gốc (Sở).');
  if (unit.id === scope.user.orgUnitId)
    throw forbidden('Không thể thay đổi trạng thái chính đơn vị của bạn.');
  if (!active) {
    const activeChild = await db
      .selectFrom('org_unit')
      .select('name')
      .where('parent_id', '=', unit.id)
      .where('active', '=', true)
      .executeTakeFirst();
    if (activeChild)
      throw badRequest(
        `Đơn vị còn đơn vị cấp dưới đang hoạt động ("${activeChild.name}"): hãy chuyển hoặc ngừng hoạt động chúng trước.`,
      );
  } else if (unit.merged_into_id) {
    throw badRequest('Đơn vị đã sáp nhập vào đơn vị khác, không thể hoạt động lại.');
  }
  await writeTransaction(db, scope.actor, (tx) =>
    tx
      .updateTable('org_unit')
      .set({ active, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', unit.id)
      .execute(),
  );
  return getUnit(db, scope, unitId);
}

export async function findUnitByCode(db: Db | Tx, code: string): Promise<OrgUnit | undefined> {
  return db.selectFrom('org_unit').selectAll().where('code', '=', code).executeTakeFirst();
}

export function requireUuid(id: string, what: string): void {
  if (!isUuid(id)) throw notFound(what);
}
