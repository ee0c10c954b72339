import { randomBytes } from 'node:crypto';
import type { Db } from '../../../db/connection.ts';
import { unauthorized } from '../../../core/errors.ts';
import type { AttemptThrottle } from '../../../core/http/rate-limit.ts';
import { hashPassword, verifyPassword } from '../../../lib/passwords.ts';
import type { Me } from '../contract.ts';
import { describeMe } from './describe-me.ts';
import { track } from './events.ts';
import { loadSession } from './load-session.ts';
import {
  accountByUsername,
  insertSession,
  isUsualAddress,
  recordAuthEvent,
  rememberAddress,
} from './repo.ts';
import {
  addressKey,
  addressThrottle,
  MAX_WAIT_MS,
  nameThrottle,
  pairThrottle,
  SignInThrottled,
  USUAL_ADDRESS_DAYS,
} from './throttle.ts';
import { SESSION_HOURS, sessionIdOf } from './tokens.ts';

/** Looked up for a name with no account, so that both take the same query. */
const NO_ACCOUNT = '00000000-0000-0000-0000-000000000000';

let dummy: Promise<string> | null = null;
const dummyHash = () => (dummy ??= hashPassword('sogd-khong-co-tai-khoan-nay'));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Signs in by name and password (throttled: ./throttle.ts); opens a session. */
export async function login(
  db: Db,
  input: { username: string; password: string; ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; user: Me }> {
  const name = input.username.trim().toLowerCase();
  const address = addressKey(input.ip);
  // Known and unknown names go the same way, with the same queries and work.
  const user = await accountByUsername(db, name);
  const usual = await isUsualAddress(db, user?.id ?? NO_ACCOUNT, address, USUAL_ADDRESS_DAYS);
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
  await rememberAddress(db, user.id, address);
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await insertSession(db, {
    id: sessionIdOf(token),
    userId: user.id,
    csrfToken,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    expiresAt: new Date(Date.now() + SESSION_HOURS * 3600_000),
  });
  await recordAuthEvent(db, 'login', user, input.ip);
  const session = await loadSession(db, token);
  if (!session) throw unauthorized();
  return { token, csrfToken, user: await describeMe(db, session) };
}
