import { base45Decode, base45Encode } from '../../../lib/credentials/base45.ts';
import { decodeCbor, encodeCbor, type CborValue } from '../../../lib/credentials/cbor.ts';

/**
 * The offline-verifiable diploma QR, modelled on the EU Digital COVID
 * Certificate: the essential fields as a CBOR map with small integer keys,
 * signed as a COSE_Sign1 (RFC 9052, EdDSA/Ed25519), zlib-compressed, Base45
 * (QR alphanumeric mode) with the prefix "VN1:". This file runs in the
 * browser as well as in Node (Uint8Array, WebCrypto, DecompressionStream).
 * Layout and measured sizes: docs/credentials.md.
 */

export const QR_PREFIX = 'VN1:';

export interface DiplomaQrFields {
  /** Số hiệu: the serial printed on the blank. */
  serial: string;
  /** Số vào sổ gốc. */
  registerNumber: string;
  fullName: string;
  /** yyyy-mm-dd */
  birthDate: string;
  diplomaType: 'upper_secondary' | 'lower_secondary';
  graduationYear: number;
  school: string;
  /** Issuing authority's code (org unit code). */
  issuer: string;
  /** yyyy-mm-dd */
  issueDate: string;
  /** Index in the issuer's revocation status list. */
  statusIndex: number;
}

/** CBOR map keys: small integers keep the code short. */
export const QR_KEYS = {
  version: 1,
  serial: 2,
  registerNumber: 3,
  fullName: 4,
  birthDate: 5,
  diplomaType: 6,
  graduationYear: 7,
  school: 8,
  issuer: 9,
  issueDate: 10,
  statusIndex: 11,
} as const;

const TYPE_CODE = { upper_secondary: 1, lower_secondary: 2 } as const;
const dateToInt = (iso: string) => Number(iso.replaceAll('-', ''));
const intToDate = (n: number) => {
  const s = String(n).padStart(8, '0');
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
};

export function encodePayload(fields: DiplomaQrFields): Uint8Array {
  return encodeCbor(
    new Map<CborValue, CborValue>([
      [QR_KEYS.version, 1],
      [QR_KEYS.serial, fields.serial],
      [QR_KEYS.registerNumber, fields.registerNumber],
      [QR_KEYS.fullName, fields.fullName],
      [QR_KEYS.birthDate, dateToInt(fields.birthDate)],
      [QR_KEYS.diplomaType, TYPE_CODE[fields.diplomaType]],
      [QR_KEYS.graduationYear, fields.graduationYear],
      [QR_KEYS.school, fields.school],
      [QR_KEYS.issuer, fields.issuer],
      [QR_KEYS.issueDate, dateToInt(fields.issueDate)],
      [QR_KEYS.statusIndex, fields.statusIndex],
    ]),
  );
}

function decodePayload(bytes: Uint8Array): DiplomaQrFields {
  const map = decodeCbor(bytes);
  if (!(map instanceof Map)) throw new Error('nội dung không phải bản đồ CBOR');
  const str = (k: number) => {
    const v = map.get(k);
    if (typeof v !== 'string') throw new Error(`thiếu trường ${k}`);
    return v;
  };
  const num = (k: number) => {
    const v = map.get(k);
    if (typeof v !== 'number') throw new Error(`thiếu trường ${k}`);
    return v;
  };
  if (num(QR_KEYS.version) !== 1) throw new Error('phiên bản mã QR không được hỗ trợ');
  const type = num(QR_KEYS.diplomaType);
  return {
    serial: str(QR_KEYS.serial),
    registerNumber: str(QR_KEYS.registerNumber),
    fullName: str(QR_KEYS.fullName),
    birthDate: intToDate(num(QR_KEYS.birthDate)),
    diplomaType: type === 1 ? 'upper_secondary' : 'lower_secondary',
    graduationYear: num(QR_KEYS.graduationYear),
    school: str(QR_KEYS.school),
    issuer: str(QR_KEYS.issuer),
    issueDate: intToDate(num(QR_KEYS.issueDate)),
    statusIndex: num(QR_KEYS.statusIndex),
  };
}

/** COSE protected header {1 (alg): -8 (EdDSA), 4 (kid): kid}. */
export function protectedHeader(kid: Uint8Array): Uint8Array {
  return encodeCbor(
    new Map<CborValue, CborValue>([
      [1, -8],
      [4, kid],
    ]),
  );
}

/** The bytes signed: Sig_structure ["Signature1", protected, external_aad, payload]. */
export function sigStructure(protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  return encodeCbor(['Signature1', protectedBytes, new Uint8Array(0), payload]);
}

/** COSE_Sign1 (tag 18) → Base45 text with the prefix; `compressed` is the zlib-deflated COSE. */
export function wrapQr(compressed: Uint8Array): string {
  return QR_PREFIX + base45Encode(compressed);
}

export function coseSign1(
  protectedBytes: Uint8Array,
  payload: Uint8Array,
  signature: Uint8Array,
): Uint8Array {
  return encodeCbor({ tag: 18, value: [protectedBytes, new Map(), payload, signature] });
}

export interface IssuerKey {
  kid: Uint8Array;
  /** Raw 32-byte Ed25519 public key. */
  publicKey: Uint8Array;
}

export type QrStatus = 'valid' | 'tampered' | 'unknown_issuer' | 'unreadable';

/**
 * Fewest Base45 characters a signed code can have: its Ed25519 signature
 * alone is 64 bytes (96 characters). Shorter is a code cut off or junk
 * (unreadable); a full-length code that does not check out was altered.
 */
const MIN_BODY = 96;

export interface QrVerification {
  status: QrStatus;
  fields?: DiplomaQrFields;
  kid?: string;
  message: string;
}

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');

async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Verifies a scanned QR text offline against the issuer keys the verifier
 * holds. Revocation is a separate online check on `fields.statusIndex`.
 */
export async function verifyDiplomaQr(
  text: string,
  keys: readonly IssuerKey[],
): Promise<QrVerification> {
  const trimmed = text.trim();
  if (!trimmed.startsWith(QR_PREFIX))
    return {
      status: 'unreadable',
      message: `Không đọc được mã QR văn bằng: thiếu tiền tố ${QR_PREFIX}, đây không phải mã văn bằng của Sở.`,
    };
  const body = trimmed.slice(QR_PREFIX.length);
  if (body.length < MIN_BODY)
    return {
      status: 'unreadable',
      message: `Không đọc được mã QR văn bằng: nội dung quá ngắn (${body.length} ký tự), có thể chưa dán hết mã.`,
    };
  // A code of a real code's length that does not decode has been changed:
  // its compressed bytes carry a checksum, so one character altered anywhere
  // breaks them (the browser's own error, such as "Failed to fetch", is not
  // shown: it says nothing to the person checking).
  const altered: QrVerification = {
    status: 'tampered',
    message:
      'Mã QR đã bị sửa đổi hoặc hư hỏng: nội dung không còn đúng như khi Sở ký. Không được coi văn bằng này là hợp lệ.',
  };
  let cose: CborValue;
  try {
    cose = decodeCbor(await inflate(base45Decode(body)));
  } catch {
    return altered;
  }
  const parts =
    typeof cose === 'object' &&
    !(cose instanceof Uint8Array) &&
    !Array.isArray(cose) &&
    !(cose instanceof Map) &&
    cose.tag === 18
      ? cose.value
      : cose;
  if (!Array.isArray(parts) || parts.length !== 4) return altered;
  const [protectedBytes, , payload, signature] = parts;
  if (
    !(protectedBytes instanceof Uint8Array) ||
    !(payload instanceof Uint8Array) ||
    !(signature instanceof Uint8Array)
  )
    return altered;
  let kid: Uint8Array;
  try {
    const header = decodeCbor(protectedBytes);
    const k = header instanceof Map ? header.get(4) : undefined;
    if (!(k instanceof Uint8Array) || (header as Map<CborValue, CborValue>).get(1) !== -8)
      return altered;
    kid = k;
  } catch {
    return altered;
  }
  const key = keys.find((k) => hex(k.kid) === hex(kid));
  let fields: DiplomaQrFields | undefined;
  try {
    fields = decodePayload(payload);
  } catch {
    fields = undefined;
  }
  if (!key)
    return {
      status: 'unknown_issuer',
      kid: hex(kid),
      message: 'Không biết đơn vị cấp: khoá ký không có trong danh sách khoá của Sở.',
      ...(fields ? { fields } : {}),
    };
  const publicKey = await crypto.subtle.importKey(
    'raw',
    key.publicKey as BufferSource,
    { name: 'Ed25519' },
    false,
    ['verify'],
  );
  const ok = await crypto.subtle.verify(
    { name: 'Ed25519' },
    publicKey,
    signature as BufferSource,
    sigStructure(protectedBytes, payload) as BufferSource,
  );
  if (!ok || !fields)
    return {
      status: 'tampered',
      kid: hex(kid),
      message: 'Chữ ký không khớp: nội dung mã QR đã bị sửa.',
    };
  return {
    status: 'valid',
    kid: hex(kid),
    fields,
    message: 'Văn bằng hợp lệ (chữ ký của Sở đúng).',
  };
}
