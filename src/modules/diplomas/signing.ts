import type { DiplomaType } from '../../db/schema.ts';
import { signDocument, type JsonObject } from '../../lib/credentials/data-integrity.ts';
import { buildDiplomaCredential } from './credentials/diploma-credential.ts';
import { encodeDiplomaQr } from './credentials/qr-sign.ts';
import type { Signer } from './keys.ts';

/**
 * What signing needs besides the key: the passphrase that decrypts it and the
 * public base URL (e.g. https://sogd.example.gov.vn) that status lists live
 * under, from SOGD_PUBLIC_URL, never the Host header.
 */
export interface IssueContext {
  passphrase: string;
  publicUrl: string;
}

/**
 * A context, or how to get one: routes pass a function, called only after
 * the access check, so a caller outside the scope hears 403, not that the
 * signing key is unconfigured (503).
 */
export type ContextSource = IssueContext | (() => IssueContext);

export const resolveContext = (source: ContextSource): IssueContext =>
  typeof source === 'function' ? source() : source;

export const statusListUrl = (publicUrl: string, authorityCode: string) =>
  `${publicUrl.replace(/\/$/, '')}/api/public/status/${encodeURIComponent(authorityCode)}`;

/** A timestamp to the second, as Data Integrity proofs carry it. */
export const isoSeconds = (date = new Date()) => `${date.toISOString().slice(0, 19)}Z`;

/** The signed credential (W3C VC, eddsa-jcs-2022) and the QR payload of one entry. */
export function signDiploma(
  signer: Signer,
  authority: { code: string; name: string },
  context: IssueContext,
  d: {
    id: string;
    fullName: string;
    birthDate: string;
    diplomaType: DiplomaType;
    schoolName: string;
    graduationYear: number;
    serialNumber: string;
    registerNumber: string;
    issueDate: string;
    statusIndex: number;
  },
  created: string,
): { credential: JsonObject; qr: string } {
  const credential = signDocument(
    buildDiplomaCredential(
      { ...d, issuerName: authority.name },
      {
        issuerDid: signer.did,
        statusListUrl: statusListUrl(context.publicUrl, authority.code),
        statusIndex: d.statusIndex,
      },
    ),
    { privateKey: signer.privateKey, verificationMethod: signer.verificationMethod, created },
  );
  const qr = encodeDiplomaQr(
    {
      serial: d.serialNumber,
      registerNumber: d.registerNumber,
      fullName: d.fullName,
      birthDate: d.birthDate,
      diplomaType: d.diplomaType,
      graduationYear: d.graduationYear,
      school: d.schoolName,
      issuer: authority.code,
      issueDate: d.issueDate,
      statusIndex: d.statusIndex,
    },
    { privateKey: signer.privateKey, kid: signer.kidBytes },
  );
  return { credential, qr };
}
