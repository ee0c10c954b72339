import { createHash, randomInt } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // no 0/O, 1/I: read off paper

/** KS-XXXX-XXXX: 8 characters of 32 (about 10^12), printed on the slip a family gets. */
export function newCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(0, ALPHABET.length)];
  return `KS-${s.slice(0, 4)}-${s.slice(4)}`;
}

/** Only the hash of a code is stored. */
export function codeHash(code: string): string {
  return createHash('sha256').update(code.trim().toUpperCase()).digest('hex');
}
