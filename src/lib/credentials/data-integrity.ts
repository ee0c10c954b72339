import {
  createHash,
  createPrivateKey,
  createPublicKey,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import canonicalize from 'canonicalize';
import { multibaseDecode, multibaseEncode, publicKeyFromDidKey } from './multibase.ts';

/**
 * W3C Data Integrity proofs with the eddsa-jcs-2022 cryptosuite
 * (https://www.w3.org/TR/vc-di-eddsa/ §3.3): JSON Canonicalization Scheme
 * (RFC 8785) + SHA-256 + Ed25519. Checked against the specification's own
 * test vectors in data-integrity.test.ts.
 */

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface DataIntegrityProof {
  type: 'DataIntegrityProof';
  cryptosuite: 'eddsa-jcs-2022';
  created: string;
  verificationMethod: string;
  proofPurpose: string;
  '@context'?: JsonValue;
  proofValue?: string;
  [key: string]: JsonValue | undefined;
}

/** RFC 8785 canonical JSON. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('không chuẩn hoá được JSON');
  return text;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** hash(proof config) ‖ hash(document): the bytes that are signed. */
export function hashData(document: JsonObject, proofConfig: JsonObject): Buffer {
  return Buffer.concat([sha256(canonicalJson(proofConfig)), sha256(canonicalJson(document))]);
}

/** An Ed25519 private key from its 32-byte seed. */
export function privateKeyFromSeed(seed: Uint8Array): KeyObject {
  const der = Buffer.concat([
    Buffer.from('302e020100300506032b657004220420', 'hex'),
    Buffer.from(seed),
  ]);
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

export function publicKeyObject(raw: Uint8Array): KeyObject {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') },
    format: 'jwk',
  });
}

export function rawPublicKey(key: KeyObject): Uint8Array {
  const jwk = key.export({ format: 'jwk' });
  if (!jwk.x) throw new Error('không phải khoá Ed25519');
  return new Uint8Array(Buffer.from(jwk.x, 'base64url'));
}

/** The proof configuration: the proof without its value, with the document's @context. */
function proofConfigOf(
  document: JsonObject,
  proof: Omit<DataIntegrityProof, 'proofValue'>,
): JsonObject {
  const config: JsonObject = {};
  for (const [k, v] of Object.entries(proof))
    if (v !== undefined && k !== 'proofValue') config[k] = v;
  if (document['@context'] !== undefined) config['@context'] = document['@context'];
  return config;
}

/** Adds an eddsa-jcs-2022 proof to `document` (which must not carry one). */
export function signDocument(
  document: JsonObject,
  options: {
    privateKey: KeyObject;
    verificationMethod: string;
    created: string;
    proofPurpose?: string;
  },
): JsonObject & { proof: DataIntegrityProof } {
  const unsigned = { ...document };
  delete unsigned.proof;
  const proof: DataIntegrityProof = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-jcs-2022',
    created: options.created,
    verificationMethod: options.verificationMethod,
    proofPurpose: options.proofPurpose ?? 'assertionMethod',
  };
  const config = proofConfigOf(unsigned, proof);
  const signature = sign(null, hashData(unsigned, config), options.privateKey);
  return {
    ...unsigned,
    proof: { ...(config as DataIntegrityProof), proofValue: multibaseEncode(signature) },
  };
}

export type VerifyFailure =
  'malformed' | 'unsupported' | 'issuer_mismatch' | 'unknown_key' | 'signature';

export type VerifyResult =
  | { ok: true; issuer: string; verificationMethod: string }
  | { ok: false; code: VerifyFailure; message: string };

const fail = (code: VerifyFailure, message: string): VerifyResult => ({ ok: false, code, message });

/**
 * Verifies an eddsa-jcs-2022 proof. By default any issuer whose did:key is
 * the proof's verification method is accepted (credentials of other
 * provinces verify too); `resolveKey` may supply keys for other methods.
 */
export function verifyDocument(
  signed: unknown,
  options: { resolveKey?: (verificationMethod: string) => Uint8Array | null } = {},
): VerifyResult {
  try {
    return verifyUnchecked(signed, options);
  } catch (error) {
    // e.g. a lone surrogate that JSON canonicalisation refuses
    return fail('malformed', `Chứng chỉ không đọc được: ${(error as Error).message}`);
  }
}

function verifyUnchecked(
  signed: unknown,
  options: { resolveKey?: (verificationMethod: string) => Uint8Array | null },
): VerifyResult {
  if (!signed || typeof signed !== 'object' || Array.isArray(signed))
    return fail('malformed', 'Không phải một chứng chỉ JSON.');
  const document = signed as JsonObject;
  const proof = document.proof;
  if (!proof || typeof proof !== 'object' || Array.isArray(proof))
    return fail('malformed', 'Chứng chỉ không có chữ ký (proof).');
  const p = proof as Record<string, JsonValue>;
  if (p.type !== 'DataIntegrityProof' || p.cryptosuite !== 'eddsa-jcs-2022')
    return fail('unsupported', 'Chỉ hỗ trợ chữ ký DataIntegrityProof, bộ mã eddsa-jcs-2022.');
  if (p.proofPurpose !== 'assertionMethod')
    return fail('unsupported', 'Mục đích chữ ký phải là assertionMethod.');
  if (
    typeof p.verificationMethod !== 'string' ||
    typeof p.proofValue !== 'string' ||
    typeof p.created !== 'string'
  )
    return fail('malformed', 'Chữ ký thiếu verificationMethod, created hoặc proofValue.');
  if (
    p['@context'] !== undefined &&
    canonicalJson(p['@context']) !== canonicalJson(document['@context'] ?? null)
  )
    return fail('malformed', '@context của chữ ký khác @context của chứng chỉ.');
  let publicKey: Uint8Array | null = null;
  let controller: string | null = null;
  if (p.verificationMethod.startsWith('did:key:')) {
    try {
      const resolved = publicKeyFromDidKey(p.verificationMethod);
      publicKey = resolved.publicKey;
      controller = resolved.did;
    } catch (error) {
      return fail('malformed', `verificationMethod không hợp lệ: ${(error as Error).message}`);
    }
  } else {
    publicKey = options.resolveKey?.(p.verificationMethod) ?? null;
    controller = p.verificationMethod.split('#')[0] ?? null;
  }
  if (!publicKey) return fail('unknown_key', 'Không biết khoá của đơn vị cấp.');
  const issuer = document.issuer;
  const issuerId =
    typeof issuer === 'string'
      ? issuer
      : issuer && typeof issuer === 'object' && !Array.isArray(issuer)
        ? issuer.id
        : undefined;
  // Our own credentials name a did:key issuer: the key must be the issuer's.
  if (typeof issuerId === 'string' && issuerId.startsWith('did:') && issuerId !== controller)
    return fail('issuer_mismatch', 'Khoá ký không thuộc về đơn vị cấp ghi trong chứng chỉ.');
  let signature: Uint8Array;
  try {
    signature = multibaseDecode(p.proofValue);
  } catch {
    return fail('malformed', 'proofValue không phải multibase base58btc.');
  }
  const unsigned = { ...document };
  delete unsigned.proof;
  const config: JsonObject = {};
  for (const [k, v] of Object.entries(p)) if (k !== 'proofValue') config[k] = v;
  let ok = false;
  try {
    ok = verify(null, hashData(unsigned, config), publicKeyObject(publicKey), signature);
  } catch {
    ok = false;
  }
  if (!ok) return fail('signature', 'Chữ ký không khớp: nội dung đã bị sửa hoặc chữ ký giả.');
  return {
    ok: true,
    issuer: typeof issuerId === 'string' ? issuerId : (controller ?? ''),
    verificationMethod: p.verificationMethod,
  };
}
