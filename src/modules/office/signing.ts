/**
 * PAdES signing of a PDF (docs/formats/office.md): an incremental update
 * with a signature dictionary of SubFilter ETSI.CAdES.detached, made by
 * @signpdf (placeholder and byte range) with a CMS SignedData from
 * node-forge. CAdES asks for what plain PKCS#7 lacks: the ESS
 * signing-certificate-v2 attribute binding the signer's certificate
 * (ETSI EN 319 122-1 §5.2.2, RFC 5035), and no CMS signing-time attribute;
 * the claimed signing time is the dictionary's /M entry (ETSI EN 319 142-1
 * §5.3, PAdES baseline B-B).
 */
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import {
  findByteRange,
  removeTrailingNewLine,
  Signer,
  SUBFILTER_ETSI_CADES_DETACHED,
} from '@signpdf/utils';
import { createHash } from 'node:crypto';
import forge from 'node-forge';
import type { UnitSigner } from './keys.ts';

/** An input that is not a PDF we can sign; the CLI answers it with exit 2. */
export class UnreadablePdfError extends Error {
  override readonly name = 'UnreadablePdfError';
}

const OID_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';
const { asn1 } = forge;
const der = (node: forge.asn1.Asn1) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');

/** ESS signing-certificate-v2 with one ESSCertIDv2 (SHA-256, the default, so no algorithm field). */
function signingCertificateV2(certificate: forge.pki.Certificate): forge.asn1.Asn1 {
  const certDer = asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes();
  const hash = forge.md.sha256.create().update(certDer).digest().getBytes();
  const seq = (v: forge.asn1.Asn1[]) =>
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, v);
  return seq([
    asn1.create(
      asn1.Class.UNIVERSAL,
      asn1.Type.OID,
      false,
      asn1.oidToDer(OID_SIGNING_CERTIFICATE_V2).getBytes(),
    ),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, [
      seq([seq([seq([asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, hash)])])]),
    ]),
  ]);
}

interface ForgeSignerInfo {
  authenticatedAttributesAsn1: forge.asn1.Asn1;
  signature: string;
}

/**
 * A @signpdf Signer that writes a CAdES-BES CMS. node-forge signs the
 * standard attributes (content type, message digest); it cannot encode the
 * ESS attribute itself, so the attribute is added to the signed set after,
 * the set put in DER order and signed again with the same key.
 */
export class CadesSigner extends Signer {
  constructor(private readonly signer: UnitSigner) {
    super();
  }

  override sign(pdf: Buffer): Promise<Buffer> {
    const { certificate, chain, privateKey } = this.signer;
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdf.toString('binary'));
    p7.addCertificate(certificate);
    for (const c of chain) p7.addCertificate(c);
    p7.addSigner({
      key: privateKey,
      certificate,
      digestAlgorithm: forge.pki.oids.sha256!,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType!, value: forge.pki.oids.data },
        { type: forge.pki.oids.messageDigest! },
      ],
    });
    p7.sign({ detached: true });
    const internals = p7 as unknown as {
      signers: ForgeSignerInfo[];
      signerInfos: forge.asn1.Asn1[];
    };
    const info = internals.signers[0]!;
    const attributes = info.authenticatedAttributesAsn1.value as forge.asn1.Asn1[];
    attributes.push(signingCertificateV2(certificate));
    // DER: the elements of a SET OF in ascending order of their encodings.
    attributes.sort((a, b) => der(a).compare(der(b)));
    const set = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, attributes);
    const signature = privateKey.sign(forge.md.sha256.create().update(asn1.toDer(set).getBytes()));
    const node = (internals.signerInfos[0]!.value as forge.asn1.Asn1[]).find(
      (n) => n.type === asn1.Type.OCTETSTRING && n.value === info.signature,
    );
    if (!node) throw new Error('Không tìm thấy chữ ký trong SignerInfo.');
    node.value = signature;
    return Promise.resolve(der(p7.toAsn1()));
  }
}

/** Refuses what is not a PDF we can append a signature to, with the reason. */
export function checkSignablePdf(pdf: Buffer): void {
  if (pdf.length < 64 || pdf.subarray(0, 5).toString('latin1') !== '%PDF-')
    throw new UnreadablePdfError('Tệp không phải PDF (không bắt đầu bằng "%PDF-").');
  const tail = pdf.subarray(Math.max(0, pdf.length - 2048)).toString('latin1');
  if (!tail.includes('%%EOF')) throw new UnreadablePdfError('Tệp PDF bị cắt cụt (thiếu %%EOF).');
  if (/\/Encrypt\s/.test(tail) || /\/Encrypt\s+\d+\s+\d+\s+R/.test(pdf.toString('latin1')))
    throw new UnreadablePdfError('Tệp PDF có mật khẩu (mã hoá): hãy gỡ mật khẩu trước khi ký.');
}

export interface SignOptions {
  /** Shown by readers as the signer (the unit). */
  name: string;
  reason: string;
  location: string;
  signingTime: Date;
}

/** A PDF ready for its signature: the byte range written, /Contents still zeros. */
export interface PreparedPdf {
  /** The whole file with the empty /Contents placeholder in place. */
  pdf: Buffer;
  byteRange: [number, number, number, number];
  /** SHA-256 of the bytes the byte range covers: the CMS message-digest must hold it. */
  digest: Buffer;
}

/** Room for the CMS with a two- or three-certificate chain (bytes; twice that in hex). */
export const SIGNATURE_LENGTH = 16_384;

/** The bytes a prepared PDF's byte range covers (what is signed). */
export function signedContent(prepared: Pick<PreparedPdf, 'pdf' | 'byteRange'>): Buffer {
  const [, b, c, d] = prepared.byteRange;
  return Buffer.concat([prepared.pdf.subarray(0, b), prepared.pdf.subarray(c, c + d)]);
}

/**
 * Adds the signature dictionary as an incremental update (the input's bytes
 * are kept) and writes its /ByteRange, as @signpdf's SignPdf.sign does
 * before it calls a signer; the signature itself comes later (embedSignature),
 * from this server's key or from the signer's own tool.
 */
export function preparePdf(pdf: Buffer, options: SignOptions): PreparedPdf {
  checkSignablePdf(pdf);
  // @signpdf drops one trailing "\n" or "\r" and then needs an "%%EOF" line
  // at the end: for any other ending, an empty "%%EOF" line is appended
  // first, so that every byte of the input stays in place.
  const ending = pdf.subarray(pdf.length - 8).toString('latin1');
  const input = /[\r\n]%%EOF\n?$/.test(ending)
    ? pdf
    : Buffer.concat([pdf, Buffer.from('\n%%EOF\n')]);
  let placed: Buffer;
  try {
    placed = plainAddPlaceholder({
      pdfBuffer: input,
      reason: options.reason,
      contactInfo: '',
      name: options.name,
      location: options.location,
      signingTime: options.signingTime,
      subFilter: SUBFILTER_ETSI_CADES_DETACHED,
      signatureLength: SIGNATURE_LENGTH,
      appName: 'sogd',
    });
  } catch (error) {
    throw new UnreadablePdfError(
      `Không đọc được cấu trúc PDF để chèn chữ ký (${error instanceof Error ? error.message : String(error)}); tệp dùng bảng tham chiếu nén hoặc bị hỏng.`,
    );
  }
  let out = removeTrailingNewLine(placed);
  const { byteRangePlaceholder, byteRangePlaceholderPosition } = findByteRange(out);
  if (!byteRangePlaceholder || byteRangePlaceholderPosition === undefined)
    throw new UnreadablePdfError('Không chèn được chỗ cho chữ ký vào tệp PDF.');
  const byteRangeEnd = byteRangePlaceholderPosition + byteRangePlaceholder.length;
  const contentsAt = out.indexOf('/Contents ', byteRangeEnd);
  const holeStart = out.indexOf('<', contentsAt);
  const holeEnd = out.indexOf('>', holeStart) + 1;
  const byteRange: [number, number, number, number] = [0, holeStart, holeEnd, out.length - holeEnd];
  const written = `/ByteRange [${byteRange.join(' ')}]`.padEnd(byteRangePlaceholder.length, ' ');
  out = Buffer.concat([
    out.subarray(0, byteRangePlaceholderPosition),
    Buffer.from(written, 'latin1'),
    out.subarray(byteRangeEnd),
  ]);
  const digest = createHash('sha256')
    .update(signedContent({ pdf: out, byteRange }))
    .digest();
  return { pdf: out, byteRange, digest };
}

/** Puts a CMS (DER) into the prepared PDF's /Contents, zero-padded; refuses one too long. */
export function embedSignature(
  prepared: Pick<PreparedPdf, 'pdf' | 'byteRange'>,
  cms: Buffer,
): Buffer {
  const [, b, c] = prepared.byteRange;
  const room = c - b - 2;
  const hex = cms.toString('hex');
  if (hex.length > room)
    throw new UnreadablePdfError(
      `Chữ ký dài quá chỗ dành sẵn trong PDF (${cms.length} byte, tối đa ${room / 2}).`,
    );
  return Buffer.concat([
    prepared.pdf.subarray(0, b),
    Buffer.from(`<${hex.padEnd(room, '0')}>`, 'latin1'),
    prepared.pdf.subarray(c),
  ]);
}

/**
 * Signs `pdf` with the unit's agency key in process (the bytes of the input
 * are kept; the signature is appended as an incremental update). The same
 * as signing/adapter.ts `signWithAdapter` with an `AgencyKeyAdapter`.
 */
export async function signPdfBytes(
  pdf: Buffer,
  signer: UnitSigner,
  options: SignOptions,
): Promise<Buffer> {
  const prepared = preparePdf(pdf, options);
  const cms = await new CadesSigner(signer).sign(signedContent(prepared));
  return embedSignature(prepared, cms);
}
