/**
 * Verification of the signatures in a PDF (issue #17 item 5): every
 * signature dictionary's /ByteRange and /Contents (ISO 32000-1 §12.8.1),
 * the CMS SignedData inside (RFC 5652 §5.4, §5.6) checked with PKI.js:
 *
 * - the message digest over the signed byte range equals the signed
 *   attribute message-digest (else the document was changed after signing);
 * - the signature value over the signed attributes verifies with the
 *   signer certificate's public key;
 * - the byte range starts at 0, leaves out exactly the /Contents hex string
 *   and, for the last signature, reaches the end of the file (else bytes were
 *   appended after signing);
 * - the signer's name and organisation from the certificate subject (CN, O;
 *   UTF8String, so Vietnamese names keep their letters), the signing time
 *   (the CMS signing-time attribute, else the dictionary's /M: PAdES B-B,
 *   ETSI EN 319 142-1 §5.3 — a claimed time, no time-stamp is checked);
 * - whether the certificate chains to one of the trusted roots given (the
 *   department's CA and the roots it configured), and was valid at the
 *   signing time. An intact signature by a certificate outside that list is
 *   reported as untrusted, not as invalid.
 *
 * No network: revocation (OCSP, CRL) is not checked, and CRLs or OCSP
 * answers embedded in the CMS are not evaluated (`revocationChecked: false`
 * in every answer, docs/office.md). Changes between two signatures (a later
 * incremental update covered by a later signature) are not analysed (no
 * DocMDP/FieldMDP check): the document counts as changed only when a
 * signature's digest fails or the last signature does not cover the file.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

import {
  REVOCATION_NOT_CHECKED,
  SIGNATURE_STATUSES,
  type PdfSignatureReport,
  type SignatureCheck,
  type SignatureStatus,
} from '../contract.ts';

export type { PdfSignatureReport, SignatureCheck };

const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';
const OID_CN = '2.5.4.3';
const OID_O = '2.5.4.10';

interface FoundSignature {
  range: [number, number, number, number];
  /** The signature dictionary's text (latin1), for /SubFilter and /M. */
  dictionary: string;
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/** Every signature dictionary of the file: its /ByteRange, in file order. */
function findSignatures(text: string): FoundSignature[] {
  const found: FoundSignature[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(BYTE_RANGE)) {
    const range = match.slice(1, 5).map(Number) as [number, number, number, number];
    const key = range.join(' ');
    // The same dictionary may be found twice only if written twice (a copy in a later revision).
    if (seen.has(key)) continue;
    seen.add(key);
    const at = match.index;
    const start = Math.max(0, text.lastIndexOf(' obj', at));
    const end = text.indexOf('endobj', at);
    const dictionary = text.slice(start, end < 0 ? at + 4096 : end);
    found.push({ range, dictionary: dictionary.replace(/<[0-9A-Fa-f\s]{200,}>/g, '<>') });
  }
  return found;
}

/** A PDF date (D:YYYYMMDDHHmmSS+07'00') as an instant; null when unreadable. */
export function pdfDate(value: string): Date | null {
  const m =
    /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(\d{2})?'?(\d{2})?'?)?/.exec(
      value,
    );
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh = '00', om = '00'] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const offset =
    sign === '+' || sign === '-' ? (sign === '+' ? 1 : -1) * (Number(oh) * 60 + Number(om)) : 0;
  const date = new Date(utc - offset * 60_000);
  return Number.isNaN(date.getTime()) ? null : date;
}

function attributeText(value: unknown): string | null {
  const block = (value as { valueBlock?: { value?: unknown } } | null)?.valueBlock;
  return typeof block?.value === 'string' ? block.value : null;
}

function nameField(name: pkijs.RelativeDistinguishedNames, oid: string): string | null {
  const found = name.typesAndValues.find((t) => t.type === oid);
  return found ? attributeText(found.value) : null;
}

const hex = (bytes: ArrayBuffer | Uint8Array) => Buffer.from(bytes as Uint8Array).toString('hex');

/** A byte-exact view of a Buffer as the ArrayBuffer PKI.js wants. */
const arrayBuffer = (b: Buffer): ArrayBuffer =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

function parseCertificatePem(pem: string): pkijs.Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => {
    const der = Buffer.from(block.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
    return pkijs.Certificate.fromBER(arrayBuffer(der));
  });
}

/** A certificate's subject names (CN, O), decoded by PKI.js (UTF8String kept). */
export function certificateNames(der: Buffer): {
  commonName: string | null;
  organisation: string | null;
} {
  const cert = pkijs.Certificate.fromBER(arrayBuffer(der));
  return {
    commonName: nameField(cert.subject, OID_CN),
    organisation: nameField(cert.subject, OID_O),
  };
}

/** The trusted roots given as PEM texts (one or more certificates each). */
export function trustedRootsOf(pems: readonly string[]): pkijs.Certificate[] {
  return pems.flatMap(parseCertificatePem);
}

const broken = (problem: string, subFilter: string | null): SignatureCheck => ({
  status: 'invalid',
  signerName: null,
  organisation: null,
  issuerName: null,
  serialNumber: null,
  notBefore: null,
  notAfter: null,
  signingTime: null,
  signingTimeSource: null,
  subFilter,
  digestMatches: false,
  signatureVerified: false,
  coversWholeDocument: false,
  trusted: false,
  certificateValidAtSigning: false,
  problem,
});

function findSignerCertificate(
  signed: pkijs.SignedData,
  info: pkijs.SignerInfo,
  digestSha1: (bytes: ArrayBuffer) => Promise<ArrayBuffer>,
): Promise<pkijs.Certificate | null> {
  const certs = (signed.certificates ?? []).filter(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
  );
  const sid = info.sid as unknown;
  if (sid instanceof pkijs.IssuerAndSerialNumber)
    return Promise.resolve(
      certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)) ??
        null,
    );
  // [0] SubjectKeyIdentifier: the SHA-1 of the public key (RFC 5280 §4.2.1.2 method 1).
  const block = sid as asn1js.Constructed & asn1js.Primitive;
  const keyId = block.idBlock.isConstructed
    ? (block.valueBlock.value[0] as asn1js.OctetString).valueBlock.valueHexView
    : block.valueBlock.valueHexView;
  return (async () => {
    for (const c of certs) {
      const digest = await digestSha1(
        c.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView.slice().buffer,
      );
      if (hex(digest) === hex(keyId)) return c;
    }
    return null;
  })();
}

async function checkOne(
  pdf: Buffer,
  found: FoundSignature,
  isLast: boolean,
  roots: pkijs.Certificate[],
): Promise<SignatureCheck> {
  const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.#_-]+)/.exec(found.dictionary)?.[1] ?? null;
  const [a, b, c, d] = found.range;
  if (a !== 0 || b <= 0 || c < b || d < 0 || c + d > pdf.length)
    return broken('Vùng ký (ByteRange) không hợp lệ hoặc vượt quá độ dài tệp.', subFilter);
  const hole = pdf.subarray(b, c).toString('latin1');
  if (!/^<[0-9A-Fa-f\s]*>$/.test(hole))
    return broken(
      'Vùng ký (ByteRange) không loại trừ đúng chuỗi chữ ký /Contents: phần ngoài vùng ký không phải chữ ký.',
      subFilter,
    );
  const der = Buffer.from(hole.slice(1, -1).replace(/\s/g, ''), 'hex');
  const engine = pkijs.getCrypto(true);
  let signed: pkijs.SignedData;
  try {
    const parsed = asn1js.fromBER(arrayBuffer(der));
    if (parsed.offset === -1) throw new Error(parsed.result.error);
    const content = new pkijs.ContentInfo({ schema: parsed.result });
    if (content.contentType !== pkijs.ContentInfo.SIGNED_DATA) throw new Error('not SignedData');
    signed = new pkijs.SignedData({ schema: content.content });
  } catch {
    return broken('Chữ ký không đọc được: /Contents không phải một CMS SignedData.', subFilter);
  }
  const info = signed.signerInfos[0];
  if (!info) return broken('CMS không có người ký (SignerInfo).', subFilter);
  const cert = await findSignerCertificate(signed, info, (bytes) =>
    engine.digest({ name: 'SHA-1' }, bytes),
  );
  if (!cert) return broken('Chữ ký không kèm chứng thư của người ký.', subFilter);

  const signerName = nameField(cert.subject, OID_CN);
  const organisation = nameField(cert.subject, OID_O);
  const notBefore = cert.notBefore.value;
  const notAfter = cert.notAfter.value;
  const base = {
    signerName,
    organisation,
    issuerName: nameField(cert.issuer, OID_CN) ?? nameField(cert.issuer, OID_O),
    serialNumber: hex(cert.serialNumber.valueBlock.valueHexView),
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    subFilter,
  };

  const attributes = info.signedAttrs?.attributes ?? [];
  const attribute = (oid: string) => attributes.find((x) => x.type === oid)?.values[0] as unknown;
  const cmsTime = attribute(OID_SIGNING_TIME) as { toDate?: () => Date } | undefined;
  const pdfTime = /\/M\s*\((D:[^)]*)\)/.exec(found.dictionary)?.[1];
  const claimed = cmsTime?.toDate?.() ?? (pdfTime ? pdfDate(pdfTime) : null);
  const timing = {
    signingTime: claimed?.toISOString() ?? null,
    signingTimeSource: cmsTime?.toDate ? ('cms' as const) : claimed ? ('pdf' as const) : null,
  };

  const algorithm = engine.getAlgorithmByOID(info.digestAlgorithm.algorithmId);
  if (!('name' in algorithm))
    return { ...broken('Thuật toán băm của chữ ký không được hỗ trợ.', subFilter), ...base };
  const signedBytes = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const digest = Buffer.from(await engine.digest(algorithm, signedBytes));
  const messageDigest = attribute(OID_MESSAGE_DIGEST) as asn1js.OctetString | undefined;
  if (!info.signedAttrs || !messageDigest || !attribute(OID_CONTENT_TYPE))
    return {
      ...broken('Chữ ký thiếu thuộc tính bắt buộc (content-type, message-digest).', subFilter),
      ...base,
      ...timing,
    };
  const digestMatches = digest.equals(Buffer.from(messageDigest.valueBlock.valueHexView));
  let signatureVerified = false;
  try {
    signatureVerified = await engine.verifyWithPublicKey(
      info.signedAttrs.encodedValue,
      info.signature,
      cert.subjectPublicKeyInfo,
      info.signatureAlgorithm,
      algorithm.name,
    );
  } catch {
    signatureVerified = false;
  }
  const coversWholeDocument = c + d === pdf.length;

  const at = claimed ?? new Date();
  const certificateValidAtSigning = at >= notBefore && at <= notAfter;
  // The chain is judged at a time the certificate was valid, so that an
  // expired certificate is reported as such, not as an unknown one.
  const checkDate = certificateValidAtSigning ? at : notBefore;
  let trusted = false;
  if (roots.length) {
    const intermediates = (signed.certificates ?? []).filter(
      (x): x is pkijs.Certificate => x instanceof pkijs.Certificate && x !== cert,
    );
    try {
      const chain = new pkijs.CertificateChainValidationEngine({
        trustedCerts: roots,
        certs: [...intermediates, cert],
        checkDate,
      });
      trusted = (await chain.verify()).result;
    } catch {
      trusted = false;
    }
  }

  const status: SignatureStatus = !signatureVerified
    ? 'invalid'
    : !digestMatches || (isLast && !coversWholeDocument)
      ? 'modified'
      : !trusted
        ? 'untrusted'
        : !certificateValidAtSigning
          ? 'expired'
          : 'valid';
  const problems: Record<SignatureStatus, string | null> = {
    invalid: 'Giá trị chữ ký không khớp với chứng thư của người ký.',
    modified: !digestMatches
      ? 'Tài liệu đã bị sửa sau khi ký: mã băm của phần được ký không khớp.'
      : 'Tài liệu đã bị sửa sau khi ký: có dữ liệu thêm vào sau phần được ký.',
    expired: 'Chứng thư không còn hiệu lực vào thời điểm ký.',
    untrusted:
      'Chứng thư không thuộc danh sách tin cậy: không dẫn về chứng thư gốc nào Sở đã cấu hình.',
    valid: null,
  };
  return {
    status,
    ...base,
    ...timing,
    digestMatches,
    signatureVerified,
    coversWholeDocument,
    trusted,
    certificateValidAtSigning,
    problem: problems[status],
  };
}

/**
 * Every signature of `pdf`, each checked, and the document's status (its
 * worst signature's; `none` without any). `trustedRoots` are PEM texts.
 */
export async function verifyPdfSignatures(
  pdf: Buffer,
  trustedRoots: readonly string[],
  now: Date = new Date(),
): Promise<PdfSignatureReport> {
  const roots = trustedRootsOf(trustedRoots);
  const found = findSignatures(pdf.toString('latin1'));
  const lastEnd = Math.max(-1, ...found.map((f) => f.range[2] + f.range[3]));
  const signatures: SignatureCheck[] = [];
  for (const f of found)
    signatures.push(
      await checkOne(pdf, f, f.range[2] + f.range[3] === lastEnd, roots).catch(() =>
        broken('Chữ ký không kiểm tra được: cấu trúc chữ ký hoặc chứng thư bị hỏng.', null),
      ),
    );
  const rank = (s: SignatureStatus) => SIGNATURE_STATUSES.indexOf(s);
  const worst = signatures.reduce<SignatureStatus | null>(
    (w, s) => (w === null || rank(s.status) < rank(w) ? s.status : w),
    null,
  );
  return {
    status: worst ?? 'none',
    signatures,
    changedAfterLastSignature: found.length > 0 && lastEnd !== pdf.length,
    revocationChecked: false,
    revocation: REVOCATION_NOT_CHECKED,
    checkedAt: now.toISOString(),
  };
}
