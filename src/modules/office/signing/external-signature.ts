/**
 * Signing an outgoing document with the signer's own tool (issue #17 item
 * 5): Ban Cơ yếu's VGCA plug-in and USB token on the signer's machine, or a
 * remote signing service — an external SigningAdapter (adapter.ts). Two
 * steps (docs/office.md "Signing with a USB token"):
 *
 * 1. prepare: the server adds the signature dictionary to the PDF, writes
 *    the byte range and keeps the prepared file for PREPARE_MINUTES; the
 *    answer gives the byte range's SHA-256 (and, when the signer's
 *    certificate was sent, the signed attributes to sign raw) with a
 *    prepare id.
 * 2. complete: the tool's CMS (or raw signature and certificate chain) is
 *    put in the prepared file and checked as any received signature is
 *    (verify-signature.ts): it must cover the prepared digest, verify with
 *    the signer's certificate, chain to a trusted root (the department's CA
 *    and its configured roots) and the certificate must be valid at the
 *    signing time and now. Only then is the signed PDF stored (once, never
 *    altered) and the signer recorded. A prepare id is the preparer's own,
 *    used once, and stale after PREPARE_MINUTES.
 *
 * Decree 30/2020 Art. 13 (signing electronic documents) and Decree
 * 130/2018 (digital signatures; the certificate of a licensed provider or of
 * Ban Cơ yếu Chính phủ). Revocation (OCSP, CRL) is not checked: no network.
 */
import { createHash } from 'node:crypto';
import { badRequest, conflict, forbidden, notFound } from '../../../core/errors.ts';
import { recordAuditEvent, writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { isUuid, uuidv7 } from '../../../lib/ids.ts';
import { actorOf, requireOfficeUnit, type Caller } from '../caller.ts';
import type { OutgoingDetail, SignCompleteBody, SignPrepared } from '../contract.ts';
import { getOutgoing } from '../get-outgoing.ts';
import { iso } from '../present.ts';
import { findOutgoing, findUnit, insertFile, setSignedFile } from '../repo.ts';
import { MAX_DOCUMENT_BYTES } from '../sign-outgoing.ts';
import { embedSignature, preparePdf, UnreadablePdfError } from '../signing.ts';
import {
  cmsFromRawSignature,
  isRsaCertificate,
  parseCertificate,
  signedAttributesDer,
} from './adapter.ts';
import {
  findSignPrepare,
  insertSignPrepare,
  markSignPrepareUsed,
  trustedRootPems,
} from './repo.ts';
import { verifyPdfSignatures } from './verify-signature.ts';

/** How long a prepared PDF waits for its signature. */
export const PREPARE_MINUTES = 10;

function signerOf(caller: Caller): { userId: string; unitId: string } {
  if ('system' in caller) throw forbidden('Ký bằng thiết bị ký số cần người ký đăng nhập.');
  return { userId: caller.user.id, unitId: requireOfficeUnit(caller, 'office.sign') };
}

async function signableDocument(db: Db, unitId: string, id: string) {
  const doc = isUuid(id) ? await findOutgoing(db, id) : undefined;
  if (!doc || doc.unit_id !== unitId) throw notFound('văn bản đi');
  if (doc.status === 'withdrawn') throw conflict(`Văn bản ${doc.notation} đã thu hồi.`);
  if (doc.signed_file_id) throw conflict(`Văn bản ${doc.notation} đã được ký số.`);
  return doc;
}

export async function prepareExternalSignature(
  db: Db,
  caller: Caller,
  id: string,
  input: {
    /** Read only after the access check. */
    upload: () => Promise<{ pdf: Buffer; fileName: string; certificate: Buffer | null }>;
    now?: Date;
  },
): Promise<SignPrepared> {
  const { userId, unitId } = signerOf(caller);
  const doc = await signableDocument(db, unitId, id);
  const upload = await input.upload();
  if (upload.pdf.length > MAX_DOCUMENT_BYTES) throw badRequest('Tệp lớn quá 50 MB.');
  const certificate = upload.certificate ? parseCertificate(upload.certificate) : null;
  if (upload.certificate && !certificate)
    throw badRequest('Không đọc được chứng thư của người ký (cần PEM hoặc DER).');
  if (certificate && !isRsaCertificate(certificate))
    throw badRequest('Chữ ký thô chỉ nhận khoá RSA; với khoá khác, hãy gửi chữ ký CMS.');
  const unit = (await findUnit(db, unitId))!;
  // The dictionary's /M keeps whole seconds.
  const signingTime = new Date(Math.floor((input.now ?? new Date()).getTime() / 1000) * 1000);
  let prepared;
  try {
    prepared = preparePdf(upload.pdf, {
      name: unit.name,
      reason: `Ký số văn bản ${doc.notation}`,
      location: 'Việt Nam',
      signingTime,
    });
  } catch (error) {
    if (error instanceof UnreadablePdfError) throw badRequest(error.message);
    throw error;
  }
  const signedAttributes = certificate ? signedAttributesDer(prepared.digest, certificate) : null;
  const prepareId = uuidv7();
  const expiresAt = new Date(signingTime.getTime() + PREPARE_MINUTES * 60_000);
  const actor = actorOf(caller);
  await writeTransaction(db, actor, async (tx) => {
    await insertSignPrepare(tx, {
      id: prepareId,
      unit_id: unitId,
      document_id: doc.id,
      user_id: userId,
      file_name: upload.fileName,
      pdf: prepared.pdf,
      byte_range: prepared.byteRange.join(' '),
      digest: prepared.digest.toString('hex'),
      certificate_pem: certificate
        ? `-----BEGIN CERTIFICATE-----\n${Buffer.from(certificate.toSchema().toBER()).toString('base64')}\n-----END CERTIFICATE-----\n`
        : null,
      signed_attributes: signedAttributes,
      signing_time: signingTime,
      expires_at: expiresAt,
      used_at: null,
    });
    await recordAuditEvent(tx, actor, {
      action: 'office_sign_prepare',
      entityType: 'office_outgoing',
      entityId: doc.id,
      unitId,
      after: {
        prepareId,
        input: createHash('sha256').update(upload.pdf).digest('hex'),
        digest: prepared.digest.toString('hex'),
      },
    });
  });
  return {
    prepareId,
    digestAlgorithm: 'SHA-256',
    digest: prepared.digest.toString('base64'),
    byteRange: prepared.byteRange,
    signingTime: signingTime.toISOString(),
    expiresAt: expiresAt.toISOString(),
    signedAttributes: signedAttributes?.toString('base64') ?? null,
    signedAttributesDigest: signedAttributes
      ? createHash('sha256').update(signedAttributes).digest('base64')
      : null,
  };
}

/** Why a returned signature is refused, by the verifier's status. */
const REFUSALS = {
  invalid: 'Chữ ký không hợp lệ: không kiểm tra được bằng chứng thư của người ký.',
  modified: 'Chữ ký không khớp với văn bản đã chuẩn bị: mã băm được ký khác mã băm của vùng ký.',
  untrusted: 'Chứng thư của người ký không dẫn về chứng thư gốc tin cậy nào của Sở.',
  expired: 'Chứng thư của người ký hết hiệu lực hoặc chưa có hiệu lực.',
} as const;

export async function completeExternalSignature(
  db: Db,
  caller: Caller,
  id: string,
  body: SignCompleteBody,
  now: Date = new Date(),
): Promise<OutgoingDetail> {
  const { userId, unitId } = signerOf(caller);
  const doc = isUuid(id) ? await findOutgoing(db, id) : undefined;
  if (!doc || doc.unit_id !== unitId) throw notFound('văn bản đi');
  const prepare = await findSignPrepare(db, body.prepareId);
  // Another person's, or another document's: as if it did not exist.
  if (!prepare || prepare.document_id !== doc.id || prepare.user_id !== userId)
    throw notFound('lần chuẩn bị ký');
  if (prepare.used_at) throw conflict('Lần chuẩn bị ký này đã dùng: hãy chuẩn bị ký lại.');
  if (prepare.expires_at.getTime() < now.getTime())
    throw conflict(`Lần chuẩn bị ký đã quá ${PREPARE_MINUTES} phút: hãy chuẩn bị ký lại.`);
  await signableDocument(db, unitId, id);

  const digest = Buffer.from(prepare.digest, 'hex');
  let cms: Buffer;
  if (body.cms !== undefined) cms = Buffer.from(body.cms, 'base64');
  else {
    if (!prepare.signed_attributes || !prepare.certificate_pem)
      throw badRequest(
        'Chữ ký thô cần chứng thư của người ký gửi ở bước chuẩn bị ký; hãy chuẩn bị lại kèm chứng thư, hoặc gửi chữ ký CMS.',
      );
    const certificates = (body.certificates ?? []).map((text, i) => {
      const parsed = parseCertificate(
        text.includes('-----BEGIN') ? Buffer.from(text, 'latin1') : Buffer.from(text, 'base64'),
      );
      if (!parsed)
        throw badRequest(`Chứng thư thứ ${i + 1} không đọc được (cần PEM hoặc DER base64).`);
      return parsed;
    });
    const prepared = parseCertificate(Buffer.from(prepare.certificate_pem, 'latin1'))!;
    const same = Buffer.from(certificates[0]!.toSchema().toBER()).equals(
      Buffer.from(prepared.toSchema().toBER()),
    );
    if (!same) throw badRequest('Chứng thư người ký khác chứng thư đã gửi ở bước chuẩn bị ký.');
    const signedAttributes = signedAttributesDer(digest, prepared);
    if (!signedAttributes.equals(Buffer.from(prepare.signed_attributes)))
      throw new Error('Thuộc tính ký dựng lại khác bản đã chuẩn bị.');
    cms = cmsFromRawSignature(digest, Buffer.from(body.signature!, 'base64'), certificates);
  }

  const byteRange = prepare.byte_range.split(' ').map(Number) as [number, number, number, number];
  let signed: Buffer;
  try {
    signed = embedSignature({ pdf: Buffer.from(prepare.pdf), byteRange }, cms);
  } catch (error) {
    if (error instanceof UnreadablePdfError) throw badRequest(error.message);
    throw error;
  }
  const report = await verifyPdfSignatures(signed, await trustedRootPems(db), now);
  const mine = report.signatures.at(-1);
  if (!mine) throw badRequest(REFUSALS.invalid);
  if (mine.status !== 'valid') throw badRequest(REFUSALS[mine.status]);
  // Valid at the signing time is checked by the verifier; the server signs now.
  if (new Date(mine.notAfter!) < now || new Date(mine.notBefore!) > now)
    throw badRequest(REFUSALS.expired);

  const fileId = uuidv7();
  const sha256 = createHash('sha256').update(signed).digest('hex');
  const actor = actorOf(caller);
  await writeTransaction(db, actor, async (tx) => {
    if (!(await markSignPrepareUsed(tx, prepare.id)))
      throw conflict('Lần chuẩn bị ký này đã dùng: hãy chuẩn bị ký lại.');
    await insertFile(tx, {
      id: fileId,
      unit_id: unitId,
      file_name: prepare.file_name.replace(/\.pdf$/i, '') + '.signed.pdf',
      media_type: 'application/pdf',
      size: signed.length,
      sha256,
      bytes: signed,
    });
    if (!(await setSignedFile(tx, doc.id, fileId)))
      throw conflict(`Văn bản ${doc.notation} đã được ký số.`);
    await recordAuditEvent(tx, actor, {
      action: 'office_sign',
      entityType: 'office_file',
      entityId: sha256,
      unitId,
      after: {
        document: doc.id,
        prepareId: prepare.id,
        adapter: 'external',
        mode: body.cms !== undefined ? 'cms' : 'raw',
        output: sha256,
        certificate: mine.signerName,
        organisation: mine.organisation,
        issuer: mine.issuerName,
        serialNumber: mine.serialNumber,
        signingTime: iso(prepare.signing_time),
      },
    });
  });
  return getOutgoing(db, caller, id);
}
