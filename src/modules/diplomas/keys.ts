import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { systemActor, writeTransaction, type Actor } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { rawPublicKey } from '../../lib/credentials/data-integrity.ts';
import {
  didKeyFromPublicKey,
  publicKeyToMultibase,
  verificationMethodOf,
} from '../../lib/credentials/multibase.ts';
import { keyId } from './credentials/qr-sign.ts';
import { PASSPHRASE_ENV } from './passphrase.ts';
import { activeKey, issuerKeys, replaceActiveKey } from './repo.ts';

/**
 * Issuer keys: Ed25519, the private key stored as PKCS#8 PEM encrypted
 * (AES-256-CBC) with the passphrase (./passphrase.ts), never in the clear.
 * Rotation retires the old key but keeps it published, so every credential
 * signed earlier still verifies. Keys are the operator's: no route makes
 * one, only the `sogd keys` commands and the first start (src/app/bootstrap.ts),
 * as system tasks; the public keys are public.
 */

export {
  DEMO_PASSPHRASE_FILE,
  keyPassphrase,
  passphraseFromEnv,
  PASSPHRASE_ENV,
  type KeyPassphrase,
} from './passphrase.ts';

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
  await writeTransaction(db, actor, (tx) =>
    replaceActiveKey(
      tx,
      {
        kid,
        authorityId,
        publicKey: raw,
        privateKeyPem: pem.toString(),
        did: didKeyFromPublicKey(raw),
      },
      actor,
    ),
  );
  return (await listIssuerKeys(db)).find((k) => k.kid === kid)!;
}

/** Every issuer key, current and retired, oldest first: public data. */
export async function listIssuerKeys(db: Db): Promise<PublicKeyInfo[]> {
  const rows = await issuerKeys(db);
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
  const row = await activeKey(db, authorityId);
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

/**
 * The department's first signing key, made at start when a passphrase exists
 * (configured, or the embedded database's own) and the root has no active key.
 */
export async function ensureIssuerKey(
  db: Db,
  context: { rootId: string; keyPassphrase?: string | undefined },
): Promise<void> {
  if (!context.keyPassphrase) return;
  const keys = await listIssuerKeys(db);
  if (keys.some((k) => k.authorityId === context.rootId && !k.retiredAt)) return;
  await rotateIssuerKey(db, systemActor('khởi tạo khoá ký'), context.rootId, context.keyPassphrase);
}
