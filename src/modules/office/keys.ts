/**
 * Signing certificates of the units (issue #17 item 5). For the demo, the
 * department gets a self-signed CA and each unit a certificate it issues,
 * made the first time a unit signs; a real PKCS#12 replaces it later. The
 * private keys are stored as PKCS#8 encrypted (AES-256-CBC) with the key
 * passphrase, as the diploma keys are: SOGD_KEY_PASSPHRASE, or on the
 * embedded database only a generated one kept in its data folder.
 */
import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import { writeTransaction, type Actor } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { activeCertificate, findUnit, insertCertificate, rootUnitId } from './repo.ts';

export const PASSPHRASE_ENV = 'SOGD_KEY_PASSPHRASE';
/** The embedded database's demo passphrase for the office keys, inside its data folder. */
export const OFFICE_PASSPHRASE_FILE = 'sogd-office-key-passphrase';

/**
 * The passphrase of the office keys: the variable, or on the embedded
 * database a generated one in the data folder (created once, owner-only).
 * Whoever has that folder has the keys: production sets the variable.
 */
export function officeKeyPassphrase(env: NodeJS.ProcessEnv = process.env): string {
  const set = env[PASSPHRASE_ENV];
  if (set) {
    if (set.length < 12) throw new Error(`${PASSPHRASE_ENV} phải có ít nhất 12 ký tự.`);
    return set;
  }
  if (env.DATABASE_URL)
    throw new Error(
      `Cần đặt ${PASSPHRASE_ENV} (ít nhất 12 ký tự) để mã hoá khoá ký văn bản trên máy chủ PostgreSQL.`,
    );
  const dir = env.DATA_DIR || './data';
  const path = join(dir, OFFICE_PASSPHRASE_FILE);
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(path, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Written before (or by another process at the same time): use it.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(path, 'utf8').trim();
}

export interface UnitSigner {
  certificate: forge.pki.Certificate;
  /** The issuing chain, the CA last. */
  chain: forge.pki.Certificate[];
  privateKey: forge.pki.rsa.PrivateKey;
  subject: string;
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

function newKeyPair() {
  // Native RSA generation (node:crypto) is fast; node-forge builds the certificates.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    forgePrivate: forge.pki.privateKeyFromPem(
      privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    ),
    forgePublic: forge.pki.publicKeyFromPem(
      publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    ),
    encrypted: (passphrase: string) =>
      privateKey
        .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase })
        .toString(),
  };
}

function makeCertificate(options: {
  commonName: string;
  organisation: string;
  publicKey: forge.pki.rsa.PublicKey;
  issuer: forge.pki.Certificate | null;
  signingKey: forge.pki.rsa.PrivateKey;
  ca: boolean;
  years: number;
  validity?: { notBefore: Date; notAfter: Date };
}): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = options.publicKey;
  // A positive serial of 16 random bytes (RFC 5280 §4.1.2.2).
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = options.validity?.notBefore ?? new Date(Date.now() - 60_000);
  cert.validity.notAfter =
    options.validity?.notAfter ?? new Date(Date.now() + options.years * YEAR_MS);
  // UTF8String, so that Vietnamese names keep their letters.
  const utf8 = forge.asn1.Type.UTF8 as unknown as number;
  const subject = [
    { name: 'commonName', value: options.commonName, valueTagClass: utf8 },
    { name: 'organizationName', value: options.organisation, valueTagClass: utf8 },
    { name: 'countryName', value: 'VN' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(options.issuer ? options.issuer.subject.attributes : subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: options.ca, critical: true },
    options.ca
      ? { name: 'keyUsage', critical: true, keyCertSign: true, cRLSign: true }
      : { name: 'keyUsage', critical: true, digitalSignature: true, nonRepudiation: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(options.signingKey, forge.md.sha256.create());
  return cert;
}

/**
 * A stored certificate. node-forge decodes UTF8String names when it makes a
 * certificate but not when it parses one, and re-encodes them either way:
 * decoded here, a parsed certificate encodes back to its very bytes.
 */
function loadCertificate(pem: string): forge.pki.Certificate {
  const cert = forge.pki.certificateFromPem(pem);
  for (const attr of [...cert.subject.attributes, ...cert.issuer.attributes])
    if (
      Number(attr.valueTagClass) === Number(forge.asn1.Type.UTF8) &&
      typeof attr.value === 'string'
    )
      attr.value = forge.util.decodeUtf8(attr.value);
  return cert;
}

function decrypt(pem: string, passphrase: string): forge.pki.rsa.PrivateKey {
  let key;
  try {
    key = createPrivateKey({ key: pem, format: 'pem', passphrase });
  } catch {
    throw new Error(`Không giải mã được khoá ký văn bản: ${PASSPHRASE_ENV} không đúng.`);
  }
  return forge.pki.privateKeyFromPem(key.export({ type: 'pkcs1', format: 'pem' }).toString());
}

const subjectOf = (c: forge.pki.Certificate): string => {
  const field = c.subject.getField('CN') as { value?: unknown } | null;
  return typeof field?.value === 'string' ? field.value : '';
};

/** The department's demo CA, made on first use. */
async function demoCa(db: Db, actor: Actor, passphrase: string) {
  const rootId = await rootUnitId(db);
  if (!rootId) throw new Error('Chưa có cây đơn vị: không tạo được chứng thư ký.');
  const existing = await activeCertificate(db, rootId, 'ca');
  if (existing)
    return {
      certificate: loadCertificate(existing.certificate_pem),
      key: decrypt(existing.private_key_pem, passphrase),
    };
  const root = (await findUnit(db, rootId))!;
  const keys = newKeyPair();
  const certificate = makeCertificate({
    commonName: `${root.name} — CA thử nghiệm`,
    organisation: root.name,
    publicKey: keys.forgePublic,
    issuer: null,
    signingKey: keys.forgePrivate,
    ca: true,
    years: 10,
  });
  await writeTransaction(db, actor, (tx) =>
    insertCertificate(tx, {
      id: uuidv7(),
      unit_id: rootId,
      role: 'ca',
      subject: subjectOf(certificate),
      certificate_pem: forge.pki.certificateToPem(certificate),
      private_key_pem: keys.encrypted(passphrase),
      not_after: certificate.validity.notAfter,
      retired_at: null,
    }),
  );
  return { certificate, key: keys.forgePrivate };
}

/**
 * The unit's signer: its active certificate, or (demo) a new one issued by
 * the department's CA the first time the unit signs.
 */
export async function unitSigner(
  db: Db,
  actor: Actor,
  unitId: string,
  passphrase: string,
): Promise<UnitSigner> {
  const existing = await activeCertificate(db, unitId, 'unit');
  if (existing) {
    const certificate = loadCertificate(existing.certificate_pem);
    const chain = existing.chain_pem
      ? (
          existing.chain_pem.match(
            /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g,
          ) ?? []
        ).map((p) => loadCertificate(p))
      : [];
    return {
      certificate,
      chain,
      privateKey: decrypt(existing.private_key_pem, passphrase),
      subject: existing.subject,
    };
  }
  const unit = await findUnit(db, unitId);
  if (!unit) throw new Error('Không có đơn vị này.');
  const ca = await demoCa(db, actor, passphrase);
  const keys = newKeyPair();
  const certificate = makeCertificate({
    commonName: unit.name,
    organisation: unit.name,
    publicKey: keys.forgePublic,
    issuer: ca.certificate,
    signingKey: ca.key,
    ca: false,
    years: 3,
  });
  const caPem = forge.pki.certificateToPem(ca.certificate);
  await writeTransaction(db, actor, (tx) =>
    insertCertificate(tx, {
      id: uuidv7(),
      unit_id: unitId,
      role: 'unit',
      subject: subjectOf(certificate),
      certificate_pem: forge.pki.certificateToPem(certificate),
      chain_pem: caPem,
      private_key_pem: keys.encrypted(passphrase),
      not_after: certificate.validity.notAfter,
      retired_at: null,
    }),
  );
  return {
    certificate,
    chain: [ca.certificate],
    privateKey: keys.forgePrivate,
    subject: subjectOf(certificate),
  };
}

/**
 * A certificate for a person's own key (their USB token in the demo and the
 * tests: signing/external-signature.ts), issued by the department's demo CA
 * (made on first use). Only the certificate is returned: the key stays with
 * whoever holds it.
 */
export async function issueDemoPersonCertificate(
  db: Db,
  actor: Actor,
  passphrase: string,
  person: {
    commonName: string;
    organisation: string;
    /** SPKI PEM of the person's public key (RSA). */
    publicKeyPem: string;
    validity?: { notBefore: Date; notAfter: Date };
  },
): Promise<string> {
  const ca = await demoCa(db, actor, passphrase);
  const certificate = makeCertificate({
    commonName: person.commonName,
    organisation: person.organisation,
    publicKey: forge.pki.publicKeyFromPem(person.publicKeyPem),
    issuer: ca.certificate,
    signingKey: ca.key,
    ca: false,
    years: 3,
    ...(person.validity ? { validity: person.validity } : {}),
  });
  return forge.pki.certificateToPem(certificate);
}
