/**
 * Multibase base58btc ('z' prefix) and the multicodec headers of Ed25519 keys,
 * as did:key and the W3C Data Integrity specifications use them. Works on
 * Uint8Array only, so it runs in the browser too.
 */

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]));

export function base58btcEncode(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  const digits: number[] = [];
  for (let i = zeros; i < bytes.length; i++) {
    let carry = bytes[i]!;
    for (let j = 0; j < digits.length; j++) {
      carry += digits[j]! << 8;
      digits[j] = carry % 58;
      carry = (carry / 58) | 0;
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = (carry / 58) | 0;
    }
  }
  return (
    '1'.repeat(zeros) +
    digits
      .reverse()
      .map((d) => ALPHABET[d])
      .join('')
  );
}

export function base58btcDecode(text: string): Uint8Array {
  let zeros = 0;
  while (zeros < text.length && text[zeros] === '1') zeros++;
  const bytes: number[] = [];
  for (let i = zeros; i < text.length; i++) {
    const value = INDEX.get(text[i]!);
    if (value === undefined) throw new Error(`ký tự "${text[i]}" không thuộc bảng base58btc`);
    let carry = value;
    for (let j = 0; j < bytes.length; j++) {
      carry += bytes[j]! * 58;
      bytes[j] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  return Uint8Array.from([...new Array<number>(zeros).fill(0), ...bytes.reverse()]);
}

export function multibaseEncode(bytes: Uint8Array): string {
  return `z${base58btcEncode(bytes)}`;
}

export function multibaseDecode(text: string): Uint8Array {
  if (!text.startsWith('z')) throw new Error('chỉ hỗ trợ multibase base58btc (tiền tố "z")');
  return base58btcDecode(text.slice(1));
}

/** multicodec ed25519-pub (0xed) and ed25519-priv (0x1300), as unsigned varints. */
const ED25519_PUB = [0xed, 0x01];
const ED25519_PRIV = [0x80, 0x26];

function withHeader(header: number[], key: Uint8Array): Uint8Array {
  const out = new Uint8Array(header.length + key.length);
  out.set(header);
  out.set(key, header.length);
  return out;
}

function withoutHeader(header: number[], bytes: Uint8Array, what: string): Uint8Array {
  if (bytes.length !== header.length + 32 || header.some((b, i) => bytes[i] !== b))
    throw new Error(`không phải ${what} Ed25519 dạng multicodec`);
  return bytes.slice(header.length);
}

export const publicKeyToMultibase = (raw: Uint8Array) =>
  multibaseEncode(withHeader(ED25519_PUB, raw));
export const publicKeyFromMultibase = (text: string) =>
  withoutHeader(ED25519_PUB, multibaseDecode(text), 'khoá công khai');
export const privateKeyToMultibase = (seed: Uint8Array) =>
  multibaseEncode(withHeader(ED25519_PRIV, seed));
export const privateKeyFromMultibase = (text: string) =>
  withoutHeader(ED25519_PRIV, multibaseDecode(text), 'khoá bí mật');

/** did:key for an Ed25519 public key, e.g. did:key:z6Mk… */
export function didKeyFromPublicKey(raw: Uint8Array): string {
  return `did:key:${publicKeyToMultibase(raw)}`;
}

/** The verification method id of a did:key: did:key:z6Mk…#z6Mk… */
export function verificationMethodOf(raw: Uint8Array): string {
  const mb = publicKeyToMultibase(raw);
  return `did:key:${mb}#${mb}`;
}

/**
 * The raw public key named by a did:key DID or verification method, and its
 * controller DID. Throws when the fragment and the DID disagree.
 */
export function publicKeyFromDidKey(didOrMethod: string): { did: string; publicKey: Uint8Array } {
  const match = /^did:key:(z[1-9A-HJ-NP-Za-km-z]+)(?:#(z[1-9A-HJ-NP-Za-km-z]+))?$/.exec(
    didOrMethod,
  );
  if (!match) throw new Error(`"${didOrMethod.slice(0, 80)}" không phải did:key hợp lệ`);
  if (match[2] && match[2] !== match[1]) throw new Error('phần #… của did:key không khớp với khoá');
  return { did: `did:key:${match[1]}`, publicKey: publicKeyFromMultibase(match[1]!) };
}
