import { createHash, sign, type KeyObject } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import {
  coseSign1,
  encodePayload,
  protectedHeader,
  sigStructure,
  wrapQr,
  type DiplomaQrFields,
} from './qr.ts';

/** Key id: the first 8 bytes of SHA-256 of the raw public key. */
export function keyId(rawPublicKey: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(rawPublicKey).digest().subarray(0, 8));
}

/** Signs the diploma's essential fields into the QR text (server side). */
export function encodeDiplomaQr(
  fields: DiplomaQrFields,
  signer: { privateKey: KeyObject; kid: Uint8Array },
): string {
  const protectedBytes = protectedHeader(signer.kid);
  const payload = encodePayload(fields);
  const signature = new Uint8Array(
    sign(null, sigStructure(protectedBytes, payload), signer.privateKey),
  );
  return wrapQr(
    new Uint8Array(deflateSync(coseSign1(protectedBytes, payload, signature), { level: 9 })),
  );
}
