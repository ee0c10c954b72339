/**
 * A USB token as the tests play it (the signer's own tool: Ban Cơ yếu's
 * plug-in, or a remote signing service), shared by the integration test of
 * the token flow and the browser test of its page.
 */
import { sign as rsaSign, randomBytes, webcrypto, KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type {
  SignatureRequest,
  SignatureResponse,
  SigningAdapter,
} from '../../src/modules/office/signing/adapter.ts';

const arrayBuffer = (b: Buffer): ArrayBuffer =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

/**
 * A USB token as the test plays it: its own RSA key and certificate. In CMS
 * mode it builds a detached CMS SignedData over the digest it was given
 * (PKI.js, signed attributes content-type and message-digest), as the VGCA
 * plug-in answers; in raw mode it signs the signed attributes the server built.
 */
export class TestToken implements SigningAdapter {
  readonly kind = 'external' as const;
  constructor(
    private readonly key: KeyObject,
    readonly certificatePem: string,
    readonly chainPems: string[] = [],
    private readonly mode: 'cms' | 'raw' = 'cms',
  ) {}

  private der(pem: string): Buffer {
    return Buffer.from(pem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
  }

  async sign(request: SignatureRequest): Promise<SignatureResponse> {
    if (this.mode === 'raw') {
      return {
        signature: rsaSign('sha256', request.signedAttributes!, this.key),
        certificates: [this.der(this.certificatePem), ...this.chainPems.map((p) => this.der(p))],
      };
    }
    const certs = [this.certificatePem, ...this.chainPems].map((p) =>
      pkijs.Certificate.fromBER(arrayBuffer(this.der(p))),
    );
    const signed = new pkijs.SignedData({
      version: 1,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: '1.2.840.113549.1.7.1' }),
      signerInfos: [
        new pkijs.SignerInfo({
          version: 1,
          sid: new pkijs.IssuerAndSerialNumber({
            issuer: certs[0]!.issuer,
            serialNumber: certs[0]!.serialNumber,
          }),
          signedAttrs: new pkijs.SignedAndUnsignedAttributes({
            type: 0,
            attributes: [
              new pkijs.Attribute({
                type: '1.2.840.113549.1.9.3',
                values: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.7.1' })],
              }),
              new pkijs.Attribute({
                type: '1.2.840.113549.1.9.4',
                values: [new asn1js.OctetString({ valueHex: arrayBuffer(request.digest) })],
              }),
            ],
          }),
        }),
      ],
      certificates: certs,
    });
    const cryptoKey = await webcrypto.subtle.importKey(
      'pkcs8',
      this.key.export({ type: 'pkcs8', format: 'der' }),
      this.key.asymmetricKeyType === 'ec'
        ? { name: 'ECDSA', namedCurve: 'P-256' }
        : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    await signed.sign(cryptoKey, 0, 'SHA-256');
    const content = new pkijs.ContentInfo({
      contentType: '1.2.840.113549.1.7.2',
      content: signed.toSchema(true),
    });
    return { cms: Buffer.from(content.toSchema().toBER()) };
  }
}

export const pemOf = (der: ArrayBuffer) =>
  `-----BEGIN CERTIFICATE-----\n${(
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? []
  ).join('\n')}\n-----END CERTIFICATE-----\n`;

/**
 * A token with an ECDSA P-256 key (as many VGCA and commercial tokens now
 * carry), its certificate issued by a P-256 test CA made here with PKI.js
 * (the demo CA's issuing, node-forge, takes RSA keys only).
 */
export async function ecdsaToken(): Promise<{ token: TestToken; caPem: string }> {
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256' };
  const caKeys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const leafKeys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const name = (cn: string) =>
    new pkijs.RelativeDistinguishedNames({
      typesAndValues: [
        new pkijs.AttributeTypeAndValue({
          type: '2.5.4.6',
          value: new asn1js.PrintableString({ value: 'VN' }),
        }),
        new pkijs.AttributeTypeAndValue({
          type: '2.5.4.3',
          value: new asn1js.Utf8String({ value: cn }),
        }),
      ],
    });
  const make = async (
    cn: string,
    subjectKey: CryptoKey,
    issuer: pkijs.RelativeDistinguishedNames | null,
    signingKey: CryptoKey,
    ca: boolean,
  ) => {
    const c = new pkijs.Certificate();
    c.version = 2;
    const serial = randomBytes(8);
    // Positive and without a leading zero byte: DER's INTEGER is minimal, and
    // NSS (pdfsig) rejects a certificate whose serial is not (1 run in ~128 failed so).
    serial[0] = (serial[0]! & 0x7f) | 0x01;
    c.serialNumber = new asn1js.Integer({ valueHex: arrayBuffer(serial) });
    c.subject = name(cn);
    c.issuer = issuer ?? name(cn);
    c.notBefore.value = new Date(Date.now() - 3600_000);
    c.notAfter.value = new Date(Date.now() + 365 * 24 * 3600_000);
    c.extensions = [
      new pkijs.Extension({
        extnID: '2.5.29.19',
        critical: true,
        extnValue: new pkijs.BasicConstraints({ cA: ca }).toSchema().toBER(false),
      }),
      new pkijs.Extension({
        extnID: '2.5.29.15',
        critical: true,
        // keyCertSign + cRLSign for the CA; digitalSignature + nonRepudiation for the signer.
        extnValue: new asn1js.BitString({
          valueHex: new Uint8Array([ca ? 0x06 : 0xc0]).buffer,
          unusedBits: ca ? 1 : 6,
        }).toBER(false),
      }),
    ];
    await c.subjectPublicKeyInfo.importKey(subjectKey);
    await c.sign(signingKey, 'SHA-256');
    return c;
  };
  const ca = await make('CA thử nghiệm ECDSA', caKeys.publicKey, null, caKeys.privateKey, true);
  const leaf = await make(
    'Trần Thị Bình',
    leafKeys.publicKey,
    ca.subject,
    caKeys.privateKey,
    false,
  );
  const caPem = pemOf(ca.toSchema().toBER(false));
  return {
    token: new TestToken(KeyObject.from(leafKeys.privateKey), pemOf(leaf.toSchema().toBER(false)), [
      caPem,
    ]),
    caPem,
  };
}
