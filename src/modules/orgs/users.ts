import { sql } from 'kysely';
import { writeTransaction, type Actor } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { OrgUnitKind, Role } from '../../db/schema.ts';
import { uuidv7, isUuid } from '../../lib/ids.ts';
import { normalizeText, searchKey } from '../../lib/vietnamese.ts';
import { badRequest, conflict, forbidden, notFound } from '../../core/errors.ts';
import { hashPassword, temporaryPassword } from '../../lib/passwords.ts';
import { ROLE_LABELS, roleFitsUnit } from '../../core/access/roles.ts';
import { grantableRoles } from './permissions.ts';
import type { Scope } from '../../core/access/scope.ts';
import { staleVersion } from '../../core/versions.ts';
import type {
  CreatedUser,
  NewUser,
  TemporaryPassword,
  UserList,
  UserListQuery,
  UserPatch,
  UserRow,
} from './contract.ts';
import { escapeLike } from './units.ts';

export const USERNAME_RE = /^[a-z0-9][a-z0-9._-]{2,31}$/;
export const TAKEN_USERNAME = 'Tên đăng nhập này không dùng được; hãy chọn tên khác.';

function userQuery(db: Db) {
  return db
    .selectFrom('app_user')
    .innerJoin('org_unit', 'org_unit.id', 'app_user.org_unit_id')
    .select([
      'app_user.id',
      'app_user.username',
      'app_user.full_name',
      'app_user.email',
      'app_user.role',
      'app_user.active',
      'app_user.must_change_password',
      'app_user.version',
      'org_unit.id as unit_id',
      'org_unit.code as unit_code',
      'org_unit.name as unit_name',
      'org_unit.path as unit_path',
    ]);
}

type UserQueryRow = Awaited<ReturnType<ReturnType<typeof userQuery>['executeTakeFirstOrThrow']>>;

function toUserRow(r: UserQueryRow): UserRow {
  return {
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    email: r.email,
    role: r.role,
    orgUnit: { id: r.unit_id, code: r.unit_code, name: r.unit_name },
    active: r.active,
    mustChangePassword: r.must_change_password,
    version: r.version,
  };
}

export async function listUsers(db: Db, scope: Scope, filter: UserListQuery): Promise<UserList> {
  scope.require('user.manage');
  let q = userQuery(db).where(scope.pathCondition());
  if (filter.orgUnitId) {
    const unit = await scope.requireUnit(db, filter.orgUnitId, 'user.manage');
    q = q.where('org_unit.path', 'like', `${escapeLike(unit.path)}%`);
  }
  const key = filter.q ? searchKey(filter.q) : '';
  if (key) {
    const pattern = `%${escapeLike(key)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('app_user.username', 'like', pattern),
        eb(sql`lower(app_user.full_name)`, 'like', `%${escapeLike(filter.q!.toLowerCase())}%`),
      ]),
    );
  }
  const [{ total } = { total: 0 }] = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  const rows = await q
    .orderBy('app_user.username')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return {
    items: rows.map(toUserRow),
    total: Number(total),
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

export async function getUser(db: Db, scope: Scope, userId: string): Promise<UserRow> {
  scope.require('user.manage');
  if (!isUuid(userId)) throw notFound('tài khoản');
  const row = await userQuery(db).where('app_user.id', '=', userId).executeTakeFirst();
  if (!row) throw notFound('tài khoản');
  if (!scope.containsPath(row.unit_path)) throw forbidden();
  return toUserRow(row);
}

function requireGrantable(scope: Scope, role: Role): void {
  if (!grantableRoles(scope.user.role).includes(role))
    throw forbidden(
      'Bạn không thể cấp vai trò có nhiều quyền hơn hoặc ở cấp cao hơn vai trò của chính bạn.',
    );
}

/** A department role on a school (or an office role there) would be a role out of place. */
function requireRoleFitsUnit(role: Role, unit: { kind: OrgUnitKind; name: string }): void {
  if (!roleFitsUnit(role, unit.kind))
    throw badRequest(
      `Vai trò "${ROLE_LABELS[role]}" không dùng cho tài khoản thuộc ${unit.name}: vai trò cấp Sở chỉ gán ở Sở, vai trò cấp xã/Phòng ở Phòng hoặc xã.`,
      [{ path: 'role', message: 'Vai trò không phù hợp với cấp của đơn vị.' }],
    );
}

export async function createUser(db: Db, scope: Scope, input: NewUser): Promise<CreatedUser> {
  const unit = await scope.requireUnit(db, input.orgUnitId, 'user.manage');
  requireGrantable(scope, input.role);
  requireRoleFitsUnit(input.role, unit);
  const username = input.username.trim().toLowerCase();
  if (!USERNAME_RE.test(username))
    throw badRequest('Tên đăng nhập chưa hợp lệ.', [
      {
        path: 'username',
        message: 'Tên đăng nhập gồm 3–32 ký tự: chữ thường không dấu, chữ số, ".", "_" hoặc "-".',
      },
    ]);
  const fullName = normalizeText(input.fullName);
  if (!fullName)
    throw badRequest('Họ và tên không được để trống.', [
      { path: 'fullName', message: 'Họ và tên không được để trống.' },
    ]);
  const password = temporaryPassword();
  const id = uuidv7();
  await createAccount(db, scope.actor, {
    id,
    username,
    fullName,
    email: input.email ?? null,
    role: input.role,
    orgUnitId: input.orgUnitId,
    passwordHash: await hashPassword(password),
    mustChangePassword: true,
  });
  return { user: await getUser(db, scope, id), temporaryPassword: password };
}

/** Inserts an account; also used at first start for the department's admin. */
export async function createAccount(
  db: Db,
  actor: Actor,
  account: {
    id: string;
    username: string;
    fullName: string;
    email: string | null;
    role: Role;
    orgUnitId: string;
    passwordHash: string;
    mustChangePassword: boolean;
  },
): Promise<void> {
  await writeTransaction(db, actor, async (tx) => {
    const taken = await tx
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', account.username)
      .executeTakeFirst();
    // The same words whoever holds the name: no hint whether the account is
    // in the caller's unit or elsewhere in the province, nor which unit.
    if (taken) throw conflict(TAKEN_USERNAME, [{ path: 'username', message: TAKEN_USERNAME }]);
    await tx
      .insertInto('app_user')
      .values({
        id: account.id,
        username: account.username,
        full_name: account.fullName,
        email: account.email,
        role: account.role,
        org_unit_id: account.orgUnitId,
        password_hash: account.passwordHash,
        must_change_password: account.mustChangePassword,
      })
      .execute();
  });
}

export async function updateUser(
  db: Db,
  scope: Scope,
  userId: string,
  patch: UserPatch,
): Promise<UserRow> {
  const current = await getUser(db, scope, userId);
  if (patch.role !== undefined) requireGrantable(scope, patch.role);
  requireGrantable(scope, current.role);
  const unit =
    patch.orgUnitId !== undefined
      ? await scope.requireUnit(db, patch.orgUnitId, 'user.manage')
      : patch.role !== undefined
        ? await scope.requireUnit(db, current.orgUnit.id, 'user.manage')
        : null;
  if (unit) requireRoleFitsUnit(patch.role ?? current.role, unit);
  if (
    userId === scope.user.id &&
    (patch.active === false || (patch.role && patch.role !== current.role))
  )
    throw forbidden('Bạn không thể tự khoá hoặc tự đổi vai trò của chính mình.');
  await writeTransaction(db, scope.actor, async (tx) => {
    let update = tx
      .updateTable('app_user')
      .set({
        ...(patch.fullName !== undefined ? { full_name: normalizeText(patch.fullName) } : {}),
        ...(patch.email !== undefined ? { email: patch.email } : {}),
        ...(patch.role !== undefined ? { role: patch.role } : {}),
        ...(patch.orgUnitId !== undefined ? { org_unit_id: patch.orgUnitId } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        version: sql`version + 1`,
        updated_at: sql`now()`,
      })
      .where('id', '=', userId);
    if (patch.version !== undefined) update = update.where('version', '=', patch.version);
    const done = await update.executeTakeFirst();
    if (!done.numUpdatedRows) {
      const now = await tx
        .selectFrom('app_user')
        .select('version')
        .where('id', '=', userId)
        .executeTakeFirstOrThrow();
      throw staleVersion(`Tài khoản ${current.username}`, {
        sent: patch.version ?? now.version,
        current: now.version,
      });
    }
    // A locked-out or moved account loses its open sessions at once.
    if (patch.active === false || patch.orgUnitId !== undefined || patch.role !== undefined)
      await tx.deleteFrom('session').where('user_id', '=', userId).execute();
  });
  return getUser(db, scope, userId);
}

export async function resetPassword(
  db: Db,
  scope: Scope,
  userId: string,
): Promise<TemporaryPassword> {
  const current = await getUser(db, scope, userId);
  requireGrantable(scope, current.role);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await writeTransaction(db, scope.actor, async (tx) => {
    await tx
      .updateTable('app_user')
      .set({
        password_hash: passwordHash,
        must_change_password: true,
        updated_at: sql`now()`,
      })
      .where('id', '=', userId)
      .execute();
    await tx.deleteFrom('session').where('user_id', '=', userId).execute();
  });
  return { temporaryPassword: password };
}
