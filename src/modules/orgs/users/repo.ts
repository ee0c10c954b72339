import { sql, type Expression, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Tx } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { AppUserTable } from '../../../db/schema.ts';
import type { UserRow } from '../contract.ts';
import { escapeLike } from '../like.ts';

/** Every query on accounts (app_user) for the user-management use cases. */

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

export interface AccountFilter {
  /** The caller's subtree (Scope.pathCondition on org_unit.path). */
  within: Expression<SqlBool>;
  /** Only accounts of this subtree. */
  underPath?: string | undefined;
  /** Part of the login name (search key) or of the full name (lower case). */
  nameKey?: string | undefined;
  fullNamePart?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listAccounts(
  db: Db,
  filter: AccountFilter,
): Promise<{ rows: UserRow[]; total: number }> {
  let q = userQuery(db).where(filter.within);
  if (filter.underPath !== undefined)
    q = q.where('org_unit.path', 'like', `${escapeLike(filter.underPath)}%`);
  if (filter.nameKey) {
    const pattern = `%${escapeLike(filter.nameKey)}%`;
    const fullName = `%${escapeLike(filter.fullNamePart ?? '')}%`;
    q = q.where((eb) =>
      eb.or([
        eb('app_user.username', 'like', pattern),
        eb(sql`lower(app_user.full_name)`, 'like', fullName),
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
  return { rows: rows.map(toUserRow), total: Number(total) };
}

/** An account with the path of its unit (for the caller's scope check). */
export async function accountById(
  db: Db,
  userId: string,
): Promise<{ user: UserRow; unitPath: string } | undefined> {
  const row = await userQuery(db).where('app_user.id', '=', userId).executeTakeFirst();
  return row && { user: toUserRow(row), unitPath: row.unit_path };
}

export function usernameTaken(tx: Tx | Db, username: string): Promise<{ id: string } | undefined> {
  return tx.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst();
}

export async function insertAccount(tx: Tx, account: Insertable<AppUserTable>): Promise<void> {
  await tx.insertInto('app_user').values(account).execute();
}

/**
 * Writes `set`, bumping the version; with `version`, only if the row still has
 * it. Answers whether a row was written.
 */
export async function updateAccount(
  tx: Tx,
  userId: string,
  set: Updateable<AppUserTable>,
  version: number | undefined,
): Promise<boolean> {
  let update = tx
    .updateTable('app_user')
    .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', userId);
  if (version !== undefined) update = update.where('version', '=', version);
  const done = await update.executeTakeFirst();
  return done.numUpdatedRows > 0n;
}

export async function accountVersion(tx: Tx, userId: string): Promise<number> {
  const row = await tx
    .selectFrom('app_user')
    .select('version')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.version;
}

/** A new temporary password. The version stays: a form open on the account remains valid. */
export async function setTemporaryPassword(
  tx: Tx,
  userId: string,
  passwordHash: string,
): Promise<void> {
  await tx
    .updateTable('app_user')
    .set({ password_hash: passwordHash, must_change_password: true, updated_at: sql`now()` })
    .where('id', '=', userId)
    .execute();
}

/** Ends every open session of an account. */
export async function endSessions(tx: Tx, userId: string): Promise<void> {
  await tx.deleteFrom('session').where('user_id', '=', userId).execute();
}
