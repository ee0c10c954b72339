import { AppError } from '../../../core/errors.ts';
import { AttemptThrottle } from '../../../core/http/rate-limit.ts';

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
export const USUAL_ADDRESS_DAYS = 180;
export const pairThrottle = new AttemptThrottle(
  (n) => (n <= 0 ? 0 : Math.min(250 * 2 ** (n - 1), 4_000)),
  WINDOW_MS,
);
export const nameThrottle = new AttemptThrottle(
  (n) => (n < 10 ? 0 : Math.min(1_000 * 2 ** (n - 10), 60_000)),
  WINDOW_MS,
);
export const addressThrottle = new AttemptThrottle(
  (n) => (n < 30 ? 0 : Math.min(1_000 * 2 ** (n - 30), 15 * 60_000)),
  WINDOW_MS,
);

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
