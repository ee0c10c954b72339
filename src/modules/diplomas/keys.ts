import { createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { writeTransaction, type Actor } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { rawPublicKey } from '../../lib/credentials/data-integrity.ts';
import {
  didKeyFromPublicKey,
  publicKeyToMultibase,
  verificationMethodOf,
} from '../../lib/credentials/multibase.ts';
import { keyId } from './credentials/qr-sign.ts';

/**
 * Issuer keys: Ed25519, the private key stored as PKCS#8 PEM encrypted
 * (AES-256-CBC) with the passphrase in SOGD_KEY_PASSPHRASE (or, on the
 * embedded database only, a generated one in its data folder), never in the
 * clear. Rotation retires the old key but keeps it published, so every
 * credential signed earlier still verifies.
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

export interface PublicKeyInfo {
  kid: string;
  authorityId: string;
  did: string;
  publicKeyMultibase: string;
  createdAt: string;
  retiredAt: string | null;
}

export interface Signer {
  kid: string;
  kidBytes: Uint8Array;
  did: string;
  verificationMethod: string;
  privateKey: KeyObject;
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** Makes a new key for `authorityId`; the previous active key (if any) is retired. */
export async function rotateIssuerKey(
  db: Db,
  actor: Actor,
  authorityId: string,
  passphrase: string,
): Promise<PublicKeyInfo> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(publicKey);
  const kid = hex(keyId(raw));
  const pem = privateKey.export({
    type: 'pkcs8',
    format: 'pem',
    cipher: 'aes-256-cbc',
    passphrase,
  });
  await writeTransaction(db, actor, async (tx) => {
    await tx
      .updateTable('issuer_key')
      .set({ retired_at: sql`now()` })
      .where('authority_id', '=', authorityId)
      .where('retired_at', 'is', null)
      .execute();
    await tx
      .insertInto('issuer_key')
      .values({
        id: kid,
        authority_id: authorityId,
        public_key: raw,
        private_key_pem: pem.toString(),
        did: didKeyFromPublicKey(raw),
      })
      .execute();
    await tx
      .insertInto('audit_log')
      .values({
        actor_id: actor.id,
        actor_name: actor.name,
        ip: actor.ip ?? null,
        action: 'key_rotate',
        entity_type: 'issuer_key',
        entity_id: kid,
        org_unit_id: authorityId,
        before: null,
        after: JSON.stringify({ kid, did: didKeyFromPublicKey(raw) }),
      })
      .execute();
  });
  return (await listIssuerKeys(db)).find((k) => k.kid === kid)!;
}

export async function listIssuerKeys(db: Db): Promise<PublicKeyInfo[]> {
  const rows = await db.selectFrom('issuer_key').selectAll().orderBy('created_at').execute();
  return rows.map((r) => ({
    kid: r.id,
    authorityId: r.authority_id,
    did: r.did,
    publicKeyMultibase: publicKeyToMultibase(new Uint8Array(r.public_key)),
    createdAt: r.created_at.toISOString(),
    retiredAt: r.retired_at ? r.retired_at.toISOString() : null,
  }));
}

/** The authority's active key, decrypted for signing. */
export async function activeSigner(
  db: Db,
  authorityId: string,
  passphrase: string,
): Promise<Signer> {
  const row = await db
    .selectFrom('issuer_key')
    .selectAll()
    .where('authority_id', '=', authorityId)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new Error('Đơn vị cấp chưa có khoá ký: hãy chạy "sogd keys create".');
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: row.private_key_pem, format: 'pem', passphrase });
  } catch {
    throw new Error(`Không giải mã được khoá ký: ${PASSPHRASE_ENV} không đúng.`);
  }
  const raw = new Uint8Array(row.public_key);
  return {
    kid: row.id,
    kidBytes: Uint8Array.from(Buffer.from(row.id, 'hex')),
    did: row.did,
    verificationMethod: verificationMethodOf(raw),
    privateKey,
  };
}
