/**
 * Signing adapters (issue #17 item 5): who makes the CMS signature of a PDF
 * the server has prepared (signing.ts `preparePdf`: the signature dictionary
 * added as an incremental update, the /ByteRange written, /Contents zeros).
 *
 * - `AgencyKeyAdapter`: the unit's agency key held by the server (keys.ts),
 *   in process — what "sign" and `sogd office sign` use.
 * - An external adapter is the signer's own tool: Ban Cơ yếu's VGCA plug-in
 *   on the signer's machine with their USB token, or a remote signing
 *   service. It runs outside the server, so its request and response cross
 *   HTTP: `POST …/sign/prepare` hands it a `SignatureRequest` (without the
 *   content), `POST …/sign/complete` brings back its `SignatureResponse`
 *   (external-signature.ts, docs/office.md "Signing with a USB token").
 *
 * A response is either a detached CMS SignedData (RFC 5652) over the byte
 * range, or a raw signature (RSA PKCS#1 v1.5 with SHA-256) over the signed
 * attributes the server built for the certificate given at prepare, with
 * the certificate chain; the server then assembles the CMS itself with
 * PKI.js. Either way it is checked before it is embedded.
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { UnitSigner } from '../keys.ts';
import {
  CadesSigner,
  embedSignature,
  preparePdf,
  signedContent,
  type SignOptions,
} from '../signing.ts';

export interface SignatureRequest {
  digestAlgorithm: 'SHA-256';
  /** SHA-256 of the bytes the PDF's byte range covers (the CMS message-digest). */
  digest: Buffer;
  /** Those bytes: given to an in-process adapter only; an external tool signs the digest. */
  content?: Buffer;
  /** For a raw signature: the DER of the signed attributes (a SET) to sign. */
  signedAttributes?: Buffer;
  /** The signing time the PDF's signature dictionary claims (/M). */
  signingTime: Date;
}

export type SignatureResponse =
  /** A detached CMS SignedData (DER) whose message-digest is the request's digest. */
  | { cms: Buffer }
  /** A raw signature over `signedAttributes`, and the certificates (DER), the signer's first. */
  | { signature: Buffer; certificates: Buffer[] };

export interface SigningAdapter {
  readonly kind: 'agency-key' | 'external';
  sign(request: SignatureRequest): Promise<SignatureResponse>;
}

/** The unit's agency key, on the server (CAdES-BES CMS by node-forge, signing.ts). */
export class AgencyKeyAdapter implements SigningAdapter {
  readonly kind = 'agency-key' as const;
  constructor(private readonly signer: UnitSigner) {}

  async sign(request: SignatureRequest): Promise<SignatureResponse> {
    if (!request.content) throw new Error('Khoá của đơn vị ký trên máy chủ cần nội dung vùng ký.');
    return { cms: await new CadesSigner(this.signer).sign(request.content) };
  }
}

const OID_DATA = '1.2.840.113549.1.7.1';
const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';
const OID_SHA256 = '2.16.840.1.101.3.4.2.1';
const OID_RSA = '1.2.840.113549.1.1.1';

const arrayBuffer = (b: Buffer): ArrayBuffer =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

/** One certificate, PEM or DER; null when it is not one. */
export function parseCertificate(bytes: Buffer): pkijs.Certificate | null {
  const text = bytes.toString('latin1');
  const der = text.includes('-----BEGIN CERTIFICATE-----')
    ? Buffer.from(
        (
          /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(text)?.[1] ?? ''
        ).replace(/\s/g, ''),
        'base64',
      )
    : bytes;
  try {
    return pkijs.Certificate.fromBER(arrayBuffer(der));
  } catch {
    return null;
  }
}

/**
 * The CAdES signed attributes for a digest and the signer's certificate:
 * content-type, message-digest and ESS signing-certificate-v2 (RFC 5035,
 * ETSI EN 319 122-1 §5.2.2), as PKI.js objects; built the same at prepare
 * and at complete, so the server never keeps a structure it did not make.
 */
function cadesAttributes(digest: Buffer, certificate: pkijs.Certificate): pkijs.Attribute[] {
  const certHash = createHash('sha256')
    .update(Buffer.from(certificate.toSchema().toBER()))
    .digest();
  return [
    new pkijs.Attribute({
      type: OID_CONTENT_TYPE,
      values: [new asn1js.ObjectIdentifier({ value: OID_DATA })],
    }),
    new pkijs.Attribute({
      type: OID_MESSAGE_DIGEST,
      values: [new asn1js.OctetString({ valueHex: arrayBuffer(digest) })],
    }),
    new pkijs.Attribute({
      type: OID_SIGNING_CERTIFICATE_V2,
      values: [
        new asn1js.Sequence({
          value: [
            new asn1js.Sequence({
              value: [
                new asn1js.Sequence({
                  value: [new asn1js.OctetString({ valueHex: arrayBuffer(certHash) })],
                }),
              ],
            }),
          ],
        }),
      ],
    }),
  ];
}

/** The DER of the signed attributes as signed: a SET (tag 0x31), RFC 5652 §5.4. */
export function signedAttributesDer(digest: Buffer, certificate: pkijs.Certificate): Buffer {
  const attrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: cadesAttributes(digest, certificate),
  });
  const der = Buffer.from(attrs.toSchema().toBER());
  der[0] = 0x31;
  return der;
}

/** Whether the certificate's key is RSA (the only raw signature the server assembles). */
export function isRsaCertificate(certificate: pkijs.Certificate): boolean {
  return certificate.subjectPublicKeyInfo.algorithm.algorithmId === OID_RSA;
}

/**
 * The CMS SignedData (DER) for a raw RSA signature over the signed
 * attributes of `digest` and `certificates[0]`, with every certificate given.
 */
export function cmsFromRawSignature(
  digest: Buffer,
  signature: Buffer,
  certificates: pkijs.Certificate[],
): Buffer {
  const signerCert = certificates[0]!;
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({
      issuer: signerCert.issuer,
      serialNumber: signerCert.serialNumber,
    }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID_SHA256 }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({
      type: 0,
      attributes: cadesAttributes(digest, signerCert),
    }),
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: OID_RSA,
      algorithmParams: new asn1js.Null(),
    }),
    signature: new asn1js.OctetString({ valueHex: arrayBuffer(signature) }),
  });
  const signed = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID_SHA256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID_DATA }),
    certificates,
    signerInfos: [signerInfo],
  });
  const content = new pkijs.ContentInfo({
    contentType: OID_SIGNED_DATA,
    content: signed.toSchema(true),
  });
  return Buffer.from(content.toSchema().toBER());
}

/**
 * Signs a PDF through an adapter that answers at once (the agency key):
 * prepare, the adapter's CMS, embed. The external flow splits these three
 * steps across two requests (external-signature.ts).
 */
export async function signWithAdapter(
  pdf: Buffer,
  adapter: SigningAdapter,
  options: SignOptions,
): Promise<Buffer> {
  const prepared = preparePdf(pdf, options);
  const response = await adapter.sign({
    digestAlgorithm: 'SHA-256',
    digest: prepared.digest,
    content: signedContent(prepared),
    signingTime: options.signingTime,
  });
  if (!('cms' in response)) throw new Error('Bộ ký trong máy chủ phải trả về CMS.');
  return embedSignature(prepared, response.cms);
}
