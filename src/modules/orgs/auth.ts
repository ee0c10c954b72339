import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { OrgUnitKind, Role } from '../../db/schema.ts';
import { AppError, badRequest, unauthorized } from '../../server/errors.ts';
import { hashPassword, passwordProblems, verifyPassword } from '../../server/passwords.ts';
import { permissionsOf, type Permission } from '../../server/permissions.ts';
import { Scope, type ScopeUser } from '../../server/scope.ts';

export const SESSION_HOURS = 12;
/** Consecutive failures before an account is locked, and for how long. */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;
/** Failures from one address within the window before it must wait. */
export const IP_FAILURE_LIMIT = 30;
const IP_WINDOW_MS = 15 * 60_000;

export interface Me {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  orgUnit: { id: string; code: string; name: string; kind: OrgUnitKind };
  mustChangePassword: boolean;
  permissions: Permission[];
}

export interface LoadedSession {
  sessionId: string;
  csrfToken: string;
  user: ScopeUser;
  mustChangePassword: boolean;
}

const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** Growing delay after each failure: 0.25 s, 0.5 s, 1 s, 2 s, capped at 4 s. */
export function failureDelayMs(failures: number): number {
  return failures <= 0 ? 0 : Math.min(250 * 2 ** (failures - 1), 4000);
}

const failuresByIp = new Map<string, number[]>();

function recentIpFailures(ip: string, now: number): number[] {
  const recent = (failuresByIp.get(ip) ?? []).filter((t) => now - t < IP_WINDOW_MS);
  failuresByIp.set(ip, recent);
  return recent;
}

export function resetLoginThrottle(): void {
  failuresByIp.clear();
}

let dummy: Promise<string> | null = null;
const dummyHash = () => (dummy ??= hashPassword('sogd-khong-co-tai-khoan-nay'));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function recordAuthEvent(
  db: Db,
  action: 'login' | 'login_failed' | 'logout',
  user: { id: string; username: string; full_name: string; org_unit_id: string },
  ip: string | null,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: user.id,
      actor_name: `${user.full_name} (${user.username})`,
      ip,
      action,
      entity_type: 'app_user',
      entity_id: user.id,
      org_unit_id: user.org_unit_id,
      before: null,
      after: null,
    })
    .execute();
}

export async function login(
  db: Db,
  input: { username: string; password: string; ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; user: Me }> {
  const now = Date.now();
  const ipKey = input.ip ?? 'unknown';
  if (recentIpFailures(ipKey, now).length >= IP_FAILURE_LIMIT)
    throw new AppError(
      429,
      'Quá nhiều lần đăng nhập sai',
      'Có quá nhiều lần đăng nhập sai từ địa chỉ này. Vui lòng thử lại sau 15 phút.',
    );
  const user = await db
    .selectFrom('app_user')
    .selectAll()
    .where('username', '=', input.username.trim().toLowerCase())
    .executeTakeFirst();
  if (user?.locked_until && user.locked_until.getTime() > now) {
    throw new AppError(
      423,
      'Tài khoản tạm khoá',
      `Tài khoản tạm khoá do đăng nhập sai nhiều lần, đến ${formatTime(user.locked_until)}.`,
    );
  }
  // An unknown name costs the same argon2 work as a wrong password: no timing hint.
  const ok = user
    ? user.active && (await verifyPassword(user.password_hash, input.password))
    : (await verifyPassword(await dummyHash(), input.password)) && false;
  if (!user || !ok) {
    recentIpFailures(ipKey, now).push(now);
    let failures = recentIpFailures(ipKey, now).length;
    if (user) {
      const updated = await db
        .updateTable('app_user')
        .set({
          failed_attempts: sql`failed_attempts + 1`,
          locked_until: sql`CASE WHEN failed_attempts + 1 >= ${LOCK_AFTER_FAILURES}
            THEN now() + make_interval(mins => ${LOCK_MINUTES}) ELSE NULL END`,
        })
        .where('id', '=', user.id)
        .returning(['failed_attempts'])
        .executeTakeFirstOrThrow();
      failures = updated.failed_attempts;
      await recordAuthEvent(db, 'login_failed', user, input.ip);
    }
    await sleep(failureDelayMs(failures));
    throw unauthorized('Tên đăng nhập hoặc mật khẩu không đúng.');
  }
  if (user.failed_attempts > 0 || user.locked_until)
    await db
      .updateTable('app_user')
      .set({ failed_attempts: 0, locked_until: null })
      .where('id', '=', user.id)
      .execute();
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db
    .insertInto('session')
    .values({
      id: sessionIdOf(token),
      user_id: user.id,
      csrf_token: csrfToken,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
      expires_at: new Date(now + SESSION_HOURS * 3600_000),
    })
    .execute();
  await recordAuthEvent(db, 'login', user, input.ip);
  const session = await loadSession(db, token);
  if (!session) throw unauthorized();
  return { token, csrfToken, user: await describeMe(db, session) };
}

export async function loadSession(db: Db, token: string): Promise<LoadedSession | null> {
  if (!token || token.length > 100) return null;
  const row = await db
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
    .where('session.id', '=', sessionIdOf(token))
    .executeTakeFirst();
  if (!row || !row.active || row.expires_at.getTime() <= Date.now()) return null;
  return {
    sessionId: row.session_id,
    csrfToken: row.csrf_token,
    mustChangePassword: row.must_change_password,
    user: {
      id: row.id,
      username: row.username,
      fullName: row.full_name,
      role: row.role,
      orgUnitId: row.unit_id,
      orgPath: row.path,
    },
  };
}

export async function describeMe(db: Db, session: LoadedSession): Promise<Me> {
  const unit = await db
    .selectFrom('org_unit')
    .select(['id', 'code', 'name', 'kind'])
    .where('id', '=', session.user.orgUnitId)
    .executeTakeFirstOrThrow();
  return {
    id: session.user.id,
    username: session.user.username,
    fullName: session.user.fullName,
    role: session.user.role,
    orgUnit: unit,
    mustChangePassword: session.mustChangePassword,
    permissions: [...permissionsOf(session.user.role)],
  };
}

export async function logout(db: Db, session: LoadedSession, ip: string | null): Promise<void> {
  await db.deleteFrom('session').where('id', '=', session.sessionId).execute();
  await recordAuthEvent(
    db,
    'logout',
    {
      id: session.user.id,
      username: session.user.username,
      full_name: session.user.fullName,
      org_unit_id: session.user.orgUnitId,
    },
    ip,
  );
}

export async function changePassword(
  db: Db,
  scope: Scope,
  session: LoadedSession,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await db
    .selectFrom('app_user')
    .select(['password_hash', 'username'])
    .where('id', '=', scope.user.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword)))
    throw badRequest('Mật khẩu hiện tại không đúng.', [
      { path: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' },
    ]);
  const problems = passwordProblems(input.newPassword, user.username);
  if (input.newPassword === input.currentPassword)
    problems.push('Mật khẩu mới phải khác mật khẩu hiện tại.');
  if (problems.length)
    throw badRequest(
      problems.join(' '),
      problems.map((message) => ({ path: 'newPassword', message })),
    );
  const passwordHash = await hashPassword(input.newPassword);
  await writeTransaction(db, scope.actor, async (tx) => {
    await tx
      .updateTable('app_user')
      .set({ password_hash: passwordHash, must_change_password: false, updated_at: sql`now()` })
      .where('id', '=', scope.user.id)
      .execute();
    // Other sessions of this account end: only the one that changed the password stays.
    await tx
      .deleteFrom('session')
      .where('user_id', '=', scope.user.id)
      .where('id', '!=', session.sessionId)
      .execute();
  });
}

export function scopeOf(session: LoadedSession, ip: string | null): Scope {
  return new Scope(session.user, ip);
}

function formatTime(date: Date): string {
  return new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(date);
}
