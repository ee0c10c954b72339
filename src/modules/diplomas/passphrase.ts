import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The passphrase that encrypts the issuer keys (PKCS#8, AES-256-CBC). Apart
 * from keys.ts so that the app's start reads it without loading the
 * database code.
 */

export const PASSPHRASE_ENV = 'SOGD_KEY_PASSPHRASE';

/** Where the embedded database's demo passphrase is kept, inside its data folder. */
export const DEMO_PASSPHRASE_FILE = 'sogd-key-passphrase';

export interface KeyPassphrase {
  passphrase: string;
  /** Set: read from (or just written to) the data folder's file, not from the variable. */
  file?: { path: string; created: boolean };
}

/**
 * The passphrase that encrypts the issuing keys. From SOGD_KEY_PASSPHRASE;
 * on the embedded database without it, from a generated one kept in the data
 * folder (created on first use, readable by its owner only) — a demo
 * convenience, so that `npm start` issues diplomas at once: whoever has the
 * data folder then has the keys, so production sets the variable. On a
 * PostgreSQL server the variable stays required.
 */
export function keyPassphrase(env: NodeJS.ProcessEnv = process.env): KeyPassphrase {
  const passphrase = env[PASSPHRASE_ENV];
  if (passphrase) {
    if (passphrase.length < 12) throw new Error(`${PASSPHRASE_ENV} phải có ít nhất 12 ký tự.`);
    return { passphrase };
  }
  if (env.DATABASE_URL)
    throw new Error(
      `Cần đặt ${PASSPHRASE_ENV} (ít nhất 12 ký tự) để mã hoá và dùng khoá ký văn bằng trên máy chủ PostgreSQL.`,
    );
  const dataDir = env.DATA_DIR || './data';
  const path = join(dataDir, DEMO_PASSPHRASE_FILE);
  const read = () => readFileSync(path, 'utf8').trim();
  try {
    return { passphrase: read(), file: { path, created: false } };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(path, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { passphrase: read(), file: { path, created: false } };
  }
  return { passphrase: read(), file: { path, created: true } };
}

export function passphraseFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return keyPassphrase(env).passphrase;
}
