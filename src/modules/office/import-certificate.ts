import { createPrivateKey, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { badRequest } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { actorOf, requireOfficeUnit, type Caller } from './caller.ts';
import {
  certificateImportBody,
  type CertificateImportBody,
  type OfficeSettings,
} from './contract.ts';
import { getSettings } from './get-settings.ts';
import { insertCertificate } from './repo.ts';

/**
 * Imports the unit's signing certificate and key from a PKCS#12 file (the
 * form CAs deliver a server certificate in), read by node-forge. The key
 * must match the certificate, which must be valid today; the key is kept
 * encrypted with the office's passphrase (PKCS#8, AES-256), as the demo's
 * are, and the file itself is not kept. The previous certificate is retired.
 * Sent as base64 in JSON, not as an upload: a key file never reaches the
 * file store, whose files are not encrypted.
 */
export async function importCertificate(
  db: Db,
  caller: Caller,
  input: CertificateImportBody & { passphrase: () => string; unitId?: string },
): Promise<OfficeSettings> {
  const unitId = requireOfficeUnit(caller, 'office.settings', input.unitId);
  const body = certificateImportBody.parse(input);
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const der = forge.util.decode64(body.p12.replace(/\s+/g, ''));
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), body.password);
  } catch {
    throw badRequest(
      'Không đọc được tệp PKCS#12: mật khẩu không đúng, hoặc tệp không phải .p12/.pfx.',
    );
  }
  const bagsOf = (oid: string | undefined): forge.pkcs12.Bag[] =>
    oid ? (p12.getBags({ bagType: oid })[oid] ?? []) : [];
  const keyBag = [
    ...bagsOf(forge.pki.oids.pkcs8ShroudedKeyBag),
    ...bagsOf(forge.pki.oids.keyBag),
  ][0];
  const certs = bagsOf(forge.pki.oids.certBag)
    .map((b) => b.cert)
    .filter((c): c is forge.pki.Certificate => !!c);
  // node-forge leaves parsed UTF8String names as UTF-8 bytes but encodes them
  // again when writing: decoded here, each certificate writes back to its own bytes.
  for (const c of certs)
    for (const attr of [...c.subject.attributes, ...c.issuer.attributes])
      if (
        Number(attr.valueTagClass) === Number(forge.asn1.Type.UTF8) &&
        typeof attr.value === 'string'
      )
        attr.value = forge.util.decodeUtf8(attr.value);
  if (!keyBag?.key) throw badRequest('Tệp PKCS#12 không có khoá bí mật.');
  if (!certs.length) throw badRequest('Tệp PKCS#12 không có chứng thư số.');
  const key = keyBag.key;
  // The certificate of the key: the one whose public modulus is the key's.
  const own = certs.find((c) => (c.publicKey as forge.pki.rsa.PublicKey).n?.equals(key.n) === true);
  if (!own) throw badRequest('Khoá bí mật trong tệp không khớp với chứng thư số nào trong tệp.');
  const x509 = new X509Certificate(forge.pki.certificateToPem(own));
  const now = new Date();
  if (new Date(x509.validTo) < now)
    throw badRequest(
      `Chứng thư số đã hết hạn ngày ${new Date(x509.validTo).toISOString().slice(0, 10)}.`,
    );
  if (new Date(x509.validFrom) > now)
    throw badRequest(
      `Chứng thư số chưa có hiệu lực (từ ${new Date(x509.validFrom).toISOString().slice(0, 10)}).`,
    );
  const cn = own.subject.getField('CN') as { value?: unknown } | null;
  const cnText = typeof cn?.value === 'string' ? cn.value : x509.subject;
  const encrypted = createPrivateKey(forge.pki.privateKeyToPem(key))
    .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: input.passphrase() })
    .toString();
  await writeTransaction(db, actorOf(caller), (tx) =>
    insertCertificate(tx, {
      id: uuidv7(),
      unit_id: unitId,
      role: 'unit',
      subject: cnText,
      certificate_pem: forge.pki.certificateToPem(own),
      chain_pem: certs
        .filter((c) => c !== own)
        .map((c) => forge.pki.certificateToPem(c))
        .join(''),
      private_key_pem: encrypted,
      not_after: new Date(x509.validTo),
      imported: true,
      retired_at: null,
    }),
  );
  return getSettings(db, caller, unitId);
}
