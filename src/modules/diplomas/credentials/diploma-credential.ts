import { gunzipSync, gzipSync } from 'node:zlib';
import type { JsonObject } from '../../../lib/credentials/data-integrity.ts';

/**
 * The shapes of our credentials: a W3C Verifiable Credential (Data Model 2.0)
 * for each diploma, and the issuer's Bitstring Status List credential.
 */

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
/** Our terms, in an inline context so a verifier needs nothing from the network. */
export const DIPLOMA_CONTEXT: JsonObject = {
  '@vocab': 'https://sogd.edu.vn/vocab#',
};

export interface DiplomaCredentialFields {
  id: string;
  fullName: string;
  birthDate: string;
  diplomaType: 'upper_secondary' | 'lower_secondary';
  schoolName: string;
  graduationYear: number;
  serialNumber: string;
  registerNumber: string;
  issueDate: string;
  issuerName: string;
}

const TYPE_NAME = {
  upper_secondary: 'Bằng tốt nghiệp trung học phổ thông',
  lower_secondary: 'Bằng tốt nghiệp trung học cơ sở',
} as const;

export function buildDiplomaCredential(
  fields: DiplomaCredentialFields,
  options: { issuerDid: string; statusListUrl: string; statusIndex: number },
): JsonObject {
  return {
    '@context': [VC_CONTEXT, DIPLOMA_CONTEXT],
    id: `urn:uuid:${fields.id}`,
    type: ['VerifiableCredential', 'DiplomaCredential'],
    issuer: { id: options.issuerDid, name: fields.issuerName },
    validFrom: `${fields.issueDate}T00:00:00+07:00`,
    credentialSubject: {
      type: 'DiplomaHolder',
      name: fields.fullName,
      birthDate: fields.birthDate,
      diploma: {
        type: 'Diploma',
        diplomaType: fields.diplomaType,
        name: TYPE_NAME[fields.diplomaType],
        school: fields.schoolName,
        graduationYear: fields.graduationYear,
        serialNumber: fields.serialNumber,
        registerNumber: fields.registerNumber,
      },
    },
    credentialStatus: {
      id: `${options.statusListUrl}#${options.statusIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(options.statusIndex),
      statusListCredential: options.statusListUrl,
    },
  };
}

/** The W3C minimum: 16 KiB of bits, so one list does not reveal who is revoked by its size. */
export const STATUS_LIST_MIN_BITS = 131_072;

/** Bits with index 0 the most significant bit of the first byte (Bitstring Status List §4). */
export function makeBitstring(revoked: Iterable<number>, size: number): Uint8Array {
  const bytes = new Uint8Array(Math.ceil(Math.max(size, STATUS_LIST_MIN_BITS) / 8));
  for (const i of revoked) bytes[i >> 3]! |= 0x80 >> (i & 7);
  return bytes;
}

export function encodeBitstring(bits: Uint8Array): string {
  return `u${gzipSync(bits).toString('base64url')}`;
}

export function readStatusBit(encodedList: string, index: number): boolean {
  if (!encodedList.startsWith('u'))
    throw new Error('encodedList phải là multibase base64url (tiền tố "u")');
  const bits = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  if (index < 0 || index >= bits.length * 8) throw new Error('chỉ số ngoài danh sách trạng thái');
  return (bits[index >> 3]! & (0x80 >> (index & 7))) !== 0;
}

export function buildStatusListCredential(
  bits: Uint8Array,
  options: { url: string; issuerDid: string; validFrom: string },
): JsonObject {
  return {
    '@context': [VC_CONTEXT],
    id: options.url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: options.issuerDid,
    validFrom: options.validFrom,
    credentialSubject: {
      id: `${options.url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: encodeBitstring(bits),
    },
  };
}
