import { createHash, randomInt } from 'node:crypto';

/** A six-digit one-time code. */
export function newOtp(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** What is kept of a code: its hash with the row's id (a code never stored in clear). */
export function otpHash(id: string, code: string): string {
  return createHash('sha256').update(`${id}:${code}`).digest('hex');
}
