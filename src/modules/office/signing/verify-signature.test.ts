import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scope } from '../../../core/access/scope.ts';
import { AppError } from '../../../core/errors.ts';
import { createFileStore, type FileStore } from '../../../core/files/store.ts';
import type { Role } from '../../../db/schema.ts';
import { systemActor } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { freshDatabase } from '../../../../test/helpers/db.ts';
import { makeTree, makeUser, SMALL_PROVINCE } from '../../../../test/helpers/fixtures.ts';
import { attachFile, type DocumentKind } from '../attach-file.ts';
import { getIncoming } from '../get-incoming.ts';
import type { UnitSigner } from '../keys.ts';
import { pdfSignatureReport } from '../contract.ts';
import { signPdf } from '../sign-pdf.ts';
import { registerIncoming } from '../register-incoming.ts';
import { signPdfBytes } from '../signing.ts';
import { trustedRootPems } from './repo.ts';
import { addTrustedRoot, listTrustedRoots, removeTrustedRoot } from './trusted-roots.ts';
import { pdfDate, verifyPdfSignatures } from './verify-signature.ts';

// The independent verifier: poppler's pdfsig (Debian's poppler-utils, installed by .ci/run).
const PDFSIG = '/usr/bin/pdfsig';
const PASSPHRASE = 'khoa-ky-van-ban-kiem-thu';
const system = { system: systemActor('kiểm thử xác minh chữ ký') };

let db: Db;
let close: () => Promise<void>;
let ids: Record<string, string>;
const dir = mkdtempSync(join(tmpdir(), 'sogd-verify-'));

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

function pdfsig(bytes: Buffer, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const r = spawnSync(PDFSIG, [file], { encoding: 'utf8' });
  if (r.error) throw r.error;
  return `${r.stdout}${r.stderr}`;
}

/** A CA and a signer certificate it issues, made here with node-forge (keys never leave the test). */
function foreignSigner(names: { ca: string; cn: string; o: string }): UnitSigner & {
  caPem: string;
} {
  const key = () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const k = forge.pki.privateKeyFromPem(
      privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    );
    return { privateKey: k, publicKey: forge.pki.setRsaPublicKey(k.n, k.e) };
  };
  const utf8 = forge.asn1.Type.UTF8 as unknown as number;
  const cert = (
    subject: { cn: string; o: string },
    publicKey: forge.pki.rsa.PublicKey,
    issuer: forge.pki.Certificate | null,
    signingKey: forge.pki.rsa.PrivateKey,
    ca: boolean,
  ) => {
    const c = forge.pki.createCertificate();
    c.publicKey = publicKey;
    c.serialNumber = `01${randomBytes(8).toString('hex')}`;
    c.validity.notBefore = new Date(Date.now() - 3600_000);
    c.validity.notAfter = new Date(Date.now() + 365 * 24 * 3600_000);
    const attrs = [
      { name: 'commonName', value: subject.cn, valueTagClass: utf8 },
      { name: 'organizationName', value: subject.o, valueTagClass: utf8 },
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
  const caKey = key();
  const caCert = cert({ cn: names.ca, o: names.ca }, caKey.publicKey, null, caKey.privateKey, true);
  const leafKey = key();
  const leaf = cert(
    { cn: names.cn, o: names.o },
    leafKey.publicKey,
    caCert,
    caKey.privateKey,
    false,
  );
  return {
    certificate: leaf,
    chain: [caCert],
    privateKey: leafKey.privateKey,
    subject: names.cn,
    caPem: forge.pki.certificateToPem(caCert),
  };
}

let files: FileStore;

async function userScope(unit: string, role: Role, username: string): Promise<Scope> {
  const id = await makeUser(db, ids[unit]!, role, username);
  const u = await db
    .selectFrom('orgs_unit_v')
    .select('path')
    .where('id', '=', ids[unit]!)
    .executeTakeFirstOrThrow();
  return new Scope({
    id,
    username,
    fullName: `Người dùng ${username}`,
    role,
    orgUnitId: ids[unit]!,
    orgPath: u.path,
  });
}

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  ({ db, close } = await freshDatabase());
  ids = await makeTree(db, SMALL_PROVINCE);
  files = createFileStore(join(dir, 'files'));
});
afterAll(async () => {
  await close?.();
  rmSync(dir, { recursive: true, force: true });
});

describe('verifying the signatures of a PDF (issue #17 item 5)', () => {
  let signed: Buffer;
  let inputLength: number;

  it('finds sogd’s own signature valid and trusted, as pdfsig does', async () => {
    const input = await makePdf('Công văn kiểm thử chữ ký số. ');
    inputLength = input.length;
    const before = Date.now();
    signed = (await signPdf(db, system, { unitId: ids.SGD!, pdf: input, passphrase: PASSPHRASE }))
      .pdf;
    const report = await verifyPdfSignatures(signed, await trustedRootPems(db));
    expect(report.status).toBe('valid');
    expect(report.revocationChecked).toBe(false);
    // Said in words too, in every answer: revocation is not known.
    expect(report.revocation).toContain('Không kiểm tra được tình trạng thu hồi');
    // A check stored before the sentence was added reads back with it.
    const stored: Partial<typeof report> = { ...report };
    delete stored.revocation;
    expect(pdfSignatureReport.parse(stored).revocation).toBe(report.revocation);
    expect(report.changedAfterLastSignature).toBe(false);
    expect(report.signatures).toHaveLength(1);
    const [s] = report.signatures;
    expect(s).toMatchObject({
      status: 'valid',
      signerName: 'Sở Giáo dục và Đào tạo Thử Nghiệm',
      organisation: 'Sở Giáo dục và Đào tạo Thử Nghiệm',
      issuerName: 'Sở Giáo dục và Đào tạo Thử Nghiệm — CA thử nghiệm',
      subFilter: 'ETSI.CAdES.detached',
      signingTimeSource: 'pdf',
      digestMatches: true,
      signatureVerified: true,
      coversWholeDocument: true,
      trusted: true,
      certificateValidAtSigning: true,
      problem: null,
    });
    // /M has whole seconds.
    const at = Date.parse(s!.signingTime!);
    expect(at).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(at).toBeLessThanOrEqual(Date.now());

    const poppler = pdfsig(signed, 'valid.pdf');
    expect(poppler).toContain('Signature Validation: Signature is Valid.');
    expect(poppler).toContain('Total document signed');
  });

  it('reports a PDF with one byte changed inside the signed range as changed after signing', async () => {
    const tampered = Buffer.from(signed);
    const at = Math.floor(inputLength / 2);
    tampered[at] = tampered[at] === 0x30 ? 0x31 : 0x30;
    const report = await verifyPdfSignatures(tampered, await trustedRootPems(db));
    expect(report.status).toBe('modified');
    expect(report.signatures[0]).toMatchObject({
      status: 'modified',
      digestMatches: false,
      // The signed attributes are untouched: the signature over them still holds.
      signatureVerified: true,
      coversWholeDocument: true,
    });
    expect(report.signatures[0]!.problem).toContain('Tài liệu đã bị sửa sau khi ký');
    expect(pdfsig(tampered, 'tampered.pdf')).not.toContain('Signature is Valid.');
  });

  it('reports bytes appended after the signature as a change after signing', async () => {
    const appended = Buffer.concat([signed, Buffer.from('\n% thêm sau khi ký\n%%EOF\n')]);
    const report = await verifyPdfSignatures(appended, await trustedRootPems(db));
    expect(report.status).toBe('modified');
    expect(report.changedAfterLastSignature).toBe(true);
    expect(report.signatures[0]).toMatchObject({ digestMatches: true, coversWholeDocument: false });
    expect(pdfsig(appended, 'appended.pdf')).toContain('Not total document signed');
  });

  it('reports a changed signature value as invalid', async () => {
    const broken = Buffer.from(signed);
    const contents = broken.indexOf('/Contents <', inputLength) + '/Contents <'.length;
    // Inside the CMS, near its end: the signature value (RSA 2048 = 512 hex
    // digits, the last field of the SignerInfo). The end is read from the DER's
    // own length (30 82 LL LL), not by looking for the zero padding: zeros may
    // occur inside the CMS too.
    const header = broken.toString('latin1', contents, contents + 8);
    expect(header.slice(0, 4).toUpperCase()).toBe('3082');
    const derEnd = contents + 2 * (4 + parseInt(header.slice(4, 8), 16));
    const at = derEnd - 40;
    // Another hex digit's value: not 'a' for 'A' (the hex is case-blind, and
    // that change left the signature intact one run in a few).
    broken[at] = parseInt(String.fromCharCode(broken[at]!), 16) === 0 ? 0x31 : 0x30;
    const report = await verifyPdfSignatures(broken, await trustedRootPems(db));
    expect(report.status).toBe('invalid');
    expect(report.signatures[0]!.signatureVerified).toBe(false);
    expect(pdfsig(broken, 'bad-value.pdf')).not.toContain('Signature is Valid.');
  });

  it('reports an unsigned PDF as having no signature', async () => {
    const report = await verifyPdfSignatures(await makePdf('Không ký. '), [
      ...(await trustedRootPems(db)),
    ]);
    expect(report).toMatchObject({
      status: 'none',
      signatures: [],
      changedAfterLastSignature: false,
    });
  });

  it('reports a signature by a CA not configured as intact but untrusted, then trusted once configured', async () => {
    const other = foreignSigner({
      ca: 'CA Ngoài Danh Sách',
      cn: 'Nguyễn Văn A',
      o: 'Trường THPT Lê Quý Đôn',
    });
    const signedElsewhere = await signPdfBytes(await makePdf('Văn bản của nơi khác. '), other, {
      name: 'Nguyễn Văn A',
      reason: 'Ký số văn bản',
      location: 'Việt Nam',
      signingTime: new Date(),
    });
    const roots = await trustedRootPems(db);
    const report = await verifyPdfSignatures(signedElsewhere, roots);
    expect(report.status).toBe('untrusted');
    expect(report.signatures[0]).toMatchObject({
      status: 'untrusted',
      signerName: 'Nguyễn Văn A',
      organisation: 'Trường THPT Lê Quý Đôn',
      issuerName: 'CA Ngoài Danh Sách',
      digestMatches: true,
      signatureVerified: true,
      coversWholeDocument: true,
      trusted: false,
    });
    expect(report.signatures[0]!.problem).toContain('Chứng thư không thuộc danh sách tin cậy');
    // pdfsig agrees the signature itself is valid.
    expect(pdfsig(signedElsewhere, 'untrusted.pdf')).toContain('Signature is Valid.');

    const configured = await verifyPdfSignatures(signedElsewhere, [...roots, other.caPem]);
    expect(configured.status).toBe('valid');
    // sogd's own signature does not chain to that other root alone.
    expect((await verifyPdfSignatures(signed, [other.caPem])).status).toBe('untrusted');
  });

  it('reads PDF dates with their offset', () => {
    expect(pdfDate("D:20261203143005+07'00'")?.toISOString()).toBe('2026-12-03T07:30:05.000Z');
    expect(pdfDate('D:20261203143005Z')?.toISOString()).toBe('2026-12-03T14:30:05.000Z');
    expect(pdfDate('khong phai ngay')).toBeNull();
  });
});

describe('incoming documents keep the check of their PDFs (issue #17 item 5)', () => {
  let clerk: Scope;
  let leader: Scope;
  let schoolAdmin: Scope;
  let otherClerk: Scope;
  const other = foreignSigner({
    ca: 'CA Nhà Cung Cấp Khác',
    cn: 'Trần Thị Bích',
    o: 'Sở Giáo dục và Đào tạo Tỉnh Bạn',
  });

  function attach(caller: Scope, kind: DocumentKind, id: string, bytes: Buffer, name: string) {
    return attachFile(db, caller, files, { kind, id }, async () => ({
      ...(await files.put(bytes, { maxBytes: 50 * 1024 * 1024 })),
      fileName: name,
      fields: {},
    }));
  }
  const signElsewhere = async (text: string) =>
    signPdfBytes(await makePdf(text), other, {
      name: 'Trần Thị Bích',
      reason: 'Ký số văn bản',
      location: 'Việt Nam',
      signingTime: new Date(),
    });

  beforeAll(async () => {
    clerk = await userScope('SGD', 'office_staff', 'vanthu.kyso');
    leader = await userScope('SGD', 'department_admin', 'giamdoc.kyso');
    schoolAdmin = await userScope('THA', 'school_admin', 'hieutruong.kyso');
    otherClerk = await userScope('THA', 'school_staff', 'vanthu.tha.kyso');
  });

  it('verifies each PDF on upload and shows the result on the document, within the unit only', async () => {
    const doc = await registerIncoming(db, clerk, {
      senderName: 'Sở Giáo dục và Đào tạo Tỉnh Bạn',
      notation: '12/SGDĐT-VP',
      type: 'CV',
      date: '2026-11-20',
      subject: 'Về việc phối hợp tổ chức kỳ thi',
    });
    const ours = (
      await signPdf(db, system, {
        unitId: ids.SGD!,
        pdf: await makePdf('Văn bản đã ký của Sở. '),
        passphrase: PASSPHRASE,
      })
    ).pdf;
    const tampered = Buffer.from(ours);
    tampered[200] = tampered[200] === 0x30 ? 0x31 : 0x30;
    const uploaded = {
      valid: await attach(clerk, 'incoming', doc.id, ours, 'da-ky.pdf'),
      modified: await attach(clerk, 'incoming', doc.id, tampered, 'bi-sua.pdf'),
      none: await attach(clerk, 'incoming', doc.id, await makePdf('Bản quét. '), 'quet.pdf'),
      untrusted: await attach(
        clerk,
        'incoming',
        doc.id,
        await signElsewhere('Văn bản tỉnh bạn. '),
        'tinh-ban.pdf',
      ),
    };
    const detail = await getIncoming(db, clerk, doc.id);
    const byFile = new Map(detail.signatureChecks.map((c) => [c.attachmentId, c]));
    for (const [status, row] of Object.entries(uploaded))
      expect(byFile.get(row.id)?.status, row.fileName).toBe(status);
    expect(byFile.get(uploaded.valid.id)!.signatures[0]).toMatchObject({
      signerName: 'Sở Giáo dục và Đào tạo Thử Nghiệm',
      trusted: true,
    });
    expect(byFile.get(uploaded.untrusted.id)!.signatures[0]).toMatchObject({
      signerName: 'Trần Thị Bích',
      organisation: 'Sở Giáo dục và Đào tạo Tỉnh Bạn',
      signatureVerified: true,
      digestMatches: true,
    });
    for (const c of detail.signatureChecks) {
      expect(c.revocationChecked).toBe(false);
      expect(c.revocation).toContain('Không kiểm tra được tình trạng thu hồi');
    }
    const stored = await db
      .selectFrom('office_signature_check')
      .select(['status', 'signature_count'])
      .where('document_id', '=', doc.id)
      .execute();
    expect(stored.map((r) => [r.status, r.signature_count]).sort()).toEqual([
      ['modified', 1],
      ['none', 0],
      ['untrusted', 1],
      ['valid', 1],
    ]);
    // Another unit learns nothing of the document or its checks.
    expect((await refusal(getIncoming(db, otherClerk, doc.id))).status).toBe(404);
  });

  it('lets the department trust another root: new uploads from it are valid', async () => {
    expect((await refusal(listTrustedRoots(db, schoolAdmin))).status).toBe(403);
    expect(
      (await refusal(addTrustedRoot(db, schoolAdmin, { certificate: other.caPem }))).status,
    ).toBe(403);
    expect((await refusal(listTrustedRoots(db, clerk))).status).toBe(403);
    // A signer's own certificate is not a CA.
    const leafPem = forge.pki.certificateToPem(other.certificate);
    const notCa = await refusal(addTrustedRoot(db, leader, { certificate: leafPem }));
    expect(notCa.status).toBe(400);
    expect(notCa.message).toContain('không phải chứng thư của tổ chức cung cấp dịch vụ');
    expect(
      (await refusal(addTrustedRoot(db, leader, { certificate: 'không phải chứng thư' }))).status,
    ).toBe(400);

    const list = await addTrustedRoot(db, leader, { certificate: other.caPem });
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ subject: 'CA Nhà Cung Cấp Khác' });
    expect((await refusal(addTrustedRoot(db, leader, { certificate: other.caPem }))).status).toBe(
      409,
    );

    const doc = await registerIncoming(db, clerk, {
      senderName: 'Sở Giáo dục và Đào tạo Tỉnh Bạn',
      notation: '13/SGDĐT-VP',
      type: 'CV',
      date: '2026-11-21',
      subject: 'Về việc trao đổi kinh nghiệm',
    });
    const row = await attach(clerk, 'incoming', doc.id, await signElsewhere('Lần hai. '), 'b.pdf');
    const detail = await getIncoming(db, clerk, doc.id);
    expect(detail.signatureChecks.find((c) => c.attachmentId === row.id)?.status).toBe('valid');

    const after = await removeTrustedRoot(db, leader, list.items[0]!.id);
    expect(after.items).toHaveLength(0);
    expect((await refusal(removeTrustedRoot(db, leader, list.items[0]!.id))).status).toBe(404);
    expect(
      (await verifyPdfSignatures(await signElsewhere('Lần ba. '), await trustedRootPems(db)))
        .status,
    ).toBe('untrusted');
    // Who trusted and removed what is in the audit log.
    const audited = await db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'office_trusted_root')
      .execute();
    expect(audited.length).toBeGreaterThanOrEqual(2);
  });
});
