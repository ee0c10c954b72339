import { spawnSync } from 'node:child_process';
import { createHash, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as asn1js from 'asn1js';
import forge from 'node-forge';
import PDFDocument from 'pdfkit';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../app/app.ts';
import { createFileStore } from '../../../core/files/store.ts';
import { systemActor } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { freshDatabase } from '../../../../test/helpers/db.ts';
import { signIn, type Client } from '../../../../test/helpers/client.ts';
import { makeTree, makeUser, SMALL_PROVINCE } from '../../../../test/helpers/fixtures.ts';
import type { OutgoingDetail, SignPrepared } from '../contract.ts';
import { issueDemoPersonCertificate } from '../keys.ts';
import type { SignatureRequest, SignatureResponse } from './adapter.ts';
import { verifyPdfSignatures } from './verify-signature.ts';
import { ecdsaToken, TestToken } from '../../../../test/helpers/signing-token.ts';

// The signer's own tool (a USB token with Ban Cơ yếu's plug-in, or a remote
// signing service) played by the test with its own key: prepare, sign
// outside the server, complete; the result checked by poppler's pdfsig.
const PDFSIG = '/usr/bin/pdfsig';
const PASSWORD = 'mat-khau-rat-dai-1';
const CA_PASSPHRASE = 'khoa-ky-van-ban-kiem-thu';
const dir = mkdtempSync(join(tmpdir(), 'sogd-external-sign-'));
let db: Db;
let close: () => Promise<void>;
let app: App;
let ids: Record<string, string>;
const as: Record<string, Client> = {};

const b64 = (b: Buffer | ArrayBuffer) => Buffer.from(b as Uint8Array).toString('base64');
const arrayBuffer = (b: Buffer): ArrayBuffer =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

function makePdf(text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.fontSize(14).text(text.repeat(20));
    doc.end();
  });
}

function pdfsig(bytes: Buffer): string {
  const file = join(dir, `${randomBytes(6).toString('hex')}.pdf`);
  writeFileSync(file, bytes);
  const r = spawnSync(PDFSIG, [file], { encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`;
}

function rsaKey(): { key: KeyObject; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    key: privateKey,
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** A token whose certificate a CA made here (not trusted by the department) issued. */
function foreignToken(): TestToken {
  const utf8 = forge.asn1.Type.UTF8 as unknown as number;
  const forgeKey = (k: KeyObject) =>
    forge.pki.privateKeyFromPem(k.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = (
    cn: string,
    publicPem: string,
    issuer: forge.pki.Certificate | null,
    signingKey: forge.pki.rsa.PrivateKey,
    ca: boolean,
  ) => {
    const c = forge.pki.createCertificate();
    c.publicKey = forge.pki.publicKeyFromPem(publicPem);
    c.serialNumber = `01${randomBytes(8).toString('hex')}`;
    c.validity.notBefore = new Date(Date.now() - 3600_000);
    c.validity.notAfter = new Date(Date.now() + 365 * 24 * 3600_000);
    const attrs = [
      { name: 'commonName', value: cn, valueTagClass: utf8 },
      { name: 'countryName', value: 'VN' },
    ];
    c.setSubject(attrs);
    c.setIssuer(issuer ? issuer.subject.attributes : attrs);
    c.setExtensions([
      { name: 'basicConstraints', cA: ca, critical: true },
      ca
        ? { name: 'keyUsage', critical: true, keyCertSign: true, cRLSign: true }
        : { name: 'keyUsage', critical: true, digitalSignature: true, nonRepudiation: true },
    ]);
    c.sign(signingKey, forge.md.sha256.create());
    return c;
  };
  const caKey = rsaKey();
  const ca = cert('CA ngoài danh sách', caKey.publicPem, null, forgeKey(caKey.key), true);
  const leafKey = rsaKey();
  const leaf = cert('Người ký lạ', leafKey.publicPem, ca, forgeKey(caKey.key), false);
  return new TestToken(leafKey.key, forge.pki.certificateToPem(leaf), [
    forge.pki.certificateToPem(ca),
  ]);
}

let demoCaPem: string;
let token: TestToken;
let rawToken: TestToken;

async function issued(validity?: { notBefore: Date; notAfter: Date }) {
  const { key, publicPem } = rsaKey();
  const pem = await issueDemoPersonCertificate(db, systemActor('kiểm thử'), CA_PASSPHRASE, {
    commonName: 'Nguyễn Văn An',
    organisation: 'Sở Giáo dục và Đào tạo Thử Nghiệm',
    publicKeyPem: publicPem,
    ...(validity ? { validity } : {}),
  });
  return { key, pem };
}

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  for (const [unit, role, name] of [
    ['SGD', 'department_admin', 'giamdoc.sgd'],
    ['SGD', 'office_staff', 'vanthu.sgd'],
    ['THA', 'school_admin', 'hieutruong.a'],
  ] as const)
    await makeUser(db, ids[unit]!, role, name);
  app = await buildApp({ db, webDir: null, files: createFileStore(dir) });
  for (const name of ['giamdoc.sgd', 'vanthu.sgd', 'hieutruong.a'])
    as[name] = await signIn(app, name, PASSWORD);
  const person = await issued();
  token = new TestToken(person.key, person.pem);
  const ca = await db
    .selectFrom('office_certificate')
    .select('certificate_pem')
    .where('role', '=', 'ca')
    .executeTakeFirstOrThrow();
  demoCaPem = ca.certificate_pem;
  rawToken = new TestToken(person.key, person.pem, [demoCaPem], 'raw');
  const put = await app.inject({
    method: 'PUT',
    url: '/api/office/settings',
    headers: { cookie: as['giamdoc.sgd']!.cookie, 'x-csrf-token': as['giamdoc.sgd']!.csrfToken },
    payload: { abbreviation: 'SGDĐT', divisions: ['VP'] },
  });
  expect(put.statusCode, put.body).toBe(200);
});
afterAll(async () => {
  await app?.close();
  await close?.();
  rmSync(dir, { recursive: true, force: true });
});

async function newDocument(subject: string): Promise<string> {
  const r = await as['vanthu.sgd']!.send('POST', '/api/office/outgoing', {
    type: 'CV',
    subject,
    draftingUnit: 'VP',
    recipientIds: [],
    outsideRecipients: ['Ủy ban nhân dân tỉnh'],
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return (r.body as { id: string }).id;
}

async function prepare(
  who: string,
  id: string,
  pdf: Buffer,
  certificate?: string,
): Promise<{ status: number; body: SignPrepared & { detail?: string } }> {
  const boundary = `sogd-${randomBytes(6).toString('hex')}`;
  const parts: Buffer[] = [];
  if (certificate)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="certificate"\r\n\r\n${certificate}\r\n`,
      ),
    );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cong-van.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    pdf,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  const client = as[who];
  const r = await app.inject({
    method: 'POST',
    url: `/api/office/outgoing/${id}/sign/prepare`,
    headers: {
      ...(client ? { cookie: client.cookie, 'x-csrf-token': client.csrfToken } : {}),
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: Buffer.concat(parts),
  });
  return { status: r.statusCode, body: r.json() };
}

/** What the plug-in is given: the answer of prepare, decoded (it never sees the PDF's bytes). */
const requestOf = (p: SignPrepared): SignatureRequest => ({
  digestAlgorithm: 'SHA-256',
  digest: Buffer.from(p.digest, 'base64'),
  ...(p.signedAttributes ? { signedAttributes: Buffer.from(p.signedAttributes, 'base64') } : {}),
  signingTime: new Date(p.signingTime),
});

async function complete(who: string, id: string, prepareId: string, response: SignatureResponse) {
  const payload =
    'cms' in response
      ? { prepareId, cms: b64(response.cms) }
      : {
          prepareId,
          signature: b64(response.signature),
          certificates: response.certificates.map((c) => b64(c)),
        };
  const r = await as[who]!.send('POST', `/api/office/outgoing/${id}/sign/complete`, payload);
  return r as { status: number; body: OutgoingDetail & { detail?: string } };
}

async function signedPdfOf(id: string): Promise<Buffer> {
  const r = await app.inject({
    method: 'GET',
    url: `/api/office/outgoing/${id}/signed.pdf`,
    headers: { cookie: as['vanthu.sgd']!.cookie },
  });
  expect(r.statusCode).toBe(200);
  return r.rawPayload;
}

describe.skipIf(!existsSync(PDFSIG))('signing with a USB token or a remote service', () => {
  it('prepares, takes the CMS the token made over the digest, stores a PDF pdfsig reports valid, records the signer', async () => {
    const id = await newDocument('Về việc ký bằng thiết bị ký số');
    const input = await makePdf('Nội dung công văn ký bằng USB token. ');
    const prepared = await prepare('giamdoc.sgd', id, input);
    expect(prepared.status, JSON.stringify(prepared.body)).toBe(200);
    expect(prepared.body.digestAlgorithm).toBe('SHA-256');
    expect(prepared.body.signedAttributes).toBeNull();
    const [a, b, c, d] = prepared.body.byteRange;
    expect(a).toBe(0);
    expect(c).toBeGreaterThan(b);
    expect(d).toBeGreaterThan(0);

    const done = await complete(
      'giamdoc.sgd',
      id,
      prepared.body.prepareId,
      await token.sign(requestOf(prepared.body)),
    );
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.signedFile).not.toBeNull();
    const signed = await signedPdfOf(id);
    // Incremental: the input's bytes are kept.
    expect(signed.subarray(0, input.length).equals(input)).toBe(true);
    expect(done.body.signedFile!.sha256).toBe(createHash('sha256').update(signed).digest('hex'));
    // The byte range the token signed is the stored file's.
    const covered = Buffer.concat([signed.subarray(0, b), signed.subarray(c, c + d)]);
    expect(createHash('sha256').update(covered).digest('base64')).toBe(prepared.body.digest);
    const report = pdfsig(signed);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signer Certificate Common Name: Nguyễn Văn An');

    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('action', '=', 'office_sign')
      .execute();
    const entry = audit.find((r) => (r.after as { document?: string }).document === id);
    expect(entry?.after).toMatchObject({
      adapter: 'external',
      mode: 'cms',
      certificate: 'Nguyễn Văn An',
      output: done.body.signedFile!.sha256,
    });

    // Used once: completing again is refused, and a new prepare finds it signed.
    const again = await complete(
      'giamdoc.sgd',
      id,
      prepared.body.prepareId,
      await token.sign(requestOf(prepared.body)),
    );
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('đã dùng');
    expect((await prepare('giamdoc.sgd', id, input)).status).toBe(409);
  });

  it('assembles a raw signature over the signed attributes with the certificate chain', async () => {
    const id = await newDocument('Về việc ký bằng dịch vụ ký số từ xa');
    const prepared = await prepare(
      'giamdoc.sgd',
      id,
      await makePdf('Ký từ xa. '),
      rawToken.certificatePem,
    );
    expect(prepared.status, JSON.stringify(prepared.body)).toBe(200);
    const attrs = Buffer.from(prepared.body.signedAttributes!, 'base64');
    expect(attrs[0]).toBe(0x31);
    expect(createHash('sha256').update(attrs).digest('base64')).toBe(
      prepared.body.signedAttributesDigest,
    );
    const done = await complete(
      'giamdoc.sgd',
      id,
      prepared.body.prepareId,
      await rawToken.sign(requestOf(prepared.body)),
    );
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const report = pdfsig(await signedPdfOf(id));
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Total document signed');
  });

  it('takes the CMS of an ECDSA P-256 token once its CA is trusted; pdfsig reports it valid', async () => {
    const { token: ecdsa, caPem } = await ecdsaToken();
    const id = await newDocument('Về việc ký bằng khoá ECDSA');
    const pdf = await makePdf('Ký bằng khoá đường cong elliptic. ');
    // Before its CA is trusted: refused, nothing stored.
    let prepared = await prepare('giamdoc.sgd', id, pdf);
    expect(prepared.status, JSON.stringify(prepared.body)).toBe(200);
    const untrusted = await complete(
      'giamdoc.sgd',
      id,
      prepared.body.prepareId,
      await ecdsa.sign(requestOf(prepared.body)),
    );
    expect(untrusted.status).toBe(400);
    expect(untrusted.body.detail).toContain('không dẫn về chứng thư gốc tin cậy');

    const added = await as['giamdoc.sgd']!.send('POST', '/api/office/settings/trusted-roots', {
      certificate: caPem,
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    prepared = await prepare('giamdoc.sgd', id, pdf);
    expect(prepared.status, JSON.stringify(prepared.body)).toBe(200);
    const done = await complete(
      'giamdoc.sgd',
      id,
      prepared.body.prepareId,
      await ecdsa.sign(requestOf(prepared.body)),
    );
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const signed = await signedPdfOf(id);
    const report = pdfsig(signed);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signer Certificate Common Name: Trần Thị Bình');
    // The signer's key is an EC P-256 one (id-ecPublicKey, prime256v1).
    const leaf = pkijs.Certificate.fromBER(
      arrayBuffer(Buffer.from(ecdsa.certificatePem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64')),
    );
    expect(leaf.subjectPublicKeyInfo.algorithm.algorithmId).toBe('1.2.840.10045.2.1');
    expect(
      (
        leaf.subjectPublicKeyInfo.algorithm.algorithmParams as asn1js.ObjectIdentifier
      ).valueBlock.toString(),
    ).toBe('1.2.840.10045.3.1.7');
    // The server's own check of the stored file agrees.
    const roots = [caPem, demoCaPem];
    const check = await verifyPdfSignatures(signed, roots);
    expect(check.signatures.map((x) => x.status)).toEqual(['valid']);
    // A changed byte after signing: pdfsig and the server's check both see it.
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('/Producer');
    expect(at).toBeGreaterThan(0);
    tampered[at + 1] = tampered[at + 1]! ^ 0x01;
    expect(pdfsig(tampered)).not.toContain('Signature Validation: Signature is Valid.');
    expect((await verifyPdfSignatures(tampered, roots)).signatures[0]!.status).toBe('modified');

    // A raw signature needs an RSA key: an ECDSA certificate at prepare is refused clearly.
    const other = await newDocument('Về việc ký thô bằng khoá ECDSA');
    const raw = await prepare('giamdoc.sgd', other, pdf, ecdsa.certificatePem);
    expect(raw.status).toBe(400);
    expect(raw.body.detail).toContain('Chữ ký thô chỉ nhận khoá RSA');
  });

  it('refuses a signature over another digest, an untrusted or expired certificate, a stale or foreign prepare id, and stores nothing', async () => {
    const id = await newDocument('Về việc kiểm tra các trường hợp từ chối');
    const pdf = await makePdf('Từ chối. ');
    const prepared = await prepare('giamdoc.sgd', id, pdf);
    expect(prepared.status).toBe(200);
    const request = requestOf(prepared.body);

    // A CMS over another document's digest.
    const other = await token.sign({
      ...request,
      digest: createHash('sha256').update('văn bản khác').digest(),
    });
    const mismatch = await complete('giamdoc.sgd', id, prepared.body.prepareId, other);
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.detail).toContain('không khớp với văn bản đã chuẩn bị');

    // A certificate of a CA the department does not trust.
    const untrusted = await complete(
      'giamdoc.sgd',
      id,
      prepared.body.prepareId,
      await foreignToken().sign(request),
    );
    expect(untrusted.status).toBe(400);
    expect(untrusted.body.detail).toContain('không dẫn về chứng thư gốc tin cậy');

    // A certificate of the demo CA that has expired (valid within the CA's own validity).
    const caStart = forge.pki.certificateFromPem(demoCaPem).validity.notBefore.getTime();
    const old = await issued({
      notBefore: new Date(caStart + 1000),
      notAfter: new Date(caStart + 5000),
    });
    const expired = await complete(
      'giamdoc.sgd',
      id,
      prepared.body.prepareId,
      await new TestToken(old.key, old.pem).sign(request),
    );
    expect(expired.status).toBe(400);
    expect(expired.body.detail).toContain('hết hiệu lực');

    // A raw signature without a certificate sent at prepare.
    const raw = await complete('giamdoc.sgd', id, prepared.body.prepareId, {
      signature: randomBytes(256),
      certificates: [Buffer.from(token.certificatePem)],
    });
    expect(raw.status).toBe(400);

    // Someone else's prepare id (another signer of the unit), and another unit's caller.
    const good = await token.sign(request);
    expect((await complete('vanthu.sgd', id, prepared.body.prepareId, good)).status).toBe(404);
    expect((await complete('hieutruong.a', id, prepared.body.prepareId, good)).status).toBe(404);

    // Stale: past its time.
    await db
      .updateTable('office_sign_prepare')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', prepared.body.prepareId)
      .execute();
    const stale = await complete('giamdoc.sgd', id, prepared.body.prepareId, good);
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toContain('quá 10 phút');

    const row = await db
      .selectFrom('office_outgoing')
      .select('signed_file_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.signed_file_id).toBeNull();
  });

  it('answers an anonymous caller 401 before reading the body, and refuses what is not a PDF', async () => {
    const id = await newDocument('Về việc người chưa đăng nhập');
    const anonymous = await prepare('nobody', id, await makePdf('x'));
    expect(anonymous.status).toBe(401);
    const anonymousComplete = await app.inject({
      method: 'POST',
      url: `/api/office/outgoing/${id}/sign/complete`,
      payload: { nothing: true },
    });
    expect(anonymousComplete.statusCode).toBe(401);
    const notPdf = await prepare('giamdoc.sgd', id, Buffer.from('không phải PDF'.repeat(10)));
    expect(notPdf.status).toBe(400);
    const badCert = await prepare('giamdoc.sgd', id, await makePdf('y'), 'không phải chứng thư');
    expect(badCert.status).toBe(400);
  });
});
