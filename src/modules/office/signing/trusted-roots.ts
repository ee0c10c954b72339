/**
 * The root certificates the department trusts for verifying signatures,
 * besides the CA the office made for it (issue #17 item 5): for example the
 * root CA of the national digital signature service (Ban Cơ yếu Chính phủ,
 * Decree 130/2018/NĐ-CP) or of a licensed provider. Managed by the
 * department only (its `office.settings` holders); a school or a division
 * answers 403. Every change is audited (table trigger).
 */
import { createHash, X509Certificate } from 'node:crypto';
import { badRequest, conflict, forbidden, notFound } from '../../../core/errors.ts';
import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { isUuid, uuidv7 } from '../../../lib/ids.ts';
import { actorOf, requireOfficeUnit, type Caller } from '../caller.ts';
import { trustedRootBody, type TrustedRootBody, type TrustedRootList } from '../contract.ts';
import { iso } from '../present.ts';
import { rootUnitId } from '../repo.ts';
import {
  findTrustedRootBySha,
  insertTrustedRoot,
  listTrustedRoots as listRows,
  removeTrustedRoot as removeRow,
  restoreTrustedRoot,
} from './repo.ts';
import { certificateNames } from './verify-signature.ts';

async function requireDepartment(db: Db, caller: Caller, unitId?: string): Promise<string> {
  const unit = requireOfficeUnit(caller, 'office.settings', unitId);
  if (unit !== (await rootUnitId(db)))
    throw forbidden('Chỉ Sở (đơn vị gốc) cấu hình danh sách chứng thư gốc tin cậy.');
  return unit;
}

export async function listTrustedRoots(
  db: Db,
  caller: Caller,
  unitId?: string,
): Promise<TrustedRootList> {
  await requireDepartment(db, caller, unitId);
  const rows = await listRows(db);
  return {
    items: rows.map((r) => ({
      id: r.id,
      subject: r.subject,
      sha256: r.sha256,
      notAfter: iso(r.not_after)!,
      addedBy: r.added_by,
      createdAt: iso(r.created_at)!,
    })),
  };
}

/** The DER of one certificate given as PEM or as base64 DER; a clear error otherwise. */
function certificateDer(text: string): Buffer {
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  if (blocks && blocks.length > 1)
    throw badRequest('Mỗi lần chỉ thêm một chứng thư gốc (tệp có nhiều chứng thư).');
  const base64 = (blocks?.[0] ?? text).replace(/-----[A-Z ]+-----|\s/g, '');
  if (!/^[A-Za-z0-9+/]+=*$/.test(base64))
    throw badRequest(
      'Chứng thư gốc phải ở dạng PEM (-----BEGIN CERTIFICATE-----) hoặc DER base64.',
    );
  return Buffer.from(base64, 'base64');
}

export async function addTrustedRoot(
  db: Db,
  caller: Caller,
  input: TrustedRootBody & { unitId?: string },
): Promise<TrustedRootList> {
  const unitId = await requireDepartment(db, caller, input.unitId);
  const der = certificateDer(trustedRootBody.parse(input).certificate);
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(der);
  } catch {
    throw badRequest('Không đọc được chứng thư gốc: nội dung không phải chứng thư X.509.');
  }
  if (!x509.ca)
    throw badRequest(
      'Chứng thư này không phải chứng thư của tổ chức cung cấp dịch vụ chứng thực (CA): không thêm làm gốc tin cậy.',
    );
  const notAfter = new Date(x509.validTo);
  if (notAfter < new Date())
    throw badRequest(`Chứng thư gốc đã hết hạn từ ${notAfter.toLocaleDateString('vi-VN')}.`);
  const names = certificateNames(der);
  const subject = names.commonName ?? names.organisation ?? x509.subject;
  const sha256 = createHash('sha256').update(der).digest('hex');
  const pem = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
  const actor = actorOf(caller);
  await writeTransaction(db, actor, async (tx) => {
    const existing = await findTrustedRootBySha(tx, sha256);
    if (existing && !existing.removed_at)
      throw conflict('Chứng thư gốc này đã có trong danh sách tin cậy.');
    if (existing) await restoreTrustedRoot(tx, existing.id);
    else
      await insertTrustedRoot(tx, {
        id: uuidv7(),
        unit_id: unitId,
        subject,
        sha256,
        certificate_pem: pem.replace(/\n\n/g, '\n'),
        not_after: notAfter,
        added_by: actor.name,
        removed_at: null,
      });
  });
  return listTrustedRoots(db, caller, input.unitId);
}

/** Removes a root from the list (kept as a row, marked removed: the audit shows who trusted what when). */
export async function removeTrustedRoot(
  db: Db,
  caller: Caller,
  id: string,
  unitId?: string,
): Promise<TrustedRootList> {
  await requireDepartment(db, caller, unitId);
  const removed = isUuid(id)
    ? await writeTransaction(db, actorOf(caller), (tx) => removeRow(tx, id))
    : false;
  if (!removed) throw notFound('chứng thư gốc');
  return listTrustedRoots(db, caller, unitId);
}
