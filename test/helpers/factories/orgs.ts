/**
 * Test factories for the org tree and accounts: units, trees, accounts, a
 * signed-in user's Scope, and the small province most tests start from.
 * Built on the orgs module's own functions (createAccount, unitSearchName),
 * so a unit or account made here is one the application could have made.
 */
import { systemActor, writeTransaction } from '../../../src/db/actor.ts';
import type { Db } from '../../../src/db/connection.ts';
import type { OrgUnit, OrgUnitKind, Ownership, Role, SchoolLevel } from '../../../src/db/schema.ts';
import { uuidv7 } from '../../../src/lib/ids.ts';
import { hashPassword } from '../../../src/lib/passwords.ts';
import { Scope } from '../../../src/core/access/scope.ts';
import { createAccount, unitSearchName } from '../../../src/modules/orgs/index.ts';

/** The password of every account these factories make, unless told otherwise. */
export const PASSWORD = 'mat-khau-rat-dai-1';

export interface UnitSpec {
  code: string;
  name: string;
  kind: OrgUnitKind;
  /** The parent's code, in the same makeTree call (parents first). */
  parent?: string;
  levels?: SchoolLevel[];
  ownership?: Ownership;
  /** A school's location (decimal degrees); none unless told. */
  location?: { lat: number; lon: number };
}

/** Inserts units given parents-first; returns code → id. */
export async function makeTree(db: Db, specs: UnitSpec[]): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  const paths: Record<string, string> = {};
  const depths: Record<string, number> = {};
  await writeTransaction(db, systemActor('test'), async (tx) => {
    for (const spec of specs) {
      const id = uuidv7();
      const parentPath = spec.parent ? paths[spec.parent] : '/';
      if (parentPath === undefined) throw new Error(`parent ${spec.parent} not yet made`);
      ids[spec.code] = id;
      paths[spec.code] = `${parentPath}${id}/`;
      depths[spec.code] = spec.parent ? (depths[spec.parent] ?? 0) + 1 : 0;
      await tx
        .insertInto('org_unit')
        .values({
          id,
          code: spec.code,
          name: spec.name,
          search_name: unitSearchName(spec.code, spec.name),
          kind: spec.kind,
          parent_id: spec.parent ? (ids[spec.parent] ?? null) : null,
          path: paths[spec.code]!,
          depth: depths[spec.code]!,
          levels: spec.levels ?? [],
          ownership: spec.ownership ?? null,
          address: null,
          latitude: spec.location?.lat ?? null,
          longitude: spec.location?.lon ?? null,
          merged_into_id: null,
        })
        .execute();
    }
  });
  return ids;
}

/**
 * One unit under an existing one (`parentId`), or a root without it; a school
 * gets a level and an ownership unless told. Returns the row as stored.
 */
export async function makeUnit(
  db: Db,
  spec: Omit<UnitSpec, 'parent'> & { parentId?: string },
): Promise<OrgUnit> {
  const parent = spec.parentId
    ? await db
        .selectFrom('org_unit')
        .select(['path', 'depth'])
        .where('id', '=', spec.parentId)
        .executeTakeFirstOrThrow()
    : null;
  const id = uuidv7();
  const school = spec.kind === 'school';
  await writeTransaction(db, systemActor('test'), (tx) =>
    tx
      .insertInto('org_unit')
      .values({
        id,
        code: spec.code,
        name: spec.name,
        search_name: unitSearchName(spec.code, spec.name),
        kind: spec.kind,
        parent_id: spec.parentId ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        depth: parent ? parent.depth + 1 : 0,
        levels: spec.levels ?? (school ? ['primary'] : []),
        ownership: spec.ownership ?? (school ? 'public' : null),
        address: null,
        latitude: spec.location?.lat ?? null,
        longitude: spec.location?.lon ?? null,
        merged_into_id: null,
      })
      .execute(),
  );
  return db.selectFrom('org_unit').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** A department with one commune holding schools A and B, and a second commune with school C. */
export const SMALL_PROVINCE: UnitSpec[] = [
  { code: 'SGD', name: 'Sở Giáo dục và Đào tạo Thử Nghiệm', kind: 'department' },
  { code: 'X01', name: 'Xã Hoà Bình', kind: 'commune', parent: 'SGD' },
  { code: 'X02', name: 'Phường Đông Hải', kind: 'commune', parent: 'SGD' },
  {
    code: 'THA',
    name: 'Trường Tiểu học Kim Đồng',
    kind: 'school',
    parent: 'X01',
    levels: ['primary'],
    ownership: 'public',
  },
  {
    code: 'THB',
    name: 'Trường THCS Nguyễn Du',
    kind: 'school',
    parent: 'X01',
    levels: ['lower_secondary'],
    ownership: 'public',
  },
  {
    code: 'THC',
    name: 'Trường Mầm non Hoa Sen',
    kind: 'school',
    parent: 'X02',
    levels: ['preschool'],
    ownership: 'private',
  },
];

/** An account at `unitId`; answers its id. Full name "Người dùng <username>". */
export async function makeUser(
  db: Db,
  unitId: string,
  role: Role,
  username: string,
  password = PASSWORD,
  mustChangePassword = false,
): Promise<string> {
  const id = uuidv7();
  await createAccount(db, systemActor('test'), {
    id,
    username,
    fullName: `Người dùng ${username}`,
    email: null,
    role,
    orgUnitId: unitId,
    passwordHash: await hashPassword(password),
    mustChangePassword,
  });
  return id;
}

/**
 * SMALL_PROVINCE with the department's admin, "admin" (password PASSWORD):
 * the start of most tests that go through the API. Answers code → id.
 */
export async function makeSmallProvince(db: Db): Promise<Record<string, string>> {
  const ids = await makeTree(db, SMALL_PROVINCE);
  await makeUser(db, ids.SGD!, 'department_admin', 'admin');
  return ids;
}

/** A signed-in user's scope at `unitId` with `role`, for calling use cases directly. */
export async function scopeAt(db: Db, unitId: string, role: Role): Promise<Scope> {
  const unit = await db
    .selectFrom('org_unit')
    .select(['id', 'path'])
    .where('id', '=', unitId)
    .executeTakeFirstOrThrow();
  return new Scope({
    id: uuidv7(),
    username: 'kiem.thu',
    fullName: 'Kiểm thử',
    role,
    orgUnitId: unit.id,
    orgPath: unit.path,
  });
}
