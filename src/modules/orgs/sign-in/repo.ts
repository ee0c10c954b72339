import { sql } from 'kysely';
import { recordAuditEvent, type Tx } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import type { AppUser } from '../../../db/schema.ts';

/** Every query of sign-in: accounts by name, usual addresses, sessions, sign-in events. */

export function accountByUsername(db: Db, username: string): Promise<AppUser | undefined> {
  return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}

/** Whether the account signed in from `address` within the last `days`. */
export async function isUsualAddress(
  db: Db,
  userId: string,
  address: string,
  days: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('sign_in_address')
    .select('address')
    .where('user_id', '=', userId)
    .where('address', '=', address)
    .where('last_at', '>', sql<Date>`now() - make_interval(days => ${days})`)
    .executeTakeFirst();
  return row !== undefined;
}

export async function rememberAddress(db: Db, userId: string, address: string): Promise<void> {
  await db
    .insertInto('sign_in_address')
    .values({ user_id: userId, address, last_at: sql<Date>`now()` })
    .onConflict((oc) =>
      oc.columns(['user_id', 'address']).doUpdateSet({ last_at: sql<Date>`now()` }),
    )
    .execute();
}

export async function insertSession(
  db: Db,
  session: {
    id: string;
    userId: string;
    csrfToken: string;
    ip: string | null;
    userAgent: string | null;
    expiresAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('session')
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      ip: session.ip,
      user_agent: session.userAgent,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** A session with its account and the account's unit. */
export function sessionRow(db: Db, sessionId: string) {
  return db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .innerJoin('org_unit', 'org_unit.id', 'app_user.org_unit_id')
    .select([
      'session.id as session_id',
      'session.csrf_token',
      'session.expires_at',
      'app_user.id',
      'app_user.username',
      'app_user.full_name',
      'app_user.role',
      'app_user.active',
      'app_user.must_change_password',
      'org_unit.id as unit_id',
      'org_unit.path',
    ])
    .where('session.id', '=', sessionId)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', sessionId).execute();
}

/** Every session of the account but `keepId`. */
export async function deleteOtherSessions(tx: Tx, userId: string, keepId: string): Promise<void> {
  await tx.deleteFrom('session').where('user_id', '=', userId).where('id', '!=', keepId).execute();
}

/** Sessions past their expiry; answers how many went. */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom('session').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function unitOfAccount(db: Db, unitId: string) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'code', 'name', 'kind'])
    .where('id', '=', unitId)
    .executeTakeFirstOrThrow();
}

export function passwordOf(
  db: Db,
  userId: string,
): Promise<{ password_hash: string; username: string; full_name: string }> {
  return db
    .selectFrom('app_user')
    .select(['password_hash', 'username', 'full_name'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}

/** The password its holder chose: no longer a temporary one. */
export async function setOwnPassword(tx: Tx, userId: string, passwordHash: string): Promise<void> {
  await tx
    .updateTable('app_user')
    .set({ password_hash: passwordHash, must_change_password: false, updated_at: sql`now()` })
    .where('id', '=', userId)
    .execute();
}

/**
 * Sign-ins, failed sign-ins and sign-outs go to the audit log directly: no
 * row of an audited table changes, so no trigger writes them.
 */
export async function recordAuthEvent(
  db: Db,
  action: 'login' | 'login_failed' | 'logout',
  user: { id: string | null; username: string; full_name: string; org_unit_id: string | null },
  ip: string | null,
): Promise<void> {
  await recordAuditEvent(
    db,
    { id: user.id, name: `${user.full_name} (${user.username})`, ip },
    {
      action,
      entityType: 'app_user',
      // An unknown name has no account: the name typed stands for it.
      entityId: user.id ?? user.username,
      unitId: user.org_unit_id,
    },
  );
}
