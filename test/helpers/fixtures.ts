import { systemActor, writeTransaction } from '../../src/db/actor.ts';
import type { Db } from '../../src/db/connection.ts';
import type { OrgUnitKind, Ownership, Role, SchoolLevel } from '../../src/db/schema.ts';
import { uuidv7 } from '../../src/lib/ids.ts';
import { unitSearchName } from '../../src/modules/orgs/units.ts';
import { createAccount } from '../../src/modules/orgs/users.ts';
import { hashPassword } from '../../src/lib/passwords.ts';
import { Scope } from '../../src/core/access/scope.ts';

export interface UnitSpec {
  code: string;
  name: string;
  kind: OrgUnitKind;
  parent?: string;
  levels?: SchoolLevel[];
  ownership?: Ownership;
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
          merged_into_id: null,
        })
        .execute();
    }
  });
  return ids;
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

export async function makeUser(
  db: Db,
  unitId: string,
  role: Role,
  username: string,
  password = 'mat-khau-rat-dai-1',
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

/** A signed-in user's scope at `unitId` with `role`, for calling services directly. */
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
