import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { AppError, badRequest, unauthorized } from '../../core/errors.ts';
import { hashPassword, passwordProblems, verifyPassword } from '../../lib/passwords.ts';
import { permissionsOf } from '../../core/access/permissions.ts';
import { grantableRoles } from './permissions.ts';
import { AttemptThrottle } from '../../core/http/rate-limit.ts';
import { Scope } from '../../core/access/scope.ts';
import type { Session } from '../../core/http/context.ts';
import type { Me } from './contract.ts';

export const SESSION_HOURS = 12;

/*
 * Sign-in throttle (issue #11, item 8). No account is ever locked: a lock lets
 * anyone shut out the admin with five guesses. Instead attempts are spaced out,
 * keyed on the name typed (whether an account has it or not, so the answer and
 * its timing say nothing about which names exist) and on the client address:
 * - per name and address: 0, 0.25, 0.5, 1, 2, then 4 s between attempts;
 * - per name, from addresses the account never signed in from: 10 free, then
 *   1 s doubling to 1 min (about one guess a minute however many addresses);
 * - per address, on names it never signed in to: 30 free, then 1 s doubling
 *   to 15 min.
 * An address the account signed in from before (its "usual" address) meets
 * only the first: the right password from there waits at most 4 s, whatever
 * happens elsewhere. Waits up to MAX_WAIT_MS are served by holding the answer;
 * longer ones answer 429 with Retry-After. In memory, per process (a restart
 * forgets the counts, not the usual addresses, which are in sign_in_address).
 */
const WINDOW_MS = 15 * 60_000;
export const MAX_WAIT_MS = 5_000;
const USUAL_ADDRESS_DAYS = 180;
const pairThrottle = new AttemptThrottle(
  (n) => (n <= 0 ? 0 : Math.min(250 * 2 ** (n - 1), 4_000)),
  WINDOW_MS,
);
const nameThrottle = new AttemptThrottle(
  (n) => (n < 10 ? 0 : Math.min(1_000 * 2 ** (n - 10), 60_000)),
  WINDOW_MS,
);
const addressThrottle = new AttemptThrottle(
  (n) => (n < 30 ? 0 : Math.min(1_000 * 2 ** (n - 30), 15 * 60_000)),
  WINDOW_MS,
);
const NO_ACCOUNT = '00000000-0000-0000-0000-000000000000';

export function resetLoginThrottle(): void {
  pairThrottle.clear();
  nameThrottle.clear();
  addressThrottle.clear();
}

/** Refused for now; `retryAfterSeconds` goes into the Retry-After header. */
export class SignInThrottled extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      'Quá nhiều lần đăng nhập sai',
      `Đã có quá nhiều lần đăng nhập sai với tên này hoặc từ địa chỉ này. Vui lòng thử lại sau ${
        retryAfterSeconds < 120
          ? `${retryAfterSeconds} giây`
          : `${Math.ceil(retryAfterSeconds / 60)} phút`
      }.`,
    );
  }
}

/**
 * The address a throttle counts: IPv4 as is, IPv6 by its /64 (one subscriber
 * gets a whole /64, and picks any address in it).
 */
export function addressKey(ip: string | null): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The kernel's session shape (core/http/context.ts), loaded here. */
export type LoadedSession = Session;

const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

let dummy: Promise<string> | null = null;
const dummyHash = () => (dummy ??= hashPassword('sogd-khong-co-tai-khoan-nay'));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const pendingEvents = new Set<Promise<void>>();

function track(write: Promise<void>): void {
  const settled = write
    .catch((error: unknown) => console.error('Không ghi được nhật ký đăng nhập sai:', error))
    .finally(() => pendingEvents.delete(settled));
  pendingEvents.add(settled);
}

/** Waits for sign-in events still being written (the app awaits it on close). */
export async function flushAuthEvents(): Promise<void> {
  await Promise.all([...pendingEvents]);
}

async function recordAuthEvent(
  db: Db,
  action: 'login' | 'login_failed' | 'logout',
  user: { id: string | null; username: string; full_name: string; org_unit_id: string | null },
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
      // An unknown name has no account: the name typed stands for it.
      entity_id: user.id ?? user.username,
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
  const name = input.username.trim().toLowerCase();
  const address = addressKey(input.ip);
  // Known and unknown names go the same way, with the same queries and work.
  const user = await db
    .selectFrom('app_user')
    .selectAll()
    .where('username', '=', name)
    .executeTakeFirst();
  const usual = await db
    .selectFrom('sign_in_address')
    .select('address')
    .where('user_id', '=', user?.id ?? NO_ACCOUNT)
    .where('address', '=', address)
    .where('last_at', '>', sql<Date>`now() - make_interval(days => ${USUAL_ADDRESS_DAYS})`)
    .executeTakeFirst();
  const keys: [AttemptThrottle, string][] = [[pairThrottle, `${name}\n${address}`]];
  if (!usual) keys.push([nameThrottle, name], [addressThrottle, address]);
  const now = Date.now();
  const at = Math.max(...keys.map(([throttle, key]) => throttle.earliest(key, now)));
  if (at - now > MAX_WAIT_MS) throw new SignInThrottled(Math.ceil((at - now) / 1000));
  for (const [throttle, key] of keys) throttle.reserve(key, at);
  await sleep(at - now);

  // An unknown name costs the same argon2 work as a wrong password.
  const ok = user
    ? (await verifyPassword(user.password_hash, input.password)) && user.active
    : (await verifyPassword(await dummyHash(), input.password)) && false;
  if (!user || !ok) {
    // Written while the answer goes out: awaiting a commit only for known
    // names would tell them apart by time (2.5x on PostgreSQL). Unknown names
    // are logged too, with the name typed and no account: the same write, so
    // the embedded database (whose writes run on this thread) takes as long
    // for both, and the department sees guesses at names that do not exist.
    track(
      recordAuthEvent(
        db,
        'login_failed',
        user ?? {
          id: null,
          username: name.slice(0, 64),
          full_name: 'Tài khoản không tồn tại',
          org_unit_id: null,
        },
        input.ip,
      ),
    );
    throw unauthorized('Tên đăng nhập hoặc mật khẩu không đúng.');
  }
  pairThrottle.forget(`${name}\n${address}`);
  if (!usual) {
    nameThrottle.refund(name);
    addressThrottle.refund(address);
  }
  await db
    .insertInto('sign_in_address')
    .values({ user_id: user.id, address, last_at: sql<Date>`now()` })
    .onConflict((oc) =>
      oc.columns(['user_id', 'address']).doUpdateSet({ last_at: sql<Date>`now()` }),
    )
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
      expires_at: new Date(Date.now() + SESSION_HOURS * 3600_000),
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
    grantableRoles: grantableRoles(session.user.role),
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
    .select(['password_hash', 'username', 'full_name'])
    .where('id', '=', scope.user.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword)))
    throw badRequest('Mật khẩu hiện tại không đúng.', [
      { path: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' },
    ]);
  const problems = await passwordProblems(input.newPassword, {
    username: user.username,
    fullName: user.full_name,
  });
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
