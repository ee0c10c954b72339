import type { Scope } from '../../core/access/scope.ts';
import { AppError } from '../../core/errors.ts';
import type { ReceivedUpload } from '../../core/files/upload.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { requireCycle, requireEditable } from './access.ts';
import type { EvidenceItem } from './contract.ts';
import { checkEvidenceFields, recordEvidence } from './evidence-record.ts';
import { getCycle } from './get-cycle.ts';
import { bumpCycle, lockCycle, schoolEvidenceUsage } from './repo.ts';

/** Evidence files are at most 50 MB each (issue #18, scale). */
export const MAX_EVIDENCE_BYTES = 50 * 1024 * 1024;
/** A school's evidence files take at most 5 GB in the store (issue #18, scale). */
export const SCHOOL_EVIDENCE_QUOTA_BYTES = 5 * 1024 ** 3;

const size = (bytes: number) =>
  bytes >= 1024 ** 3
    ? `${(bytes / 1024 ** 3).toLocaleString('vi-VN', { maximumFractionDigits: 2 })} GB`
    : bytes >= 1024 ** 2
      ? `${(bytes / 1024 ** 2).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`
      : `${bytes.toLocaleString('vi-VN')} byte`;

function overQuota(used: number, adding: number, quota: number): AppError {
  return new AppError(
    413,
    'Vượt dung lượng minh chứng của trường',
    adding > 0
      ? `Trường đã dùng ${size(used)} trên ${size(quota)} dung lượng minh chứng; tệp này (${size(adding)}) sẽ vượt hạn mức. Chưa lưu gì: hãy thay tệp lớn bằng đường dẫn hoặc bỏ bớt minh chứng không dùng.`
      : `Trường đã dùng hết ${size(used)} trên ${size(quota)} dung lượng minh chứng. Chưa lưu gì: hãy thay tệp lớn bằng đường dẫn hoặc bỏ bớt minh chứng không dùng.`,
    [{ path: 'file', message: `Đã dùng ${size(used)} / ${size(quota)}.` }],
  );
}

/**
 * An evidence file: the caller's access is checked before the upload is
 * received (`receive` streams it into the file store by SHA-256: stored once
 * however many criteria cite it), then its fields (sent before the file in the
 * multipart form) are checked and its code taken.
 */
export async function addFileEvidence(
  db: Db,
  scope: Scope,
  input: {
    cycleId: string;
    receive: () => Promise<ReceivedUpload>;
    /** The school's quota (tests set a small one). */
    quotaBytes?: number;
  },
): Promise<EvidenceItem> {
  const quota = input.quotaBytes ?? SCHOOL_EVIDENCE_QUOTA_BYTES;
  const { cycle, campaign, set } = await requireCycle(
    db,
    scope,
    input.cycleId,
    'accreditation.assess',
  );
  requireEditable(cycle.status);
  // Refused before the upload when the quota is already used up.
  const before = await schoolEvidenceUsage(db, cycle.school_id, '');
  if (before.bytes >= quota) throw overQuota(before.bytes, 0, quota);
  const upload = await input.receive();
  const f = upload.fields;
  const fields = checkEvidenceFields(set, {
    title: f.title ?? upload.fileName,
    criterionCode: f.criterionCode ?? '',
    box: f.box ? Number(f.box) : undefined,
    issuer: f.issuer ?? null,
    issuedOn: f.issuedOn ?? null,
  });
  const { id } = await writeTransaction(db, scope.actor, async (tx) => {
    const locked = await lockCycle(tx, input.cycleId);
    requireEditable(locked!.status);
    // A file the school already holds takes no more room (it is stored once).
    // The bytes received stay in the content-addressed store, which another
    // school may share: they are not deleted here.
    const usage = await schoolEvidenceUsage(tx, cycle.school_id, upload.sha256);
    if (!usage.held && usage.bytes + upload.size > quota)
      throw overQuota(usage.bytes, upload.size, quota);
    const recorded = await recordEvidence(tx, scope, campaign, input.cycleId, fields, {
      kind: 'file',
      sha256: upload.sha256,
      size: upload.size,
      fileName: upload.fileName,
      mediaType: upload.sniffedType ?? 'application/octet-stream',
    });
    await bumpCycle(tx, input.cycleId);
    return recorded;
  });
  return (await getCycle(db, scope, input.cycleId)).evidence.find((e) => e.id === id)!;
}
