import { hash, verify } from '@node-rs/argon2';
import { randomInt } from 'node:crypto';

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes): a clerk's old
// laptop still signs in fast, an offline guess stays expensive.
// algorithm 2 is Argon2id (a const enum in the package's types, not importable here).
const OPTIONS = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** A one-time password an admin hands over; the user must replace it at first sign-in. */
export function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let out = '';
  for (let i = 0; i < 14; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export const MIN_PASSWORD_LENGTH = 10;

/** Vietnamese reasons a new password is refused, empty when acceptable. */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < MIN_PASSWORD_LENGTH)
    problems.push(`Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`);
  if (password.toLowerCase().includes(username.toLowerCase()))
    problems.push('Mật khẩu không được chứa tên đăng nhập.');
  return problems;
}
